// The CSS is in end-card.css: Vite minifies it when it inlines it here (`?inline`). The rules of
// the two cards that close a chat (cention-end-confirm, cention-chat-finished); each prepends them
// to its own stylesheet.
import text from './end-card.css?inline';

export const endCardText: string = text;
