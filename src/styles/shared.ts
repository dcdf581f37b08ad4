// The CSS is in shared.css: Vite minifies it when it inlines it here (`?inline`).
import { unsafeCSS } from 'lit';
import text from './shared.css?inline';

export const shared = unsafeCSS(text);
