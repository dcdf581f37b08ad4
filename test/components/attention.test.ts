/**
 * The tab in the background: messages that arrive while the visitor is not looking put a count
 * in the page's title (shared by every widget on the page) and, with `sound`, play a tone.
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import type { CentionChatPanel } from '../../src/components/chat-panel/chat-panel.js';
import { playTone, setTitleCount } from '../../src/controllers/attention.js';
import { FakeClient } from './fake-client.js';
import { agentMessage } from './helpers.js';

const PAGE_TITLE = 'Broadband plans';

/** Resolves once the title has changed to something else than `from` (or after ~1 s). */
async function titleAfter(from: string): Promise<string> {
  for (let i = 0; i < 50 && document.title === from; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return document.title;
}

describe('title attention', () => {
  beforeEach(() => {
    document.title = PAGE_TITLE;
  });
  afterEach(() => fixtureCleanup());

  it('shows the count in the language’s plural and gives the page its title back at 0', () => {
    const owner = {};
    setTitleCount(owner, { count: 1, locale: 'en' });
    expect(document.title).to.equal(`(1) New message · ${PAGE_TITLE}`);
    setTitleCount(owner, { count: 3, locale: 'en' });
    expect(document.title).to.equal(`(3) New messages · ${PAGE_TITLE}`);
    setTitleCount(owner, { count: 2, locale: 'sv' });
    expect(document.title).to.equal(`(2) Nya meddelanden · ${PAGE_TITLE}`);
    setTitleCount(owner, { count: 0, locale: 'en' });
    expect(document.title).to.equal(PAGE_TITLE);
  });

  it('adds the counts of two widgets and restores only when both are read', () => {
    const first = {};
    const second = {};
    setTitleCount(first, { count: 1, locale: 'en' });
    setTitleCount(second, { count: 2, locale: 'en' });
    expect(document.title).to.equal(`(3) New messages · ${PAGE_TITLE}`);
    setTitleCount(first, { count: 0, locale: 'en' });
    expect(document.title, 'the other widget still has unread').to.equal(
      `(2) New messages · ${PAGE_TITLE}`,
    );
    setTitleCount(second, { count: 0, locale: 'en' });
    expect(document.title).to.equal(PAGE_TITLE);
  });

  it('keeps a title the page set meanwhile (an SPA navigating) instead of the old one', () => {
    const owner = {};
    setTitleCount(owner, { count: 1, locale: 'en' });
    document.title = 'Checkout';
    setTitleCount(owner, { count: 2, locale: 'en' });
    expect(document.title).to.equal('(2) New messages · Checkout');
    setTitleCount(owner, { count: 0, locale: 'en' });
    expect(document.title).to.equal('Checkout');
  });

  it('plays no tone before the visitor has interacted with the page (no autoplay)', async () => {
    // The test page has had no user gesture.
    expect(navigator.userActivation.hasBeenActive).to.equal(false);
    expect(await playTone()).to.equal(false);
  });

  it('a panel that is not seen puts agent messages in the title, and clears it when seen', async () => {
    const client = new FakeClient();
    const panel = await fixture<CentionChatPanel>(
      html`<cention-chat-panel .client=${client} lang="en"></cention-chat-panel>`,
    );
    panel.controller.start({ name: 'Vera', email: 'vera@example.com', message: 'Hi' });
    client.fire('chat message', {
      agent: 'Anna',
      client: 'Vera',
      chat: [agentMessage('Hello Vera')],
    });
    expect(await titleAfter(PAGE_TITLE)).to.equal(`(1) New message · ${PAGE_TITLE}`);
    client.fire('chat message', { agent: 'Anna', client: 'Vera', chat: [agentMessage('Still?')] });
    expect(await titleAfter(`(1) New message · ${PAGE_TITLE}`)).to.equal(
      `(2) New messages · ${PAGE_TITLE}`,
    );
    panel.isVisible = true;
    expect(await titleAfter(`(2) New messages · ${PAGE_TITLE}`)).to.equal(PAGE_TITLE);
  });

  it('a removed widget takes its count out of the title', async () => {
    const client = new FakeClient();
    const panel = await fixture<CentionChatPanel>(
      html`<cention-chat-panel .client=${client} lang="en"></cention-chat-panel>`,
    );
    panel.controller.start({ name: 'Vera', email: 'vera@example.com', message: 'Hi' });
    client.fire('chat message', { agent: 'Anna', client: 'Vera', chat: [agentMessage('Hi')] });
    expect(await titleAfter(PAGE_TITLE)).to.contain('(1)');
    panel.remove();
    expect(await titleAfter(`(1) New message · ${PAGE_TITLE}`)).to.equal(PAGE_TITLE);
  });
});
