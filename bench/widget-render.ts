/**
 * Browser bench of the widget, side by side with deep-chat on the same 5,000 messages:
 *
 * - time from script start to the launcher painted (both script-tag entries, cold cache);
 * - a 5,000-message history: a visitor resuming a live chat that has 5,000 stored messages (the
 *   real path: resume over the socket, one `chat message` frame, render). Timed from the frame's
 *   arrival in the page to the last message painted, and from script start for the whole story.
 *   deep-chat gets the same texts through its documented `history` property, on an already
 *   rendered element, timed until its last message is painted;
 * - one more incoming message at 5,000 (an agent writes through the server / deep-chat's
 *   `addMessage`), until painted;
 * - the page's JS heap after GC with the 5,000 messages shown.
 *
 *   tsx bench/widget-render.ts [--messages 5000]
 */
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import type { RunningServer } from '../demo/server/app.js';
import {
  BENCH_AGENT,
  chatTexts,
  seedChat,
  senderOf,
  startBenchServer,
  type SeededChat,
} from './bench-server.js';
import { printTable, type BenchModule, type BenchRow } from './bench-types.js';
import { heapAfterGcMB, launchBrowser, probe } from './browser.js';
import { median, ratio, round } from './stats.js';
import { ensureWidgetBuilt } from './widget-build.js';
import {
  addProbe,
  benchPagesPlugin,
  deepChatPage,
  widgetPage,
  type WidgetEntry,
} from './widget-pages.js';

export interface WidgetRenderOptions {
  /** Messages in the history. */
  messages: number;
  /** Page loads per entry for the launcher time (median reported). */
  launcherRuns: number;
  /** History renders per widget (median reported). */
  historyRuns: number;
  /** Single appended messages per widget (median reported). */
  appendRuns: number;
}

export const DEFAULT_RENDER: WidgetRenderOptions = {
  messages: 5000,
  launcherRuns: 7,
  historyRuns: 5,
  appendRuns: 15,
};

const VIEWPORT = { width: 1280, height: 800 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const formatCount = (value: number) => value.toLocaleString('en-US');

/** A fresh context (empty cache and storage) whose pages have the probe. */
async function newBenchPage(
  browser: Browser,
  storage: Record<string, string> = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await addProbe(context);
  if (Object.keys(storage).length > 0) {
    // What the widget stored on an earlier page of this visit: a live chat, panel left open. In
    // both web storages, so this holds whichever one the widget is configured to use.
    await context.addInitScript({
      content: `for (const [key, value] of Object.entries(${JSON.stringify(storage)})) {
        localStorage.setItem(key, value);
        sessionStorage.setItem(key, value);
      }`,
    });
  }
  return { context, page: await context.newPage() };
}

async function timeLauncher(
  browser: Browser,
  server: RunningServer,
  entry: WidgetEntry,
  runs: number,
): Promise<number> {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const { context, page } = await newBenchPage(browser);
    try {
      await page.goto(`${server.url}bench/launcher-${entry}.html`);
      samples.push(await probe<number>(page, 'benchProbe.timeLauncher()'));
    } finally {
      await context.close();
    }
  }
  return median(samples);
}

/** A time is only worth printing when every message was really rendered. */
async function expectMessageCount(page: Page, expression: string, expected: number) {
  const shown = await probe<number>(page, expression);
  if (shown !== expected) {
    throw new Error(`${expression} is ${shown} after the history render, expected ${expected}`);
  }
}

interface PaintTimes {
  arrivedAt: number;
  paintedAt: number;
}

/** Arms the probe for `text`, runs `send`, and waits until that message is painted. */
async function timeCentionMessage(page: Page, text: string, send: () => void): Promise<PaintTimes> {
  await probe<void>(page, `benchProbe.armCentionMessage(${JSON.stringify(text)})`);
  send();
  return probe<PaintTimes>(page, 'benchProbe.pending');
}

interface WidgetResults {
  historyFromData: number;
  historyFromStart: number;
  append: number;
  heapMB: number;
}

/** Paging a resumed chat back to its first message (the widget only). */
interface PagingResults {
  ms: number;
  pages: number;
  longestFrameMs: number;
  framesOver50: number;
  frameKind: string;
}

/** The newest messages a resume shows at once (the widget's `historyPageSize`). */
const FIRST_PAGE = 50;

