/**
 * `npm run bench [-- name …]`: runs every bench/*.bench.ts (or those whose name matches), printing
 * each one's table and then its JSON. A bench file default-exports a `Bench`.
 */
import { readdirSync } from "node:fs";
import { pathToFileURL } from "node:url";

export interface BenchResult {
  title: string;
  columns: string[];
  rows: Array<Array<string | number>>;
  /** Machine-readable numbers, printed as one JSON object. */
  json: Record<string, unknown>;
}

export interface Bench {
  name: string;
  run(): Promise<BenchResult | BenchResult[]>;
}

export function formatTable({ title, columns, rows }: BenchResult): string {
  const cells = [columns, ...rows.map((row) => row.map(String))];
  const widths = columns.map((_, column) => Math.max(...cells.map((row) => displayWidth(row[column] ?? ""))));
  const line = (row: string[]) =>
    `| ${row.map((cell, column) => cell + " ".repeat((widths[column] ?? 0) - displayWidth(cell))).join(" | ")} |`;
  const rule = `|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`;
  return [`## ${title}`, line(columns), rule, ...cells.slice(1).map(line)].join("\n");
}

/** Han characters take two columns in a terminal. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u2e80-\uffef]/u.test(char) ? 2 : 1;
  return width;
}

async function main(filters: string[]): Promise<void> {
  const directory = new URL(".", import.meta.url);
  const files = readdirSync(directory)
    .filter((name) => name.endsWith(".bench.ts"))
    .filter((name) => filters.length === 0 || filters.some((filter) => name.includes(filter)))
    .sort();
  for (const file of files) {
    const module = (await import(new URL(file, directory).href)) as { default?: Bench };
    const bench = module.default;
    if (!bench) {
      process.stderr.write(`${file}: no default-exported Bench, skipped\n`);
      continue;
    }
    const results = [await bench.run()].flat();
    for (const result of results) {
      process.stdout.write(`\n${formatTable(result)}\n\n`);
      process.stdout.write(`${JSON.stringify({ bench: bench.name, title: result.title, ...result.json })}\n`);
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`bench failed: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = 1;
  });
}
