// The CSS is in rating.css; Vite minifies it when it inlines it (`?inline`).
import { unsafeCSS } from 'lit';
import text from './rating.css?inline';

export const ratingStyles = unsafeCSS(text);
