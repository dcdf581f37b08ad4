/** Shared bits of the component tests: element registration and message builders. */
import type { ChatMessage } from '../../src/protocol/index.js';
import type { ChatItem } from '../../src/controllers/chat-item.js';
import { defineEndViews } from '../../src/components/end-views/end-views-chunk.js';
import { registerPanelElements } from '../../src/components/register.js';

registerPanelElements(async () => (await import('dompurify')).default);
defineEndViews();

let nextId = 100;

export function agentMessage(text: string, overrides: Partial<ChatMessage> = {}): ChatMessage {
  nextId += 1;
  return {
    id: nextId,
    umid: '',
    sender: 'AGENT',
    sent: 1_700_000_000,
    sentHuman: '10:15',
    text,
    agent: 'Anna',
    ...overrides,
  };
}

export function structured(item: Record<string, unknown>): string {
  return '\u0001' + JSON.stringify(item);
}

export function item(overrides: Partial<ChatItem> = {}): ChatItem {
  nextId += 1;
  return {
    key: `m${nextId}`,
    id: nextId,
    order: nextId,
    sender: 'AGENT',
    author: 'Anna',
    sentHuman: '10:15',
    kind: 'text',
    text: 'Hello',
    isNew: true,
    ...overrides,
  };
}

/** The shadow root of an element, typed as present. */
export function shadow(element: Element): ShadowRoot {
  if (!element.shadowRoot) throw new Error(`${element.localName} has no shadow root`);
  return element.shadowRoot;
}
