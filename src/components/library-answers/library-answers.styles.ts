// The CSS is in library-answers.css (both elements of this folder); Vite minifies it (`?inline`).
import { unsafeCSS } from 'lit';
import text from './library-answers.css?inline';

export const libraryAnswersStyles = unsafeCSS(text);
