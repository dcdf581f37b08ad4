/**
 * What a robot says, in the robot API's shape (`contentType`, `content`, `attachments` of type
 * `file` and `template`): checked once, then posted to the chat as the robot's user. Webhook
 * `answer` responses and the `/api/bot/message` endpoint share this, so both accept exactly the
 * same things.
 */
import { escapeHtml } from '../../shared/chat-text.js';
import { ChatError } from '../errors.js';
import type { ChatService, RobotTemplate } from '../robot-hook.js';

/** A bad field in a robot's content; `status` is the HTTP status the API answers with. */
export class RobotContentError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = 'RobotContentError';
  }
}

export type RobotAttachment =
  | { type: 'file'; name: string; mime: string; data: Buffer }
  | { type: 'template'; template: RobotTemplate };

/** Checked robot content: `html` is what the visitor sees as the message text ('' = none). */
export interface RobotContent {
  html: string;
  attachments: RobotAttachment[];
}

export interface ContentLimits {
  /** Most characters of `content` (the `maxLength` a webhook request announces). */
  maxLength: number;
  /** Largest decoded file attachment in bytes. */
  maxFileBytes: number;
}

const MAX_ATTACHMENTS = 10;
const MAX_BUTTONS = 10;
/** Same limits as a visitor's `postback` frame, so every button a robot sends can be clicked. */
const MAX_BUTTON_TITLE = 500;
const MAX_BUTTON_DATA = 4000;
const MAX_FILE_NAME = 200;

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `text/html` or `text/plain` (parameters such as `; charset=utf-8` allowed); default plain. */
export function parseContentType(value: unknown): 'text/html' | 'text/plain' {
  if (value === undefined) return 'text/plain';
  const type = typeof value === 'string' ? value.split(';')[0]?.trim().toLowerCase() : undefined;
  if (type === 'text/html' || type === 'text/plain') return type;
  throw new RobotContentError('contentType: expected "text/html" or "text/plain"');
}

/** `content` as HTML for the chat: plain text is escaped, so it shows exactly as written. */
export function contentToHtml(
  contentType: unknown,
  content: unknown,
  maxLength: number,
  field = 'content',
): string {
  const type = parseContentType(contentType);
  if (content === undefined) return '';
  if (typeof content !== 'string') throw new RobotContentError(`${field}: expected a string`);
  if (content.length > maxLength) {
    throw new RobotContentError(
      `${field}: longer than the maximum length of ${maxLength} characters`,
      413,
    );
  }
  return type === 'text/html' ? content : escapeHtml(content).replace(/\r?\n/g, '<br>');
}

/** Told about each part left out of lenient content, with the reason (for the robot's author). */
export type OnDropped = (reason: string) => void;

/**
 * Checks `{contentType, content, attachments}`. Strict (no `onDropped`, the `/api/bot/message`
 * endpoint, whose caller gets the error): throws `RobotContentError` on the first problem.
 * Lenient (a webhook answer, which nobody would see an error of): an invalid part — the text, an
 * attachment, one button — is left out and reported to `onDropped`; only content with nothing
 * usable left throws.
 */
export function parseRobotContent(
  body: Record<string, unknown>,
  limits: ContentLimits,
  onDropped?: OnDropped,
): RobotContent {
  const html = lenient(onDropped, '', () =>
    contentToHtml(body.contentType, body.content, limits.maxLength),
  );
  const attachments = parseAttachments(body.attachments, limits, onDropped);
  if (html === '' && attachments.length === 0) {
    throw new RobotContentError('content: expected text or at least one attachment');
  }
  return { html, attachments };
}

/** `parse()`, or — when lenient — `fallback` with the error reported instead of thrown. */
function lenient<T>(onDropped: OnDropped | undefined, fallback: T, parse: () => T): T {
  if (!onDropped) return parse();
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof RobotContentError)) throw error;
    onDropped(error.message);
    return fallback;
  }
}

function parseAttachments(
  value: unknown,
  limits: ContentLimits,
  onDropped?: OnDropped,
): RobotAttachment[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new RobotContentError('attachments: expected a list');
  if (value.length > MAX_ATTACHMENTS) {
    throw new RobotContentError(`attachments: at most ${MAX_ATTACHMENTS}`);
  }
  return value.flatMap((attachment: unknown, index) =>
    lenient(onDropped, [], () => [parseAttachment(attachment, index, limits, onDropped)]),
  );
}

