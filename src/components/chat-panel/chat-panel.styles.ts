// The CSS is in chat-panel.css: Vite minifies it when it inlines it here (`?inline`).
import { unsafeCSS } from 'lit';
import text from './chat-panel.css?inline';

export const chatPanelStyles = unsafeCSS(text);
