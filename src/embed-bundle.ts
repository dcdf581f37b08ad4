/**
 * Entry of the opt-in one-file build (`dist/cention-chat.bundle.js`): the same as embed.ts, but
 * the panel and DOMPurify are part of this file already. Importing them statically (instead of
 * through `import()`, which the bundler would emulate with lazy-module wrappers around Lit, every
 * element and DOMPurify) keeps the file about 0.7 KB gzip smaller.
 */
import { createCentionChat } from './client/centionchat.js';
import { CentionChatElement } from './components/chat/chat.js';
import { defineWidget } from './components/chat/define-widget.js';
import * as panel from './components/register.js';
// Last on purpose: the bundle keeps this order, and with DOMPurify's 28 KB after the widget's own
// code (not between the launcher and the panel) gzip finds more of the panel's repeats (string
// keys, client names) within its 32 KB window: about 0.18 KB gzip less.
import createDOMPurify from 'dompurify';

defineWidget({ panel: async () => panel, purifier: async () => createDOMPurify });

export { CentionChatElement, createCentionChat };
