/**
 * Issue 11 in the widget: a signed visitor token skips the name and email fields (the server
 * verifies it); a refused token brings the whole form back, says why and keeps the question; and
 * the page context follows a single-page app's route changes.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { CentionChatError } from '../../src/client/errors.js';
import type { CentionChatPanel } from '../../src/components/chat-panel/chat-panel.js';
import type { CentionStartForm } from '../../src/components/start-form/start-form.js';
import { POLL_MS } from '../../src/controllers/page-context.js';
import { readVisitorClaims } from '../../src/controllers/visitor-token.js';
import type { PageFrame } from '../../src/protocol/index.js';
import { FakeClient } from './fake-client.js';
import { shadow } from './helpers.js';

/** A JWT as a site's back end makes it; the widget only reads it (the signature is the server's job). */
function tokenWith(claims: Record<string, unknown>): string {
  const part = (value: unknown) =>
    btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value))))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub: 'u-1', exp: 2e9, ...claims })}.sig`;
}
const TOKEN = tokenWith({ name: 'Åsa Öberg', email: 'asa@site.example' });

class PageClient extends FakeClient {
  readonly pages: PageFrame[] = [];
  sendPage(page: PageFrame): void {
    this.pages.push(page);
  }
}

async function renderPanel(client: FakeClient, visitorToken = TOKEN): Promise<CentionChatPanel> {
  return fixture<CentionChatPanel>(
    html`<cention-chat-panel
      .client=${client}
      .area=${1}
      .visitorToken=${visitorToken}
      lang="en"
      visible
    ></cention-chat-panel>`,
  );
}

const form = (panel: CentionChatPanel) =>
  shadow(panel).querySelector('cention-start-form') as CentionStartForm;
const field = (el: CentionStartForm, name: string) =>
  shadow(el).querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${name}"]`);

describe('visitor token in the widget', () => {
  it('reads name and email (also non-ASCII) and nothing from what is not a JWT', () => {
    expect(readVisitorClaims(TOKEN)).to.deep.equal({
      name: 'Åsa Öberg',
      email: 'asa@site.example',
    });
    expect(readVisitorClaims('not a token')).to.equal(undefined);
    expect(readVisitorClaims(tokenWith({ name: 42 }))).to.deep.equal({ name: '', email: '' });
  });

  it('skips name and email, says who the visitor chats as, and sends the token', async () => {
    const client = new FakeClient();
    const panel = await renderPanel(client);
    const el = form(panel);
    await el.updateComplete;
    expect(field(el, 'name')).to.equal(null);
    expect(field(el, 'email')).to.equal(null);
    expect(shadow(el).querySelector('.verified')?.textContent?.trim()).to.equal(
      'You are chatting as Åsa Öberg (asa@site.example).',
    );
    await expect(el).to.be.accessible();
    (field(el, 'message') as HTMLTextAreaElement).value = 'Where is my order?';
    shadow(el).querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    expect(client.callsOf('connect')).to.deep.equal([
      [
        {
          area: 1,
          name: 'Åsa Öberg',
          email: 'asa@site.example',
          message: 'Where is my order?',
          visitorToken: TOKEN,
        },
      ],
    ]);
  });

  it('asks for an email the token lacks', async () => {
    const panel = await renderPanel(new FakeClient(), tokenWith({ name: 'Åsa' }));
    const el = form(panel);
    await el.updateComplete;
    expect(field(el, 'name')).to.equal(null);
    expect(field(el, 'email')).to.be.instanceOf(HTMLInputElement);
  });

  for (const [code, words] of [
    ['visitor_token_expired', 'Your sign-in has expired. You can chat as a guest instead.'],
    [
      'visitor_token_invalid',
      'We could not confirm your sign-in. You can chat as a guest instead.',
    ],
  ] as const) {
    it(`${code}: the whole form again, why, the question kept; then a guest start`, async () => {
      const client = new FakeClient();
      const panel = await renderPanel(client);
      panel.controller.start({
        name: 'Åsa Öberg',
        email: 'asa@site.example',
        message: 'Order 4711?',
      });
      await panel.updateComplete;
      client.fire('connect_error', new CentionChatError(code, 'The visitor token was refused.'));
      await panel.updateComplete;
      const el = form(panel);
      await el.updateComplete;
      expect(client.callsOf('resetChat').length).to.equal(1);
      expect(shadow(el).querySelector('[role="alert"]')?.textContent?.trim()).to.equal(words);
      expect(field(el, 'name')).to.be.instanceOf(HTMLInputElement);
      expect(field(el, 'email')).to.be.instanceOf(HTMLInputElement);
      expect(field(el, 'message')?.value).to.equal('Order 4711?');
      expect(shadow(el).querySelector('.verified')).to.equal(null);
      await expect(el).to.be.accessible();

      panel.controller.start({ name: 'Guest', email: 'g@example.com', message: 'Order 4711?' });
      const [[guestStart]] = client.callsOf('connect').slice(1) as [[Record<string, unknown>]];
      expect(guestStart).to.not.have.property('visitorToken');
      // The site signs a fresh token: verified again.
      panel.visitorToken = tokenWith({ name: 'Åsa Öberg', iat: 2 });
      expect(panel.controller.verifiedVisitor?.name).to.equal('Åsa Öberg');
    });
  }
});

describe('page context', () => {
  it('sends the page when connected and again after a History API route change', async () => {
    const client = new PageClient();
    const start = location.href;
    await renderPanel(client, '');
    expect(client.pages).to.deep.equal([], 'nothing before a chat is connected');
    client.setStatus({ connection: 'connected', outbox: [] });
    expect(client.pages.map((page) => page.url)).to.deep.equal([start]);
    history.pushState({}, '', '#/checkout');
    document.title = 'Checkout';
    try {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS + 300));
      expect(client.pages.at(-1)).to.deep.equal({ url: `${start}#/checkout`, title: 'Checkout' });
      const count = client.pages.length;
      client.setStatus({ connection: 'reconnecting', outbox: [] });
      history.pushState({}, '', '#/elsewhere');
      await new Promise((resolve) => setTimeout(resolve, POLL_MS + 300));
      expect(client.pages.length, 'nothing while not connected').to.equal(count);
    } finally {
      history.replaceState({}, '', start);
    }
  });
});
