/**
 * The agent console's state and the pure functions that change it: `reduceServerEvent` folds one
 * `/socket/agent` event into a new state (docs/protocol-notes.md "Agent console"); the small
 * functions below it are the changes the agent makes. Nothing here sends, waits or renders: the
 * controller (console-controller.ts) does that around these.
 */
import type {
  AgentChatMessage,
  AgentChatSnapshot,
  AgentPresence,
  AreaInfo,
  QueueEntry,
} from '../../src/protocol/index.js';
import type { AgentServerEnvelope, ConnectionState } from './agent-types.js';

export interface ConsoleState {
  readonly connection: ConnectionState;
  /** The signed-in agent's name; empty while signed out. */
  readonly me: string;
  /** Authorises uploads and downloads (`?t=`) for this connection. */
  readonly token: string;
  readonly areas: AreaInfo[];
  readonly agents: AgentPresence[];
  /** Waiting chats by area id. */
  readonly queues: ReadonlyMap<number, QueueEntry[]>;
  /** The chats the agent works or reads, by session id, in the order they arrived. */
  readonly chats: ReadonlyMap<number, AgentChatSnapshot>;
  /** The session id of the chat shown, if any. */
  readonly selected: number | undefined;
  /** The visitor's typing preview by session id ("" when the text is hidden from agents). */
  readonly previews: ReadonlyMap<number, string>;
  /** The last error to show the agent; empty when there is none. */
  readonly problem: string;
}

export const initialConsoleState: ConsoleState = {
  connection: 'closed',
  me: '',
  token: '',
  areas: [],
  agents: [],
  queues: new Map(),
  chats: new Map(),
  selected: undefined,
  previews: new Map(),
  problem: '',
};

/** The state after one server event. Events the console does not show leave it unchanged. */
export function reduceServerEvent(state: ConsoleState, event: AgentServerEnvelope): ConsoleState {
  switch (event.event) {
    case 'login': {
      const [{ name, token, areas, agents }] = event.args;
      // After a reconnect the server re-sends every open chat of ours; drop the open ones we
      // hold, which may have ended or moved while we were away. Ended ones stay for reading.
      const kept = [...state.chats].filter(([, chat]) => chat.status === 'closed');
      return { ...state, me: name, token, areas, agents, chats: new Map(kept) };
    }
    case 'queue': {
      const [{ areaId, chats }] = event.args;
      return { ...state, queues: new Map(state.queues).set(areaId, chats) };
    }
    case 'queue changed': {
      const [change] = event.args;
      const waiting = applyQueueChange(state.queues.get(change.areaId) ?? [], change);
      return { ...state, queues: new Map(state.queues).set(change.areaId, waiting) };
    }
    case 'agents':
      return { ...state, agents: event.args[0].agents };
    case 'chat': {
      const [chat] = event.args;
      const next = putChat(state, chat);
      return next.selected === undefined ? { ...next, selected: chat.sessionId } : next;
    }
    case 'chat message': {
      const [{ sessionId, messages }] = event.args;
      const chat = state.chats.get(sessionId);
      if (!chat) return state;
      const known = new Set(chat.messages.map((message) => message.id));
      const added = messages.filter((message) => !known.has(message.id));
      const next = putChat(state, { ...chat, messages: [...chat.messages, ...added] });
      const isFromVisitor = messages.some((message) => message.sender === 'CLIENT');
      return isFromVisitor ? clearPreview(next, sessionId) : next;
    }
    case 'delivered':
    case 'seen':
    case 'acked': {
      const [{ sessionId, ids }] = event.args;
      const field = event.event;
      return updateMessages(state, sessionId, ids, (message) => ({ ...message, [field]: true }));
    }
    case 'preview': {
      const [{ sessionId, text, length }] = event.args;
      if (length === 0) return clearPreview(state, sessionId);
      return { ...state, previews: new Map(state.previews).set(sessionId, text ?? '') };
    }
    case 'agents changed': {
      const [{ sessionId, agents }] = event.args;
      const chat = state.chats.get(sessionId);
      return chat ? putChat(state, { ...chat, agents }) : state;
    }
    case 'chat ended': {
      const [{ sessionId }] = event.args;
      const chat = state.chats.get(sessionId);
      const next = chat ? putChat(state, { ...chat, status: 'closed' }) : state;
      return clearPreview(next, sessionId);
    }
    case 'chat removed':
      return dropChat(state, event.args[0].sessionId);
    case 'chat rated': {
      const [{ sessionId, score, comment, ratedAt }] = event.args;
      const chat = state.chats.get(sessionId);
      return chat ? putChat(state, { ...chat, rating: { score, comment, ratedAt } }) : state;
    }
    case 'postback': {
      const [{ sessionId, title, data }] = event.args;
      const chat = state.chats.get(sessionId);
      if (!chat) return state;
      return putChat(state, { ...chat, postbacks: [...chat.postbacks, { title, data }] });
    }
    case 'page': {
      const [{ sessionId, page }] = event.args;
      const chat = state.chats.get(sessionId);
      // The latest pages, as many as the server's snapshot sends.
      const pages = [...(chat?.pages ?? []), page].slice(-10);
      return chat ? putChat(state, { ...chat, pages }) : state;
    }
    case 'error':
      // An error answering a request is that request's failure (the controller shows it).
      if (event.re !== undefined) return state;
      return { ...state, problem: event.args[0].message ?? 'Error' };
    case 'ok':
    case 'message sent':
      // Answers only: the message itself comes back as `chat message`.
      return state;
    default:
      // An event this console does not know (a newer server): nothing to show.
      return state;
  }
}

