/**
 * The few strings the launcher needs before the rest of the chat is loaded, kept apart from the
 * full string tables so the first script stays small. Same `{COUNT}` placeholder as elsewhere.
 */
import type { PluralText } from './plural.js';

export interface LauncherStrings {
  /** The language of these strings, for `Intl` ("sv" for `lang="sv-SE"`). */
  locale: string;
  open: string;
  close: string;
  /** The launcher's label while messages are unread (see plural.ts). */
  unread: PluralText;
}

const launcherStrings: Record<string, LauncherStrings> = {
  en: {
    locale: 'en',
    open: 'Open chat',
    close: 'Close chat',
    unread: { one: '{COUNT} unread message', other: '{COUNT} unread messages' },
  },
  sv: {
    locale: 'sv',
    open: 'Öppna chatten',
    close: 'Stäng chatten',
    unread: { one: '{COUNT} oläst meddelande', other: '{COUNT} olästa meddelanden' },
  },
};

/** The primary language subtag, lower case: "sv-SE" → "sv". */
export const primaryTag = (lang: string | null | undefined): string =>
  (lang ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';

/** Launcher strings for a `lang` value ("sv-SE" → Swedish); English when unknown. */
export function launcherStringsFor(lang: string | null | undefined): LauncherStrings {
  return launcherStrings[primaryTag(lang)] ?? (launcherStrings.en as LauncherStrings);
}
