/**
 * The wire format of the visitor socket (protocol.md §2–§4), both ways, typed from src/protocol:
 *  - `encodeClientFrame` writes `{type, data, id}` from `VisitorClientFrames`, so a wrong frame
 *    type or data shape is a compile error;
 *  - `decodeServerFrame` parses and validates `{event, args, re?}`. A frame that is not JSON, has an
 *    unknown event, or whose arguments have the wrong shape decodes to a reason string: the client
 *    drops it, so user handlers only ever see payloads matching the event map.
 */
import { resumeRefusalCodes } from '../protocol/codes.js';
import type {
  ServerEnvelope,
  VisitorClientFrames,
  VisitorFrameType,
  VisitorServerEventName,
  VisitorServerEvents,
} from '../protocol/index.js';
import { isNumber, isObject, isOptional, isString } from './guards.js';

/** A decoded, validated server frame. */
export type VisitorServerFrame = ServerEnvelope<VisitorServerEvents>;

/** One client frame as the text the socket sends. `id` counts up from 1 on each connection. */
export function encodeClientFrame<T extends VisitorFrameType>(
  type: T,
  data: VisitorClientFrames[T],
  id: number,
): string {
  return JSON.stringify({ type, data, id });
}

const isSessionInfo = (value: unknown) =>
  isObject(value) &&
  isNumber(value.sessionId) &&
  isString(value.sessionSecret) &&
  isOptional(value.areaId, isNumber) &&
  isOptional(value.clientName, isString) &&
  isOptional(value.hasOlder, (older) => typeof older === 'boolean');

const isChatMessage = (value: unknown) =>
  isObject(value) &&
  isNumber(value.id) &&
  isString(value.text) &&
  (value.sender === 'CLIENT' || value.sender === 'AGENT' || value.sender === 'SYSTEM') &&
  isNumber(value.sent) &&
  isOptional(value.umid, isString) &&
  isOptional(value.sentHuman, isString) &&
  isOptional(value.agent, isString);

/**
 * Checks of `args` for every event of `VisitorServerEvents` (a missing one is a compile error).
 * They are as lenient as older servers need: fields such as `areaId`, `umid` or `agent` may be
 * absent, and the client fills them in.
 */
const argumentChecks: Record<VisitorServerEventName, (args: unknown[]) => boolean> = {
  register: ([info]) => isSessionInfo(info),
  resume: ([info]) =>
    isSessionInfo(info) ||
    (isObject(info) && isString(info.error) && Object.hasOwn(resumeRefusalCodes, info.error)),
  'chat message': ([data]) =>
    isObject(data) &&
    Array.isArray(data.chat) &&
    data.chat.every(isChatMessage) &&
    isOptional(data.agent, isString) &&
    isOptional(data.client, isString),
  'message sent': ([sent]) =>
    isObject(sent) && isString(sent.umid) && (isNumber(sent.id) || isString(sent.id)),
  'message acked': ([acked]) =>
    isObject(acked) && Array.isArray(acked.ids) && acked.ids.every(isNumber),
  'agent preview': ([preview]) =>
    isObject(preview) && isNumber(preview.messageLen) && isOptional(preview.text, isString),
  queue: ([position, details]) => isNumber(position) && isOptional(details, isObject),
  'queue full': () => true,
  'agent unavailable': () => true,
  'chat closed': () => true,
  'finish chat session': ([details]) => isOptional(details, isObject),
  error: ([error]) => isObject(error) && isString(error.code),
  history: ([page]) =>
    isObject(page) &&
    Array.isArray(page.messages) &&
    page.messages.every(isChatMessage) &&
    typeof page.hasMore === 'boolean',
};

/** Parses and validates one server frame; a string (why) when the frame must be dropped. */
export function decodeServerFrame(text: string): VisitorServerFrame | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'not JSON';
  }
  if (!isObject(value) || !isString(value.event)) return 'not a frame';
  const args = value.args === undefined ? [] : value.args;
  if (!Array.isArray(args)) return 'args is not an array';
  // Own properties only: "constructor" or "__proto__" are not events (and must not throw).
  const check = Object.hasOwn(argumentChecks, value.event)
    ? argumentChecks[value.event as VisitorServerEventName]
    : undefined;
  if (!check) return `unknown event "${value.event}"`;
  if (!check(args)) return `bad arguments for "${value.event}"`;
  return (
    isNumber(value.re) ? { event: value.event, args, re: value.re } : { event: value.event, args }
  ) as VisitorServerFrame;
}
