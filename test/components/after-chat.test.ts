/**
 * After the chat: the rating on the finished view (loaded when shown), the visitor's own ending in
 * the log, and name and e-mail remembered for the next chat's form.
 */
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import type { CentionChatPanel } from '../../src/components/chat-panel/chat-panel.js';
import type { CentionRating, RatingInput } from '../../src/components/rating/rating.js';
import {
  forgetVisitor,
  recallVisitor,
  rememberVisitor,
  visitorKey,
} from '../../src/client/visitor-memory.js';
import { FakeClient } from './fake-client.js';
import { shadow, structured } from './helpers.js';

afterEach(() => {
  fixtureCleanup();
  localStorage.removeItem(visitorKey);
});

async function ratingOf(send: (rating: RatingInput) => Promise<void>, lang = 'en') {
  const { CentionRating } = await import('../../src/components/rating/rating.js');
  if (!customElements.get('cention-rating')) customElements.define('cention-rating', CentionRating);
  const { stringsFor } = await import('../../src/i18n/index.js');
  return fixture<CentionRating>(
    html`<cention-rating .strings=${stringsFor(lang)} .send=${send}></cention-rating>`,
  );
}

const radios = (el: Element) => [
  ...shadow(el).querySelectorAll<HTMLInputElement>('input[type="radio"]'),
];
const submit = (el: Element) =>
  shadow(el).querySelector<HTMLButtonElement>('button[type="submit"]')!;

