/**
 * The real `<cention-chat>` with the real client against the scriptable fake server
 * (test/support), on a small screen: the panel fills the visual viewport with 16 px inputs, and is
 * modal while open (the page behind inert, Tab kept in the panel).
 */
import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { waitFor } from '../support/fake-server-client.js';
import { find, launcher, renderChat, useFakeServer } from './chat-helpers.js';
import { shadow } from './helpers.js';

useFakeServer();

describe('<cention-chat>', () => {
  it('fills a small screen, sized to the visual viewport, with 16 px inputs', async () => {
    await setViewport({ width: 400, height: 700 });
    try {
      const el = await renderChat();
      await el.show();
      const nameField = await waitFor(
        () =>
          find<HTMLInputElement>(el, 'cention-chat-panel', 'cention-start-form', '[name="name"]'),
        'form',
      );
      const box = (
        shadow(el).querySelector('[part="panel"]') as HTMLElement
      ).getBoundingClientRect();
      expect(box.width).to.equal(400);
      expect(box.top).to.equal(window.visualViewport?.offsetTop ?? 0);
      expect(box.height).to.equal(Math.round(window.visualViewport?.height ?? 0));
      expect(getComputedStyle(nameField).fontSize).to.equal('16px');
      expect(getComputedStyle(launcher(el)).display, 'the panel covers the launcher').to.equal(
        'none',
      );
      await expect(el).to.be.accessible();
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('on a small screen the open panel is modal: the page behind is inert, Tab stays in the panel', async () => {
    await setViewport({ width: 400, height: 700 });
    const page = document.createElement('nav');
    page.innerHTML = '<a href="#one">Page link</a> <button>Page button</button>';
    document.body.prepend(page);
    try {
      const el = await renderChat();
      await el.show();
      await waitFor(
        () => find(el, 'cention-chat-panel', 'cention-start-form', '[name="name"]'),
        'form',
      );
      expect(page.inert, 'the page behind the panel').to.equal(true);
      for (let press = 0; press < 12; press++) {
        await sendKeys({ press: 'Tab' });
        expect(page.contains(document.activeElement), 'Tab reached the page').to.equal(false);
      }
      el.hide();
      expect(page.inert, 'given back when the panel closes').to.equal(false);
    } finally {
      page.remove();
      await setViewport({ width: 800, height: 600 });
    }
  });
});
