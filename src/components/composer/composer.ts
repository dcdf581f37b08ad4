import { html, nothing, type PropertyValues } from 'lit';
// The pure checks only: the upload code itself loads lazily, on the first attachFile.
import { attachmentLimit, checkAttachment } from '../../client/attachment-rules.js';
import type { AttachFileHandlers } from '../../client/types.js';
import { emit } from '../../events/index.js';
import { formatFileSize, formatString } from '../../i18n/index.js';
import type { ChatFeatures } from '../../protocol/index.js';
import { shared } from '../../styles/shared.js';
// The server's limit for one message (docs/protocol-notes.md "Field limits"), kept in one place.
import { MAX_MESSAGE_LENGTH } from '../message/send-failure.js';
import { PanelElement } from '../panel-element.js';
import { composerStyles } from './composer.styles.js';

/** Internal: the visitor sends a message. */
export interface ComposerSendDetail {
  text: string;
}

/** Internal: what the visitor is typing, for the agent's preview ('' when the draft is cleared). */
export interface ComposerPreviewDetail {
  text: string;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cention-composer-send': CustomEvent<ComposerSendDetail>;
    'cention-composer-preview': CustomEvent<ComposerPreviewDetail>;
  }
}

/** Uploads a file through the chat (the panel wires this to its controller). */
export type AttachFile = (file: File, handlers: AttachFileHandlers) => Promise<unknown>;

interface Upload {
  id: number;
  name: string;
  progress: number;
}

/**
 * @summary Where the visitor writes: an auto-growing textarea (Enter sends, Shift+Enter adds a
 * line), an attach button, drag-and-drop and paste of files, upload progress, and clear errors
 * for the area's attachment limits. Disabled once the chat has ended.
 *
 * @csspart composer - The composer area.
 * @csspart send-button - The send button.
 * @event cention-composer-send - (internal) `{text}` to send; cancel it to keep the text.
 * @event cention-composer-preview - (internal) `{text}` being typed, when previews are on.
 */
export class CentionComposer extends PanelElement {
  static override styles = [shared, composerStyles];

  static override properties = {
    features: { attribute: false },
    attachFile: { attribute: false },
    isDisabled: { type: Boolean, attribute: 'disabled', reflect: true },
    sendsPreview: { type: Boolean, attribute: 'sends-preview' },
    value: { state: true },
    error: { state: true },
    uploads: { state: true },
    isDragging: { state: true },
  };

  /** Features of the area from `canChat` (attachments allowed, size limits). */
  declare features: ChatFeatures | undefined;
  declare attachFile: AttachFile | undefined;
  declare isDisabled: boolean;
  /** Send what the visitor types as a preview, and say so under the input. */
  declare sendsPreview: boolean;
  declare value: string;
  declare error: string;
  declare uploads: Upload[];
  declare isDragging: boolean;

  #uploadCount = 0;

  constructor() {
    super();
    this.isDisabled = false;
    this.sendsPreview = false;
    this.value = '';
    this.error = '';
    this.uploads = [];
    this.isDragging = false;
  }

  override focus(options?: FocusOptions): void {
    this.#textarea?.focus(options);
  }

