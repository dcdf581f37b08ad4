// The CSS is in queue-status.css: Vite minifies it when it inlines it here (`?inline`).
import { unsafeCSS } from 'lit';
import text from './queue-status.css?inline';

export const queueStatusStyles = unsafeCSS(text);
