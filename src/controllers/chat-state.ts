/**
 * The one state object the chat panel renders, and the pure steps that fold client events into it.
 * Every step returns a new object (never mutates), so Lit sees a changed property and re-renders.
 */
import type { ConnectionState, OutgoingMessage } from '../client/types.js';
import type {
  CanChatResult,
  ChatMessage,
  ChatMessageEvent,
  FinishChatEvent,
  MessageSentEvent,
} from '../protocol/index.js';
import { toChatItem, type ChatItem, type Translate } from './chat-item.js';

/**
 * Which screen the panel shows.
 * - `checking`: asking the server whether a chat can start.
 * - `resuming`: reopening a stored session (no start form meanwhile, so it never flashes).
 * - `start`: the start form, or why a chat cannot start (closed, no agents, queue full).
 * - `chat`: the conversation, with queue status while no agent has joined.
 * - `finished`: the chat ended; transcript and "start a new chat".
 */
export type ChatView = 'checking' | 'resuming' | 'start' | 'chat' | 'finished';

/** Why the start screen cannot offer the form. */
/** `rate-limited`: the server refused the start (`rate_limited`, too many new chats from the address). */
export type Unavailability = 'closed' | 'no-agents' | 'queue-full' | 'rate-limited' | 'error';

/** What the panel needs of the client's current session, so it never asks the client itself. */
export interface SessionLinks {
  /** The session secret: the session these links belong to (never put in a link by the widget). */
  secret: string;
  /** What the chat server's download addresses carry as `t` (its download-only token). */
  downloadToken: string;
  /** The transcript's addresses (chat-api.txt `savehistory`, `printhistory`). */
  saveTranscriptURL: string;
  printTranscriptURL: string;
}

export interface ChatState {
  view: ChatView;
  canChat?: CanChatResult;
  /** Set after a start attempt the server refused (`agent unavailable`, `queue full`). */
  refusal?: Unavailability;
  /** Queue position while waiting for an agent; undefined once an agent has joined. */
  queuePosition?: number;
  estimatedWaitSeconds?: number;
  agentName: string;
  clientName: string;
  items: ChatItem[];
  /** The server has older messages than the first item (load them with `loadOlder`). */
  hasOlder: boolean;
  /** Agent typing: true, or the text when the area shows it. */
  agentTyping: boolean;
  agentTypingText?: string;
  connection: ConnectionState;
  /** Visitor message ids the agent's console has received ("seen by agent"). */
  ackedIds: ReadonlySet<number>;
  finishedBy?: FinishChatEvent['by'];
  /** True while the "End the chat?" question is shown. */
  isConfirmingEnd: boolean;
  /** Undefined while there is no session. */
  session?: SessionLinks;
  /** The server refused the visitor token of the last start: the form is back, for a guest. */
  identityRefused?: 'visitor_token_expired' | 'visitor_token_invalid';
  /** The question of a start the server refused, so the form shows it again (nothing is lost). */
  draftMessage?: string;
}

export const initialChatState = (view: ChatView = 'checking'): ChatState => ({
  view,
  agentName: '',
  clientName: '',
  items: [],
  hasOlder: false,
  agentTyping: false,
  connection: 'idle',
  ackedIds: new Set(),
  isConfirmingEnd: false,
});

/** Why the start form cannot be used, from a `canChat` answer and a refused start. */
export function unavailability(state: ChatState): Unavailability | undefined {
  if (state.refusal) return state.refusal;
  const result = state.canChat;
  if (!result) return undefined;
  if (result.error) return 'error';
  if (!result.chatOpen) return 'closed';
  if (result.agentsAvailable <= 0) return 'no-agents';
  return undefined;
}

const deliveryOf = (item: ChatItem, acked: ReadonlySet<number>): ChatItem =>
  item.sender === 'CLIENT' && item.id !== undefined && acked.has(item.id) && item.kind !== 'choice'
    ? { ...item, delivery: 'seen' }
    : item;

/**
 * Adds the messages of a `chat message` event: deduplicated by id, in id order, replacing the
 * "sending" copy of a visitor message by the stored one (matched by umid).
 */
export function addMessages(
  state: ChatState,
  event: ChatMessageEvent,
  I: Translate,
  isNew: boolean,
): { state: ChatState; added: ChatItem[] } {
  const names = {
    agent: event.agent || state.agentName,
    client: event.client || state.clientName,
  };
  const known = new Set(
    state.items.filter((item) => !item.key.startsWith('u')).map((item) => item.id),
  );
  let items = state.items;
  const added: ChatItem[] = [];
  // A person (or robot) takes the chat: say so in the log, before what they write (not for
  // history: a resumed chat's agent joined long ago).
  if (isNew && event.agent && event.agent !== state.agentName) {
    const joined: ChatItem = {
      key: `j${items.length}-${event.agent}`,
      order: nextLocalOrder(items),
      sender: 'SYSTEM',
      author: '',
      sentHuman: '',
      kind: 'joined',
      text: event.agent,
      isNew: true,
    };
    items = [...items, joined];
    added.push(joined);
  }
  for (const message of event.chat) {
    if (known.has(message.id)) continue;
    known.add(message.id);
    let item = toChatItem(message, names, I, isNew);
    if (item.sender === 'CLIENT' && item.kind !== 'file') item = { ...item, delivery: 'sent' };
    item = deliveryOf(item, state.ackedIds);
    const pendingKey = `u${item.umid}`;
    if (item.umid && items.some((i) => i.key === pendingKey)) {
      items = items.filter((i) => i.key !== pendingKey);
    } else {
      added.push(item);
    }
    items = insertInOrder(items, item);
  }
  const hasAgent = Boolean(event.agent);
  return {
    state: {
      ...state,
      items,
      // `agent` names whoever is in the chat now: "" after the last agent left (back in the queue).
      agentName: event.agent,
      clientName: names.client,
      // An agent in the chat means the wait is over.
      queuePosition: hasAgent ? undefined : state.queuePosition,
      estimatedWaitSeconds: hasAgent ? undefined : state.estimatedWaitSeconds,
      agentTyping: added.some((i) => i.sender === 'AGENT') ? false : state.agentTyping,
      agentTypingText: added.some((i) => i.sender === 'AGENT') ? undefined : state.agentTypingText,
    },
    added,
  };
}

