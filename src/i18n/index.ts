/**
 * Picks the widget's strings for a `lang` attribute value ("sv", "sv-SE", "en-GB" …), falling back
 * to English, fills `{PLACEHOLDER}`s, and (re-exported) picks plural forms and formats file sizes.
 */
import { en, enSystemTexts, type WidgetStrings } from './en.js';
import { primaryTag } from './launcher.js';
import { sv, svSystemTexts } from './sv.js';

export type { WidgetStrings };
export { formatFileSize } from './file-size.js';
export { pluralText, type PluralText } from './plural.js';

const languages: Record<string, { strings: WidgetStrings; systemTexts?: Record<string, string> }> =
  {
    en: { strings: en, systemTexts: enSystemTexts },
    sv: { strings: sv, systemTexts: svSystemTexts },
  };

/** Strings for a language tag; English when the language is unknown or empty. */
export function stringsFor(lang: string | undefined): WidgetStrings {
  return languages[primaryTag(lang)]?.strings ?? en;
}

/** The Chat API's system texts for a language as the visitor reads them (English when unknown). */
export function systemTextsFor(lang: string | undefined): Record<string, string> | undefined {
  return (languages[primaryTag(lang)] ?? languages.en)?.systemTexts;
}

/** Replaces `{NAME}`-style placeholders; unknown placeholders stay visible so mistakes show. */
export function formatString(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{([A-Z_]+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}
