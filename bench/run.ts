/**
 * `npm run bench`: runs every bench module in `benches` and prints one table of all their rows. To add a bench,
 * write a module exporting a `BenchModule` (see bench-types.ts) and add it to the list.
 */
import { printTable, type BenchModule, type BenchRow } from './bench-types.js';
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
const results: { bench: string; rows: BenchRow[] }[] = [];
for (const bench of benches) {
  console.log(`Running ${bench.name} …`);
  try {
    results.push({ bench: bench.name, rows: await bench.run() });
  } catch (error) {
    failed = true;
    console.error(`${bench.name} failed:`, error);
  }
}
printTable(results);
process.exitCode = failed ? 1 : 0;
