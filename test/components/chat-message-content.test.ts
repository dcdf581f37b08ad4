/**
 * The real `<cention-chat>` with the real client against the scriptable fake server
 * (test/support), what messages carry: hostile agent HTML sanitised, an attached image shown as
 * a thumbnail, and robot templates whose postback buttons send the choice.
 */
import { aTimeout, expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { waitFor } from '../support/fake-server-client.js';
import {
  find,
  messageRows,
  messageTexts,
  renderChat,
  server,
  startChat,
  useFakeServer,
} from './chat-helpers.js';
import { structured } from './helpers.js';

useFakeServer();

describe('<cention-chat>', () => {
  it('sanitises hostile agent HTML coming through the real client', async () => {
    const el = await renderChat();
    await startChat(el);
    await server.pushMessage(
      '<img src="data:image/png;base64,AAAA" onerror="window.__chatPwned = 1"><a href="javascript:window.__chatPwned = 1">x</a><script>window.__chatPwned = 1</script>ok',
    );
    await waitFor(() => messageTexts(el).some((t) => t.includes('ok')), 'hostile message');
    const message = messageRows(el)[1];
    expect(message?.querySelector('[onerror], script')).to.equal(null);
    expect(message?.querySelector('a')?.getAttribute('href') ?? null).to.equal(null);
    await aTimeout(50);
    expect((window as unknown as { __chatPwned?: number }).__chatPwned).to.equal(undefined);
  });

  it('attaches an image: progress, then a thumbnail the server serves', async () => {
    const el = await renderChat();
    await startChat(el);
    const png = Uint8Array.from(
      atob(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      ),
      (c) => c.charCodeAt(0),
    );
    const composer = find(el, 'cention-chat-panel', 'cention-composer') as HTMLElement & {
      addFiles(files: File[]): Promise<void>;
    };
    await composer.addFiles([new File([png], 'dot.png', { type: 'image/png' })]);
    await server.waitForFrames('add attachment');
    const image = await waitFor(
      () =>
        messageRows(el)
          .map((row) => row.querySelector<HTMLImageElement>('img.thumbnail'))
          .find((img) => img && img.complete && img.naturalWidth > 0) ?? undefined,
      'a loaded thumbnail',
    );
    expect(image.alt).to.equal('Open dot.png full size');
    expect(new URL(image.src).searchParams.get('t'), 'the session secret').to.be.a('string');
    await expect(el).to.be.accessible();
  });

  it('robot templates: postback buttons send {title, data} and show the choice', async () => {
    const el = await renderChat();
    await startChat(el);
    await server.pushMessage(
      structured({
        event: 'TEMPLATE',
        template: {
          type: 'button',
          text: 'What do you need?',
          buttons: [
            { type: 'url', title: 'Track parcel', url: 'https://example.com/track' },
            { type: 'postback', title: 'Talk to a human', data: 'handover' },
          ],
        },
      }),
      { agent: 'Bot' },
    );
    await waitFor(() => messageTexts(el).some((t) => t.includes('What do you need?')), 'template');
    const templateMessage = messageRows(el)[1];
    const link = templateMessage?.querySelector<HTMLAnchorElement>('.buttons a');
    expect(link?.href).to.equal('https://example.com/track');
    expect(link?.rel).to.equal('noopener noreferrer');
    await expect(el).to.be.accessible();
    const button = templateMessage?.querySelector<HTMLButtonElement>('.buttons button');
    button?.focus();
    await sendKeys({ press: 'Enter' });
    const [postback] = await server.waitForFrames('postback');
    expect(postback?.data).to.deep.equal({ title: 'Talk to a human', data: 'handover' });
    await waitFor(
      () => messageTexts(el).some((t) => t.includes('You chose: Talk to a human')),
      'the choice in the log',
    );
    expect(button?.getAttribute('aria-pressed')).to.equal('true');
  });
});
