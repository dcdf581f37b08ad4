// The CSS is in composer.css: Vite minifies it when it inlines it here (`?inline`).
import { unsafeCSS } from 'lit';
import text from './composer.css?inline';

export const composerStyles = unsafeCSS(text);