/**
 * An older page (the `history` event): shown before everything else, as history (never
 * announced, already read). One concatenation, whatever the page or the history.
 */
export function addOlder(
  state: ChatState,
  chat: ChatMessage[],
  hasMore: boolean,
  I: Translate,
): ChatState {
  const names = { agent: state.agentName, client: state.clientName };
  const first = state.items[0]?.order ?? Infinity;
  const older = chat
    .filter((message) => message.id < first)
    .map((message) => {
      const item = toChatItem(message, names, I, false);
      return item.sender === 'CLIENT' && item.kind !== 'file'
        ? deliveryOf({ ...item, delivery: 'sent' }, state.ackedIds)
        : item;
    });
  return { ...state, items: [...older, ...state.items], hasOlder: hasMore };
}

/** Inserts after every item whose `order` is not greater (stable for equal orders). */
function insertInOrder(items: ChatItem[], item: ChatItem): ChatItem[] {
  let index = items.length;
  while (index > 0 && (items[index - 1]?.order ?? 0) > item.order) index -= 1;
  return [...items.slice(0, index), item, ...items.slice(index)];
}

/**
 * Order for an item made locally (a message not stored yet, a chosen button): after everything
 * shown so far, but before any message the server stores later (whose id is a whole number).
 */
function nextLocalOrder(items: ChatItem[]): number {
  const last = items.reduce((max, item) => Math.max(max, item.order), 0);
  return Math.floor(last) + (Math.round((last % 1) * 1000) + 1) / 1000;
}

/** A visitor message the client accepted: shown at once as "sending". */
export function addPending(state: ChatState, umid: string, text: string): ChatState {
  if (state.items.some((item) => item.key === `u${umid}`)) return state;
  const item: ChatItem = {
    key: `u${umid}`,
    umid,
    order: nextLocalOrder(state.items),
    sender: 'CLIENT',
    author: state.clientName,
    sentHuman: '',
    kind: 'text',
    text,
    delivery: 'sending',
    isNew: true,
  };
  return { ...state, items: [...state.items, item] };
}

/** `message sent`: the server stored it; keep the local copy as "sent" until the echo arrives. */
export function markSent(state: ChatState, sent: MessageSentEvent): ChatState {
  const id = typeof sent.id === 'number' ? sent.id : undefined;
  return {
    ...state,
    items: state.items.map((item) =>
      item.key === `u${sent.umid}`
        ? { ...item, delivery: 'sent', sentHuman: sent.sentHuman, id: item.id ?? id }
        : item,
    ),
  };
}

/** `message acked`: the agent has these visitor messages. */
export function markAcked(state: ChatState, ids: number[]): ChatState {
  const ackedIds = new Set([...state.ackedIds, ...ids]);
  return { ...state, ackedIds, items: state.items.map((item) => deliveryOf(item, ackedIds)) };
}

/**
 * The client's outbox (status channel): local items follow its sending/failed state, and entries
 * the widget has not seen yet (e.g. restored after a reload) appear as pending items.
 */
export function applyOutbox(state: ChatState, outbox: OutgoingMessage[]): ChatState {
  let next = state;
  for (const entry of outbox) {
    const stored = next.items.some((item) => item.umid === entry.id && item.id !== undefined);
    if (stored) continue;
    next = addPending(next, entry.id, entry.message);
    next = {
      ...next,
      items: next.items.map((item) =>
        item.key === `u${entry.id}` && item.delivery !== 'sent'
          ? {
              ...item,
              delivery: entry.state,
              failure: entry.state === 'failed' ? (entry.error ?? 'no_answer') : undefined,
            }
          : item,
      ),
    };
  }
  return next;
}

/** A robot postback chosen: the template remembers it, and the log shows the visitor's choice. */
export function addChoice(state: ChatState, templateKey: string, title: string): ChatState {
  const choice: ChatItem = {
    key: `c${templateKey}-${state.items.length}`,
    order: nextLocalOrder(state.items),
    sender: 'CLIENT',
    author: state.clientName,
    sentHuman: '',
    kind: 'choice',
    text: title,
    isNew: true,
  };
  return {
    ...state,
    items: [
      ...state.items.map((item) => (item.key === templateKey ? { ...item, chosen: title } : item)),
      choice,
    ],
  };
}
