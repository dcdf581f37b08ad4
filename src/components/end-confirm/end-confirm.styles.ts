// The CSS is in end-confirm.css: Vite minifies it when it inlines it here (`?inline`).
import { unsafeCSS } from 'lit';
import text from './end-confirm.css?inline';

export const endConfirmStyles = unsafeCSS(text);
