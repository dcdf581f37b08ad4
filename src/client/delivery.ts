/**
 * Delivery of chat messages, both ways. Outgoing: the visitor's messages go through the outbox
 * (outbox.ts), each `chat message` frame gets a timeout, `message sent` confirms it (handlers hear
 * a resend's second confirmation once), and an `error` answering a frame fails it. Incoming:
 * messages are deduped by id, and the highest id delivered is what a `resume` asks after.
 */
import type {
  ChatMessage,
  ChatMessageEvent,
  MessageSentEvent,
  VisitorClientFrames,
} from '../protocol/index.js';
import { Outbox } from './outbox.js';
import type { ErrorCode, OutgoingMessage } from './types.js';

type Timer = ReturnType<typeof setTimeout>;

/** Sends a `chat message` frame; its frame id, or undefined without a connection. */
export type SendChatFrame = (data: VisitorClientFrames['chat message']) => number | undefined;

/** The delivery of one client, as its facade drives it. */
export interface Delivery {
  /** The visitor's unconfirmed messages. */
  readonly outbox: Outbox;
  /** The highest message id delivered (0 before any). */
  readonly lastSeenId: number;
  /** A new client-made message id: `c-<ms>-<n>`. */
  newUmid(): string;
  /** Sends (or resends) one outbox entry and starts its timeout. */
  send(entry: OutgoingMessage): void;
  /** Sends every `sending` entry, in order (after a session was attached). */
  sendAll(): void;
  /** `message sent` arrived; true the first time for its umid (handlers hear it once). */
  confirm(sent: MessageSentEvent): boolean;
  /**
   * An `error` answered frame `re`: fails its message with `code` (why); false when it was no
   * chat frame. An error without `re` (the server could not read the frame's id, or refused it
   * unread: `rate_limited`) is noted: a message of this socket that then gets no answer in time
   * failed for that reason.
   */
  fail(re: number | undefined, code?: ErrorCode): boolean;
  /**
   * What of a `chat message` is news, or undefined when nothing is. The server announces an
   * agent accepting the chat with an empty `chat`: that is news too (the agent's name), while a
   * repeat of messages already delivered is not.
   */
  receive(data: ChatMessageEvent): ChatMessageEvent | undefined;
  /**
   * The socket is gone: no timeouts while there is nothing to time, and its frame ids mean
   * nothing (the next socket counts from 1 again).
   */
  close(): void;
  /** Forgets the chat: what was delivered and the outbox. */
  forget(): void;
}

/**
 * `timeoutMs`: a message without `message sent` this long while connected is `failed`;
 * `onChange` runs after every change of the outbox (persistence and the status channel).
 */
// A closure rather than a class: its state minifies to one-letter names (this file is in the
// chunk every chat loads).
export function createDelivery(
  sendFrame: SendChatFrame,
  timeoutMs: number,
  onChange: () => void,
): Delivery {
  const outbox = new Outbox(onChange);
  /** Frame id → umid of the `chat message` frames of the current connection. */
  const chatFrames = new Map<number, string>();
  const timers = new Map<string, Timer>();
  const seenIds = new Set<number>();
  const confirmedUmids = new Set<string>();
  let lastSeenId = 0;
  /** The agent name of the last `chat message` delivered ('' before an agent joins). */
  let agentName = '';
  let messageCount = 0;
  let umidCount = 0;
  /** The last error that answered no frame id, and how many came so far. */
  let unanswered: ErrorCode | undefined;
  let unansweredCount = 0;

  const stopTimer = (umid: string) => clearTimeout(timers.get(umid));

  const send = (entry: OutgoingMessage) => {
    const id = sendFrame({ umid: entry.id, message: entry.message, mcount: ++messageCount });
    if (id === undefined) return;
    chatFrames.set(id, entry.id);
    stopTimer(entry.id);
    const countAtSend = unansweredCount;
    timers.set(
      entry.id,
      setTimeout(() => {
        timers.delete(entry.id);
        outbox.setState(entry.id, 'failed', unansweredCount > countAtSend ? unanswered : undefined);
      }, timeoutMs),
    );
  };

  return {
    outbox,
    get lastSeenId() {
      return lastSeenId;
    },
    newUmid: () => `c-${Date.now()}-${++umidCount}`,
    send,
    sendAll() {
      for (const entry of outbox.sending) send(entry);
    },
    confirm({ umid }) {
      stopTimer(umid);
      outbox.confirm(umid);
      if (confirmedUmids.has(umid)) return false;
      confirmedUmids.add(umid);
      return true;
    },
    fail(re, code) {
      if (re === undefined) {
        unanswered = code;
        unansweredCount += 1;
      }
      const umid = re === undefined ? undefined : chatFrames.get(re);
      if (umid === undefined) return false;
      stopTimer(umid);
      outbox.setState(umid, 'failed', code);
      return true;
    },
    receive(data) {
      const fresh: ChatMessage[] = [];
      for (const message of data.chat) {
        if (seenIds.has(message.id)) continue;
        seenIds.add(message.id);
        lastSeenId = Math.max(lastSeenId, message.id);
        fresh.push({ ...message, umid: message.umid ?? '', sentHuman: message.sentHuman ?? '' });
      }
      const agent = data.agent ?? '';
      if (fresh.length === 0 && agent === agentName) return undefined;
      agentName = agent;
      return { agent, client: data.client ?? '', chat: fresh };
    },
    close() {
      chatFrames.clear();
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
    forget() {
      seenIds.clear();
      confirmedUmids.clear();
      lastSeenId = 0;
      agentName = '';
      outbox.replace([]);
    },
  };
}
