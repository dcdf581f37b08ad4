/* global performance, requestAnimationFrame, MessageChannel, customElements, PerformanceObserver */
// Page-side timing helpers for the widget benches, inlined into every bench page (so loading them
// costs no request). Plain browser JavaScript: Playwright runs it as it is, without a build.
//
// "Painted" means: the condition held in a requestAnimationFrame callback (so it was true when
// that frame's style and layout ran), and a task posted from there has run (which happens after
// the frame was painted). Polling once per frame also keeps the probe from stealing time from the
// work it measures.
(() => {
  /** Resolves with the time a task posted after the current frame runs. */
  const afterThisFrame = () =>
    new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    });

  /**
   * Checks `condition` once per frame; resolves with {foundAt, paintedAt} (performance.now()
   * times) once it holds and that frame has painted.
   */
  const whenPainted = (condition) =>
    new Promise((resolve) => {
      const check = () => {
        if (!condition()) {
          requestAnimationFrame(check);
          return;
        }
        const foundAt = performance.now();
        void afterThisFrame().then((paintedAt) => resolve({ foundAt, paintedAt }));
      };
      requestAnimationFrame(check);
    });

  /** The launcher button, when it is rendered, has a size and is not hidden. */
  const launcherVisible = () => {
    const launcher = document
      .querySelector('cention-chat')
      ?.shadowRoot?.querySelector('[part="launcher"]');
    if (!launcher) return false;
    const box = launcher.getBoundingClientRect();
    return (
      box.width > 0 &&
      box.height > 0 &&
      box.bottom > 0 &&
      box.top < window.innerHeight &&
      launcher.checkVisibility({ opacityProperty: true, visibilityProperty: true })
    );
  };

  /** The `<cention-message-list>` inside the widget's panel, once it exists. */
  let centionList;
  const centionMessageList = () => {
    centionList ??= document
      .querySelector('cention-chat')
      ?.shadowRoot?.querySelector('cention-chat-panel')
      ?.shadowRoot?.querySelector('cention-message-list');
    return centionList;
  };

  /** The rows of the widget's log (rows are plain elements since the log rebuild). */
  const centionRows = () => centionMessageList()?.shadowRoot?.querySelector('.content');

  /** The rendered text of the widget's last message ('' before there is one). */
  // The last row of the last chunk (rows are grouped in chunks of a page).
  const centionLastText = () =>
    centionRows()?.lastElementChild?.lastElementChild?.textContent ?? '';

  /** The composer's text field is there and can be typed into. */
  const centionComposerUsable = () => {
    const field = document
      .querySelector('cention-chat')
      ?.shadowRoot?.querySelector('cention-chat-panel')
      ?.shadowRoot?.querySelector('cention-composer')
      ?.shadowRoot?.querySelector('textarea');
    return Boolean(field && !field.disabled && field.getBoundingClientRect().height > 0);
  };

  /** The rendered text of deep-chat's last message bubble ('' before there is one). */
  const deepChatLastText = (element) => {
    let last = element.shadowRoot?.getElementById('messages')?.lastElementChild;
    // History is wrapped in one more <div>; live messages are not.
    while (last && !last.classList.contains('outer-message-container')) {
      last = last.lastElementChild;
    }
    return last?.textContent ?? '';
  };

  window.benchProbe = {
    /** Messages in the widget's log (a check that the whole history was rendered). */
    centionMessageCount() {
      return centionRows()?.querySelectorAll('.row').length ?? 0;
    },

    /**
     * The same count from the chunks' child counts (rows live in chunks of a page): about a
     * hundred reads at 5,000 rows, where a selector walks every node of the log. What the probe
     * polls every frame while paging, so its own work stays out of the frames it measures.
     */
    centionChunkedRowCount() {
      let count = 0;
      for (const chunk of centionRows()?.children ?? []) count += chunk.childElementCount;
      return count;
    },

    /** Message bubbles in deep-chat (same check). */
    deepChatMessageCount() {
      const element = document.querySelector('deep-chat');
      return element?.shadowRoot?.querySelectorAll('.outer-message-container').length ?? 0;
    },

    whenPainted,
    launcherVisible,
    centionLastText,
    deepChatLastText,

    /** From the mark before the widget's script tag to the launcher painted, in ms. */
    async timeLauncher() {
      const start = performance.getEntriesByName('script-start')[0]?.startTime ?? 0;
      const { paintedAt } = await whenPainted(launcherVisible);
      return paintedAt - start;
    },

    /**
     * Notes when the widget's client hands over each `chat message` frame (keyed by the text of
     * its last message), so a render can be timed from the moment its data is in the page.
     * Registered before the panel loads, so it runs before the widget's own handler.
     */
    async watchCentionFrames() {
      await customElements.whenDefined('cention-chat');
      const widget = document.querySelector('cention-chat');
      const arrivals = new Map();
      widget.client.registerAction('chat message', (event) => {
        const last = event.chat[event.chat.length - 1];
        if (last && !arrivals.has(last.text)) arrivals.set(last.text, performance.now());
      });
      window.benchArrivals = arrivals;
    },

    /** Resolves once the frame ending with `text` has arrived: the time it did. */
    async centionArrival(text) {
      for (;;) {
        const at = window.benchArrivals?.get(text);
        if (at !== undefined) return at;
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
    },

    /**
     * Starts waiting for the message `text` to be painted in the widget; `pending` then resolves
     * with {arrivedAt, paintedAt} (performance.now() times). Armed before the message is sent,
     * so polling is already running when it arrives.
     */
    armCentionMessage(text) {
      this.pending = whenPainted(() => centionLastText().includes(text)).then(
        async ({ paintedAt }) => ({ arrivedAt: await this.centionArrival(text), paintedAt }),
      );
    },

    /** As armCentionMessage, and the composer must be usable too (a resume's first view). */
    armCentionResume(text) {
      this.pending = whenPainted(
        () => centionLastText().includes(text) && centionComposerUsable(),
      ).then(async ({ paintedAt }) => ({ arrivedAt: await this.centionArrival(text), paintedAt }));
    },

    /**
     * Scrolls the widget's log to the top until `total` rows are in it, as a visitor paging back
     * would (each page is asked for when the top is near). Returns the time it took and the
     * longest animation frame meanwhile (Long Animation Frames API; long tasks where absent).
     */
    async pageCentionToTop(total) {
      const log = centionMessageList()?.shadowRoot?.querySelector('.log');
      if (!log) throw new Error('no log');
      const frames = [];
      const type = PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')
        ? 'long-animation-frame'
        : 'longtask';
      const observer = new PerformanceObserver((list) => frames.push(...list.getEntries()));
      observer.observe({ type, buffered: false });
      const started = performance.now();
      let pages = 0;
      while (this.centionChunkedRowCount() < total) {
        const before = this.centionChunkedRowCount();
        log.scrollTop = 0;
        const deadline = performance.now() + 10000;
        while (this.centionChunkedRowCount() === before) {
          if (performance.now() > deadline) throw new Error(`paging stuck at ${before} rows`);
          await new Promise((resolve) => requestAnimationFrame(resolve));
        }
        pages += 1;
      }
      const { paintedAt } = await whenPainted(() => true);
      observer.disconnect();
      // Back at the newest message, where a visitor reads what comes next.
      log.scrollTop = log.scrollHeight;
      const durations = frames.map((frame) => frame.duration);
      return {
        ms: paintedAt - started,
        pages,
        longestFrameMs: Math.max(0, ...durations),
        framesOver50: durations.filter((duration) => duration > 50).length,
        frameKind: type,
      };
    },

    /** The "script-start" mark's time. */
    scriptStart() {
      return performance.getEntriesByName('script-start')[0]?.startTime ?? 0;
    },

    /** Sets deep-chat's `history` on a rendered, empty element and times it until painted. */
    async timeDeepChatHistory(messages) {
      const element = document.querySelector('deep-chat');
      const last = messages[messages.length - 1]?.text ?? '';
      const started = performance.now();
      element.history = messages;
      const { paintedAt } = await whenPainted(() => deepChatLastText(element).includes(last));
      return paintedAt - started;
    },

    /** One `addMessage` on deep-chat, timed until painted. */
    async timeDeepChatAppend(message) {
      const element = document.querySelector('deep-chat');
      const started = performance.now();
      element.addMessage(message);
      const { paintedAt } = await whenPainted(() =>
        deepChatLastText(element).includes(message.text),
      );
      return paintedAt - started;
    },
  };
})();
