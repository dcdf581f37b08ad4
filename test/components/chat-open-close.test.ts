/**
 * The real `<cention-chat>` with the real client against the scriptable fake server
 * (test/support), opening and closing: only the launcher before a chat, the panel opened and
 * closed by keyboard with the focus moved in and back, and the unread badge while closed.
 */
import { aTimeout, expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { waitFor } from '../support/fake-server-client.js';
import {
  deepActiveElement,
  launcher,
  panelOf,
  renderChat,
  server,
  startChat,
  useFakeServer,
} from './chat-helpers.js';
import { shadow } from './helpers.js';

useFakeServer();

describe('<cention-chat>', () => {
  it('draws only the launcher: no panel, no connection, nothing stored before a chat', async () => {
    const el = await renderChat();
    expect(launcher(el).getAttribute('aria-label')).to.equal('Open chat');
    expect(launcher(el).getAttribute('aria-expanded')).to.equal('false');
    expect(panelOf(el)).to.equal(null);
    await aTimeout(50);
    expect(await server.received()).to.deep.equal([]);
    expect(await server.httpRequests()).to.deep.equal([]);
    expect(sessionStorage.length).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('opens with the launcher, moves focus in, and Escape closes it back to the launcher', async () => {
    const el = await renderChat();
    launcher(el).focus();
    setTimeout(() => sendKeys({ press: 'Enter' }));
    await oneEvent(el, 'cention-chat-open');
    expect(el.hasAttribute('open')).to.equal(true);
    const nameField = await waitFor(
      () => deepActiveElement()?.getAttribute('name') === 'name' && deepActiveElement(),
      'focus in the name field',
    );
    expect(nameField).to.be.instanceOf(HTMLInputElement);
    expect(launcher(el).getAttribute('aria-expanded')).to.equal('true');
    await expect(el).to.be.accessible();
    expect(await server.openConnections(), 'opening is not starting a chat').to.deep.equal([]);
    expect(sessionStorage.length, 'nothing stored by opening').to.equal(0);

    setTimeout(() => sendKeys({ press: 'Escape' }));
    await oneEvent(el, 'cention-chat-close');
    expect(el.hasAttribute('open')).to.equal(false);
    expect(shadow(el).activeElement).to.equal(launcher(el));
    expect((shadow(el).querySelector('[part="panel"]') as HTMLElement).hidden).to.equal(true);
  });

  it('counts unread agent messages on the launcher badge while closed', async () => {
    const el = await renderChat();
    await startChat(el);
    await el.close();
    const change = oneEvent(el, 'cention-unread-change');
    await server.pushMessage('Are you still there?');
    expect((await change).detail.count).to.equal(1);
    const badge = shadow(el).querySelector('.badge') as HTMLElement;
    expect(badge.hidden).to.equal(false);
    expect(badge.textContent).to.equal('1');
    expect(launcher(el).getAttribute('aria-label')).to.equal('Open chat, 1 unread message');
    await expect(el).to.be.accessible();
    const cleared = oneEvent(el, 'cention-unread-change');
    await el.show();
    expect((await cleared).detail.count).to.equal(0);
    expect(badge.hidden).to.equal(true);
    const [seen] = await server.waitForFrames('seen');
    expect(seen?.data?.ids).to.be.an('array').with.length.above(0);
  });
});
