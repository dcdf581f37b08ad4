/**
 * A link that opens in a new tab, without access to this page (`rel="noopener noreferrer"`),
 * and tells screen reader users so. Used for files, robot url buttons and the printed transcript.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { WidgetStrings } from '../i18n/en.js';

export function newTabLink(
  href: string,
  content: unknown,
  strings: WidgetStrings,
  options: { className?: string; download?: string } = {},
): TemplateResult {
  return html`<a
    class=${options.className ?? nothing}
    href=${href}
    download=${options.download ?? nothing}
    target="_blank"
    rel="noopener noreferrer"
    >${content}<span class="visually-hidden"> ${strings.opensInNewTab}</span></a
  >`;
}
