import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CanChatResult } from '../../src/protocol/index.js';
import type { CentionStartForm } from '../../src/components/start-form/start-form.js';
import type { Unavailability } from '../../src/controllers/chat-state.js';
import { en } from '../../src/i18n/en.js';
import { sv } from '../../src/i18n/sv.js';
import { openCanChat } from './fake-client.js';
import { shadow } from './helpers.js';

async function renderForm(
  canChat: CanChatResult = openCanChat,
  unavailability?: Unavailability,
): Promise<CentionStartForm> {
  return fixture<CentionStartForm>(
    html`<cention-start-form
      .canChat=${canChat}
      .unavailability=${unavailability}
    ></cention-start-form>`,
  );
}

const field = (el: CentionStartForm, name: string) =>
  shadow(el).querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${name}"]`);

describe('cention-start-form', () => {
  it('asks for name, email and question with labelled fields', async () => {
    const el = await renderForm();
    for (const [name, label] of [
      ['name', 'Name'],
      ['email', 'Email'],
      ['message', 'Your question'],
    ] as const) {
      const control = field(el, name);
      expect(control, name).to.be.instanceOf(HTMLElement);
      expect(shadow(el).querySelector(`label[for="${control?.id}"]`)?.textContent).to.equal(label);
    }
    await expect(el).to.be.accessible();
  });

  it('explains each error next to its field and focuses the first one', async () => {
    const el = await renderForm();
    field(el, 'name')?.focus();
    await sendKeys({ type: 'Vera' });
    (field(el, 'email') as HTMLInputElement).value = 'not-an-email';
    let submitted = false;
    el.addEventListener('cention-start-submit', () => (submitted = true));
    shadow(el).querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await el.updateComplete;
    expect(submitted).to.equal(false);
    const email = field(el, 'email') as HTMLInputElement;
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    const describedBy = email.getAttribute('aria-describedby') ?? '';
    expect(shadow(el).getElementById(describedBy)?.textContent).to.contain('valid email');
    expect(field(el, 'message')?.getAttribute('aria-invalid')).to.equal('true');
    expect(field(el, 'name')?.getAttribute('aria-invalid')).to.equal('false');
    expect(shadow(el).activeElement, 'focus on the first field in error').to.equal(email);
    expect(shadow(el).querySelector('[role="status"]')?.textContent).to.contain('2 fields');
    await expect(el).to.be.accessible();
  });

  for (const [strings, one, two] of [
    [en, 'Please correct 1 field.', 'Please correct 2 fields.'],
    [sv, 'Rätta 1 fält.', 'Rätta 2 fält.'],
  ] as const) {
    it(`counts the fields in error in plural forms: "${one}" / "${two}"`, async () => {
      const el = await fixture<CentionStartForm>(
        html`<cention-start-form
          .canChat=${openCanChat}
          .strings=${strings}
          name="Vera"
        ></cention-start-form>`,
      );
      const summary = () => shadow(el).querySelector('[role="status"]')?.textContent;
      const submit = () => shadow(el).querySelector<HTMLButtonElement>('button[type="submit"]');
      (field(el, 'email') as HTMLInputElement).value = 'vera@example.com';
      submit()?.click();
      await el.updateComplete;
      expect(summary()).to.equal(one);
      (field(el, 'name') as HTMLInputElement).value = '';
      submit()?.click();
      await el.updateComplete;
      expect(summary()).to.equal(two);
    });
  }

  it('submits trimmed values when valid, from the keyboard alone', async () => {
    const el = await fixture<CentionStartForm>(
      html`<cention-start-form .canChat=${openCanChat} name="Vera"></cention-start-form>`,
    );
    expect(field(el, 'name')?.value, 'prefilled').to.equal('Vera');
    field(el, 'email')?.focus();
    await sendKeys({ type: ' vera@example.com ' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Where is my parcel?' });
    await sendKeys({ press: 'Tab' });
    setTimeout(() => sendKeys({ press: 'Enter' }));
    const event = await oneEvent(el, 'cention-start-submit');
    expect(event.detail).to.deep.equal({
      name: 'Vera',
      email: 'vera@example.com',
      message: 'Where is my parcel?',
    });
  });

  it('outside opening hours shows the hours instead of the form', async () => {
    const el = await renderForm(
      {
        ...openCanChat,
        chatOpen: false,
        openingHours: [
          { day: 'Monday', open: '08:00', close: '17:00' },
          { day: 'Tuesday', open: '08:00', close: '17:00' },
        ],
      },
      'closed',
    );
    expect(shadow(el).querySelector('form')).to.equal(null);
    expect(shadow(el).querySelector('h2')?.textContent).to.equal('The chat is closed right now');
    expect(shadow(el).querySelectorAll('.hours li').length).to.equal(2);
    expect(shadow(el).querySelector('.hours')?.textContent).to.contain('08:00–17:00');
    await expect(el).to.be.accessible();
  });

  for (const [reason, title] of [
    ['no-agents', 'All our agents are busy'],
    ['queue-full', 'The queue is full'],
    ['error', 'The chat is not available'],
  ] as const) {
    it(`shows "${title}" (${reason}) and lets the visitor check again`, async () => {
      const el = await renderForm({ ...openCanChat, error: 'maintenance' }, reason);
      expect(shadow(el).querySelector('form')).to.equal(null);
      expect(shadow(el).querySelector('h2')?.textContent).to.equal(title);
      await expect(el).to.be.accessible();
      setTimeout(() => shadow(el).querySelector<HTMLButtonElement>('button')?.click());
      await oneEvent(el, 'cention-start-recheck');
    });
  }

  it('speaks Swedish with Swedish strings', async () => {
    const el = await fixture<CentionStartForm>(
      html`<cention-start-form .canChat=${openCanChat} .strings=${sv}></cention-start-form>`,
    );
    expect(shadow(el).querySelector('button[type="submit"]')?.textContent?.trim()).to.equal(
      'Starta chatten',
    );
    expect(shadow(el).querySelector('label[for="field-name"]')?.textContent).to.equal('Namn');
  });
});
