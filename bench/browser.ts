/**
 * Browser plumbing shared by the widget benches: launching the system Chromium the tests use,
 * calling the page-side probe (bench/pages/probe.js), and reading the JS heap after a full GC.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumFlags, chromiumPath } from '../test/support/chromium.mjs';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: chromiumFlags });
}

/**
 * Evaluates a probe expression in the page, e.g. `benchProbe.timeLauncher()`, and awaits it.
 * Expressions are passed as text so the page runs exactly probe.js's code (a function passed
 * from here would be compiled by tsx first, and may call helpers the page does not have).
 */
export async function probe<T>(page: Page, expression: string, timeoutMs = 60_000): Promise<T> {
  // A page that never shows what the probe waits for must fail the bench, not hang it.
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${expression.slice(0, 80)} took over ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
  });
  try {
    return (await Promise.race([page.evaluate(expression), timeout])) as T;
  } finally {
    clearTimeout(timer);
  }
}

/** The page's used JS heap in MB, after two full garbage collections (DevTools protocol). */
export async function heapAfterGcMB(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('HeapProfiler.collectGarbage');
    await session.send('HeapProfiler.collectGarbage');
    const { usedSize } = await session.send('Runtime.getHeapUsage');
    return usedSize / (1024 * 1024);
  } finally {
    await session.detach();
  }
}
