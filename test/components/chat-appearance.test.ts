/**
 * The real `<cention-chat>` with the real client against the scriptable fake server
 * (test/support), how it looks in a page: its parts styled from outside, the page language, RTL
 * and the dark theme, and sitting inline with a prefilled form.
 */
import { expect } from '@open-wc/testing';
import { waitFor } from '../support/fake-server-client.js';
import {
  find,
  launcher,
  messageTexts,
  renderChat,
  startChat,
  useFakeServer,
} from './chat-helpers.js';
import { shadow } from './helpers.js';

useFakeServer();

describe('<cention-chat>', () => {
  it('exposes its parts to page styles through every shadow root', async () => {
    const style = document.createElement('style');
    style.textContent = [
      'launcher',
      'panel',
      'header',
      'messages',
      'message',
      'composer',
      'send-button',
    ]
      .map(
        (name, index) => `cention-chat::part(${name}) { outline: 1px solid rgb(${index}, 1, 2); }`,
      )
      .join('\n');
    document.head.append(style);
    try {
      const el = await renderChat();
      await startChat(el);
      await waitFor(() => messageTexts(el).length > 0, 'a message');
      const outline = (element: Element | null | undefined) =>
        element ? getComputedStyle(element).outlineColor : 'missing';
      const panel = 'cention-chat-panel';
      const list = [panel, 'cention-message-list'];
      expect(outline(launcher(el))).to.equal('rgb(0, 1, 2)');
      expect(outline(shadow(el).querySelector('[part="panel"]'))).to.equal('rgb(1, 1, 2)');
      expect(outline(find(el, panel, '[part="header"]'))).to.equal('rgb(2, 1, 2)');
      expect(outline(find(el, ...list, '[part="messages"]'))).to.equal('rgb(3, 1, 2)');
      expect(outline(find(el, ...list, '[part="message"]'))).to.equal('rgb(4, 1, 2)');
      expect(outline(find(el, panel, 'cention-composer', '[part="composer"]'))).to.equal(
        'rgb(5, 1, 2)',
      );
      expect(outline(find(el, panel, 'cention-composer', '[part="send-button"]'))).to.equal(
        'rgb(6, 1, 2)',
      );
    } finally {
      style.remove();
    }
  });

  it('speaks the page language, follows RTL, and themes dark', async () => {
    const el = await renderChat('lang="sv" dir="rtl" theme="dark"');
    expect(launcher(el).getAttribute('aria-label')).to.equal('Öppna chatten');
    const box = launcher(el).getBoundingClientRect();
    expect(box.left, 'bottom-end is the left side in RTL').to.be.below(window.innerWidth / 2);
    const background = getComputedStyle(launcher(el)).backgroundColor;
    expect(background).to.equal('rgb(168, 199, 250)');
    await el.show();
    const submit = await waitFor(
      () => find(el, 'cention-chat-panel', 'cention-start-form', 'button[type="submit"]'),
      'form',
    );
    expect(submit.textContent?.trim()).to.equal('Starta chatten');
    await expect(el).to.be.accessible();
  });

  it('sits in the page when inline, and prefill fills the form', async () => {
    const el = await renderChat('inline');
    el.prefill({ name: 'Vera', email: 'vera@example.com' });
    expect(shadow(el).querySelector<HTMLElement>('[part="launcher"]')?.hidden).to.equal(true);
    const nameField = await waitFor(
      () => find<HTMLInputElement>(el, 'cention-chat-panel', 'cention-start-form', '[name="name"]'),
      'inline form',
    );
    expect(nameField.value).to.equal('Vera');
    expect(find(el, 'cention-chat-panel', '[role="region"]')).to.be.instanceOf(HTMLElement);
    expect(find(el, 'cention-chat-panel', '.minimise')).to.equal(undefined);
    await expect(el).to.be.accessible();
  });
});
