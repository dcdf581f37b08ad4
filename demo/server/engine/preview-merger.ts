/**
 * Typing previews merged per chat: at most one preview per chat every `intervalMs` goes out, the
 * latest text winning. A visitor with 20 tabs, or a client that sends a preview per keystroke,
 * then costs the other side a few small frames a second instead of everything it typed.
 */

/** Each side gets at most one typing preview per chat this often (the latest text). */
export const PREVIEW_INTERVAL_MS = 250;

/** Chats remembered at most before those with nothing pending are forgotten. */
const MAX_CHATS = 10_000;

interface ChatPreviews<T> {
  sentAt: number;
  pending?: T;
  timer?: NodeJS.Timeout;
}

export class PreviewMerger<T> {
  private readonly chats = new Map<number, ChatPreviews<T>>();

  constructor(
    private readonly intervalMs: number,
    private readonly send: (sessionId: number, preview: T) => void,
    private readonly now: () => number = Date.now,
  ) {}

  push(sessionId: number, preview: T): void {
    const now = this.now();
    const chat = this.chats.get(sessionId);
    if (!chat) {
      if (this.chats.size >= MAX_CHATS) this.prune();
      this.chats.set(sessionId, { sentAt: now });
      this.send(sessionId, preview);
      return;
    }
    if (chat.timer === undefined && now - chat.sentAt >= this.intervalMs) {
      chat.sentAt = now;
      this.send(sessionId, preview);
      return;
    }
    chat.pending = preview;
    chat.timer ??= setTimeout(
      () => this.flush(sessionId),
      Math.max(0, chat.sentAt + this.intervalMs - now),
    );
  }

  stop(): void {
    for (const chat of this.chats.values()) clearTimeout(chat.timer);
    this.chats.clear();
  }

  private flush(sessionId: number): void {
    const chat = this.chats.get(sessionId);
    if (!chat) return;
    chat.timer = undefined;
    if (chat.pending === undefined) return;
    const preview = chat.pending;
    chat.pending = undefined;
    chat.sentAt = this.now();
    this.send(sessionId, preview);
  }

  private prune(): void {
    for (const [sessionId, chat] of this.chats) {
      if (chat.timer === undefined) this.chats.delete(sessionId);
    }
  }
}
