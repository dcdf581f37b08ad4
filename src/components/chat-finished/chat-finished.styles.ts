// The CSS is in chat-finished.css, after the rules both end-of-chat cards share
// (src/styles/end-card.css); Vite minifies both when it inlines them (`?inline`).
import { unsafeCSS } from 'lit';
import { endCardText } from '../../styles/end-card.js';
import text from './chat-finished.css?inline';

export const chatFinishedStyles = unsafeCSS(endCardText + text);
