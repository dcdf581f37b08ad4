// The CSS is in chat-finished.css: Vite minifies it when it inlines it here (`?inline`).
import { unsafeCSS } from 'lit';
import text from './chat-finished.css?inline';

export const chatFinishedStyles = unsafeCSS(text);
