/**
 * While the panel fills a small screen it is modal: the page behind it is `inert`, so Tab (and a
 * screen reader's reading cursor) cannot walk onto page links hidden behind the panel. Made
 * inert: the siblings of the widget and of each of its ancestors up to `<body>`, and only those
 * that were not inert already; `release()` gives them back as they were.
 */
export class ModalFocus {
  #madeInert: Element[] = [];

  /** Makes everything on the page but `host` (and its ancestors) inert. */
  hold(host: Element): void {
    if (this.#madeInert.length > 0) return;
    for (
      let node: Element | null = host;
      node && node !== document.body;
      node = node.parentElement
    ) {
      for (const sibling of node.parentElement?.children ?? []) {
        if (sibling === node || sibling.hasAttribute('inert') || sibling.localName === 'script')
          continue;
        sibling.setAttribute('inert', '');
        this.#madeInert.push(sibling);
      }
    }
  }

  release(): void {
    for (const element of this.#madeInert) element.removeAttribute('inert');
    this.#madeInert = [];
  }
}
