import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { CentionChatError } from '../../src/client/errors.js';
import type { AttachFileHandlers } from '../../src/client/types.js';
import type { CentionComposer } from '../../src/components/composer/composer.js';
import { sv } from '../../src/i18n/sv.js';
import { shadow } from './helpers.js';

const features = {
  'chat.attachment': true,
  'chat.max-attachment-size': 1000,
  'chat.max-image-size': 500,
};

const textarea = (el: CentionComposer) =>
  shadow(el).querySelector('textarea') as HTMLTextAreaElement;

describe('cention-composer', () => {
  it('sends on Enter and adds a new line on Shift+Enter', async () => {
    const el = await fixture<CentionComposer>(html`<cention-composer></cention-composer>`);
    const sent: string[] = [];
    el.addEventListener('cention-composer-send', (event) => sent.push(event.detail.text));
    textarea(el).focus();
    await sendKeys({ type: 'first line' });
    await sendKeys({ press: 'Shift+Enter' });
    await sendKeys({ type: 'second line' });
    expect(sent).to.deep.equal([]);
    expect(textarea(el).value).to.equal('first line\nsecond line');
    await sendKeys({ press: 'Enter' });
    expect(sent).to.deep.equal(['first line\nsecond line']);
    await el.updateComplete;
    expect(textarea(el).value).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('does not send empty messages, and the send button sends too', async () => {
    const el = await fixture<CentionComposer>(html`<cention-composer></cention-composer>`);
    const sent: string[] = [];
    el.addEventListener('cention-composer-send', (event) => sent.push(event.detail.text));
    textarea(el).focus();
    await sendKeys({ type: '   ' });
    await sendKeys({ press: 'Enter' });
    expect(sent).to.deep.equal([]);
    await sendKeys({ type: 'hello' });
    shadow(el).querySelector<HTMLButtonElement>('[part="send-button"]')?.click();
    expect(sent).to.deep.equal(['hello']);
  });

  it('keeps the text when the message could not be sent', async () => {
    const el = await fixture<CentionComposer>(html`<cention-composer></cention-composer>`);
    el.addEventListener('cention-composer-send', (event) => event.preventDefault());
    textarea(el).focus();
    await sendKeys({ type: 'not yet' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(textarea(el).value).to.equal('not yet');
  });

  it('grows with its content', async () => {
    const el = await fixture<CentionComposer>(html`<cention-composer></cention-composer>`);
    const before = textarea(el).getBoundingClientRect().height;
    textarea(el).focus();
    await sendKeys({ type: 'one' });
    for (const line of ['two', 'three']) {
      await sendKeys({ press: 'Shift+Enter' });
      await sendKeys({ type: line });
    }
    await el.updateComplete;
    expect(textarea(el).getBoundingClientRect().height).to.be.above(before);
  });

  it('is disabled when the chat has ended', async () => {
    const el = await fixture<CentionComposer>(html`<cention-composer disabled></cention-composer>`);
    // Read-only rather than disabled: a draft stays, and so does focus (it can still be copied).
    expect(textarea(el).readOnly).to.equal(true);
    expect(textarea(el).getAttribute('aria-disabled')).to.equal('true');
    expect(textarea(el).placeholder).to.equal('The chat has ended.');
    expect(shadow(el).querySelector<HTMLButtonElement>('[part="send-button"]')?.disabled).to.equal(
      true,
    );
    await expect(el).to.be.accessible();
  });

  it('sends typing previews and says so, only when previews are on', async () => {
    const el = await fixture<CentionComposer>(
      html`<cention-composer sends-preview></cention-composer>`,
    );
    expect(shadow(el).querySelector('.notice')?.textContent).to.contain('can see what you type');
    const previews: string[] = [];
    el.addEventListener('cention-composer-preview', (event) => previews.push(event.detail.text));
    textarea(el).focus();
    await sendKeys({ type: 'ab' });
    expect(previews).to.deep.equal(['a', 'ab']);
    await sendKeys({ press: 'Enter' });
    expect(previews.at(-1), 'sending clears the preview').to.equal('');

    const quiet = await fixture<CentionComposer>(html`<cention-composer></cention-composer>`);
    expect(shadow(quiet).querySelector('.notice')).to.equal(null);
  });

  it('offers an attach button only when the area allows files', async () => {
    const without = await fixture<CentionComposer>(html`<cention-composer></cention-composer>`);
    expect(shadow(without).querySelector('.attach')).to.equal(null);
    const el = await fixture<CentionComposer>(
      html`<cention-composer
        .features=${features}
        .attachFile=${() => Promise.resolve()}
      ></cention-composer>`,
    );
    expect(shadow(el).querySelector('.attach')?.getAttribute('aria-label')).to.equal(
      'Attach a file',
    );
    await expect(el).to.be.accessible();
  });

  it('refuses files over the limits with a clear error, before uploading', async () => {
    const { el, uploads } = await composerRecordingUploads();
    await el.addFiles([new File(['x'.repeat(600)], 'big.png', { type: 'image/png' })]);
    await el.updateComplete;
    const error = shadow(el).querySelector('[role="alert"]');
    expect(error?.textContent).to.equal('big.png is too large. The limit is 1 kB.');
    expect(textarea(el).getAttribute('aria-invalid')).to.equal('true');
    expect(uploads).to.deep.equal([]);
    await el.addFiles([new File(['x'.repeat(600)], 'notes.txt', { type: 'text/plain' })]);
    expect(uploads, 'a document may be bigger than an image').to.deep.equal(['notes.txt']);
    await expect(el).to.be.accessible();
  });

  it('gives the limit in the visitor’s language, with Intl’s units', async () => {
    const el = await fixture<CentionComposer>(
      html`<cention-composer
        .strings=${sv}
        .features=${{ ...features, 'chat.max-attachment-size': 1.5 * 1024 * 1024 }}
        .attachFile=${() => Promise.resolve()}
      ></cention-composer>`,
    );
    const alertText = () => shadow(el).querySelector('[role="alert"]')?.textContent;
    await el.addFiles([new File(['x'.repeat(600)], 'stor.png', { type: 'image/png' })]);
    await el.updateComplete;
    expect(alertText()).to.equal('stor.png är för stor. Gränsen är 1 kB.');
    await el.addFiles([new File(['x'.repeat(1024 * 1024 * 2)], 'stor.pdf')]);
    await el.updateComplete;
    expect(alertText(), 'a Swedish decimal comma').to.equal(
      'stor.pdf är för stor. Gränsen är 1,5 MB.',
    );
  });

  it('shows upload progress, then the server’s refusal', async () => {
    let finish: () => void = () => undefined;
    let handlers: AttachFileHandlers = {};
    const el = await fixture<CentionComposer>(
      html`<cention-composer
        .features=${features}
        .attachFile=${(_file: File, h: AttachFileHandlers) => {
          handlers = h;
          return new Promise<void>((resolve) => (finish = resolve));
        }}
      ></cention-composer>`,
    );
    const done = el.addFiles([new File(['abc'], 'report.pdf', { type: 'application/pdf' })]);
    await el.updateComplete;
    handlers.onProgress?.(0.4);
    await el.updateComplete;
    const progress = shadow(el).querySelector('progress');
    expect(progress?.value).to.equal(0.4);
    expect(shadow(el).querySelector('.upload')?.textContent).to.contain('Uploading report.pdf');
    await expect(el).to.be.accessible();
    handlers.onError?.(new CentionChatError('bad_type', 'nope'));
    finish();
    await done;
    await el.updateComplete;
    expect(shadow(el).querySelector('progress')).to.equal(null);
    expect(shadow(el).querySelector('[role="alert"]')?.textContent).to.equal(
      'report.pdf cannot be sent: this type of file is not allowed.',
    );
  });

  /** A composer whose uploads succeed at once, recording the names of the files attached. */
  async function composerRecordingUploads(): Promise<{ el: CentionComposer; uploads: string[] }> {
    const uploads: string[] = [];
    const el = await fixture<CentionComposer>(
      html`<cention-composer
        .features=${features}
        .attachFile=${(file: File) => {
          uploads.push(file.name);
          return Promise.resolve();
        }}
      ></cention-composer>`,
    );
    return { el, uploads };
  }

  it('attaches pasted images', async () => {
    const { el, uploads } = await composerRecordingUploads();
    const data = new DataTransfer();
    data.items.add(new File(['x'], 'shot.png', { type: 'image/png' }));
    const paste = new ClipboardEvent('paste', {
      clipboardData: data,
      bubbles: true,
      cancelable: true,
    });
    textarea(el).dispatchEvent(paste);
    await el.updateComplete;
    expect(uploads).to.deep.equal(['shot.png']);
    expect(paste.defaultPrevented).to.equal(true);
  });

  it('attaches dropped files', async () => {
    const { el, uploads } = await composerRecordingUploads();
    const data = new DataTransfer();
    data.items.add(new File(['x'], 'drop.txt', { type: 'text/plain' }));
    const form = shadow(el).querySelector('form') as HTMLFormElement;
    form.dispatchEvent(
      new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }),
    );
    await el.updateComplete;
    expect(shadow(el).querySelector('.drop')?.textContent).to.contain('Drop a file');
    const drop = new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true });
    form.dispatchEvent(drop);
    await el.updateComplete;
    expect(uploads).to.deep.equal(['drop.txt']);
    expect(shadow(el).querySelector('.drop')).to.equal(null);
  });

  it('gives focus to its textarea', async () => {
    const el = await fixture<CentionComposer>(html`<cention-composer></cention-composer>`);
    setTimeout(() => el.focus());
    await oneEvent(textarea(el), 'focus');
    expect(shadow(el).activeElement).to.equal(textarea(el));
  });
});

describe('cention-composer length limit', () => {
  it('says the message is too long as soon as it is, keeps it on send, and clears when short again', async () => {
    const el = await fixture<CentionComposer>(html`<cention-composer></cention-composer>`);
    let sent = 0;
    el.addEventListener('cention-composer-send', () => (sent += 1));
    const field = shadow(el).querySelector('textarea') as HTMLTextAreaElement;
    field.value = 'x'.repeat(10_001);
    field.dispatchEvent(new Event('input'));
    await el.updateComplete;
    const alert = () => shadow(el).querySelector('[role="alert"]')?.textContent;
    expect(alert()).to.equal('The message is too long: at most 10,000 characters.');
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    (shadow(el).querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(sent, 'refused before sending').to.equal(0);
    expect(field.value).to.have.length(10_001);
    field.value = 'x'.repeat(10_000);
    field.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(alert()).to.equal(undefined);
  });
});
