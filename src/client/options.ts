/**
 * The options of a client with their defaults (each one is documented on `CentionChatOptions` in
 * types.ts and in docs/client.md).
 */
import type { TransportFactory } from './transport/transport.js';
import type { CentionChatOptions } from './types.js';

/** SockJS (transport/sockjs.ts), loaded when the first chat connects, not with every page. */
const defaultTransport: TransportFactory = (url, handlers) =>
  import('./transport/sockjs.js').then((module) => module.createSockJSTransport(url, handlers));

/** Every option but `baseURL` (a property of the client), with its default filled in. */
export type ResolvedOptions = Required<Omit<CentionChatOptions, 'baseURL'>>;

export function resolveOptions(options: CentionChatOptions): ResolvedOptions {
  // Spread order: the defaults, then every option the caller set (undefined does not override).
  const defined = Object.fromEntries(
    Object.entries(options).filter(([, value]) => value !== undefined),
  ) as CentionChatOptions;
  return {
    // Every tab of the site sees the chat, as the original's cookie session did; 'sessionStorage'
    // keeps it to one tab.
    sessionStorage: 'localStorage',
    storageKey: '',
    previewThrottleMs: 500,
    reconnectMinDelayMs: 500,
    reconnectMaxDelayMs: 20000,
    idleTimeoutMs: 45000,
    messageTimeoutMs: 20000,
    debug: false,
    historyPageSize: 0,
    // SockJS, fetched only when a chat actually connects.
    transport: defaultTransport,
    networkEventTarget: typeof window === 'undefined' ? null : window,
    ...defined,
  };
}