function parseAttachment(
  attachment: unknown,
  index: number,
  limits: ContentLimits,
  onDropped?: OnDropped,
): RobotAttachment {
  const field = `attachments[${index}]`;
  if (!isRecord(attachment) || !isRecord(attachment.data)) {
    throw new RobotContentError(`${field}: expected {type, data: {...}}`);
  }
  if (attachment.type === 'file') return parseFile(attachment.data, field, limits);
  if (attachment.type === 'template') {
    return {
      type: 'template',
      template: parseTemplate(attachment.data, `${field}.data`, limits, onDropped),
    };
  }
  throw new RobotContentError(`${field}.type: expected "file" or "template"`);
}

function parseFile(
  data: Record<string, unknown>,
  field: string,
  limits: ContentLimits,
): RobotAttachment {
  const { name, type, data: base64 } = data;
  if (typeof name !== 'string' || name.length === 0 || name.length > MAX_FILE_NAME) {
    throw new RobotContentError(`${field}.data.name: expected a file name`);
  }
  if (typeof type !== 'string' || !/^[\w.+-]+\/[\w.+-]+$/.test(type)) {
    throw new RobotContentError(`${field}.data.type: expected a MIME type such as image/png`);
  }
  const compact = typeof base64 === 'string' ? base64.replace(/\s+/g, '') : '';
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(compact) || compact.length % 4 === 1) {
    throw new RobotContentError(`${field}.data.data: expected base64-encoded file content`);
  }
  const bytes = Buffer.from(compact, 'base64');
  if (bytes.length > limits.maxFileBytes) {
    throw new RobotContentError(
      `${field}: the file is larger than ${limits.maxFileBytes} bytes`,
      413,
    );
  }
  return { type: 'file', name, mime: type.toLowerCase(), data: bytes };
}

/**
 * The button template (protocol.md §4 TEMPLATE); URL buttons must be http(s) links. Lenient: an
 * invalid button is left out; a template with no valid button left is invalid itself.
 */
export function parseTemplate(
  data: Record<string, unknown>,
  field: string,
  limits: ContentLimits,
  onDropped?: OnDropped,
): RobotTemplate {
  if (data.type !== 'button') throw new RobotContentError(`${field}.type: expected "button"`);
  if (typeof data.text !== 'string' || data.text.length > limits.maxLength) {
    throw new RobotContentError(`${field}.text: expected a string of at most ${limits.maxLength}`);
  }
  const buttons = data.buttons;
  if (!Array.isArray(buttons) || buttons.length === 0 || buttons.length > MAX_BUTTONS) {
    throw new RobotContentError(`${field}.buttons: expected 1 to ${MAX_BUTTONS} buttons`);
  }
  const valid = buttons.flatMap((button: unknown, index) =>
    lenient(onDropped, [], () => [parseButton(button, `${field}.buttons[${index}]`)]),
  );
  if (valid.length === 0) throw new RobotContentError(`${field}.buttons: no valid button`);
  return { type: 'button', text: data.text, buttons: valid };
}

function parseButton(button: unknown, where: string): RobotTemplate['buttons'][number] {
  if (!isRecord(button)) throw new RobotContentError(`${where}: expected an object`);
  const { title } = button;
  if (typeof title !== 'string' || title.length === 0 || title.length > MAX_BUTTON_TITLE) {
    throw new RobotContentError(`${where}.title: expected 1 to ${MAX_BUTTON_TITLE} characters`);
  }
  if (button.type === 'url') {
    if (typeof button.url !== 'string' || !isWebURL(button.url)) {
      throw new RobotContentError(`${where}.url: expected an http(s) URL`);
    }
    return { type: 'url', title, url: button.url };
  }
  if (button.type === 'postback') {
    if (typeof button.data !== 'string' || button.data.length > MAX_BUTTON_DATA) {
      throw new RobotContentError(`${where}.data: expected at most ${MAX_BUTTON_DATA} characters`);
    }
    return { type: 'postback', title, data: button.data };
  }
  throw new RobotContentError(`${where}.type: expected "url" or "postback"`);
}

function isWebURL(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Posts checked content to the chat as `userName`: the text first, then each attachment. With
 * `onDropped`, a part the chat refuses (a file type or size the area does not take) is left out
 * and reported, and the rest is still posted.
 */
export function postRobotContent(
  chat: ChatService,
  sessionId: number,
  userName: string,
  content: RobotContent,
  onDropped?: OnDropped,
): void {
  if (content.html !== '') chat.postAgentMessage(sessionId, userName, content.html);
  content.attachments.forEach((attachment, index) => {
    try {
      if (attachment.type === 'file') chat.postFile(sessionId, userName, attachment);
      else chat.postTemplate(sessionId, userName, attachment.template);
    } catch (error) {
      if (!onDropped || !(error instanceof ChatError)) throw error;
      onDropped(`attachments[${index}]: ${error.message}`);
    }
  });
}
