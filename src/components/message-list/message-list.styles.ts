// The CSS is in message-list.css and, for the rows, message/message.css: Vite minifies both when
// it inlines them here (`?inline`).
import { unsafeCSS } from 'lit';
import rows from '../message/message.css?inline';
import text from './message-list.css?inline';

export const messageListStyles = [unsafeCSS(text), unsafeCSS(rows)];
