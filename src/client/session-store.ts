/**
 * Where the chat session (and the unsent outbox) is kept between page loads. Reading never writes,
 * and nothing calls a write before the visitor started a chat with `connect()` (consent first).
 * The store kind is an option: cookie, localStorage (default), sessionStorage or memory.
 *
 * Each client keeps its chat under its own names: a client with a `storageKey` option (the widget
 * passes its chat server, area and `chat-id`) under `cention-chat.session:<storageKey>`, so two
 * widgets on one page never see each other's chat; a client without one under the site-wide
 * `cention-chat.session`, as the original kept one chat per cookie session.
 */
import { isNumber, isObject, isString } from './guards.js';
import type { OutgoingMessage, SessionStorageKind } from './types.js';

/** What is kept of a session: enough to `resume` it. */
export interface StoredSession {
  sessionId: number;
  sessionSecret: string;
  areaId: number;
}

export const sessionKey = 'cention-chat.session';
export const outboxKey = 'cention-chat.outbox';

/** A store kind, and the scope (a client's `storageKey`) its names are made unique with. */
export type StoreLocation = SessionStorageKind | { kind: SessionStorageKind; scope?: string };

const kindOf = (location: StoreLocation): SessionStorageKind =>
  typeof location === 'string' ? location : location.kind;

/** The name `key` has in `location`: `key` itself, or `key:<scope>` for a scoped client. */
export function scopedKey(location: StoreLocation, key: string): string {
  const scope = typeof location === 'string' ? undefined : location.scope;
  return scope ? `${key}:${scope}` : key;
}

/** Cookie names are RFC 6265 tokens: every other character (`:`, `/` of a URL …) as `%xx`. */
const cookieName = (key: string): string =>
  key.replace(/[^\w.-]/g, (char) => `%${char.charCodeAt(0).toString(16).padStart(2, '0')}`);

// 'memory' survives as long as the page (module) does, shared by every client on it.
const memory = new Map<string, string>();

function webStorage(kind: SessionStorageKind): Storage | undefined {
  try {
    if (kind === 'localStorage') return window.localStorage;
    if (kind === 'sessionStorage') return window.sessionStorage;
  } catch {
    // Storage access throws when the browser blocks it (privacy settings, sandboxed iframes).
  }
  return undefined;
}

/** Reads a raw value; never writes. */
export function readValue(kind: SessionStorageKind, key: string): string | undefined {
  if (kind === 'memory') return memory.get(key);
  if (kind === 'cookie') {
    if (typeof document === 'undefined') return undefined;
    const prefix = cookieName(key) + '=';
    const entry = document.cookie.split('; ').find((part) => part.startsWith(prefix));
    return entry === undefined ? undefined : decodeURIComponent(entry.slice(prefix.length));
  }
  try {
    return webStorage(kind)?.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Writes a raw value, or removes it when `value` is undefined. */
export function writeValue(kind: SessionStorageKind, key: string, value: string | undefined): void {
  if (kind === 'memory') {
    if (value === undefined) memory.delete(key);
    else memory.set(key, value);
  } else if (kind === 'cookie') {
    if (typeof document === 'undefined') return;
    // A session cookie (no expiry): the chat should not outlive the browser session.
    const secure = location.protocol === 'https:' ? '; Secure' : '';
    const name = cookieName(key);
    document.cookie =
      value === undefined
        ? `${name}=; path=/; max-age=0; SameSite=Lax${secure}`
        : `${name}=${encodeURIComponent(value)}; path=/; SameSite=Lax${secure}`;
  } else {
    try {
      const storage = webStorage(kind);
      if (value === undefined) storage?.removeItem(key);
      else storage?.setItem(key, value);
    } catch {
      // Quota or blocked storage: the chat still works, it just cannot be resumed after navigation.
    }
  }
}

/**
 * The stored session, or undefined. Writes nothing: the launcher calls it on every page load to
 * learn whether a chat can be resumed.
 */
export function readStoredSession(
  location: StoreLocation = 'localStorage',
): StoredSession | undefined {
  const text = readValue(kindOf(location), scopedKey(location, sessionKey));
  if (!text) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (
      isObject(value) &&
      isNumber(value.sessionId) &&
      isString(value.sessionSecret) &&
      isNumber(value.areaId)
    ) {
      return {
        sessionId: value.sessionId,
        sessionSecret: value.sessionSecret,
        areaId: value.areaId,
      };
    }
  } catch {
    // Not ours or corrupted: treat as no session.
  }
  return undefined;
}

/** Stores the session, or forgets it when `session` is undefined. */
export function writeStoredSession(
  location: StoreLocation,
  session: StoredSession | undefined,
): void {
  writeValue(
    kindOf(location),
    scopedKey(location, sessionKey),
    session &&
      JSON.stringify({
        sessionId: session.sessionId,
        sessionSecret: session.sessionSecret,
        areaId: session.areaId,
      }),
  );
}

// The outbox lives per tab (sessionStorage) unless the integrator chose memory only.
const outboxKindOf = (kind: SessionStorageKind): SessionStorageKind =>
  kind === 'memory' ? 'memory' : 'sessionStorage';

/** What the previous page left in the outbox of a client whose session lives in `location`. */
export const readOutbox = (location: StoreLocation): string | undefined =>
  readValue(outboxKindOf(kindOf(location)), scopedKey(location, outboxKey));

/** Stores the outbox, or removes it when it is empty. */
export function saveOutbox(location: StoreLocation, messages: OutgoingMessage[]): void {
  const text = messages.length > 0 ? JSON.stringify(messages) : undefined;
  writeValue(outboxKindOf(kindOf(location)), scopedKey(location, outboxKey), text);
}

/** Removes the stored session and outbox. Removing creates nothing, so it is no storing. */
export function clearStoredChat(location: StoreLocation): void {
  writeStoredSession(location, undefined);
  writeValue(outboxKindOf(kindOf(location)), scopedKey(location, outboxKey), undefined);
}
