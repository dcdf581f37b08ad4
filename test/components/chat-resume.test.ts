/**
 * The real `<cention-chat>` with the real client against the scriptable fake server
 * (test/support), resuming on the next page: a live chat comes back without flashing the start
 * form, and a long one with its newest page first and older pages on scrolling up.
 */
import { expect, fixtureCleanup } from '@open-wc/testing';
import type { CentionChatElement } from '../../src/embed.js';
import { waitFor } from '../support/fake-server-client.js';
import {
  find,
  messageTexts,
  panelOf,
  renderChat,
  server,
  startChat,
  useFakeServer,
} from './chat-helpers.js';

useFakeServer();

describe('<cention-chat>', () => {
  it('resumes a live chat on the next page without flashing the start form', async () => {
    const first = await renderChat();
    await startChat(first);
    await server.pushMessage('Welcome back soon');
    await waitFor(() => messageTexts(first).some((t) => t.includes('Welcome back soon')), 'reply');
    fixtureCleanup(); // "navigate away"

    const wrapper = document.createElement('div');
    document.body.append(wrapper);
    const seenViews = new Set<string>();
    const second = document.createElement('cention-chat') as CentionChatElement;
    second.setAttribute('base-url', server.baseURL);
    second.setAttribute('area', '2');
    wrapper.append(second);
    await waitFor(() => {
      const panel = panelOf(second);
      if (panel) seenViews.add(panel.controller.state.view);
      if (find(second, 'cention-chat-panel', 'cention-start-form')) seenViews.add('start-form');
      return messageTexts(second).some((t) => t.includes('Welcome back soon'));
    }, 'history after resume');
    expect([...seenViews]).to.not.include('start-form');
    expect([...seenViews]).to.not.include('start');
    const [resume] = await server.waitForFrames('resume');
    expect(resume?.data?.sessionId).to.be.a('number');
    expect(second.hasAttribute('open'), 'the panel was open when the visitor left').to.equal(true);
    const live = find(second, 'cention-chat-panel', 'cention-message-list', '[aria-live="polite"]');
    expect(live?.textContent?.trim(), 'history is not read out again').to.equal('');
    wrapper.remove();
  });

  it('resumes a long chat with the newest page and loads older pages by scrolling up, none announced', async () => {
    const first = await renderChat();
    await startChat(first);
    for (let n = 1; n <= 70; n++) await server.pushMessage(`Answer ${n}`);
    await waitFor(() => messageTexts(first).some((t) => t.includes('Answer 70')), 'all answers');
    fixtureCleanup(); // "navigate away"

    const wrapper = document.createElement('div');
    document.body.append(wrapper);
    const second = document.createElement('cention-chat') as CentionChatElement;
    second.setAttribute('base-url', server.baseURL);
    second.setAttribute('area', '2');
    wrapper.append(second);
    await waitFor(() => messageTexts(second).some((t) => t.includes('Answer 70')), 'newest page');
    const [resume] = await server.waitForFrames('resume');
    expect(resume?.data).to.include({ historyLimit: 50 });
    const log = find(second, 'cention-chat-panel', 'cention-message-list', '.log') as HTMLElement;
    await waitFor(() => log.scrollTop > 0, 'at the newest message');
    log.scrollTop = 0;
    await waitFor(() => messageTexts(second).length === 71, 'every message after paging');
    expect(messageTexts(second)[0], 'the first question, paged in last').to.match(/^You: /);
    const live = find(second, 'cention-chat-panel', 'cention-message-list', '[aria-live="polite"]');
    expect(live?.textContent?.trim(), 'history is not read out').to.equal('');
    wrapper.remove();
  });
});
