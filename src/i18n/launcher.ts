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

/** Launcher strings for a `lang` value ("sv-SE" → Swedish); English when unknown. */
export function launcherStringsFor(lang: string | null | undefined): LauncherStrings {
  const primary = (lang ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return launcherStrings[primary] ?? (launcherStrings.en as LauncherStrings);
}
