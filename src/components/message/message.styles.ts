// The CSS is in message.css: Vite minifies it when it inlines it here (`?inline`).
import { unsafeCSS } from 'lit';
import text from './message.css?inline';

export const messageStyles = unsafeCSS(text);
