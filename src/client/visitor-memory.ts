/**
 * Remembers the visitor's name and e-mail from a chat they started, so the next chat's form is
 * filled in. Kept only where the chat itself is kept (the widget's `session-storage`: a page with
 * `memory` keeps it for the page's life, `sessionStorage` for the tab), written only once the
 * visitor has started a chat (the same consent as the session), and forgotten by
 * `forgetVisitor` — which the widget's `reset()` calls.
 */
import type { SessionStorageKind } from './types.js';
import { isObject, isString } from './guards.js';
import { readValue, writeValue } from './session-store.js';

export const visitorKey = 'cention-chat.visitor';

export interface RememberedVisitor {
  name: string;
  email: string;
}

/** The `session-storage` attribute as a storage kind; the widget's default is `localStorage`. */
export const storageKindOf = (attribute: string | null | undefined): SessionStorageKind =>
  attribute === 'sessionStorage' || attribute === 'cookie' || attribute === 'memory'
    ? attribute
    : 'localStorage';

export function rememberVisitor(kind: SessionStorageKind, visitor: RememberedVisitor): void {
  writeValue(kind, visitorKey, JSON.stringify({ name: visitor.name, email: visitor.email }));
}

/** The remembered name and e-mail; empty strings when there are none (or they are unreadable). */
export function recallVisitor(kind: SessionStorageKind): RememberedVisitor {
  try {
    const value: unknown = JSON.parse(readValue(kind, visitorKey) ?? 'null');
    if (isObject(value) && isString(value.name) && isString(value.email)) {
      return { name: value.name, email: value.email };
    }
  } catch {
    // Someone else's value under our key: nothing remembered.
  }
  return { name: '', email: '' };
}

export function forgetVisitor(kind: SessionStorageKind): void {
  writeValue(kind, visitorKey, undefined);
}
