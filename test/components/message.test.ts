import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { CentionMessageList } from '../../src/components/message-list/message-list.js';
import { toChatItem } from '../../src/controllers/chat-item.js';
import { sv } from '../../src/i18n/sv.js';
import { agentMessage, item, shadow, structured } from './helpers.js';

const names = { agent: 'Anna', client: 'Vera' };
const keepEnglish = () => undefined;

/** One row of the log: a message list holding just this item (rows are not elements). */
async function renderItem(
  chatItem = item(),
  options: { ended?: boolean; baseUrl?: string; downloadToken?: string } = {},
): Promise<CentionMessageList> {
  return fixture<CentionMessageList>(
    html`<cention-message-list
      .items=${[chatItem]}
      .baseUrl=${options.baseUrl ?? 'https://chat.example.com/s/demo'}
      .downloadToken=${options.downloadToken ?? ''}
      ?ended=${options.ended ?? false}
    ></cention-message-list>`,
  );
}

describe('message rows', () => {
  it('shows a visitor message as plain text, never as HTML', async () => {
    const el = await renderItem(
      item({ sender: 'CLIENT', author: 'Vera', text: '<b>bold?</b>', delivery: 'sent' }),
    );
    const root = shadow(el);
    expect(root.querySelector('b')).to.equal(null);
    expect(root.querySelector('.text')?.textContent).to.equal('<b>bold?</b>');
    expect(root.querySelector('.delivery')?.textContent).to.equal('Sent');
    await expect(el).to.be.accessible();
  });

  it('sanitises hostile agent HTML: no script, no handlers, no javascript: links', async () => {
    const hostile =
      '<p>Hi <img src="data:image/png;base64,AAAA" onerror="window.__pwned = true"></p>' +
      '<script>window.__pwned = true</script>' +
      '<a href="javascript:window.__pwned=true">click</a>' +
      '<a href="https://example.com/help">help</a>' +
      '<form action="https://evil.example"><input name="password"></form>' +
      '<p style="position:fixed">styled</p>';
    const el = await renderItem(toChatItem(agentMessage(hostile), names, keepEnglish, true));
    const root = shadow(el);
    const html = root.querySelector('.html');
    expect(html, 'agent html container').to.be.instanceOf(HTMLElement);
    expect(root.querySelector('script')).to.equal(null);
    expect(root.querySelector('[onerror]')).to.equal(null);
    expect(root.querySelector('form, input')).to.equal(null);
    expect(root.querySelector('[style]')).to.equal(null);
    const links = [...root.querySelectorAll<HTMLAnchorElement>('.html a')];
    expect(links.some((a) => (a.getAttribute('href') ?? '').startsWith('javascript'))).to.equal(
      false,
    );
    const help = links.find((a) => a.textContent === 'help (opens in a new tab)');
    expect(help?.getAttribute('target')).to.equal('_blank');
    expect(help?.getAttribute('rel')).to.equal('noopener noreferrer');
    expect((window as unknown as { __pwned?: boolean }).__pwned).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('shows a file with a download link and an image thumbnail', async () => {
    const message = agentMessage(
      structured({
        event: 'FILE_UPLOAD',
        fileDownload: '/socket/external.api/download/f1',
        fileName: 'photo.png',
        sizeHuman: '12 KB',
        mime: 'image/png',
      }),
    );
    const el = await renderItem(toChatItem(message, names, keepEnglish, true));
    const root = shadow(el);
    expect(root.textContent).to.contain('Anna attached a file.');
    const link = root.querySelector<HTMLAnchorElement>('.file a[download]');
    expect(link?.href).to.equal('https://chat.example.com/s/demo/socket/external.api/download/f1');
    expect(link?.rel).to.equal('noopener noreferrer');
    expect(link?.textContent).to.contain('Download photo.png (12 KB)');
    // The thumbnail opens the image full size in a new tab, and says so.
    expect(root.querySelector<HTMLImageElement>('img.thumbnail')?.alt).to.equal(
      'Open photo.png full size',
    );
    const larger = root.querySelector<HTMLAnchorElement>('a.thumbnail-link');
    expect(larger?.target).to.equal('_blank');
    expect(larger?.textContent).to.contain('(opens in a new tab)');
    await expect(el).to.be.accessible();
  });

  it('adds the session secret to the chat server’s download addresses only', async () => {
    const file = (url: string) =>
      toChatItem(
        agentMessage(structured({ event: 'FILE_UPLOAD', fileDownload: url, fileName: 'a.pdf' })),
        names,
        keepEnglish,
        true,
      );
    const own = await renderItem(
      file('https://chat.example.com/s/demo/socket/external.api/download/f9'),
      { downloadToken: 's3cret' },
    );
    expect(shadow(own).querySelector<HTMLAnchorElement>('.file a[download]')?.href).to.equal(
      'https://chat.example.com/s/demo/socket/external.api/download/f9?t=s3cret',
    );
    const elsewhere = await renderItem(
      file('https://files.example.org/socket/external.api/download/f9'),
      { downloadToken: 's3cret' },
    );
    expect(
      shadow(elsewhere).querySelector<HTMLAnchorElement>('.file a[download]')?.href,
    ).to.not.contain('s3cret');
  });

  it('shows a robot image sent as data, but refuses SVG data and script addresses', async () => {
    const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAUA';
    const robotImage = toChatItem(
      agentMessage(structured({ event: 'FILE_UPLOAD', fileDownload: png, fileName: 'a.png' })),
      names,
      keepEnglish,
      true,
    );
    const el = await renderItem(robotImage);
    expect(shadow(el).querySelector<HTMLImageElement>('img.thumbnail')?.src).to.equal(png);

    const svg = toChatItem(
      agentMessage(
        structured({
          event: 'FILE_UPLOAD',
          fileDownload: 'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=',
          fileName: 'evil.svg',
        }),
      ),
      names,
      keepEnglish,
      true,
    );
    const svgEl = await renderItem(svg);
    expect(shadow(svgEl).querySelector('img, .file a')).to.equal(null);
    expect(shadow(svgEl).textContent).to.contain('evil.svg');

    const script = toChatItem(
      agentMessage(
        structured({ event: 'FILE_UPLOAD', fileDownload: 'javascript:alert(1)', fileName: 'x' }),
      ),
      names,
      keepEnglish,
      true,
    );
    expect(shadow(await renderItem(script)).querySelector('a')).to.equal(null);
  });

  it('renders a robot template: url buttons open a new tab, postback buttons ask to be chosen', async () => {
    const template = toChatItem(
      agentMessage(
        structured({
          event: 'TEMPLATE',
          template: {
            type: 'button',
            text: 'How can I help?',
            buttons: [
              { type: 'url', title: 'Opening hours', url: 'https://example.com/hours' },
              { type: 'url', title: 'Bad', url: 'javascript:alert(1)' },
              { type: 'postback', title: 'Talk to a human', data: 'human' },
            ],
          },
        }),
      ),
      names,
      keepEnglish,
      true,
    );
    const el = await renderItem(template);
    const root = shadow(el);
    expect(root.textContent).to.contain('How can I help?');
    const links = root.querySelectorAll<HTMLAnchorElement>('.buttons a');
    expect(links.length, 'the javascript: button is dropped').to.equal(1);
    expect(links[0]?.target).to.equal('_blank');
    expect(links[0]?.rel).to.equal('noopener noreferrer');
    const button = root.querySelector<HTMLButtonElement>('.buttons button');
    expect(button?.textContent?.trim()).to.equal('Talk to a human');
    setTimeout(() => button?.click());
    const event = await oneEvent(el, 'cention-template-choose');
    expect(event.detail.button).to.deep.equal({
      type: 'postback',
      title: 'Talk to a human',
      data: 'human',
    });
    await expect(el).to.be.accessible();
  });

  it('marks the chosen postback button and locks the others out of the Tab order; all after the chat ended', async () => {
    const base = item({
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
    const el = await renderItem({ ...base, chosen: 'B' });
    const buttons = [...shadow(el).querySelectorAll('button')];
    expect(buttons.map((b) => b.getAttribute('aria-pressed'))).to.deep.equal(['false', 'true']);
    expect(buttons.every((b) => b.getAttribute('aria-disabled') === 'true')).to.equal(true);
    expect(
      buttons.map((b) => b.tabIndex),
      'a choice that can no longer be made is no Tab stop',
    ).to.deep.equal([-1, -1]);
    let chosen = 0;
    el.addEventListener('cention-template-choose', () => (chosen += 1));
    buttons[0]?.click();
    expect(chosen, 'a locked button sends nothing').to.equal(0);

    const ended = await renderItem(base, { ended: true });
    const endedButton = shadow(ended).querySelector('button');
    expect(endedButton?.getAttribute('aria-disabled')).to.equal('true');
    expect(endedButton?.tabIndex).to.equal(-1);
    expect(shadow(ended).querySelector('.buttons + .visually-hidden')?.textContent).to.contain(
      'no longer',
    );
    // A template still open keeps its buttons in the Tab order.
    const open = await renderItem(base);
    expect(shadow(open).querySelector('button')?.tabIndex).to.equal(0);
    await expect(ended).to.be.accessible();
  });

  it('shows delivery states, and a failed message offers retry', async () => {
    for (const [delivery, label] of [
      ['sending', 'Sending…'],
      ['seen', 'Seen by agent'],
    ] as const) {
      const el = await renderItem(item({ sender: 'CLIENT', delivery }));
      expect(shadow(el).querySelector('.delivery')?.textContent).to.equal(label);
    }
    const failed = await renderItem(
      item({ key: 'uc-1', id: undefined, umid: 'c-1', sender: 'CLIENT', delivery: 'failed' }),
    );
    const retry = shadow(failed).querySelector<HTMLButtonElement>('.details button');
    expect(retry?.textContent?.trim()).to.equal('Retry');
    setTimeout(() => retry?.click());
    const event = await oneEvent(failed, 'cention-message-retry');
    expect(event.detail.umid).to.equal('c-1');
    await expect(failed).to.be.accessible();
  });

  it('translates system items through the I hook and the strings through lang', async () => {
    const system = toChatItem(
      agentMessage(structured({ event: 'AGENT_LEFT', name: 'Anna' }), { sender: 'SYSTEM' }),
      names,
      (text) => (text === '{AGENT_NAME} has left the chat.' ? '{AGENT_NAME} har gått.' : undefined),
      true,
    );
    const el = await fixture<CentionMessageList>(
      html`<cention-message-list .items=${[system]} .strings=${sv}></cention-message-list>`,
    );
    expect(shadow(el).textContent).to.contain('Anna har gått.');
    expect(shadow(el).querySelector('[role="log"]')?.getAttribute('aria-label')).to.equal(
      sv.messagesLabel,
    );
  });
});

describe('message rows: structure, links', () => {
  it('reads who, what, when and the delivery state once each, in that order', async () => {
    const el = await renderItem(
      item({
        sender: 'CLIENT',
        author: 'Vera',
        text: 'Hello',
        sentHuman: '21:32',
        delivery: 'sent',
      }),
    );
    const row = shadow(el).querySelector('[role="listitem"]');
    expect(row?.parentElement?.closest('[role]')?.getAttribute('role')).to.equal('none');
    expect(row?.closest('[role="list"]')).to.not.equal(null);
    // The visible name is hidden from screen readers; the bubble names the sender once.
    const spoken = [...(row?.querySelectorAll('.bubble, .details') ?? [])]
      .map((part) => part.textContent?.replace(/\s+/g, ' ').trim())
      .join(' ');
    expect(spoken).to.equal('You: Hello 21:32 , Sent');
    expect(row?.textContent?.match(/21:32/g)).to.have.length(1);
  });

  it('links plain web and e-mail addresses in visitor and agent text, saying they open a new tab', async () => {
    const visitor = await renderItem(
      item({
        sender: 'CLIENT',
        kind: 'text',
        text: 'See https://example.com/a?b=1. Or www.example.org, or mail ann@example.com!',
      }),
    );
    const links = [...shadow(visitor).querySelectorAll<HTMLAnchorElement>('.text a')];
    expect(links.map((a) => a.href)).to.deep.equal([
      'https://example.com/a?b=1',
      'https://www.example.org/',
      'mailto:ann@example.com',
    ]);
    expect(links.every((a) => a.target === '_blank' && a.rel === 'noopener noreferrer')).to.equal(
      true,
    );
    expect(links[0]?.textContent).to.equal('https://example.com/a?b=1 (opens in a new tab)');
    expect(shadow(visitor).querySelector('.text')?.textContent).to.contain(
      'b=1 (opens in a new tab). Or',
    );

    const agent = await renderItem(
      toChatItem(
        agentMessage(
          '<p>Read <a href="https://example.com/x">this</a> or https://example.net/y</p>',
        ),
        names,
        keepEnglish,
        true,
      ),
    );
    const agentLinks = [...shadow(agent).querySelectorAll<HTMLAnchorElement>('.html a')];
    expect(agentLinks.map((a) => a.href)).to.deep.equal([
      'https://example.com/x',
      'https://example.net/y',
    ]);
    expect(agentLinks.every((a) => a.textContent?.includes('(opens in a new tab)'))).to.equal(true);
    const plain = await renderItem(
      item({ sender: 'CLIENT', kind: 'text', text: 'no links. here' }),
    );
    expect(shadow(plain).querySelector('.text a')).to.equal(null);
    await expect(agent).to.be.accessible();
  });
});
