// The CSS is in chat.css: Vite minifies it when it inlines it here (`?inline`). Plain text, not
// Lit's CSSResult: the launcher is in the first script, which does not carry Lit; it adopts this
// through a constructable stylesheet (CSP-safe).
import text from './chat.css?inline';

export const chatStyles: string = text;
