/**
 * The few strings the launcher needs before the rest of the chat is loaded, kept apart from the
 * full string tables so the first script stays small. Same `{COUNT}` placeholder as elsewhere.
 */
export interface LauncherStrings {
  open: string;
  close: string;
  unread: string;
}

const launcherStrings: Record<string, LauncherStrings> = {
  en: { open: 'Open chat', close: 'Close chat', unread: '{COUNT} unread messages' },
  sv: { open: 'Öppna chatten', close: 'Stäng chatten', unread: '{COUNT} olästa meddelanden' },
};

/** The primary language subtag, lower case: "sv-SE" → "sv". */
export const primaryTag = (lang: string | null | undefined): string =>
  (lang ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';

/** Launcher strings for a `lang` value ("sv-SE" → Swedish); English when unknown. */
export function launcherStringsFor(lang: string | null | undefined): LauncherStrings {
  return launcherStrings[primaryTag(lang)] ?? (launcherStrings.en as LauncherStrings);
}
