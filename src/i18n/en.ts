/**
 * English strings of the widget: the reference language. Every other language implements the same
 * `WidgetStrings` shape, so a missing translation is a type error, not a blank button.
 * Placeholders in braces (`{NAME}`) are filled by `formatString`; texts that depend on a count are
 * plural forms (`PluralText`), which `pluralText` picks with `Intl.PluralRules`.
 */
import type { PluralText } from './plural.js';

export const en = {
  /** The language of this table, for `Intl` (plural rules, file sizes). */
  locale: 'en',
  // The launcher's own few strings are in launcher.ts: they load with the first script.
  panelTitle: 'Chat',
  minimise: 'Minimise chat',
  endChat: 'End chat',
  loading: 'Loading…',
  reconnecting: 'Connection lost. Reconnecting…',
  offline: 'You are offline. Messages will be sent when you are back online.',

  // Start form
  startIntro: 'Ask us anything. An agent will answer you here.',
  /** Where a robot answers first (`canChat.robotFirst`): the visitor knows who they talk to. */
  startIntroRobot:
    'Ask us anything. Our automated assistant answers first and can pass you on to a person.',
  closedTitle: 'The chat is closed right now',
  closedHours: 'Opening hours:',
  noAgentsTitle: 'All our agents are busy',
  noAgentsText: 'Please try again in a little while.',
  queueFullTitle: 'The queue is full',
  queueFullText: 'Many people are waiting right now. Please try again later.',
  tooManyChatsText: 'Too many chats from your network. Please try again in a minute.',
  unavailableTitle: 'The chat is not available',
  nameLabel: 'Name',
  emailLabel: 'Email',
  questionLabel: 'Your question',
  requiredHint: 'All fields are required.',
  nameRequired: 'Please enter your name.',
  emailRequired: 'Please enter your email address.',
  emailInvalid: 'Please enter a valid email address, like name@example.com.',
  questionRequired: 'Please write your question.',
  // A signed-in visitor (visitor token): name and email come from the site's sign-in.
  chattingAs: 'You are chatting as {NAME}.',
  identityExpired: 'Your sign-in has expired. You can chat as a guest instead.',
  identityRefused: 'We could not confirm your sign-in. You can chat as a guest instead.',
  formErrorSummary: {
    one: 'Please correct {COUNT} field.',
    other: 'Please correct {COUNT} fields.',
  } as PluralText,
  startChat: 'Start chat',
  checkAgain: 'Check again',

  // Queue
  queueTitle: 'Waiting for an agent',
  queuePosition: 'You are number {POSITION} in the queue.',
  queueNext: 'You are next in the queue.',
  queueWait: 'Estimated wait: about {MINUTES} min.',
  queueWaitShort: 'Estimated wait: less than a minute.',

  // Messages
  messagesLabel: 'Chat messages',
  you: 'You',
  agent: 'Agent',
  system: 'System',
  sending: 'Sending…',
  sent: 'Sent',
  seen: 'Seen by agent',
  failed: 'Not sent.',
  retry: 'Retry',
  // Why a message was not sent (after "Not sent."), from the server's error code.
  failedTooLarge: 'It is too large to send.',
  failedRefused: 'The server refused it: at most {LIMIT} characters.',
  failedRateLimited: 'Too many messages at once: wait a moment, then retry.',
  failedEnded: 'The chat has ended.',
  failedServer: 'The server had a problem.',
  failedNoAnswer: 'No answer from the server.',
  newMessages: 'New messages',
  downloadFile: 'Download {NAME}',
  opensInNewTab: '(opens in a new tab)',
  chosen: 'Chosen',
  youChose: 'You chose: {TITLE}',
  buttonsEnded: 'The chat has ended; these choices are no longer available.',
  agentJoined: '{NAME} joined the chat.',
  tooLong: 'The message is too long: at most {LIMIT} characters.',
  openImage: 'Open {NAME} full size',
  agentTyping: '{NAME} is typing…',
  someoneTyping: 'The agent is typing…',

  // Composer
  composerLabel: 'Write a message',
  composerPlaceholder: 'Write a message…',
  send: 'Send',
  attach: 'Attach a file',
  previewNotice: 'The agent can see what you type before you send it.',
  uploading: 'Uploading {NAME}',
  dropHere: 'Drop a file to attach it',
  /** `{LIMIT}` is a size in the visitor's language (file-size.ts). */
  errorTooLarge: '{NAME} is too large. The limit is {LIMIT}.',
  errorBadType: '{NAME} cannot be sent: this type of file is not allowed.',
  errorAttachmentsDisabled: 'Files cannot be sent in this chat.',
  errorUpload: '{NAME} could not be uploaded. Please try again.',
  chatEndedComposer: 'The chat has ended.',

  // End of chat
  endConfirmTitle: 'End the chat?',
  endConfirmText: 'You will not be able to send more messages in this chat.',
  endConfirmYes: 'End chat',
  endConfirmNo: 'Continue chatting',
  finishedTitle: 'The chat has ended',
  finishedByAgent: 'The agent ended the chat.',
  finishedByClient: 'You ended the chat.',
  finishedBySystem: 'The chat was closed.',
  saveTranscript: 'Save transcript',
  printTranscript: 'Print transcript',
  newChat: 'Start a new chat',
  thanks: 'Thank you for contacting us.',
};

/** The shape every language file implements. */
export type WidgetStrings = typeof en;

/**
 * The Chat API's system texts as the visitor reads them, where the English source text is the
 * agent's view: the visitor's own ending is "You ended the chat.", not "Client ended the chat.".
 * Keyed by the source text like every `CentionChat.I` translation, so a page's own hook still wins.
 */
export const enSystemTexts: Record<string, string> = {
  'Client ended the chat.': 'You ended the chat.',
};
