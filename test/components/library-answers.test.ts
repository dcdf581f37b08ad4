/**
 * Before the chat: the start form says who answers, and while the visitor types the question the
 * library's answers appear (debounced, older requests aborted); one opens in the panel.
 */
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CentionChatPanel } from '../../src/components/chat-panel/chat-panel.js';
import type { CentionStartForm } from '../../src/components/start-form/start-form.js';
import type { LibraryAnswer } from '../../src/protocol/index.js';
import { FakeClient, openCanChat } from './fake-client.js';
import { shadow } from './helpers.js';

const ANSWERS: LibraryAnswer[] = [
  { id: 1, categoryId: 1, question: 'When is my router delivered?', answer: 'Within 3 days.' },
  { id: 2, categoryId: 1, question: 'How do I track my delivery?', answer: 'Use the SMS link.' },
  {
    id: 3,
    categoryId: 2,
    question: 'Can I move my broadband?',
    answer: 'Yes, tell us 2 weeks before.',
  },
  { id: 4, categoryId: 2, question: 'A fourth answer', answer: 'Not shown.' },
];

/** Library searches the panel made, answered from ANSWERS after `delayMs`. */
function fakeLibrary(delayMs = 0) {
  const searches: { query: string; aborted: () => boolean }[] = [];
  const realFetch = window.fetch;
  window.fetch = (input, init) => {
    const url = new URL(String(input));
    if (!url.pathname.endsWith('/api/library/search')) return realFetch(input, init);
    const signal = init?.signal ?? undefined;
    searches.push({
      query: url.searchParams.get('q') ?? '',
      aborted: () => signal?.aborted ?? false,
    });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => resolve(new Response(JSON.stringify({ answers: ANSWERS }), { status: 200 })),
        delayMs,
      );
      signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(signal.reason);
      });
    });
  };
  return { searches, restore: () => (window.fetch = realFetch) };
}

async function startPanel(): Promise<{ panel: CentionChatPanel; form: CentionStartForm }> {
  const panel = await fixture<CentionChatPanel>(
    html`<cention-chat-panel
      .client=${new FakeClient()}
      .area=${1}
      lang="en"
      visible
    ></cention-chat-panel>`,
  );
  const form = shadow(panel).querySelector('cention-start-form') as CentionStartForm;
  await form.updateComplete;
  return { panel, form };
}

const listOf = (form: CentionStartForm) =>
  form.querySelector('cention-library-answers') as
    (HTMLElement & { updateComplete: Promise<unknown> }) | null;

