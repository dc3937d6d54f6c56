/**
 * Offline answer latency in process: every labelled single question of eval/sets through
 * app.assistant.chat (routing, flows, retrieval, composition, SQLite writes). Target: p95 ≤ 20 ms.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import pino from "pino";
import { createApp } from "../src/app.ts";
import { loadConfig } from "../src/config/index.ts";
import { type Bench, type BenchResult, formatTable } from "./run.ts";

const TARGET_P95_MS = 20;
const SETS_DIRECTORY = new URL("../eval/sets/", import.meta.url);

function questions(): string[] {
  return readdirSync(SETS_DIRECTORY)
    .filter((name) => name.endsWith(".jsonl"))
    .flatMap((name) => readFileSync(new URL(name, SETS_DIRECTORY), "utf8").split("\n"))
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { question?: string; session?: string })
    .filter((item) => typeof item.question === "string" && !item.session)
    .map((item) => item.question as string);
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
}

const round = (value: number) => Math.round(value * 100) / 100;

async function run(): Promise<BenchResult> {
  const dataDir = mkdtempSync(join(tmpdir(), "xiaoshen-answer-bench-"));
  const started = performance.now();
  const app = createApp(loadConfig({ ...process.env, OPENAI_BASE_URL: "" }, { dataDir }), pino({ level: "silent" }));
  const startupMs = performance.now() - started;
  try {
    const all = questions();
    for (const question of all.slice(0, 20)) await app.assistant.chat({ message: question }); // warm-up
    const latencies: number[] = [];
    const kinds: Record<string, number> = {};
    for (const question of all) {
      const begin = performance.now();
      const { reply } = await app.assistant.chat({ message: question });
      latencies.push(performance.now() - begin);
      kinds[reply.kind] = (kinds[reply.kind] ?? 0) + 1;
    }
    latencies.sort((left, right) => left - right);
    const p50 = round(percentile(latencies, 0.5));
    const p95 = round(percentile(latencies, 0.95));
    const p99 = round(percentile(latencies, 0.99));
    const rssMb = round(process.memoryUsage().rss / 1e6);
    return {
      title: `offline answers in process — ${all.length} questions, each a new conversation`,
      columns: ["measure", "value", "target"],
      rows: [
        ["app start-up (knowledge, index, SQLite)", `${round(startupMs)} ms`, ""],
        ["answer latency p50", `${p50} ms`, ""],
        ["answer latency p95", `${p95} ms`, `≤ ${TARGET_P95_MS} ms`],
        ["answer latency p99", `${p99} ms`, ""],
        ["replies by kind", JSON.stringify(kinds), ""],
        ["RSS", `${rssMb} MB`, ""],
      ],
      json: {
        questions: all.length,
        startupMs: round(startupMs),
        p50Ms: p50,
        p95Ms: p95,
        p99Ms: p99,
        kinds,
        rssMb,
        meetsTarget: p95 <= TARGET_P95_MS,
      },
    };
  } finally {
    app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const bench: Bench = { name: "answer", run };
export default bench;

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const result = await run();
  process.stdout.write(`${formatTable(result)}\n${JSON.stringify(result.json)}\n`);
}
