// The CSS is in end-confirm.css, after the rules both end-of-chat cards share
// (src/styles/end-card.css); Vite minifies both when it inlines them (`?inline`).
import { unsafeCSS } from 'lit';
import { endCardText } from '../../styles/end-card.js';
import text from './end-confirm.css?inline';

export const endConfirmStyles = unsafeCSS(endCardText + text);
