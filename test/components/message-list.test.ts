import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CentionMessageList } from '../../src/components/message-list/message-list.js';
import type { ChatItem } from '../../src/controllers/chat-item.js';
import { en } from '../../src/i18n/en.js';
import { sv } from '../../src/i18n/sv.js';
import { item, shadow } from './helpers.js';

/** The live region's nodes: one per announcement. */
const spoken = (el: CentionMessageList) =>
  [...shadow(el).querySelectorAll('[aria-live="polite"] > *')].map((node) => node.textContent);

const frames = (count = 2) =>
  new Promise<void>((resolve) => {
    const step = (left: number) =>
      left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1));
    step(count);
  });

/** A list in a column (240 px high unless told), as in the panel. */
async function tallList(items: ChatItem[], width = 380, height = 240): Promise<CentionMessageList> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div style="height: ${height}px; width: ${width}px; display: flex; flex-direction: column">
      <cention-message-list .items=${items} style="flex: 1"></cention-message-list>
    </div>`,
  );
  const el = wrapper.querySelector('cention-message-list') as CentionMessageList;
  await el.updateComplete;
  await frames();
  return el;
}

const logOf = (el: CentionMessageList) => shadow(el).querySelector('.log') as HTMLElement;
const distanceFromEnd = (log: HTMLElement) => log.scrollHeight - log.scrollTop - log.clientHeight;

/** The last row is wholly inside the log's box. */
function lastRowVisible(el: CentionMessageList): boolean {
  const log = logOf(el).getBoundingClientRect();
  const rows = shadow(el).querySelectorAll('.row');
  const last = rows[rows.length - 1]?.getBoundingClientRect();
  return !!last && last.bottom <= log.bottom + 1 && last.top >= log.top - 1;
}

const history = (count: number, from = 0) =>
  Array.from({ length: count }, (_, i) =>
    item({ text: `Line ${from + i}\nwith a second line`, isNew: false }),
  );

/** A PNG of this size as a data URL: it loads (and takes its height) after the row is laid out. */
function pngOf(width: number, height: number): string {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return canvas.toDataURL('image/png');
}

describe('cention-message-list', () => {
  it('is a labelled log of list items that does not announce by itself, grouping by sender', async () => {
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
    const rows = [...shadow(el).querySelectorAll('[role="listitem"]')];
    expect(rows.map((row) => row.querySelector('.group-start') !== null)).to.deep.equal([
      true,
      true,
      false,
    ]);
    expect(spoken(el), 'history is not announced').to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('announces each new incoming message once, in its own node, even in a burst; never the visitor’s own', async () => {
    const old = [item({ text: 'Old news', isNew: false })];
    const el = await fixture<CentionMessageList>(
      html`<cention-message-list .items=${old}></cention-message-list>`,
    );
    el.items = [...old, item({ sender: 'CLIENT', author: 'Vera', text: 'Mine' })];
    await el.updateComplete;
    expect(spoken(el)).to.deep.equal([]);
    // Three robot answers within a few milliseconds: three announcements, in order.
    for (const text of ['One', 'Two', 'Three']) {
      el.items = [...el.items, item({ text, author: 'FAQ Robot' })];
      await aTimeout(4);
    }
    await el.updateComplete;
    expect(spoken(el)).to.deep.equal(['FAQ Robot: One', 'FAQ Robot: Two', 'FAQ Robot: Three']);
    // Re-rendering the same items (e.g. a delivery update) does not repeat them.
    el.items = el.items.map((i) => ({ ...i }));
    await el.updateComplete;
    expect(spoken(el)).to.have.length(3);
  });

  it('never announces older pages put above, and keeps the first visible message where it was', async () => {
    const newest = history(30, 100);
    const el = await tallList(newest);
    const log = logOf(el);
    log.scrollTop = 500;
    log.dispatchEvent(new Event('scroll'));
    await frames(1);
    const firstVisible = [...shadow(el).querySelectorAll<HTMLElement>('.row')].find(
      (row) => row.getBoundingClientRect().bottom > log.getBoundingClientRect().top,
    ) as HTMLElement;
    const before = firstVisible.getBoundingClientRect().top;
    el.items = [...history(40, 0), ...newest];
    await el.updateComplete;
    expect(shadow(el).querySelectorAll('.row')).to.have.length(70);
    expect(firstVisible.isConnected, 'the rows shown are kept, not rendered again').to.equal(true);
    expect(Math.abs(firstVisible.getBoundingClientRect().top - before)).to.be.below(2);
    expect(spoken(el)).to.deep.equal([]);
  });

  it('asks for older messages when scrolled near the top, once until they arrive', async () => {
    const el = await tallList(history(30));
    el.hasOlder = true;
    await el.updateComplete;
    let requests = 0;
    el.addEventListener('cention-history-request', () => (requests += 1));
    const log = logOf(el);
    setTimeout(() => {
      log.scrollTop = 0;
      log.dispatchEvent(new Event('scroll'));
    });
    await oneEvent(el, 'cention-history-request');
    log.dispatchEvent(new Event('scroll'));
    expect(requests).to.equal(1);
  });

  it('follows new messages at the bottom, and shows a "New messages" button when scrolled up', async () => {
    const el = await tallList(history(30));
    const log = logOf(el);
    expect(distanceFromEnd(log)).to.be.below(2);

    log.scrollTop = 0;
    log.dispatchEvent(new Event('scroll'));
    el.items = [...el.items, item({ text: 'Below the fold' })];
    await el.updateComplete;
    await frames();
    expect(log.scrollTop, 'does not jump while the visitor reads').to.equal(0);
    const pill = shadow(el).querySelector<HTMLButtonElement>('.pill');
    expect(pill?.textContent?.trim()).to.equal('New messages');
    pill?.click();
    await el.updateComplete;
    await frames();
    expect(shadow(el).querySelector('.pill')).to.equal(null);
    expect(distanceFromEnd(log)).to.be.below(2);
    // Scrolled up again, the visitor sends a message: the view follows it down.
    log.scrollTop = 0;
    log.dispatchEvent(new Event('scroll'));
    el.items = [
      ...el.items,
      item({ key: 'uc-7', id: undefined, sender: 'CLIENT', delivery: 'sending', text: 'Mine' }),
    ];
    await el.updateComplete;
    await frames();
    expect(distanceFromEnd(log)).to.be.below(2);
  });

  for (const width of [1280, 375]) {
    it(`keeps the newest message fully in view when an image in it loads (${width} px)`, async () => {
      // The panel's log: 380 px wide on a desktop, the whole width of a phone.
      const el = await tallList(history(20), width > 480 ? 380 : width, 420);
      const image = item({
        kind: 'file',
        text: 'FAQ Robot attached a file.',
        author: 'FAQ Robot',
        file: { name: 'map.png', url: pngOf(200, 300), mime: 'image/png' },
      });
      el.items = [...el.items, image];
      await el.updateComplete;
      const img = shadow(el).querySelector<HTMLImageElement>('img.thumbnail') as HTMLImageElement;
      if (!img.complete) await oneEvent(img, 'load');
      await frames(3);
      expect(img.getBoundingClientRect().height).to.be.above(100);
      expect(lastRowVisible(el), 'the image row is wholly in view').to.equal(true);
      expect(shadow(el).querySelector('.pill')).to.equal(null);
    });
  }

  it('stays at the bottom when the log itself shrinks (a banner or the end question above it)', async () => {
    const el = await tallList(history(20));
    (el.parentElement as HTMLElement).style.height = '160px';
    await frames(3);
    expect(distanceFromEnd(logOf(el))).to.be.below(2);
  });

  it('announces a failed send with why, once, and again when it fails after a retry', async () => {
    const mine = item({ key: 'uc-9', id: undefined, umid: 'c-9', sender: 'CLIENT', text: 'Hi?' });
    const el = await fixture<CentionMessageList>(
      html`<cention-message-list
        .items=${[{ ...mine, delivery: 'sending' }]}
      ></cention-message-list>`,
    );
    const why = 'Too many messages at once: wait a moment, then retry.';
    el.items = [{ ...mine, delivery: 'failed', failure: 'rate_limited' }];
    await el.updateComplete;
    expect(spoken(el)).to.deep.equal([`Not sent. ${why} You: Hi?`]);
    el.items = [{ ...mine, delivery: 'failed', failure: 'rate_limited' }];
    await el.updateComplete;
    expect(spoken(el)).to.have.length(1);
    expect(shadow(el).querySelector('.delivery')?.textContent).to.equal(`Not sent. ${why}`);
    // Retry: sending again, then refused as too long this time: heard again, with the new reason.
    el.items = [{ ...mine, delivery: 'sending' }];
    await el.updateComplete;
    el.items = [{ ...mine, delivery: 'failed', failure: 'bad_frame' }];
    await el.updateComplete;
    expect(spoken(el)).to.have.length(2);
    expect(spoken(el)[1]).to.equal(
      'Not sent. The server refused it: at most 10,000 characters. You: Hi?',
    );
  });

  it("says each reason a send can fail for, in the visitor's language", async () => {
    const mine = item({ key: 'uc-8', id: undefined, umid: 'c-8', sender: 'CLIENT', text: 'x' });
    const reasons = [
      ['too_large', 'It is too large to send.', 'Det är för stort för att skickas.'],
      ['chat_closed', 'The chat has ended.', 'Chatten har avslutats.'],
      ['server_error', 'The server had a problem.', 'Ett fel uppstod på servern.'],
      ['no_answer', 'No answer from the server.', 'Inget svar från servern.'],
    ] as const;
    for (const [failure, english, swedish] of reasons) {
      for (const [strings, text] of [
        [undefined, english],
        [sv, swedish],
      ] as const) {
        const el = await fixture<CentionMessageList>(
          html`<cention-message-list
            .items=${[{ ...mine, delivery: 'failed', failure }]}
            .strings=${strings ?? en}
          ></cention-message-list>`,
        );
        expect(shadow(el).querySelector('.delivery')?.textContent).to.contain(text);
        expect(shadow(el).querySelector('[data-retry]'), 'Retry').to.not.equal(null);
      }
    }
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
    const visitor = shadow(el).querySelector('.visitor .bubble') as HTMLElement;
    expect(getComputedStyle(visitor).direction).to.equal('rtl');
    // The visitor's bubble sits at the inline end, which is the left in RTL.
    const logBox = logOf(el).getBoundingClientRect();
    const box = visitor.getBoundingClientRect();
    expect(box.left - logBox.left).to.be.below(logBox.right - box.right);
    await expect(wrapper).to.be.accessible();
  });
});

/** What has focus, looking through shadow roots: never `<body>` after an action in the log. */
function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

describe('focus after actions in the log', () => {
  it('Retry: focus moves to the log, and stays there when the row is replaced', async () => {
    const mine = item({ key: 'uc-3', id: undefined, umid: 'c-3', sender: 'CLIENT', text: 'Hi' });
    const el = await tallList([
      ...history(5),
      { ...mine, delivery: 'failed', failure: 'no_answer' },
    ]);
    const retry = shadow(el).querySelector<HTMLButtonElement>('[data-retry]');
    retry?.focus();
    await sendKeys({ press: 'Enter' });
    expect(deepActiveElement()).to.equal(logOf(el));
    // The panel sends it again; then the stored copy replaces the local row.
    el.items = [...history(5), { ...mine, delivery: 'sending' }];
    await el.updateComplete;
    el.items = [...history(5), { ...mine, key: 'm99', id: 99, delivery: 'sent' }];
    await el.updateComplete;
    expect(deepActiveElement()).to.equal(logOf(el));
    expect(document.activeElement).to.not.equal(document.body);
  });

  it('a postback button keeps focus when its choice locks it', async () => {
    const template = item({
      key: 'm7',
      kind: 'template',
      text: 'Pick one',
      template: {
        type: 'button',
        text: 'Pick one',
        buttons: [
          { type: 'postback', title: 'A', data: 'a' },
          { type: 'postback', title: 'B', data: 'b' },
        ],
      },
    });
    const el = await tallList([template]);
    const first = shadow(el).querySelector<HTMLButtonElement>('.buttons button');
    first?.focus();
    setTimeout(() => void sendKeys({ press: 'Enter' }));
    await oneEvent(el, 'cention-template-choose');
    // What addChoice does: the template remembers the choice, the log shows it.
    el.items = [
      { ...template, chosen: 'A' },
      item({ key: 'c1', kind: 'choice', sender: 'CLIENT', text: 'A' }),
    ];
    await el.updateComplete;
    expect(deepActiveElement()).to.equal(first);
    expect(first?.getAttribute('aria-disabled')).to.equal('true');
  });

  it('"New messages": focus moves to the log as the button goes', async () => {
    const el = await tallList(history(30));
    const log = logOf(el);
    log.scrollTop = 0;
    log.dispatchEvent(new Event('scroll'));
    el.items = [...el.items, item({ text: 'Below the fold' })];
    await el.updateComplete;
    shadow(el).querySelector<HTMLButtonElement>('.pill')?.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(shadow(el).querySelector('.pill')).to.equal(null);
    expect(deepActiveElement()).to.equal(log);
  });
});
