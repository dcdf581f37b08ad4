// The CSS is in typing-preview.css: Vite minifies it when it inlines it here (`?inline`).
import { unsafeCSS } from 'lit';
import text from './typing-preview.css?inline';

export const typingPreviewStyles = unsafeCSS(text);