  get #textarea(): HTMLTextAreaElement | null {
    return this.renderRoot.querySelector('textarea');
  }

  get #canAttach(): boolean {
    return Boolean(this.features?.['chat.attachment']) && Boolean(this.attachFile);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('value')) this.#resizeTextarea();
  }

  /** Grows the textarea with its content, up to the CSS max-block-size (then it scrolls). */
  #resizeTextarea(): void {
    const textarea = this.#textarea;
    if (!textarea) return;
    textarea.style.blockSize = 'auto';
    textarea.style.blockSize = `${textarea.scrollHeight + 2}px`;
  }

  #wasTooLong = false;

  /** Said as the visitor goes over the server's limit, and again on a send that is refused. */
  #lengthError(): string {
    return this.value.length > MAX_MESSAGE_LENGTH
      ? formatString(this.strings.tooLong, { LIMIT: MAX_MESSAGE_LENGTH.toLocaleString() })
      : '';
  }

  #send(): void {
    const text = this.value.trim();
    if (!text || this.isDisabled) return;
    // Over the limit the server would refuse it: the text stays here, and the visitor hears why.
    if ((this.error = this.#lengthError())) return;
    // Cancelable: a listener that could not send it (no chat yet) keeps the visitor's text here.
    if (!emit(this, 'cention-composer-send', { text }, true)) return;
    this.value = '';
    this.error = '';
    if (this.sendsPreview) this.#emitPreview('');
  }

  #emitPreview(text: string): void {
    emit(this, 'cention-composer-preview', { text });
  }

  #handleInput(event: Event): void {
    this.value = (event.target as HTMLTextAreaElement).value;
    // Only the length error comes and goes with typing; others stay until the next send.
    const tooLong = this.#lengthError();
    if (tooLong || this.#wasTooLong) this.error = tooLong;
    this.#wasTooLong = tooLong !== '';
    // The client throttles preview frames; here every change is offered.
    if (this.sendsPreview) this.#emitPreview(this.value);
  }

  #handleKeydown(event: KeyboardEvent): void {
    // Enter sends; Shift+Enter is a new line; Enter while an IME is composing picks the word.
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    this.#send();
  }

  #handleSubmit(event: Event): void {
    event.preventDefault();
    this.#send();
  }

  /** Checks the area's limits before uploading, so the visitor hears why at once. */
  #limitError(file: File): string {
    if (!this.#canAttach) return this.strings.errorAttachmentsDisabled;
    const refusal = checkAttachment(file, this.features);
    return refusal ? this.#errorText(refusal.code, file) : '';
  }

  /** The visitor's words for a refusal's stable `code` (the client's English message is not shown). */
  #errorText(code: string, file: File): string {
    const strings = this.strings;
    switch (code) {
      case 'too_large':
        return formatString(strings.errorTooLarge, {
          NAME: file.name,
          LIMIT: formatFileSize(strings.locale, attachmentLimit(file, this.features) ?? 0),
        });
      case 'bad_type':
        return formatString(strings.errorBadType, { NAME: file.name });
      case 'attachments_disabled':
        return strings.errorAttachmentsDisabled;
      default:
        return formatString(strings.errorUpload, { NAME: file.name });
    }
  }

  /** Uploads files one after another; stops at the first one that breaks a limit. */
  async addFiles(files: Iterable<File>): Promise<void> {
    if (this.isDisabled) return;
    for (const file of files) {
      const limitError = this.#limitError(file);
      if (limitError) {
        this.error = limitError;
        return;
      }
      this.error = '';
      await this.#upload(file);
    }
  }

  async #upload(file: File): Promise<void> {
    const attach = this.attachFile;
    if (!attach) return;
    this.#uploadCount += 1;
    const upload: Upload = { id: this.#uploadCount, name: file.name, progress: 0 };
    this.uploads = [...this.uploads, upload];
    const setProgress = (progress: number) => {
      this.uploads = this.uploads.map((u) => (u.id === upload.id ? { ...u, progress } : u));
    };
    try {
      await attach(file, {
        onProgress: setProgress,
        onError: (error) => {
          this.error = this.#errorText(error.code, file);
        },
      });
    } catch {
      this.error = formatString(this.strings.errorUpload, { NAME: file.name });
    } finally {
      this.uploads = this.uploads.filter((u) => u.id !== upload.id);
    }
  }

  #handleFileChange(event: Event): void {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    void this.addFiles(files);
  }

  #handlePaste(event: ClipboardEvent): void {
    const files = [...(event.clipboardData?.files ?? [])];
    if (files.length === 0 || !this.#canAttach) return;
    event.preventDefault();
    void this.addFiles(files);
  }

  #handleDragOver(event: DragEvent): void {
    if (!this.#canAttach || this.isDisabled || !event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    this.isDragging = true;
  }

  #handleDragLeave(event: DragEvent): void {
    const related = event.relatedTarget as Node | null;
    if (related && this.renderRoot.contains(related)) return;
    this.isDragging = false;
  }

  #handleDrop(event: DragEvent): void {
    this.isDragging = false;
    const files = [...(event.dataTransfer?.files ?? [])];
    if (files.length === 0) return;
    event.preventDefault();
    void this.addFiles(files);
  }

  protected override render() {
    const strings = this.strings;
    const isDisabled = this.isDisabled;
    return html`<form
      part="composer"
      class="composer"
      @submit=${this.#handleSubmit}
      @dragover=${this.#handleDragOver}
      @dragleave=${this.#handleDragLeave}
      @drop=${this.#handleDrop}
    >
      ${this.uploads.map(
        (upload) =>
          html`<div class="upload">
            <span id="upload-${upload.id}"
              >${formatString(strings.uploading, { NAME: upload.name })}</span
            >
            <progress
              max="1"
              .value=${upload.progress}
              aria-labelledby="upload-${upload.id}"
            ></progress>
          </div>`,
      )}
      <div class="row">
        ${
          this.#canAttach
            ? html`<button
                  type="button"
                  class="icon-button attach"
                  aria-label=${strings.attach}
                  title=${strings.attach}
                  ?disabled=${isDisabled}
                  @click=${() => this.renderRoot.querySelector<HTMLInputElement>('.file')?.click()}
                >
                  <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
                    <path
                      d="M16.5 6v11.5a4 4 0 0 1-8 0V5a2.5 2.5 0 0 1 5 0v10.5a1 1 0 0 1-2 0V6H10v9.5a2.5 2.5 0 0 0 5 0V5a4 4 0 0 0-8 0v12.5a5.5 5.5 0 0 0 11 0V6h-1.5z"
                    />
                  </svg>
                </button>
                <input class="file" type="file" tabindex="-1" @change=${this.#handleFileChange} />`
            : nothing
        }
        <textarea
          rows="1"
          aria-label=${strings.composerLabel}
          placeholder=${isDisabled ? strings.chatEndedComposer : strings.composerPlaceholder}
          aria-describedby="composer-notes"
          aria-invalid=${this.error ? 'true' : 'false'}
          aria-disabled=${isDisabled ? 'true' : nothing}
          ?readonly=${isDisabled}
          .value=${this.value}
          @input=${this.#handleInput}
          @keydown=${this.#handleKeydown}
          @paste=${this.#handlePaste}
        ></textarea>
        <button
          part="send-button"
          type="submit"
          class="button send"
          ?disabled=${isDisabled}
          aria-label=${strings.send}
        >
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
            <path d="M3 20.5v-7l9-1.5-9-1.5v-7L22 12z" />
          </svg>
        </button>
      </div>
      <div id="composer-notes">
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        ${
          this.sendsPreview && !isDisabled
            ? html`<p class="notice">${strings.previewNotice}</p>`
            : nothing
        }
      </div>
      ${this.isDragging ? html`<div class="drop" aria-hidden="true">${strings.dropHere}</div>` : nothing}
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cention-composer': CentionComposer;
  }
}
