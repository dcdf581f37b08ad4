/**
 * The log's rows, keyed and kept: each item gets one row element (`data-key`), rendered with
 * Lit's `render` into it, and rendered again only when its item (or what it shows with it)
 * changed. New rows go after their predecessor, older pages before the first row; nothing else
 * in the DOM is touched, so appending one message to 5,000 costs one row. Checking which rows
 * changed is an identity comparison per item (state updates keep unchanged items as they were).
 * Hand-made rather than lit's `repeat` + `guard`: the same job in a third of the bytes.
 */
import { render, type TemplateResult } from 'lit';
import type { ChatItem } from '../../controllers/chat-item.js';

/** Rows per chunk: one page of history. */
const CHUNK_ROWS = 50;

interface Row {
  item: ChatItem;
  /** Whether the row starts a group (shows its author); the rest it shows comes from `item`. */
  isGroupStart: boolean;
  element: HTMLElement;
}

/**
 * Renders a row. Most rows are drawn once and kept as plain DOM: Lit renders them into a
 * fragment, and the row gets a deep copy of it (`importNode`). Every node Lit made or walked has
 * a JS wrapper, which lives as long as the node (Lit's markers and text nodes: about 25 per row,
 * 2.5 MB of JS heap at 5,000 rows); the copy's nodes are made by the browser and have none, and
 * the originals, wrappers and Lit's parts with them, are garbage at once. A copy has no event
 * listeners: the list handles the clicks of drawn rows (Retry) on the log itself. Template rows
 * are rendered in place and keep Lit's parts: they change under the visitor's hands (a choice),
 * and updating them in place keeps focus on the button.
 */
function draw(element: HTMLElement, item: ChatItem, template: TemplateResult): void {
  if (item.kind === 'template') {
    render(template, element);
    return;
  }
  const fragment = document.createDocumentFragment();
  render(template, fragment);
  // Lit's markers (comments, about 14 a row) are of no use in a copy Lit never updates: left
  // out, the log has a third fewer nodes to copy, keep and trace.
  const markers = document.createTreeWalker(fragment, NodeFilter.SHOW_COMMENT);
  const comments: ChildNode[] = [];
  while (markers.nextNode()) comments.push(markers.currentNode as ChildNode);
  for (const comment of comments) comment.remove();
  element.replaceChildren(document.importNode(fragment, true));
}

export class RowList {
  readonly #rows = new Map<string, Row>();
  #items: readonly ChatItem[] = [];

  constructor(readonly container: HTMLElement) {}

  /**
   * Puts a new row after `previous` (or first). Rows live in chunks of up to CHUNK_ROWS (one
   * page), and the chunks carry `content-visibility: auto`: the browser then tracks and lays out a
   * hundred off-screen boxes for 5,000 messages instead of 5,000.
   */
  #place(element: HTMLElement, previous: HTMLElement | undefined): void {
    const chunk = previous
      ? (previous.parentElement as HTMLElement)
      : this.container.firstElementChild;
    if (chunk && chunk.childElementCount < CHUNK_ROWS) {
      if (previous) previous.after(element);
      else chunk.prepend(element);
      return;
    }
    const fresh = document.createElement('div');
    fresh.className = 'chunk';
    fresh.setAttribute('role', 'none');
    fresh.append(element);
    if (!previous) this.container.prepend(fresh);
    else if (!previous.nextElementSibling) (chunk as HTMLElement).after(fresh);
    // In the middle of a full chunk (rare): the chunk just grows.
    else previous.after(element);
  }

  /** The row element of an item, if it has one. */
  elementOf(key: string): HTMLElement | undefined {
    return this.#rows.get(key)?.element;
  }

  /** Brings the rows in line with `items` (in order), rendering only new and changed ones. */
  update(
    items: readonly ChatItem[],
    isGroupStart: (index: number) => boolean,
    renderRow: (item: ChatItem, isGroupStart: boolean) => TemplateResult,
    /** Something every row shows changed (strings, the chat ended…): look at every row. */
    everything: boolean,
  ): void {
    // Rows before the first item that changed (by identity, at the same place since the last
    // update) are as they were: a new message at the end costs one comparison per row, no more.
    const last = this.#items;
    let start = 0;
    if (!everything) while (start < items.length && items[start] === last[start]) start += 1;
    // Its predecessor may show differently now (a group start): begin one earlier.
    start = Math.max(0, start - 1);
    this.#items = items;
    let previous = start > 0 ? this.#rows.get(items[start - 1]?.key ?? '')?.element : undefined;
    for (let index = start; index < items.length; index++) {
      const item = items[index] as ChatItem;
      const groupStart = isGroupStart(index);
      let row = this.#rows.get(item.key);
      if (!row) {
        const element = document.createElement('div');
        element.className = 'row';
        element.setAttribute('role', 'listitem');
        element.dataset.key = item.key;
        this.#place(element, previous);
        row = { item, isGroupStart: groupStart, element };
        this.#rows.set(item.key, row);
        draw(element, item, renderRow(item, groupStart));
      } else if (everything || row.item !== item || row.isGroupStart !== groupStart) {
        row.item = item;
        row.isGroupStart = groupStart;
        draw(row.element, item, renderRow(item, groupStart));
      }
      previous = row.element;
    }
    // Rows whose item is gone (a "sending" copy replaced by the stored message): rare, so the
    // one full pass is only made then.
    if (this.#rows.size > items.length) {
      const keys = new Set(items.map((item) => item.key));
      for (const [key, row] of this.#rows) {
        if (keys.has(key)) continue;
        const chunk = row.element.parentElement;
        row.element.remove();
        if (chunk?.childElementCount === 0) chunk.remove();
        this.#rows.delete(key);
      }
    }
  }
}
