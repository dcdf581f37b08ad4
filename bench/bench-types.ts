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

/** Prints every bench's rows as one aligned table, the bench named in the first column. */
export function printTable(results: { bench: string; rows: BenchRow[] }[]): void {
  const lines = results.flatMap(({ bench, rows }) =>
    rows.map((row) => [bench, row.name, String(row.value), row.unit]),
  );
  const header = ['bench', 'measurement', 'value', 'unit'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => (line[column] ?? '').length)),
  );
  const format = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column === 2 ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  console.log(`\n${format(header)}`);
  console.log(format(widths.map((width) => '-'.repeat(width))));
  for (const line of lines) console.log(format(line));
}
