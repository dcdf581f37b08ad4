/** The knowledge base's data shapes: what the store holds, the REST API lists and search returns. */

export interface LibraryCategory {
  id: number;
  name: string;
  /** Areas whose visitors and agents see this category. */
  areaIds: number[];
}

export interface LibraryQuestion {
  id: number;
  categoryId: number;
  question: string;
  /** Plain text (no HTML): shown as text by the widget and the console. */
  answer: string;
  /** Words a visitor may use that the question and answer do not (synonyms, topics). */
  keywords: string[];
}

export interface LibraryContent {
  categories: LibraryCategory[];
  questions: LibraryQuestion[];
}

/** One search hit: what a widget or an integration shows. */
export interface LibraryAnswer {
  id: number;
  question: string;
  answer: string;
  categoryId: number;
}

export interface LibrarySearchOptions {
  /** Only questions of categories this area sees; every area's when left out. */
  areaId?: number;
  /** Most answers returned (default 5). */
  limit?: number;
}