async function measureCention(
  browser: Browser,
  server: RunningServer,
  chat: SeededChat,
  options: WidgetRenderOptions,
): Promise<WidgetResults & { paging: PagingResults }> {
  // The widget keeps its chat under names scoped to its server and area (session-store.ts).
  const scope = `${server.baseURL.replace(/\/+$/, '')}#${chat.areaId}`;
  const storage = {
    [`cention-chat.session:${scope}`]: JSON.stringify({
      sessionId: chat.sessionId,
      sessionSecret: chat.sessionSecret,
      areaId: chat.areaId,
    }),
    [`cention-chat.open:${scope}`]: '1',
  };
  const lastText = chat.texts.at(-1) ?? '';
  const fromData: number[] = [];
  const fromStart: number[] = [];
  let lastRun: { context: BrowserContext; page: Page } | undefined;
  try {
    for (let run = 0; run < options.historyRuns; run++) {
      await lastRun?.context.close();
      lastRun = await newBenchPage(browser, storage);
      const { page } = lastRun;
      let webSockets = 0;
      page.on('websocket', () => webSockets++);
      // The page resumes the chat by itself; arm the probe as soon as the document exists.
      await page.goto(`${server.url}bench/history.html`, { waitUntil: 'commit' });
      await probe<void>(page, `benchProbe.armCentionResume(${JSON.stringify(lastText)})`);
      const times = await probe<PaintTimes>(page, 'benchProbe.pending');
      const start = await probe<number>(page, 'benchProbe.scriptStart()');
      // The newest page, not the whole history (older pages load as the visitor scrolls up).
      await expectMessageCount(
        page,
        'benchProbe.centionMessageCount()',
        Math.min(FIRST_PAGE, chat.texts.length),
      );
      // SockJS falls back to XHR streaming when a WebSocket cannot open; that is another bench.
      if (webSockets === 0) throw new Error('the widget did not open a WebSocket');
      fromData.push(times.paintedAt - times.arrivedAt);
      fromStart.push(times.paintedAt - start);
    }
    if (!lastRun) throw new Error('no history run');
    const { page } = lastRun;
    await sleep(300);
    const paging = await probe<PagingResults>(
      page,
      `benchProbe.pageCentionToTop(${chat.texts.length})`,
    );
    await expectMessageCount(page, 'benchProbe.centionMessageCount()', chat.texts.length);
    await sleep(500);
    const heapMB = await heapAfterGcMB(page);

    const appends: number[] = [];
    for (let run = 0; run < options.appendRuns; run++) {
      const text = `Agent reply ${run + 1}: one more message at ${formatCount(options.messages)}`;
      const times = await timeCentionMessage(page, text, () => {
        server.engine.agents.message(BENCH_AGENT, chat.sessionId, { umid: `append-${run}`, text });
      });
      appends.push(times.paintedAt - times.arrivedAt);
      await sleep(50);
    }
    return {
      historyFromData: median(fromData),
      historyFromStart: median(fromStart),
      append: median(appends),
      heapMB,
      paging,
    };
  } finally {
    await lastRun?.context.close();
  }
}

async function measureDeepChat(
  browser: Browser,
  server: RunningServer,
  texts: string[],
  options: WidgetRenderOptions,
): Promise<Omit<WidgetResults, 'historyFromStart'>> {
  const messages = texts.map((text, index) => ({
    role: senderOf(index) === 'CLIENT' ? 'user' : 'ai',
    text,
  }));
  const samples: number[] = [];
  let lastRun: { context: BrowserContext; page: Page } | undefined;
  try {
    for (let run = 0; run < options.historyRuns; run++) {
      await lastRun?.context.close();
      lastRun = await newBenchPage(browser);
      const { page } = lastRun;
      await page.goto(`${server.url}bench/deep-chat.html`);
      // Rendered and empty: its message container exists.
      await page.waitForFunction(
        "document.querySelector('deep-chat')?.shadowRoot?.getElementById('messages')",
      );
      await sleep(200);
      samples.push(
        await probe<number>(page, `benchProbe.timeDeepChatHistory(${JSON.stringify(messages)})`),
      );
      await expectMessageCount(page, 'benchProbe.deepChatMessageCount()', messages.length);
    }
    if (!lastRun) throw new Error('no history run');
    const { page } = lastRun;
    await sleep(500);
    const heapMB = await heapAfterGcMB(page);
    const appends: number[] = [];
    for (let run = 0; run < options.appendRuns; run++) {
      const message = {
        role: 'ai',
        text: `Agent reply ${run + 1}: one more message at ${formatCount(options.messages)}`,
      };
      appends.push(
        await probe<number>(page, `benchProbe.timeDeepChatAppend(${JSON.stringify(message)})`),
      );
      await sleep(50);
    }
    return { historyFromData: median(samples), append: median(appends), heapMB };
  } finally {
    await lastRun?.context.close();
  }
}

