/**
 * The real `<cention-chat>` entry against the scriptable fake server (test/support), as a script
 * on old pages: the original global `_CentionChat` factory still works, and loading a second copy
 * of the script does not throw.
 */
import { expect } from '@open-wc/testing';
import { CentionChatElement } from '../../src/embed.js';
import { server, useFakeServer } from './chat-helpers.js';

useFakeServer();

describe('<cention-chat>', () => {
  it('keeps the original global factory, and a second copy of the script does not throw', async () => {
    expect(window._CentionChat).to.be.a('function');
    const CentionChat = window._CentionChat?.();
    if (!CentionChat) throw new Error('no factory');
    CentionChat.baseURL = server.baseURL;
    const result = await new Promise<{ chatOpen: boolean }>((resolve) =>
      CentionChat.canChat(resolve, 2),
    );
    expect(result.chatOpen).to.equal(true);
    // A second copy of the entry (another URL, so the module runs again).
    await import(/* @vite-ignore */ `../../src/embed.ts?copy=${Date.now()}`);
    expect(customElements.get('cention-chat')).to.equal(CentionChatElement);
  });
});
