import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import type { CentionMessageList } from '../../src/components/message-list/message-list.js';
import type { ChatItem } from '../../src/controllers/chat-item.js';
import { item, shadow } from './helpers.js';

const liveRegion = (el: CentionMessageList) =>
  shadow(el).querySelector('[aria-live="polite"]')?.textContent?.trim() ?? '';

describe('cention-message-list', () => {
  it('is a labelled log that does not announce by itself, grouping messages by sender', async () => {
    const items: ChatItem[] = [
      item({ sender: 'CLIENT', author: 'Vera', text: 'Hi', isNew: false }),
      item({ sender: 'AGENT', author: 'Anna', text: 'Hello', isNew: false }),
      item({ sender: 'AGENT', author: 'Anna', text: 'How can I help?', isNew: false }),
    ];
    const el = await fixture<CentionMessageList>(
      html`<cention-message-list .items=${items}></cention-message-list>`,
    );
    const log = shadow(el).querySelector('[role="log"]');
    expect(log?.getAttribute('aria-live')).to.equal('off');
    expect(log?.getAttribute('aria-label')).to.equal('Chat messages');
    const messages = [...shadow(el).querySelectorAll('cention-message')];
    expect(messages.map((m) => m.isGroupStart)).to.deep.equal([true, true, false]);
    expect(liveRegion(el), 'history is not announced').to.equal('');
    await expect(el).to.be.accessible();
  });

  it('announces each new incoming message once, and never the visitor’s own', async () => {
    const history = [item({ text: 'Old news', isNew: false })];
    const el = await fixture<CentionMessageList>(
      html`<cention-message-list .items=${history}></cention-message-list>`,
    );
    el.items = [...history, item({ sender: 'CLIENT', author: 'Vera', text: 'Mine' })];
    await el.updateComplete;
    expect(liveRegion(el)).to.equal('');
    const incoming = item({ text: 'Fresh reply', author: 'Anna' });
    el.items = [...el.items, incoming];
    await el.updateComplete;
    expect(liveRegion(el)).to.equal('Anna: Fresh reply');
    // Re-rendering the same items (e.g. a delivery update) does not repeat it.
    el.items = el.items.map((i) => ({ ...i }));
    await el.updateComplete;
    expect(liveRegion(el)).to.equal('Anna: Fresh reply');
  });

  it('follows new messages at the bottom, and shows a "New messages" button when scrolled up', async () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      item({ text: `Line ${i}\nwith a second line`, isNew: false }),
    );
    const el = await fixture<CentionMessageList>(
      html`<div style="height: 240px; display: flex; flex-direction: column">
        <cention-message-list .items=${many} style="flex: 1"></cention-message-list>
      </div>`,
    ).then((wrapper) => wrapper.querySelector('cention-message-list') as CentionMessageList);
    const log = shadow(el).querySelector('.log') as HTMLElement;
    await aTimeout(0);
    expect(log.scrollHeight - log.scrollTop - log.clientHeight).to.be.below(50);

    log.scrollTop = 0;
    log.dispatchEvent(new Event('scroll'));
    el.items = [...el.items, item({ text: 'Below the fold' })];
    await el.updateComplete;
    expect(log.scrollTop, 'does not jump while the visitor reads').to.equal(0);
    const pill = shadow(el).querySelector<HTMLButtonElement>('.pill');
    expect(pill?.textContent?.trim()).to.equal('New messages');
    pill?.click();
    await el.updateComplete;
    expect(shadow(el).querySelector('.pill')).to.equal(null);
    expect(log.scrollHeight - log.scrollTop - log.clientHeight).to.be.below(50);
    // Scrolled up again, the visitor sends a message: the view follows it down.
    log.scrollTop = 0;
    log.dispatchEvent(new Event('scroll'));
    el.items = [
      ...el.items,
      item({ key: 'uc-7', id: undefined, sender: 'CLIENT', delivery: 'sending', text: 'Mine' }),
    ];
    await el.updateComplete;
    await aTimeout(0);
    expect(log.scrollHeight - log.scrollTop - log.clientHeight).to.be.below(50);
  });

  it('renders right to left', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div dir="rtl">
        <cention-message-list
          .items=${[item({ sender: 'CLIENT', text: 'مرحبا' }), item({ text: 'أهلا' })]}
        ></cention-message-list>
      </div>`,
    );
    const el = wrapper.querySelector('cention-message-list') as CentionMessageList;
    const visitor = shadow(shadow(el).querySelector('cention-message') as Element).querySelector(
      '.bubble',
    ) as HTMLElement;
    expect(getComputedStyle(visitor).direction).to.equal('rtl');
    // The visitor's bubble sits at the inline end, which is the left in RTL.
    const logBox = (shadow(el).querySelector('.log') as HTMLElement).getBoundingClientRect();
    const box = visitor.getBoundingClientRect();
    expect(box.left - logBox.left).to.be.below(logBox.right - box.right);
    await expect(wrapper).to.be.accessible();
  });
});
