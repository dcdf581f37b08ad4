/**
 * Strings of the leave-a-message view (closed area, no agent, full queue). They live here rather
 * than in en.ts/sv.ts because the view loads lazily: its words load with it, not with every chat.
 * Placeholders as in en.ts (`formatString`).
 */
export const leaveMessageEn = {
  /** Shown above the form. */
  leaveTitle: 'Leave us a message',
  leaveIntro: 'We reply by e-mail, usually within one working day.',
  messageLabel: 'Your message',
  messageRequired: 'Please write your message.',
  send: 'Send message',
  sending: 'Sending…',
  sentTitle: 'Thank you, we have your message',
  sentText: 'We will reply to {EMAIL}, usually within one working day. You can close this window.',
  sendFailed: 'Your message could not be sent. Please try again.',
  tooMany: 'Too many messages from your network. Please try again in a minute.',
  opensToday: 'Opens today at {TIME}.',
  opensTomorrow: 'Opens tomorrow at {TIME}.',
  opensOn: 'Opens {DAY} at {TIME}.',
  /** Under the list of hours. */
  timesIn: 'Times in your time zone ({ZONE}).',
  checking: 'Checking…',
};

export type LeaveMessageStrings = typeof leaveMessageEn;

const leaveMessageSv: LeaveMessageStrings = {
  leaveTitle: 'Lämna ett meddelande',
  leaveIntro: 'Vi svarar via e-post, oftast inom en arbetsdag.',
  messageLabel: 'Ditt meddelande',
  messageRequired: 'Skriv ditt meddelande.',
  send: 'Skicka meddelande',
  sending: 'Skickar…',
  sentTitle: 'Tack, vi har fått ditt meddelande',
  sentText: 'Vi svarar till {EMAIL}, oftast inom en arbetsdag. Du kan stänga fönstret.',
  sendFailed: 'Meddelandet kunde inte skickas. Försök igen.',
  tooMany: 'För många meddelanden från ditt nätverk. Försök igen om en minut.',
  opensToday: 'Öppnar i dag kl. {TIME}.',
  opensTomorrow: 'Öppnar i morgon kl. {TIME}.',
  opensOn: 'Öppnar på {DAY} kl. {TIME}.',
  timesIn: 'Tider i din tidszon ({ZONE}).',
  checking: 'Kontrollerar…',
};

/** The table for a widget locale ("en", "sv"); English for any other. */
export const leaveMessageStrings = (locale: string): LeaveMessageStrings =>
  locale === 'sv' ? leaveMessageSv : leaveMessageEn;
