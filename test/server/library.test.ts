/**
 * The knowledge base on its own: the demo content is whole (every question in a category, every
 * answer plain text), search finds what a visitor's words are about (also half typed), keeps to
 * the area's categories, and finds nothing for words it does not know.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Library, demoLibrary } from '../../demo/server/library/index.js';

const library = new Library(demoLibrary);
const firstQuestion = (query: string, areaId = 1) =>
  library.search(query, { areaId, limit: 3 })[0]?.question;

describe('library', () => {
  it('has the demo company’s topics as plain-text answers', () => {
    assert.ok(demoLibrary.questions.length >= 15);
    const names = library.categories().map((category) => category.name);
    for (const topic of ['Opening hours', 'prices', 'Delivery', 'Moving house', 'Invoices']) {
      assert.ok(
        names.some((name) => name.includes(topic)),
        `a category about ${topic}`,
      );
    }
    for (const question of demoLibrary.questions) {
      assert.doesNotMatch(question.answer, /[<>]/, `answer ${question.id} is plain text`);
    }
    assert.equal(new Set(demoLibrary.questions.map((question) => question.id)).size, 16);
  });

  it('finds the answer a question is about', () => {
    assert.equal(firstQuestion('How long does delivery take?'), 'How long does delivery take?');
    assert.match(firstQuestion('I am moving to a new flat') ?? '', /moving house/);
    assert.match(firstQuestion('what does fibre 1000 cost') ?? '', /plans .* cost/);
    assert.match(firstQuestion('when is my invoice due') ?? '', /invoice/);
    assert.match(firstQuestion('Wi-Fi slow upstairs') ?? '', /Wi-Fi is slow/);
  });

  it('finds answers while the last word is still being typed', () => {
    assert.equal(firstQuestion('how long does deliv'), 'How long does delivery take?');
    // A finished word is not a prefix: "deliv " matches nothing whole.
    assert.deepEqual(library.search('deliv ', { areaId: 1 }), []);
  });

  it('returns search hits in the documented shape, at most `limit`', () => {
    const hits = library.search('invoice payment', { areaId: 1, limit: 2 });
    assert.equal(hits.length, 2);
    for (const hit of hits) {
      assert.deepEqual(Object.keys(hit).sort(), ['answer', 'categoryId', 'id', 'question']);
    }
    assert.deepEqual(library.search('invoice', { limit: 0 }), []);
  });

  it('keeps to the categories of the area', () => {
    // Sales (area 2) has no moving-house or invoice categories.
    assert.deepEqual(library.search('moving house', { areaId: 2 }), []);
    assert.ok(library.search('moving house', { areaId: 1 }).length > 0);
    assert.ok(library.search('price', { areaId: 2 }).length > 0);
    assert.deepEqual(library.search('price', { areaId: 99 }), []);
    assert.ok(library.categories(2).every((category) => category.areaIds.includes(2)));
    assert.ok(library.questions({ categoryId: 5 }).every((question) => question.categoryId === 5));
  });

  it('finds nothing for stop words, unknown words or an empty query', () => {
    assert.deepEqual(library.search('', { areaId: 1 }), []);
    assert.deepEqual(library.search('how do I the', { areaId: 1 }), []);
    assert.deepEqual(library.search('zebra xylophone', { areaId: 1 }), []);
    // A huge query is cut, not a denial of service.
    assert.ok(Array.isArray(library.search('invoice '.repeat(100_000), { areaId: 1 })));
  });

  it('refuses content whose question names no category', () => {
    assert.throws(
      () =>
        new Library({
          categories: [],
          questions: [{ id: 1, categoryId: 9, question: 'q', answer: 'a', keywords: [] }],
        }),
      /no category 9/,
    );
  });
});
