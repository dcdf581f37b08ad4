// The CSS is in message-list.css: Vite minifies it when it inlines it here (`?inline`).
import { unsafeCSS } from 'lit';
import text from './message-list.css?inline';

export const messageListStyles = unsafeCSS(text);