describe('cention-rating', () => {
  it('names each star in the language’s plural and is accessible', async () => {
    const el = await ratingOf(async () => undefined);
    const names = radios(el).map((radio) =>
      radio.labels?.[0]?.textContent?.replace('★', '').trim(),
    );
    expect(names).to.deep.equal(['1 star', '2 stars', '3 stars', '4 stars', '5 stars']);
    await expect(el).to.be.accessible();
    const swedish = await ratingOf(async () => undefined, 'sv');
    expect(radios(swedish)[0]?.labels?.[0]?.textContent).to.contain('1 stjärna');
    expect(radios(swedish)[1]?.labels?.[0]?.textContent).to.contain('2 stjärnor');
  });

  it('asks for a score first, with focus on the stars, and sends nothing', async () => {
    const sent: RatingInput[] = [];
    const el = await ratingOf(async (rating) => void sent.push(rating));
    submit(el).click();
    await el.updateComplete;
    expect(shadow(el).textContent).to.contain('Please choose from 1 to 5 stars.');
    expect(shadow(el).activeElement).to.equal(radios(el)[0]);
    expect(sent).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('sends score and comment, then thanks with focus on the thanks', async () => {
    const sent: RatingInput[] = [];
    const el = await ratingOf(async (rating) => void sent.push(rating));
    radios(el)[3]?.click();
    shadow(el).querySelector('textarea')!.value = '  Very helpful ';
    submit(el).focus();
    submit(el).click();
    await waitUntil(() => shadow(el).querySelector('.thanks'));
    expect(sent).to.deep.equal([{ score: 4, comment: 'Very helpful' }]);
    expect(shadow(el).activeElement?.className).to.equal('thanks');
    expect(shadow(el).textContent).to.contain('Thank you for your rating.');
  });

  it('says so when sending fails and keeps the comment for another try', async () => {
    let fail = true;
    const el = await ratingOf(async () => {
      if (fail) throw new Error('already_rated');
    });
    radios(el)[0]?.click();
    shadow(el).querySelector('textarea')!.value = 'Too slow';
    submit(el).click();
    await waitUntil(() => shadow(el).querySelector('[role="alert"]'));
    expect(shadow(el).querySelector('[role="alert"]')?.textContent).to.contain('could not be sent');
    expect(shadow(el).querySelector('textarea')?.value).to.equal('Too slow');
    fail = false;
    submit(el).click();
    await waitUntil(() => shadow(el).querySelector('.thanks'));
  });
});

async function finishedPanel(client: FakeClient): Promise<CentionChatPanel> {
  const panel = await fixture<CentionChatPanel>(
    html`<cention-chat-panel .client=${client} lang="en" visible></cention-chat-panel>`,
  );
  panel.controller.start({ name: 'Vera', email: 'vera@example.com', message: 'Hi' });
  client.sessionId = 7;
  client.sessionSecret = 's3cret';
  client.fire('chat message', {
    agent: 'Anna',
    client: 'Vera',
    chat: [
      { id: 1, umid: '', sender: 'CLIENT', sent: 1, sentHuman: '10:00', text: 'Hi' },
      {
        id: 2,
        umid: '',
        sender: 'SYSTEM',
        sent: 2,
        sentHuman: '10:01',
        text: structured({ event: 'CLIENT_ENDS_CHAT' }),
      },
    ],
  });
  panel.controller.endChat();
  await panel.updateComplete;
  return panel;
}

describe('the finished view', () => {
  it('shows the visitor’s own ending as “You ended the chat.” in the log', async () => {
    const panel = await finishedPanel(new FakeClient());
    const list = shadow(panel).querySelector('cention-message-list') as HTMLElement & {
      updateComplete: Promise<unknown>;
    };
    await list.updateComplete;
    expect(shadow(list).textContent).to.contain('You ended the chat.');
    expect(shadow(list).textContent).not.to.contain('Client ended the chat.');
  });

  it('loads the rating when shown and posts it with the session’s secret', async () => {
    const requests: { url: string; body: unknown }[] = [];
    const realFetch = window.fetch;
    window.fetch = async (input, init) => {
      requests.push({ url: String(input), body: JSON.parse(String(init?.body)) });
      return new Response('{"ok":true}', { status: 200 });
    };
    try {
      const panel = await finishedPanel(new FakeClient());
      const finished = shadow(panel).querySelector('cention-chat-finished')!;
      await waitUntil(() => shadow(finished).querySelector('cention-rating'), 'rating loads');
      const rating = shadow(finished).querySelector('cention-rating') as CentionRating;
      await rating.updateComplete;
      radios(rating)[4]?.click();
      submit(rating).click();
      await waitUntil(() => shadow(rating).querySelector('.thanks'));
      expect(requests).to.deep.equal([
        {
          url: 'https://chat.example.com/s/demo/socket/external.api/rating',
          body: { sessionId: 7, secret: 's3cret', score: 5, comment: '' },
        },
      ]);
      await expect(panel).to.be.accessible();
    } finally {
      window.fetch = realFetch;
    }
  });
});

describe('visitor memory', () => {
  it('keeps name and e-mail in the chat’s own storage and forgets them', () => {
    rememberVisitor('memory', { name: 'Vera', email: 'vera@example.com' });
    expect(recallVisitor('memory')).to.deep.equal({ name: 'Vera', email: 'vera@example.com' });
    expect(recallVisitor('localStorage'), 'only where the chat is kept').to.deep.equal({
      name: '',
      email: '',
    });
    forgetVisitor('memory');
    expect(recallVisitor('memory')).to.deep.equal({ name: '', email: '' });
    localStorage.setItem(visitorKey, '{not json');
    expect(recallVisitor('localStorage')).to.deep.equal({ name: '', email: '' });
  });

  it('a started chat fills in the next chat’s form', async () => {
    const client = new FakeClient();
    const panel = await finishedPanel(client);
    panel.controller.newChat();
    await panel.updateComplete;
    const form = shadow(panel).querySelector('cention-start-form') as HTMLElement & {
      updateComplete: Promise<unknown>;
    };
    await form.updateComplete;
    // finishedPanel started through the controller; the form's own submit is what remembers.
    expect(shadow(form).querySelector<HTMLInputElement>('[name="name"]')?.value).to.equal('');
    shadow(form).querySelector<HTMLInputElement>('[name="name"]')!.value = 'Vera';
    shadow(form).querySelector<HTMLInputElement>('[name="email"]')!.value = 'vera@example.com';
    shadow(form).querySelector<HTMLTextAreaElement>('[name="message"]')!.value = 'Again';
    shadow(form).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await panel.updateComplete;
    expect(recallVisitor('localStorage')).to.deep.equal({
      name: 'Vera',
      email: 'vera@example.com',
    });
    panel.controller.endChat();
    panel.controller.newChat();
    await panel.updateComplete;
    const next = shadow(panel).querySelector('cention-start-form') as typeof form;
    await next.updateComplete;
    expect(shadow(next).querySelector<HTMLInputElement>('[name="name"]')?.value).to.equal('Vera');
    expect(shadow(next).querySelector<HTMLInputElement>('[name="email"]')?.value).to.equal(
      'vera@example.com',
    );
  });
});
