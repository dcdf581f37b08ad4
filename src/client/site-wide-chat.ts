/**
 * Chats stored by earlier versions of the widget. Until the widget kept each chat under its own
 * names (issue 11: `cention-chat.session:<server>#<area>[#<chat-id>]`, session-store.ts), it kept
 * one chat per site under the site-wide names: the session as `cention-chat.session` in the
 * widget's store kind, the unsent outbox as `cention-chat.outbox` in sessionStorage. A visitor
 * with a chat in progress when the site upgraded would lose it, so a widget's first use moves such
 * a chat over to its own names, once, and deletes the old ones.
 *
 * The old record holds the session's area but not its chat server: a site had one chat, kept for
 * its one server, so the area is what tells whose it is. (Were it another server's after all, that
 * server refuses the resume and the widget shows a fresh start form, as for any ended chat.)
 * A client made without a `storageKey` still uses the site-wide names and is never moved from.
 */
import {
  outboxKey,
  readStoredSession,
  readValue,
  scopedKey,
  writeStoredSession,
  writeValue,
} from './session-store.js';
import type { SessionStorageKind } from './types.js';

/**
 * Moves the chat stored under the site-wide names to `location`'s own names when `location` holds
 * none and the old one is of `areaId`; `perTabKeys` are more sessionStorage names that go with it
 * (the widget's open flag). Returns whether it moved a chat. Writes nothing when there is none:
 * this only moves what the visitor chose to store by starting that chat.
 */
export function moveSiteWideChat(
  location: { kind: SessionStorageKind; scope: string },
  areaId: number,
  perTabKeys: readonly string[] = [],
): boolean {
  // 'memory' does not outlive the page, so no earlier version's chat can be in it.
  if (!location.scope || location.kind === 'memory') return false;
  const old = readStoredSession(location.kind);
  if (!old || old.areaId !== areaId || readStoredSession(location)) return false;
  writeStoredSession(location, old);
  writeStoredSession(location.kind, undefined);
  for (const key of [outboxKey, ...perTabKeys]) {
    const value = readValue('sessionStorage', key);
    if (value === undefined) continue;
    writeValue('sessionStorage', scopedKey(location, key), value);
    writeValue('sessionStorage', key, undefined);
  }
  return true;
}
