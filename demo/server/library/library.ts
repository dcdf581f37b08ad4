/**
 * The knowledge base (Cention's "library"): categories of questions and answers, and a search that
 * finds the answers a visitor's words are about. The content is read-only data (the demo's is in
 * demo-library.ts), so everything is in memory and the search index is built once.
 *
 * The search is a small keyword ranker rather than a full-text engine: a library is tens to a few
 * hundred answers, and what matters is that a half-typed question ("how long does deliv") already
 * finds the delivery answer. Each query word scores where it is found: a keyword or a word of the
 * question counts more than a word of the answer, and the last word may be a prefix (still being
 * typed).
 */
import type {
  LibraryAnswer,
  LibraryCategory,
  LibraryContent,
  LibraryQuestion,
  LibrarySearchOptions,
} from './library-types.js';

export type * from './library-types.js';

/** Words that say nothing about the topic; a query of only these finds nothing. */
const STOP_WORDS = new Set(
  (
    'a an and are as at be by can do does for from get got have how i if in is it its me my of ' +
    'on or our so than that the then there this to us was we what when where which who why ' +
    'will with you your'
  ).split(' '),
);

/** Longest query looked at: a search box is a sentence, not a document. */
const MAX_QUERY_CHARS = 200;
const DEFAULT_LIMIT = 5;
const MAX_LIMIT = 50;
/** A hit scoring under this share of the best hit's score is dropped. */
const RELEVANCE_FLOOR = 0.34;

/** "Deliveries" and "delivery", "invoices" and "invoice" are one word to the ranker. */
function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** Lower-case words of letters and digits (any script), "wi-fi" kept as "wifi". */
export function wordsOf(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replaceAll('-', '')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

interface IndexedQuestion {
  question: LibraryQuestion;
  /** Stemmed words with the weight a match there earns (the highest place it appears). */
  weights: Map<string, number>;
}

const WEIGHT_KEYWORD = 3;
const WEIGHT_QUESTION = 3;
const WEIGHT_ANSWER = 1;

function indexQuestion(question: LibraryQuestion): IndexedQuestion {
  const weights = new Map<string, number>();
  const add = (text: string, weight: number) => {
    for (const word of wordsOf(text)) {
      if (STOP_WORDS.has(word)) continue;
      const key = stem(word);
      weights.set(key, Math.max(weights.get(key) ?? 0, weight));
    }
  };
  add(question.answer, WEIGHT_ANSWER);
  add(question.question, WEIGHT_QUESTION);
  add(question.keywords.join(' '), WEIGHT_KEYWORD);
  return { question, weights };
}

export class Library {
  private readonly categoryList: LibraryCategory[];
  private readonly questionList: LibraryQuestion[];
  private readonly index: IndexedQuestion[];
  private readonly categoryById: Map<number, LibraryCategory>;

  constructor(content: LibraryContent) {
    this.categoryList = content.categories;
    this.questionList = content.questions;
    this.categoryById = new Map(content.categories.map((category) => [category.id, category]));
    for (const question of content.questions) {
      if (!this.categoryById.has(question.categoryId)) {
        throw new Error(`library question ${question.id}: no category ${question.categoryId}`);
      }
    }
    this.index = content.questions.map(indexQuestion);
  }

  /** Categories, those an area sees when `areaId` is given. */
  categories(areaId?: number): LibraryCategory[] {
    return this.categoryList.filter((category) => this.isSeenBy(category, areaId));
  }

  category(id: number): LibraryCategory | undefined {
    return this.categoryById.get(id);
  }

  /** Questions in library order, of one category and/or one area's categories. */
  questions(filter: { categoryId?: number; areaId?: number } = {}): LibraryQuestion[] {
    return this.questionList.filter(
      (question) =>
        (filter.categoryId === undefined || question.categoryId === filter.categoryId) &&
        this.isSeenBy(this.categoryById.get(question.categoryId), filter.areaId),
    );
  }

  question(id: number): LibraryQuestion | undefined {
    return this.questionList.find((question) => question.id === id);
  }

  /**
   * The answers `query` is most about, best first (ties in library order); none for a query of
   * only stop words or of words the library does not have.
   */
  search(query: string, options: LibrarySearchOptions = {}): LibraryAnswer[] {
    const limit = Math.min(Math.max(Math.trunc(options.limit ?? DEFAULT_LIMIT), 0), MAX_LIMIT);
    const words = wordsOf(query.slice(0, MAX_QUERY_CHARS)).filter((word) => !STOP_WORDS.has(word));
    if (words.length === 0 || limit === 0) return [];
    // The last word may be half typed unless the query ends with a space or punctuation.
    const lastIsPrefix = /[\p{L}\p{N}]$/u.test(query.slice(0, MAX_QUERY_CHARS));
    const scored: { entry: IndexedQuestion; score: number }[] = [];
    for (const entry of this.index) {
      const category = this.categoryById.get(entry.question.categoryId);
      if (!this.isSeenBy(category, options.areaId)) continue;
      let score = 0;
      words.forEach((word, position) => {
        const isPrefix = lastIsPrefix && position === words.length - 1 && word.length >= 3;
        score += this.wordScore(entry, stem(word), isPrefix ? word : undefined);
      });
      if (score > 0) scored.push({ entry, score });
    }
    scored.sort((left, right) => right.score - left.score);
    // Far weaker matches than the best are noise (one shared answer word): leave them out.
    const floor = (scored[0]?.score ?? 0) * RELEVANCE_FLOOR;
    return scored
      .filter(({ score }) => score >= floor)
      .slice(0, limit)
      .map(({ entry: { question } }) => ({
        id: question.id,
        question: question.question,
        answer: question.answer,
        categoryId: question.categoryId,
      }));
  }

  private wordScore(entry: IndexedQuestion, key: string, prefix: string | undefined): number {
    const exact = entry.weights.get(key);
    if (exact !== undefined || prefix === undefined) return exact ?? 0;
    let best = 0;
    for (const [word, weight] of entry.weights) {
      if (word.startsWith(prefix) && weight > best) best = weight;
    }
    // A prefix match is a guess: worth less than the whole word.
    return best / 2;
  }

  private isSeenBy(category: LibraryCategory | undefined, areaId: number | undefined): boolean {
    return category !== undefined && (areaId === undefined || category.areaIds.includes(areaId));
  }
}
