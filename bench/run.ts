/**
 * `npm run bench`: runs every bench module in `benches` and prints their tables. To add a bench,
 * write a module exporting a `BenchModule` (see bench-types.ts) and add it to the list.
 */
import { printRows, type BenchModule } from './bench-types.js';
import { roundTripBench } from './round-trip.js';
import { serverLoadBench } from './server-load.js';
import { widgetRenderBench } from './widget-render.js';
import { widgetSizeBench } from './widget-size.js';

const benches: BenchModule[] = [
  widgetSizeBench,
  // Chromium: launcher, 5,000-message history, append, heap; deep-chat on the same messages.
  widgetRenderBench(),
  roundTripBench({ messages: 500 }),
  // Moderate defaults, so `npm run bench` finishes in well under a minute on 2 cores.
  serverLoadBench({ visitors: 500, rate: 500, seconds: 10 }),
];

let failed = false;
for (const bench of benches) {
  console.log(`Running ${bench.name} …`);
  try {
    printRows(bench.name, await bench.run());
  } catch (error) {
    failed = true;
    console.error(`${bench.name} failed:`, error);
  }
}
process.exitCode = failed ? 1 : 0;
