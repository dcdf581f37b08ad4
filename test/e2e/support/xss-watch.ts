/**
 * What the XSS tests look for, in one place: payloads that ran (the `__xss` binding and dialogs),
 * navigations and popups, and active content left in the DOM (script and frame elements, inline
 * event handlers, `javascript:`/`data:` addresses), searched through every open shadow root.
 */
import type { BrowserContext, Page } from '@playwright/test';

export interface XssWatch {
  /** Ids passed to `__xss(id)` by payloads that executed, in any frame or page of the context. */
  readonly hits: number[];
  /** Messages of alert/confirm/prompt dialogs (each is dismissed). */
  readonly dialogs: string[];
  /** Pages the context opened besides the visitor page (window.open, target=_blank, …). */
  readonly popups: string[];
  /** Main-frame navigations and frames attached after `watchNavigations()` was called. */
  readonly navigations: string[];
  /** Uncaught errors in the visitor page (a payload must not break the widget either). */
  readonly pageErrors: string[];
  /** Starts recording navigations of `page` (call once the page has loaded). */
  watchNavigations(page: Page): void;
}

/** Arms the watch on a fresh context, before its first page is opened. */
export async function watchForXss(context: BrowserContext): Promise<XssWatch> {
  const watch: XssWatch = {
    hits: [],
    dialogs: [],
    popups: [],
    navigations: [],
    pageErrors: [],
    watchNavigations(page) {
      page.on('framenavigated', (frame) => {
        if (frame === page.mainFrame()) watch.navigations.push(`navigated to ${frame.url()}`);
      });
      page.on('frameattached', (frame) => watch.navigations.push(`frame attached: ${frame.url()}`));
    },
  };
  // A binding exists in every frame (also iframes and popups), so a payload that escapes into a
  // frame of its own still reports itself.
  await context.exposeBinding('__xss', (_source, id: unknown) => {
    watch.hits.push(Number(id));
  });
  const onPage = (page: Page) => {
    page.on('dialog', (dialog) => {
      watch.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss().catch(() => undefined);
    });
    page.on('pageerror', (error) => watch.pageErrors.push(error.message));
  };
  let isFirstPage = true;
  context.on('page', (page) => {
    onPage(page);
    if (!isFirstPage) watch.popups.push(page.url());
    isFirstPage = false;
  });
  return watch;
}

/**
 * Active content in the page, one line per finding, with the chain of shadow hosts it sits in.
 * Compare with the same scan taken before any payload arrived (the page's own script tags).
 */
export function scanForActiveContent(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const findings: string[] = [];
    const activeTags = new Set([
      'script',
      'iframe',
      'frame',
      'frameset',
      'object',
      'embed',
      'applet',
      'base',
      'meta',
      'link',
      'form',
      'portal',
      'handler',
    ]);
    const urlAttributes = new Set([
      'href',
      'xlink:href',
      'src',
      'action',
      'formaction',
      'data',
      'background',
      'poster',
      'codebase',
      'srcset',
      'values',
      'to',
      'from',
      'ping',
      'cite',
      'longdesc',
      'lowsrc',
      'dynsrc',
      'manifest',
      'icon',
      'content',
    ]);
    const safeImageData = /^data:image\/(?:png|gif|jpeg|webp);base64,/;
    // How a browser reads a URL: leading/embedded whitespace and control characters are ignored.
    const normalise = (value: string) =>
      // eslint-disable-next-line no-control-regex
      value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();

    const visit = (root: Document | ShadowRoot, where: string) => {
      for (const element of root.querySelectorAll('*')) {
        const tag = element.localName;
        const describe = (what: string) => findings.push(`${where} > ${tag}${what}`);
        if (activeTags.has(tag)) {
          const src = element.getAttribute('src') ?? element.getAttribute('href') ?? '';
          describe(src ? ` (${src})` : '');
        }
        for (const attribute of element.attributes) {
          const name = attribute.name.toLowerCase();
          const value = normalise(attribute.value);
          if (name.startsWith('on')) describe(`[${name}]`);
          if (name === 'srcdoc') describe('[srcdoc]');
          // Images never run a javascript: address (Chromium refuses the scheme for fetches), so
          // img src/srcset is left out; everywhere else such an address runs on click or load.
          const isImageAddress = name === 'srcset' || (tag === 'img' && name === 'src');
          if (
            urlAttributes.has(name) &&
            !isImageAddress &&
            /(?:^|,)(?:javascript|vbscript):/.test(value)
          ) {
            describe(`[${name}=javascript:]`);
          }
          if (urlAttributes.has(name) && value.startsWith('data:')) {
            const isImageSource = tag === 'img' && name === 'src';
            if (!isImageSource || !safeImageData.test(value)) describe(`[${name}=data:]`);
          }
          // SVG animation can set href or a handler on its parent after sanitising.
          if ((tag === 'set' || tag === 'animate') && name === 'attributename') {
            describe(`[attributeName=${attribute.value}]`);
          }
        }
        if (element.shadowRoot) visit(element.shadowRoot, `${where} > ${tag}`);
      }
    };
    visit(document, 'document');
    return findings;
  });
}

/** How many elements in the page (through open shadow roots) match `selector`. */
export function countDeep(page: Page, selector: string): Promise<number> {
  return page.evaluate((css) => {
    const count = (root: Document | ShadowRoot): number =>
      root.querySelectorAll(css).length +
      [...root.querySelectorAll('*')].reduce(
        (sum, element) => sum + (element.shadowRoot ? count(element.shadowRoot) : 0),
        0,
      );
    return count(document);
  }, selector);
}

/**
 * Images that have not finished loading or failing (through shadow roots). Error handlers would
 * run when an image fails, so a test waits for zero before it concludes nothing ran.
 */
export function pendingImages(page: Page): Promise<number> {
  return page.evaluate(() => {
    const pending = (root: Document | ShadowRoot): number =>
      [...root.querySelectorAll('img')].filter((image) => !image.complete).length +
      [...root.querySelectorAll('*')].reduce(
        (sum, element) => sum + (element.shadowRoot ? pending(element.shadowRoot) : 0),
        0,
      );
    return pending(document);
  });
}

/** Links in the widget's messages, as the visitor would follow them. */
export function messageLinks(page: Page): Promise<{ href: string; target: string; rel: string }[]> {
  return page.evaluate(() => {
    const links: { href: string; target: string; rel: string }[] = [];
    const visit = (root: Document | ShadowRoot, inMessage: boolean) => {
      for (const element of root.querySelectorAll('*')) {
        // An <a> without href is no link (nothing to follow), so only those with one count.
        if (inMessage && element.localName === 'a' && element.hasAttribute('href')) {
          links.push({
            href: element.getAttribute('href') ?? '',
            target: element.getAttribute('target') ?? '',
            rel: element.getAttribute('rel') ?? '',
          });
        }
        // Rows are plain elements in the message list's shadow root (class "row").
        if (element.shadowRoot) {
          visit(element.shadowRoot, inMessage || element.localName === 'cention-message-list');
        }
      }
    };
    visit(document, false);
    return links;
  });
}
