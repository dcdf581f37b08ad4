/**
 * Texts that depend on a count ("1 unread message", "2 unread messages"), written as the plural
 * forms of their language and chosen by `Intl.PluralRules`, so a language with other rules than
 * English (one form for every count, or extra forms for "few") needs no code. Small: the
 * launcher's unread label uses it, in the script every page loads.
 */

/** A text in each plural form its language needs (`Intl.PluralRules` categories); `other` always. */
export type PluralText = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** The form of `text` for `count` in `locale` ("en", "sv"), with `{COUNT}` filled in. */
export const pluralText = (locale: string, text: PluralText, count: number): string =>
  (text[new Intl.PluralRules(locale).select(count)] ?? text.other).replace(
    '{COUNT}',
    String(count),
  );