/** Signed out: no agent, no chats or queues (the connection is opened again for the next one). */
export function signedOut(state: ConsoleState): ConsoleState {
  return { ...state, me: '', chats: new Map(), queues: new Map(), selected: undefined };
}

export function withConnection(state: ConsoleState, connection: ConnectionState): ConsoleState {
  return state.connection === connection ? state : { ...state, connection };
}

export function withProblem(state: ConsoleState, problem: string): ConsoleState {
  return state.problem === problem ? state : { ...state, problem };
}

export function selectChat(state: ConsoleState, sessionId: number): ConsoleState {
  return state.selected === sessionId ? state : { ...state, selected: sessionId };
}

/** Adds a chat or replaces the one with its session id (keeping its place in the list). */
export function putChat(state: ConsoleState, chat: AgentChatSnapshot): ConsoleState {
  return { ...state, chats: new Map(state.chats).set(chat.sessionId, chat) };
}

/** Removes a chat; when it was the one shown, the first remaining chat is shown instead. */
export function dropChat(state: ConsoleState, sessionId: number): ConsoleState {
  const chats = new Map(state.chats);
  chats.delete(sessionId);
  const selected = state.selected === sessionId ? chats.keys().next().value : state.selected;
  return { ...state, chats, selected };
}

export function clearPreview(state: ConsoleState, sessionId: number): ConsoleState {
  if (!state.previews.has(sessionId)) return state;
  const previews = new Map(state.previews);
  previews.delete(sessionId);
  return { ...state, previews };
}

/**
 * The visitor messages of a chat this console should ack (the visitor then sees "received"): only
 * in an open chat the agent is in, and only those not acked yet.
 */
export function messagesToAck(state: ConsoleState, sessionId: number): number[] {
  const chat = state.chats.get(sessionId);
  if (!chat || chat.status === 'closed' || !chat.agents.includes(state.me)) return [];
  return chat.messages
    .filter((message) => message.sender === 'CLIENT' && !message.acked)
    .map((message) => message.id);
}

/**
 * An area's queue after a `queue changed`: the removed ids gone, the added entries in (replacing
 * one with the same session id), oldest first as the server orders it. Applying a change the list
 * already has leaves it as it is (a change can cross a fresh copy sent at sign-in).
 */
export function applyQueueChange(
  waiting: readonly QueueEntry[],
  change: { added: readonly QueueEntry[]; removed: readonly number[] },
): QueueEntry[] {
  const gone = new Set([...change.removed, ...change.added.map((entry) => entry.sessionId)]);
  return [...waiting.filter((entry) => !gone.has(entry.sessionId)), ...change.added].sort(
    (a, b) => a.waitingSince - b.waitingSince || a.sessionId - b.sessionId,
  );
}

function updateMessages(
  state: ConsoleState,
  sessionId: number,
  ids: number[],
  change: (message: AgentChatMessage) => AgentChatMessage,
): ConsoleState {
  const chat = state.chats.get(sessionId);
  if (!chat) return state;
  const wanted = new Set(ids);
  const messages = chat.messages.map((message) =>
    wanted.has(message.id) ? change(message) : message,
  );
  return putChat(state, { ...chat, messages });
}
