/**
 * Listeners to a chat's life outside the chat itself (webhooks, later metrics): a chat started,
 * a visible message was stored, a chat ended. A listener runs after the change is stored and
 * announced, and whatever it throws is logged and swallowed: an integration must never break or
 * delay a chat, so listeners only queue work (webhooks/webhooks.ts).
 */
import type { Logger } from '../logger.js';
import type { MessageRecord, SessionRecord } from '../store.js';

export interface ChatListener {
  started?(session: SessionRecord): void;
  /** Messages the visitor can see (internal comments are not passed on). */
  message?(session: SessionRecord, message: MessageRecord): void;
  ended?(session: SessionRecord, by: string, reason: string | null): void;
}

export class ChatEvents {
  private readonly listeners: ChatListener[] = [];

  constructor(private readonly logger?: Logger) {}

  /** Adds a listener; the function returned removes it. */
  listen(listener: ChatListener): () => void {
    this.listeners.push(listener);
    return () => {
      const index = this.listeners.indexOf(listener);
      if (index >= 0) this.listeners.splice(index, 1);
    };
  }

  started(session: SessionRecord): void {
    this.each((listener) => listener.started?.(session));
  }

  messages(session: SessionRecord, messages: MessageRecord[]): void {
    if (this.listeners.length === 0) return;
    for (const message of messages) {
      if (!message.internal) this.each((listener) => listener.message?.(session, message));
    }
  }

  ended(session: SessionRecord, by: string, reason: string | null): void {
    this.each((listener) => listener.ended?.(session, by, reason));
  }

  private each(call: (listener: ChatListener) => void): void {
    for (const listener of this.listeners) {
      try {
        call(listener);
      } catch (error) {
        this.logger?.error({ err: error }, 'chat listener failed');
      }
    }
  }
}
