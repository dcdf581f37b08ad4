/**
 * Shared bits of the chat-*.test.ts files, which drive the real `<cention-chat>` with the real
 * client against the scriptable fake server (test/support): a fresh server per test, the element
 * rendered, parts found in its nested shadow roots, and a chat started through the start form.
 */
import { fixture, fixtureCleanup } from '@open-wc/testing';
import { CentionChatElement } from '../../src/embed.js';
import type { CentionChatPanel } from '../../src/components/chat-panel/chat-panel.js';
import { startFakeServer, waitFor, type FakeServer } from '../support/fake-server-client.js';
import { shadow } from './helpers.js';

/** The current test's server, set by the `beforeEach` of `useFakeServer()` (a live binding). */
export let server: FakeServer;

/** Before each test: empty storage and a new fake server; after it: no fixtures, server stopped. */
export function useFakeServer(): void {
  beforeEach(async () => {
    sessionStorage.clear();
    localStorage.clear();
    server = await startFakeServer();
  });

  afterEach(async () => {
    fixtureCleanup();
    await server.stop();
  });
}

export async function renderChat(attributes = ''): Promise<CentionChatElement> {
  const wrapper = await fixture<HTMLDivElement>(
    // Attributes vary per test; the markup is ours, so building it as a string is safe here.
    `<div><cention-chat base-url="${server.baseURL}" area="2" ${attributes}></cention-chat></div>`,
  );
  return wrapper.querySelector('cention-chat') as CentionChatElement;
}

export const launcher = (el: CentionChatElement) =>
  shadow(el).querySelector('[part="launcher"]') as HTMLButtonElement;

export const panelOf = (el: CentionChatElement) =>
  shadow(el).querySelector('cention-chat-panel') as CentionChatPanel | null;

/**
 * Finds an element inside the panel's nested shadow roots; undefined (not null) when missing, so
 * `waitFor(() => find(…))` keeps waiting.
 */
export function find<T extends Element = HTMLElement>(
  el: CentionChatElement,
  ...path: string[]
): T | undefined {
  let root: ParentNode | null = shadow(el);
  let found: Element | null = null;
  for (const selector of path) {
    found = root?.querySelector(selector) ?? null;
    root = found?.shadowRoot ?? found;
  }
  return (found as T | null) ?? undefined;
}

export const deepActiveElement = (): Element | null => {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
};

export async function startChat(el: CentionChatElement): Promise<void> {
  await el.show();
  const form = await waitFor(() => find(el, 'cention-chat-panel', 'cention-start-form'), 'form');
  const root = shadow(form);
  await waitFor(() => root.querySelector('[name="name"]'), 'name field');
  (root.querySelector('[name="name"]') as HTMLInputElement).value = 'Vera';
  (root.querySelector('[name="email"]') as HTMLInputElement).value = 'vera@example.com';
  (root.querySelector('[name="message"]') as HTMLTextAreaElement).value = 'Where is my parcel?';
  (root.querySelector('button[type="submit"]') as HTMLButtonElement).click();
  await server.waitForFrames('register');
  await waitFor(() => find(el, 'cention-chat-panel', 'cention-message-list'), 'message list');
}

export const messageTexts = (el: CentionChatElement): string[] => {
  const list = find(el, 'cention-chat-panel', 'cention-message-list');
  if (!list?.shadowRoot) return [];
  return messageRows(el).map(
    (row) => row.querySelector('.bubble')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
  );
};

/** The log's rows of messages (without the widget's own "joined" lines). */
export function messageRows(el: CentionChatElement): Element[] {
  const list = find(el, 'cention-chat-panel', 'cention-message-list');
  return [...(list?.shadowRoot?.querySelectorAll('.row') ?? [])].filter(
    (row) => !row.querySelector('.system') || !row.textContent?.includes('joined the chat'),
  );
}
