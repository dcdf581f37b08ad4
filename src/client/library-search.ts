/**
 * Asks the chat server's library for answers to what the visitor is typing (protocol/library.ts).
 * Loaded with the library answers, only once the visitor types a question. Cancellable: a newer
 * query aborts the older request through its `AbortSignal`.
 */
import type { LibraryAnswer } from '../protocol/index.js';
import { isObject, isString } from './guards.js';

const isAnswer = (value: unknown): value is LibraryAnswer =>
  isObject(value) &&
  typeof value.id === 'number' &&
  isString(value.question) &&
  isString(value.answer);

/**
 * Up to `limit` answers for `query` in `area`, best first. A refused or failed search gives no
 * answers (the form works without them); an aborted one rejects with the signal's reason.
 */
export async function searchLibrary(
  baseURL: string,
  area: number,
  query: string,
  options: { limit: number; signal: AbortSignal },
): Promise<LibraryAnswer[]> {
  const url = `${baseURL}/api/library/search?area=${encodeURIComponent(area)}&q=${encodeURIComponent(query)}&limit=${options.limit}`;
  let body: unknown;
  try {
    const response = await fetch(url, { signal: options.signal });
    if (!response.ok) return [];
    body = await response.json();
  } catch (error) {
    if (options.signal.aborted) throw error;
    return [];
  }
  const answers = isObject(body) && Array.isArray(body.answers) ? body.answers : [];
  return answers.filter(isAnswer).slice(0, options.limit);
}