export async function runWidgetRender(options: WidgetRenderOptions): Promise<BenchRow[]> {
  ensureWidgetBuilt();
  const pages = new Map<string, string>();
  const server = await startBenchServer([benchPagesPlugin(pages)]);
  pages.set('launcher-module.html', widgetPage(server.baseURL, 'module'));
  pages.set('launcher-classic.html', widgetPage(server.baseURL, 'classic'));
  pages.set('history.html', widgetPage(server.baseURL, 'module', true));
  pages.set('deep-chat.html', deepChatPage());
  const browser = await launchBrowser();
  try {
    const launcherModule = await timeLauncher(browser, server, 'module', options.launcherRuns);
    const launcherClassic = await timeLauncher(browser, server, 'classic', options.launcherRuns);
    const chat = seedChat(server, options.messages);
    const cention = await measureCention(browser, server, chat, options);
    const deepChat = await measureDeepChat(browser, server, chatTexts(options.messages), options);
    const n = formatCount(options.messages);
    return [
      {
        name: 'launcher painted, from script start (module entry)',
        value: round(launcherModule),
        unit: `ms (median of ${options.launcherRuns}, cold cache)`,
      },
      {
        name: 'launcher painted, from script start (classic .iife.js)',
        value: round(launcherClassic),
        unit: `ms (median of ${options.launcherRuns}, cold cache)`,
      },
      {
        name: `resume a ${n}-message chat, script start → newest page painted`,
        value: round(cention.historyFromStart),
        unit: 'ms (load panel, socket, resume, render)',
      },
      {
        name: `resume a ${n}-message chat, data in → newest ${FIRST_PAGE} painted, composer usable`,
        value: round(cention.historyFromData),
        unit: `ms (median of ${options.historyRuns})`,
      },
      {
        name: `deep-chat: ${n}-message history → last painted`,
        value: round(deepChat.historyFromData),
        unit: `ms (median of ${options.historyRuns}; \`history\` property)`,
      },
      {
        name: `  ratio cention resume / deep-chat ${n}-message history (goal ≤ 0.33)`,
        value: ratio(cention.historyFromData, deepChat.historyFromData),
        unit: '×',
      },
      {
        name: `all ${n} loaded by scrolling to the top`,
        value: round(cention.paging.ms),
        unit: `ms (${cention.paging.pages} pages of ≤ 50)`,
      },
      {
        name: `  longest frame while paging`,
        value: round(cention.paging.longestFrameMs),
        unit: `ms (${cention.paging.framesOver50} frames over 50 ms; ${cention.paging.frameKind})`,
      },
      {
        name: `append one message at ${n}, data in → painted`,
        value: round(cention.append),
        unit: `ms (median of ${options.appendRuns})`,
      },
      {
        name: `deep-chat: append one message at ${n} → painted`,
        value: round(deepChat.append),
        unit: `ms (median of ${options.appendRuns}; addMessage)`,
      },
      {
        name: `  ratio cention / deep-chat (append at ${n})`,
        value: ratio(cention.append, deepChat.append),
        unit: '×',
      },
      {
        name: `JS heap after GC, all ${n} messages loaded`,
        value: round(cention.heapMB),
        unit: 'MB',
      },
      {
        name: `deep-chat: JS heap after GC, ${n} messages shown`,
        value: round(deepChat.heapMB),
        unit: 'MB',
      },
      {
        name: '  ratio cention / deep-chat (heap)',
        value: ratio(cention.heapMB, deepChat.heapMB),
        unit: '×',
      },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}

export function widgetRenderBench(options: Partial<WidgetRenderOptions> = {}): BenchModule {
  const merged = { ...DEFAULT_RENDER, ...options };
  return {
    name: `widget in Chromium vs deep-chat (${formatCount(merged.messages)} messages)`,
    run: () => runWidgetRender(merged),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const messagesFlag = process.argv.indexOf('--messages');
  const messages = messagesFlag > 0 ? Number(process.argv[messagesFlag + 1]) : undefined;
  const bench = widgetRenderBench(messages ? { messages } : {});
  console.log(`Running ${bench.name} …`);
  printTable([{ bench: bench.name, rows: await bench.run() }]);
}
