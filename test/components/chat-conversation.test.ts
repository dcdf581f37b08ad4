/**
 * The real `<cention-chat>` with the real client against the scriptable fake server
 * (test/support), a conversation end to end: start, queue, send with Enter, receive, an agent
 * accepting, and the chat ended by the visitor (with transcript) or by the agent mid-draft.
 */
import { aTimeout, expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CentionChatPanel } from '../../src/components/chat-panel/chat-panel.js';
import { waitFor } from '../support/fake-server-client.js';
import {
  deepActiveElement,
  find,
  messageRows,
  messageTexts,
  renderChat,
  server,
  startChat,
  useFakeServer,
} from './chat-helpers.js';
import { shadow } from './helpers.js';

useFakeServer();

describe('<cention-chat>', () => {
  it('runs a whole chat: start, queue, send with Enter, receive, end with transcript', async () => {
    const el = await renderChat('transcript');
    const started = oneEvent(el, 'cention-chat-start');
    await startChat(el);
    expect((await started).detail).to.deep.equal({
      area: 2,
      name: 'Vera',
      email: 'vera@example.com',
    });
    const [register] = await server.framesOfType('register');
    expect(register?.data).to.include({ area: 2, name: 'Vera', message: 'Where is my parcel?' });
    await waitFor(() => find(el, 'cention-chat-panel', 'cention-queue-status'), 'queue status');
    expect(
      find(el, 'cention-chat-panel', 'cention-queue-status', '[role="status"]')?.textContent,
    ).to.contain('You are next in the queue.');
    await waitFor(
      () => messageTexts(el).some((t) => t.includes('Where is my parcel?')),
      'question',
    );
    await expect(el).to.be.accessible();

    // Focus went to the composer after starting; Enter sends.
    await waitFor(() => deepActiveElement()?.localName === 'textarea', 'focus in the composer');
    await sendKeys({ type: 'Any news?' });
    const send = oneEvent(el, 'cention-message-send');
    await sendKeys({ press: 'Enter' });
    expect((await send).detail.text).to.equal('Any news?');
    const [frame] = await server.waitForFrames('chat message');
    expect(frame?.data?.message).to.equal('Any news?');
    await waitFor(
      () => messageRows(el)[1]?.querySelector('.delivery')?.textContent === 'Sent',
      'the message marked sent',
    );

    const received = oneEvent(el, 'cention-message-receive');
    await server.pushMessage('It ships <b>today</b>.', { agent: 'Anna' });
    expect((await received).detail.message.text).to.equal('It ships <b>today</b>.');
    await waitFor(() => messageTexts(el).some((t) => t.includes('It ships today.')), 'reply');
    expect(find(el, 'cention-chat-panel', 'h2')?.textContent, 'header names the agent').to.equal(
      'Anna',
    );
    expect(find(el, 'cention-chat-panel', 'cention-queue-status')).to.equal(undefined);

    // End chat: header button → confirmation → finished.
    find(el, 'cention-chat-panel', '.end')?.click();
    const confirm = await waitFor(
      () => find(el, 'cention-chat-panel', 'cention-end-confirm'),
      'confirmation',
    );
    await expect(el).to.be.accessible();
    const ended = oneEvent(el, 'cention-chat-end');
    shadow(confirm).querySelector<HTMLButtonElement>('.confirm')?.click();
    expect((await ended).detail.by).to.equal('client');
    await server.waitForFrames('close chat');
    const finished = await waitFor(
      () => find(el, 'cention-chat-panel', 'cention-chat-finished'),
      'finished state',
    );
    await (finished as CentionChatPanel).updateComplete;
    const save = await waitFor(
      () => shadow(finished).querySelector<HTMLAnchorElement>('.save') ?? undefined,
      'the save link',
    );
    expect(save.href).to.contain(`${server.baseURL}/socket/external.api/savehistory?`);
    expect(shadow(finished).querySelector('.print')).to.be.instanceOf(HTMLAnchorElement);
    const composer = find(el, 'cention-chat-panel', 'cention-composer', 'textarea');
    expect((composer as HTMLTextAreaElement).readOnly, 'the composer is read-only').to.equal(true);
    await waitFor(
      () => deepActiveElement()?.classList.contains('restart'),
      'focus on "Start a new chat"',
    );
    await expect(el).to.be.accessible();

    // Start a new chat: back to the start form.
    shadow(finished).querySelector<HTMLButtonElement>('.restart')?.click();
    await waitFor(() => find(el, 'cention-chat-panel', 'cention-start-form'), 'start form again');
  });

  it('stops waiting when an agent accepts the chat, announced with an empty chat array', async () => {
    const el = await renderChat();
    await startChat(el);
    await waitFor(() => find(el, 'cention-chat-panel', 'cention-queue-status'), 'queue status');
    // The reference server announces the agent this way, before the agent writes anything.
    await server.emit('chat message', { agent: 'Alice', client: 'Vera', chat: [] });
    await waitFor(
      () => find(el, 'cention-chat-panel', 'h2')?.textContent === 'Alice',
      'the header names the agent',
    );
    expect(find(el, 'cention-chat-panel', 'cention-queue-status')).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('an agent ending the chat while the visitor types keeps the draft and the focus', async () => {
    const el = await renderChat();
    await startChat(el);
    await waitFor(() => deepActiveElement()?.localName === 'textarea', 'focus in the composer');
    await sendKeys({ type: 'Half a thought' });
    await server.finishSession('agent');
    await waitFor(() => find(el, 'cention-chat-panel', 'cention-chat-finished'), 'finished');
    await aTimeout(50);
    const field = deepActiveElement() as HTMLTextAreaElement | null;
    expect(field?.localName, 'focus stays in the composer').to.equal('textarea');
    expect(field?.value).to.equal('Half a thought');
    expect(field?.readOnly).to.equal(true);
  });
});
