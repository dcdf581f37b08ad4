// The CSS is in start-form.css: Vite minifies it when it inlines it here (`?inline`).
import { unsafeCSS } from 'lit';
import text from './start-form.css?inline';

export const startFormStyles = unsafeCSS(text);
