/**
 * The visitor's library search (the reference server's `GET <baseURL>/api/library/search?area=&q=
 * &limit=`, docs/server.md "Library"): answers of the knowledge base that match what the visitor
 * is typing, shown before they ask. Type-only.
 */

/** One answer of the library. `answer` is plain text (never HTML). */
export interface LibraryAnswer {
  id: number;
  question: string;
  answer: string;
  categoryId: number;
}

/** The answer of the search: best first. */
export interface LibrarySearchResult {
  answers: LibraryAnswer[];
}
