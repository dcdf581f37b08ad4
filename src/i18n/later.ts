/**
 * Strings of the widget's parts that load later than the panel, in every language the widget
 * ships: the tab title while messages are unread (attention.ts), the rating after a chat
 * (rating/) and the library's answers while the visitor types a question (library-answers/). Kept apart from the panel's tables (en.ts, sv.ts) for the same reason as
 * launcher.ts: they travel with the code that shows them, so opening a chat does not pay for
 * them. Adding a language means adding it here as well; English is the fallback.
 */
import { primaryTag } from './launcher.js';
import type { PluralText } from './plural.js';

const english = {
  locale: 'en',
  /** `{TITLE}` is the page's own title. */
  titleUnread: {
    one: '({COUNT}) New message · {TITLE}',
    other: '({COUNT}) New messages · {TITLE}',
  } as PluralText,
  ratingLegend: 'How was the chat?',
  ratingScale: '1 star is poor, 5 stars is excellent.',
  ratingStars: { one: '{COUNT} star', other: '{COUNT} stars' } as PluralText,
  ratingComment: 'Comment (optional)',
  ratingSend: 'Send rating',
  ratingSending: 'Sending…',
  ratingChoose: 'Please choose from 1 to 5 stars.',
  ratingThanks: 'Thank you for your rating.',
  ratingFailed: 'The rating could not be sent. Please try again.',
  answersHeading: 'Answers that may help',
  answersFound: {
    one: '{COUNT} answer from our help pages may help.',
    other: '{COUNT} answers from our help pages may help.',
  } as PluralText,
  answerSource: 'From our help pages',
  answerHelped: 'This answered my question',
  answerStillChat: 'Still start a chat',
  answerThanks: 'Glad we could help.',
  answerBack: 'Ask another question',
};

export type LaterStrings = typeof english;

const languages: Record<string, LaterStrings> = {
  en: english,
  sv: {
    locale: 'sv',
    titleUnread: {
      one: '({COUNT}) Nytt meddelande · {TITLE}',
      other: '({COUNT}) Nya meddelanden · {TITLE}',
    },
    ratingLegend: 'Hur var chatten?',
    ratingScale: '1 stjärna är dåligt, 5 stjärnor är utmärkt.',
    ratingStars: { one: '{COUNT} stjärna', other: '{COUNT} stjärnor' },
    ratingComment: 'Kommentar (valfritt)',
    ratingSend: 'Skicka betyget',
    ratingSending: 'Skickar…',
    ratingChoose: 'Välj från 1 till 5 stjärnor.',
    ratingThanks: 'Tack för ditt betyg.',
    ratingFailed: 'Betyget kunde inte skickas. Försök igen.',
    answersHeading: 'Svar som kan hjälpa',
    // "svar" is the same word in the singular and the plural.
    answersFound: { other: '{COUNT} svar från våra hjälpsidor kan hjälpa.' },
    answerSource: 'Från våra hjälpsidor',
    answerHelped: 'Det här besvarade min fråga',
    answerStillChat: 'Starta en chatt ändå',
    answerThanks: 'Vad bra att vi kunde hjälpa till.',
    answerBack: 'Ställ en annan fråga',
  },
};

/** The later strings for a table's `locale` ("en", "sv") or a `lang` value; English when unknown. */
export const laterStringsFor = (lang: string | undefined): LaterStrings =>
  languages[primaryTag(lang)] ?? english;
