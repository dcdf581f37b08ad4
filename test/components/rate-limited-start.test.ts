/**
 * Issue 13 in the widget: a start the server refused for the address (`rate_limited`, too many new
 * chats from one network) shows the start screen again with the widget's own words for it, in the
 * visitor's language, and stays axe-clean.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { CentionChatError } from '../../src/client/errors.js';
import type { CentionChatPanel } from '../../src/components/chat-panel/chat-panel.js';
import type { CentionStartForm } from '../../src/components/start-form/start-form.js';
import { FakeClient } from './fake-client.js';
import { shadow } from './helpers.js';

async function refusedStart(lang: string): Promise<CentionStartForm> {
  const client = new FakeClient();
  const panel = await fixture<CentionChatPanel>(
    html`<cention-chat-panel
      .client=${client}
      .area=${1}
      lang=${lang}
      visible
    ></cention-chat-panel>`,
  );
  panel.controller.start({ name: 'Vera', email: 'vera@example.com', message: 'Can I move?' });
  await panel.updateComplete;
  client.fire(
    'connect_error',
    new CentionChatError(
      'rate_limited',
      'Too many new chats from your network; try again in a minute.',
    ),
  );
  await panel.updateComplete;
  const form = shadow(panel).querySelector('cention-start-form') as CentionStartForm | null;
  expect(form, 'the start form is shown again').to.be.instanceOf(HTMLElement);
  await form?.updateComplete;
  return form as CentionStartForm;
}

describe('a start refused as rate_limited', () => {
  for (const [lang, words] of [
    ['en', 'Too many chats from your network. Please try again in a minute.'],
    ['sv', 'För många chattar från ditt nätverk. Försök igen om en minut.'],
  ] as const) {
    it(`says "${words}" (${lang})`, async () => {
      const form = await refusedStart(lang);
      expect(shadow(form).textContent).to.contain(words);
      await expect(form).to.be.accessible();
    });
  }
});
