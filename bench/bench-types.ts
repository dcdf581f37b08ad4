/**
 * The shape every bench module shares: a name and a `run()` that returns rows of numbers.
 * `bench/run.ts` runs a list of them and prints one table.
 */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
}

export interface BenchModule {
  name: string;
  run(): Promise<BenchRow[]>;
}

/** Prints rows as an aligned table under a heading. */
export function printRows(heading: string, rows: BenchRow[]): void {
  const nameWidth = Math.max(...rows.map((row) => row.name.length), 10);
  const valueWidth = Math.max(...rows.map((row) => String(row.value).length), 5);
  console.log(`\n${heading}`);
  console.log(`${'-'.repeat(nameWidth)}  ${'-'.repeat(valueWidth)}  ${'-'.repeat(12)}`);
  for (const row of rows) {
    console.log(
      `${row.name.padEnd(nameWidth)}  ${String(row.value).padStart(valueWidth)}  ${row.unit}`,
    );
  }
}