describe('answers before asking', () => {
  let library: ReturnType<typeof fakeLibrary>;
  afterEach(() => {
    library?.restore();
    fixtureCleanup();
  });

  it('says an agent answers, or that a robot answers first where one is configured', async () => {
    const form = await fixture<CentionStartForm>(
      html`<cention-start-form .canChat=${openCanChat}></cention-start-form>`,
    );
    expect(shadow(form).textContent).to.contain('An agent will answer you here.');
    form.canChat = { ...openCanChat, robotFirst: true };
    await form.updateComplete;
    expect(shadow(form).textContent).to.contain('Our automated assistant answers first');
    expect(shadow(form).textContent).not.to.contain('An agent will answer');
  });

  it('shows up to three answers for the typed question, asking once per pause in typing', async () => {
    library = fakeLibrary(50);
    const { panel, form } = await startPanel();
    shadow(form).querySelector('textarea')?.focus();
    await sendKeys({ type: 'when is my router delivered' });
    const isDone = () =>
      library.searches.at(-1)?.query === 'when is my router delivered' &&
      shadow(listOf(form)!).querySelectorAll('li').length > 0;
    for (let i = 0; i < 100 && !isDone(); i += 1) await new Promise((r) => setTimeout(r, 20));
    expect(library.searches.map((search) => search.query).at(-1)).to.equal(
      'when is my router delivered',
    );
    const list = listOf(form)!;
    const buttons = [...shadow(list).querySelectorAll('button')].map((b) => b.textContent?.trim());
    expect(buttons).to.deep.equal(ANSWERS.slice(0, 3).map((a) => a.question));
    expect(shadow(list).querySelector('[role="status"]')?.textContent).to.equal(
      '3 answers from our help pages may help.',
    );
    // Debounced: typing 27 keys is a request per pause, not one per key.
    expect(library.searches.length).to.be.lessThan(8);
    await expect(panel).to.be.accessible();
  });

  it('aborts the request of an older query when the visitor types on', async () => {
    library = fakeLibrary(1000);
    const { form } = await startPanel();
    const textarea = shadow(form).querySelector('textarea')!;
    textarea.focus();
    await sendKeys({ type: 'router' });
    await waitUntil(() => library.searches.length === 1, 'first search', { timeout: 2000 });
    await sendKeys({ type: ' delivery' });
    await waitUntil(() => library.searches.length === 2, 'second search', { timeout: 2000 });
    expect(library.searches[0]?.aborted()).to.equal(true);
    expect(library.searches[1]?.aborted()).to.equal(false);
  });

  it('opens an answer in the panel; “Still start a chat” starts it with the question kept', async () => {
    library = fakeLibrary();
    const { panel, form } = await startPanel();
    const field = (name: string) =>
      shadow(form).querySelector<HTMLInputElement>(`[name="${name}"]`)!;
    field('name').value = 'Vera';
    field('email').value = 'vera@example.com';
    shadow(form).querySelector('textarea')!.focus();
    await sendKeys({ type: 'router delivery' });
    await waitUntil(() => listOf(form) && shadow(listOf(form)!).querySelector('button'));
    shadow(listOf(form)!).querySelector('button')!.click();
    await waitUntil(
      () => shadow(panel).querySelector('cention-library-answer'),
      'the answer opens',
    );
    const opened = shadow(panel).querySelector('cention-library-answer') as HTMLElement & {
      updateComplete: Promise<unknown>;
    };
    await opened.updateComplete;
    expect(shadow(opened).textContent).to.contain('Within 3 days.');
    expect(shadow(opened).activeElement?.localName, 'focus on the question heading').to.equal('h2');
    expect(form.closest('[hidden]'), 'the form waits, hidden').to.not.equal(null);
    await expect(panel).to.be.accessible();
    const started = new Promise<CustomEvent>((resolve) =>
      panel.addEventListener('cention-chat-start', (event) => resolve(event as CustomEvent), {
        once: true,
      }),
    );
    [...shadow(opened).querySelectorAll('button')]
      .find((b) => b.textContent?.includes('Still start'))!
      .click();
    const event = await started;
    expect(event.detail).to.deep.equal({ area: 1, name: 'Vera', email: 'vera@example.com' });
    const client = panel.client as FakeClient;
    expect(client.callsOf('connect')[0]?.[0]).to.deep.include({ message: 'router delivery' });
  });

  it('“This answered my question” thanks the visitor, focus stays in the panel, and leads back', async () => {
    library = fakeLibrary();
    const { panel, form } = await startPanel();
    shadow(form).querySelector('textarea')!.focus();
    await sendKeys({ type: 'moving house' });
    await waitUntil(() => listOf(form) && shadow(listOf(form)!).querySelector('button'));
    shadow(listOf(form)!).querySelectorAll('button')[2]!.click();
    await waitUntil(() => shadow(panel).querySelector('cention-library-answer'));
    const opened = shadow(panel).querySelector('cention-library-answer') as HTMLElement & {
      updateComplete: Promise<unknown>;
    };
    await opened.updateComplete;
    shadow(opened).querySelector<HTMLButtonElement>('button')!.click();
    await waitUntil(() => shadow(opened).querySelector('.thanks'));
    expect(shadow(opened).activeElement?.className).to.equal('thanks');
    shadow(opened).querySelector<HTMLButtonElement>('button')!.click();
    await waitUntil(() => !shadow(panel).querySelector('cention-library-answer'));
    expect(form.closest('[hidden]')).to.equal(null);
    expect(shadow(form).querySelector('textarea')?.value, 'the question is kept').to.equal(
      'moving house',
    );
    expect(panel.matches(':focus-within'), 'focus is back in the form').to.equal(true);
  });
});
