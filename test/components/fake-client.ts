/**
 * An in-memory stand-in for `CentionChat`, for component tests that render states without a
 * server: it records every call and lets the test fire the client's events (`fire`) and status.
 * The end-to-end tests on chat-helpers.ts (chat-conversation.test.ts …) use the real client
 * against the fake server instead.
 */
import type {
  CentionChatEventMap,
  CentionChatEventName,
  CentionChatHandler,
  ResumeResult,
} from '../../src/client/events.js';
import type {
  AttachFileHandlers,
  CanChatResult,
  CentionChatApi,
  ClientStatus,
  ConnectParameters,
  UnsentMessage,
} from '../../src/client/types.js';

export interface RecordedCall {
  method: string;
  args: unknown[];
}

export const openCanChat: CanChatResult = {
  chatOpen: true,
  agentsAvailable: 2,
  resumable: false,
  feature: {
    'chat.attachment': true,
    'chat.max-attachment-size': 1024 * 1024,
    'chat.max-image-size': 512 * 1024,
  },
};

export class FakeClient implements CentionChatApi {
  baseURL = 'https://chat.example.com/s/demo';
  I: (text: string) => string | undefined = () => undefined;
  sessionId: number | undefined;
  sessionSecret: string | undefined;
  sessionAreaId: number | undefined;
  status: ClientStatus = { connection: 'idle', outbox: [] };
  readonly calls: RecordedCall[] = [];
  /** What `canChat` answers (synchronously). */
  canChatResult: CanChatResult = openCanChat;
  /** What `tryResume` answers; undefined leaves the handler pending. */
  resumeResult: ResumeResult | undefined;
  private readonly handlers = new Map<string, Set<(...args: never[]) => void>>();
  private readonly statusHandlers = new Set<(status: ClientStatus) => void>();
  private umidCount = 0;

  registerAction<E extends CentionChatEventName>(
    event: E,
    handler: CentionChatHandler<E>,
  ): () => void {
    const set = this.handlers.get(event) ?? new Set();
    set.add(handler as (...args: never[]) => void);
    this.handlers.set(event, set);
    return () => set.delete(handler as (...args: never[]) => void);
  }

  /** Fires a client event as the real client would. */
  fire<E extends CentionChatEventName>(event: E, ...args: CentionChatEventMap[E]): void {
    for (const handler of this.handlers.get(event) ?? []) {
      (handler as (...a: CentionChatEventMap[E]) => void)(...args);
    }
  }

  setStatus(status: ClientStatus): void {
    this.status = status;
    for (const handler of this.statusHandlers) handler(status);
  }

  handlerCount(): number {
    return [...this.handlers.values()].reduce((sum, set) => sum + set.size, 0);
  }

  callsOf(method: string): unknown[][] {
    return this.calls.filter((call) => call.method === method).map((call) => call.args);
  }

  private record(method: string, ...args: unknown[]): void {
    this.calls.push({ method, args });
  }

  connect(parameters: ConnectParameters): void {
    this.record('connect', parameters);
    this.sessionId = 7;
    this.sessionSecret = 'secret-7';
    this.sessionAreaId = parameters.area;
  }

  tryResume(handler: (result: ResumeResult) => void): void {
    this.record('tryResume');
    if (this.resumeResult) handler(this.resumeResult);
  }

  resetChat(): void {
    this.record('resetChat');
    this.sessionId = undefined;
    this.sessionSecret = undefined;
    this.sessionAreaId = undefined;
  }

  disconnect(): void {
    this.record('disconnect');
  }

  message(text: string): UnsentMessage | undefined {
    this.record('message', text);
    this.umidCount += 1;
    return { id: `c-test-${this.umidCount}`, message: text };
  }

  preview(text: string): void {
    this.record('preview', text);
  }

  async attachFile(
    file: File,
    cbOnDone: (unsent: UnsentMessage) => void,
    handlers?: AttachFileHandlers,
  ): Promise<UnsentMessage | undefined> {
    this.record('attachFile', file.name);
    handlers?.onProgress?.(0.5);
    const unsent = { id: `c-file-${file.name}`, message: file.name };
    cbOnDone(unsent);
    return unsent;
  }

  canChat(handler: (result: CanChatResult) => void, area: number): void {
    this.record('canChat', area);
    handler(this.canChatResult);
  }

  close(): void {
    this.record('close');
  }

  postback(title: string, data: string): void {
    this.record('postback', title, data);
  }

  seen(ids: number[]): void {
    this.record('seen', ids);
  }

  /** Set by the test: whether `loadOlder` has something to ask for. */
  hasOlder = false;

  loadOlder(): boolean {
    this.record('loadOlder');
    return this.hasOlder;
  }

  retryMessage(umid: string): void {
    this.record('retryMessage', umid);
  }

  onStatus(handler: (status: ClientStatus) => void): () => void {
    this.statusHandlers.add(handler);
    return () => this.statusHandlers.delete(handler);
  }

  saveTranscriptURL(area: number): string {
    return `${this.baseURL}/socket/external.api/savehistory?area=${area}&secret=${this.sessionSecret ?? ''}`;
  }

  printTranscriptURL(area: number): string {
    return `${this.baseURL}/socket/external.api/printhistory?area=${area}&secret=${this.sessionSecret ?? ''}`;
  }
}
