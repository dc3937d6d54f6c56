/**
 * Size of the widget's first-paint bundle (embed.js: everything the launcher and panel need,
 * socket.io client included) against the 60 kB gzip budget. `npm run bench -- widget-size`, or
 * alone: `npx tsx bench/widget-size.bench.ts` (exits 1 over budget).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { brotliCompressSync, gzipSync } from "node:zlib";
import type { Bench, BenchResult } from "./run.ts";

export const GZIP_BUDGET_BYTES = 60 * 1024;

type Metafile = Pick<import("esbuild").Metafile, "outputs">;

/** Groups the bundle's bytes by where they come from: the widget's own code or a package. */
function byOrigin(metafile: Metafile): Array<[string, number]> {
  const totals = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const origin = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? "web-widget/src";
      totals.set(origin, (totals.get(origin) ?? 0) + bytesInOutput);
    }
  }
  return [...totals].sort((a, b) => b[1] - a[1]);
}

const kB = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

async function measure(): Promise<BenchResult> {
  const outdir = mkdtempSync(join(tmpdir(), "xiaoshen-widget-bench-"));
  try {
    const { buildWidget } = await import("../web-widget/build.mjs");
    const started = performance.now();
    const { metafile } = await buildWidget({ outdir });
    const buildMs = performance.now() - started;
    const bundle = readFileSync(join(outdir, "embed.js"));
    const gzip = gzipSync(bundle, { level: 9 }).length;
    const brotli = brotliCompressSync(bundle).length;
    const origins = byOrigin(metafile);
    return {
      title: "Widget first-paint bundle (embed.js)",
      columns: ["part", "minified kB"],
      rows: [
        ...origins.map(([origin, bytes]): [string, number] => [origin, kB(bytes)]),
        ["total minified", kB(bundle.length)],
        ["total gzip -9", kB(gzip)],
        ["total brotli", kB(brotli)],
        ["budget (gzip)", kB(GZIP_BUDGET_BYTES)],
        ["build ms", Math.round(buildMs)],
      ],
      json: {
        minifiedBytes: bundle.length,
        gzipBytes: gzip,
        brotliBytes: brotli,
        budgetGzipBytes: GZIP_BUDGET_BYTES,
        withinBudget: gzip <= GZIP_BUDGET_BYTES,
        buildMs: Math.round(buildMs),
        parts: Object.fromEntries(origins),
      },
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

const bench: Bench = { name: "widget-size", run: measure };
export default bench;

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { formatTable } = await import("./run.ts");
  const result = await measure();
  process.stdout.write(`${formatTable(result)}\n\n${JSON.stringify({ bench: bench.name, ...result.json })}\n`);
  if (!result.json.withinBudget) process.exitCode = 1;
}
