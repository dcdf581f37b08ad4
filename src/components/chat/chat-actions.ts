/**
 * What `<cention-chat>`'s methods need beside the element (chat.ts): the arguments of `start()`
 * and `prefill()`, starting a chat once the panel has settled, ending a chat on the server (`logout()`),
 * and finding the page's control that opened the panel.
 */
import type { CentionChatApi } from '../../client/types.js';
import type { ChatState } from '../../controllers/chat-state.js';
import type { CentionChatPanel } from '../chat-panel/chat-panel.js';

/** What `start()` takes: the start form's fields, and what the Chat API's `connect` adds. */
export interface CentionChatStartOptions {
  name: string;
  email: string;
  message: string;
  phone?: string;
  /** Handed to the agent with the chat (the Chat API's `externalData`). */
  externalData?: Record<string, unknown> | string;
}

/** What `prefill()` takes. */
export interface CentionChatPrefill {
  name?: string;
  email?: string;
}

/** `settledState()` waits this long at most for the panel to learn whether a chat can start. */
const START_WAIT_MS = 15000;

/** Waits while the panel is still checking or resuming (it has no event for that). */
export async function settledState(panel: CentionChatPanel): Promise<ChatState> {
  const deadline = Date.now() + START_WAIT_MS;
  const isBusy = () => ['checking', 'resuming'].includes(panel.controller.state.view);
  while (isBusy() && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return panel.controller.state;
}

/**
 * `start()` once the panel is shown: sends what the start form would, or resolves `false` (and
 * starts nothing) when a chat is already under way or none can start now.
 */
export async function startWithoutForm(
  panel: CentionChatPanel,
  options: CentionChatStartOptions,
): Promise<boolean> {
  const state = await settledState(panel);
  const canChat = state.canChat;
  if (state.view !== 'start' || state.refusal || !canChat || canChat.error) return false;
  if (!canChat.chatOpen || canChat.agentsAvailable <= 0) return false;
  panel.controller.start(options);
  panel.focus();
  return true;
}

/** Asks the server to end the chat and waits (a few seconds at most) until it has. */
export function endChat(client: CentionChatApi): Promise<void> {
  return new Promise((resolve) => {
    const offs = [
      client.registerAction('chat closed', () => done()),
      client.registerAction('finish chat session', () => done()),
    ];
    const timer = setTimeout(() => done(), 3000);
    function done() {
      clearTimeout(timer);
      for (const off of offs) off();
      resolve();
    }
    client.close();
  });
}

/** The focused element, looking into shadow roots (the page's button may sit in one). */
export function deepActiveElement(): HTMLElement | undefined {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : undefined;
}
