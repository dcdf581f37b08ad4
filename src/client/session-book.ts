/**
 * The client's bookkeeping of its chat's session (centionchat.ts keeps the lifecycle and
 * delegates this): the session as the server last described it, what `connect()` registers with
 * until the server answers, and its storage, consent first: nothing is stored before the visitor
 * started a chat with `connect()`, or resumed one stored on an earlier page (consent given there).
 */
import type { SessionInfo } from './events.js';
import * as sessionStore from './session-store.js';
import type { ConnectParameters, OutgoingMessage } from './types.js';

export class SessionBook {
  /** The chat's session: the server's answer to register/resume, or the stored one resuming. */
  info: SessionInfo | undefined;
  /** What `connect()` registers with (until the server answers). */
  registration: ConnectParameters | undefined;
  /** The visitor started a chat, so the session may be stored (nothing is before: consent first). */
  #hasConsent = false;
  readonly #location: sessionStore.StoreLocation;

  constructor(location: sessionStore.StoreLocation) {
    this.#location = location;
  }

  /** The stored session, or undefined; writes nothing. */
  readStored(): sessionStore.StoredSession | undefined {
    return sessionStore.readStoredSession(this.#location);
  }

  /** `connect()`: a new chat, with the visitor's consent to store it. */
  register(parameters: ConnectParameters): void {
    this.registration = { ...parameters };
    this.#hasConsent = true;
  }

  /** `tryResume()` of `stored`; returns what the previous page left in the outbox. */
  resume(stored: sessionStore.StoredSession): string | undefined {
    this.info = { ...stored, clientName: '' };
    // The visitor consented when this session was stored; unsent messages of the last page return.
    this.#hasConsent = true;
    return sessionStore.readOutbox(this.#location);
  }

  /** Forgets the session in memory (not the storage). */
  forget(): void {
    this.info = undefined;
    this.registration = undefined;
  }

  /** The server attached the connection to `info`: kept, and stored with consent. */
  attach(info: SessionInfo): SessionInfo {
    // Older servers may leave out areaId and clientName.
    this.info = {
      sessionId: info.sessionId,
      sessionSecret: info.sessionSecret,
      areaId: info.areaId ?? this.info?.areaId ?? this.registration?.area ?? 0,
      clientName: info.clientName ?? this.info?.clientName ?? '',
      ...(info.downloadToken ? { downloadToken: info.downloadToken } : {}),
    };
    if (this.#hasConsent) sessionStore.writeStoredSession(this.#location, this.info);
    return this.info;
  }

  /** Stores the outbox (with consent), or removes it when it is empty. */
  saveOutbox(messages: OutgoingMessage[]): void {
    if (this.#hasConsent) sessionStore.saveOutbox(this.#location, messages);
  }

  /** Removes the stored session and outbox: when the chat ended (`always`: also without consent). */
  clearStored(always = false): void {
    if (always || this.#hasConsent) sessionStore.clearStoredChat(this.#location);
  }
}
