import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CentionChatFinished } from '../../src/components/chat-finished/chat-finished.js';
import type { CentionEndConfirm } from '../../src/components/end-confirm/end-confirm.js';
import type { CentionQueueStatus } from '../../src/components/queue-status/queue-status.js';
import type { CentionTypingPreview } from '../../src/components/typing-preview/typing-preview.js';
import { shadow } from './helpers.js';

describe('cention-queue-status', () => {
  it('shows the place in the queue and the estimated wait, live', async () => {
    const el = await fixture<CentionQueueStatus>(
      html`<cention-queue-status position="3" wait-seconds="240"></cention-queue-status>`,
    );
    const status = shadow(el).querySelector('[role="status"]');
    expect(status?.textContent).to.contain('You are number 3 in the queue.');
    expect(status?.textContent).to.contain('about 4 min');
    await expect(el).to.be.accessible();
    el.position = 1;
    el.waitSeconds = 20;
    await el.updateComplete;
    expect(status?.textContent).to.contain('You are next in the queue.');
    expect(status?.textContent).to.contain('less than a minute');
  });
});

describe('cention-typing-preview', () => {
  it('says who is typing, shows a shared draft, and is silent otherwise', async () => {
    const el = await fixture<CentionTypingPreview>(
      html`<cention-typing-preview></cention-typing-preview>`,
    );
    expect(shadow(el).querySelector('[role="status"]')?.textContent).to.equal('');
    el.isTyping = true;
    el.agentName = 'Anna';
    el.text = 'Let me check';
    await el.updateComplete;
    expect(shadow(el).querySelector('[role="status"]')?.textContent).to.equal('Anna is typing…');
    expect(shadow(el).querySelector('.text')?.textContent).to.equal('Let me check');
    expect(shadow(el).querySelector('.dots')?.getAttribute('aria-hidden')).to.equal('true');
    await expect(el).to.be.accessible();
  });
});

describe('cention-end-confirm', () => {
  it('asks before ending; Escape means no', async () => {
    const el = await fixture<CentionEndConfirm>(html`<cention-end-confirm></cention-end-confirm>`);
    expect(shadow(el).querySelector('[role="alertdialog"]')).to.be.instanceOf(HTMLElement);
    await expect(el).to.be.accessible();
    el.focus();
    expect(shadow(el).activeElement?.textContent?.trim(), 'focus on the safe answer').to.equal(
      'Continue chatting',
    );
    setTimeout(() => sendKeys({ press: 'Escape' }));
    const no = await oneEvent(el, 'cention-end-answer');
    expect(no.detail.isConfirmed).to.equal(false);
    setTimeout(() => shadow(el).querySelector<HTMLButtonElement>('.confirm')?.click());
    const yes = await oneEvent(el, 'cention-end-answer');
    expect(yes.detail.isConfirmed).to.equal(true);
  });
});

describe('cention-chat-finished', () => {
  it('offers the transcript and a new chat', async () => {
    const el = await fixture<CentionChatFinished>(
      html`<cention-chat-finished
        finished-by="agent"
        .saveUrl=${'https://chat.example.com/s/demo/socket/external.api/savehistory?area=1&secret=s'}
        .printUrl=${'https://chat.example.com/s/demo/socket/external.api/printhistory?area=1&secret=s'}
      ></cention-chat-finished>`,
    );
    const root = shadow(el);
    expect(root.querySelector('[role="status"]')?.textContent).to.contain(
      'The agent ended the chat.',
    );
    expect(root.querySelector<HTMLAnchorElement>('.save')?.href).to.contain('savehistory');
    const print = root.querySelector<HTMLAnchorElement>('.print');
    expect(print?.href).to.contain('printhistory');
    expect(print?.target).to.equal('_blank');
    await expect(el).to.be.accessible();
    setTimeout(() => root.querySelector<HTMLButtonElement>('.restart')?.click());
    await oneEvent(el, 'cention-chat-restart');
  });

  it('hides the transcript buttons when there is no transcript to offer', async () => {
    const el = await fixture<CentionChatFinished>(
      html`<cention-chat-finished finished-by="client"></cention-chat-finished>`,
    );
    expect(shadow(el).querySelector('.save, .print')).to.equal(null);
    expect(shadow(el).textContent).to.contain('You ended the chat.');
  });
});
