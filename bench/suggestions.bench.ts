/**
 * Suggestions for a hotline agent's query (guide sections + cited draft reply): in process and over
 * HTTP (GET /api/agent/suggestions, signed in). Target: p95 ≤ 30 ms.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import pino from "pino";
import { createApp } from "../src/app.ts";
import { loadConfig } from "../src/config/index.ts";
import { startServer } from "../src/server/server.ts";
import { type Bench, type BenchResult, formatTable } from "./run.ts";

const TARGET_P95_MS = 30;
const SETS_DIRECTORY = new URL("../eval/sets/", import.meta.url);
// What agents type: keywords and half-sentences, not polished questions.
const AGENT_QUERIES = [
  "居住证 材料",
  "居住证办理时限",
  "公积金提取 租房",
  "新生儿 落户",
  "出生一件事",
  "营业执照 开办企业",
  "社保卡 补办",
  "退休 养老金 领取",
  "失业金 申领条件",
  "护照 办理",
  "港澳通行证 续签",
  "医保 异地就医备案",
  "积分 居住证 分值",
  "驾驶证 换证",
  "残疾人 补贴",
  "12345 热线",
  "不动产登记 查询",
  "生育津贴",
  "engineering 职称 评审",
  "外国人 工作许可",
];

function labelledQuestions(): string[] {
  return readdirSync(SETS_DIRECTORY)
    .filter((name) => /^matters-.*\.jsonl$/.test(name))
    .flatMap((name) => readFileSync(new URL(name, SETS_DIRECTORY), "utf8").split("\n"))
    .filter((line) => line.trim())
    .flatMap((line) => {
      const question = (JSON.parse(line) as { question?: unknown }).question;
      return typeof question === "string" ? [question.slice(0, 200)] : [];
    });
}

function summarise(latencies: number[]) {
  const sorted = [...latencies].sort((left, right) => left - right);
  const at = (fraction: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0;
  const round = (value: number) => Number(value.toFixed(2));
  return { count: sorted.length, p50Ms: round(at(0.5)), p95Ms: round(at(0.95)), maxMs: round(sorted.at(-1) ?? 0) };
}

async function run(): Promise<BenchResult> {
  const dataDir = mkdtempSync(join(tmpdir(), "xiaoshen-bench-suggestions-"));
  const app = createApp(loadConfig({ ...process.env, OPENAI_BASE_URL: "" }, { dataDir }), pino({ level: "silent" }));
  const server = await startServer(app, 0, "127.0.0.1");
  try {
    const queries = [...AGENT_QUERIES, ...labelledQuestions()];
    for (const query of queries.slice(0, 50)) app.suggester.suggest(query); // warm-up: JIT and caches

    const inProcess: number[] = [];
    let withSections = 0;
    for (const query of queries) {
      const started = performance.now();
      const suggestions = app.suggester.suggest(query);
      inProcess.push(performance.now() - started);
      if (suggestions.sections.length > 0) withSections += 1;
    }

    await app.agents.createAccount({ username: "bench", displayName: "压测", role: "agent", password: "bench-口令" });
    const signIn = await fetch(`${server.url}/api/agent/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "bench", password: "bench-口令" }),
    });
    const { token } = (await signIn.json()) as { token: string };
    const overHttp: number[] = [];
    // Kept under the per-IP rate limit (600/min, bursts of 100): a short pause between requests.
    for (const query of AGENT_QUERIES.concat(labelledQuestions().slice(0, 60))) {
      const started = performance.now();
      const response = await fetch(`${server.url}/api/agent/suggestions?q=${encodeURIComponent(query)}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      await response.json();
      overHttp.push(performance.now() - started);
      if (response.status !== 200) throw new Error(`suggestions answered ${response.status}`);
      await new Promise((resolve) => setTimeout(resolve, 105));
    }

    const local = summarise(inProcess);
    const http = summarise(overHttp);
    const verdict = (p95: number) => (p95 <= TARGET_P95_MS ? "ok" : "OVER");
    return {
      title: `Agent suggestions (target p95 ≤ ${TARGET_P95_MS} ms)`,
      columns: ["path", "queries", "p50 ms", "p95 ms", "max ms", "p95 target"],
      rows: [
        ["in process (ReplySuggester)", local.count, local.p50Ms, local.p95Ms, local.maxMs, verdict(local.p95Ms)],
        ["HTTP GET /api/agent/suggestions", http.count, http.p50Ms, http.p95Ms, http.maxMs, verdict(http.p95Ms)],
      ],
      json: {
        targetP95Ms: TARGET_P95_MS,
        inProcess: local,
        http,
        withSectionsRate: Number((withSections / queries.length).toFixed(3)),
        pass: local.p95Ms <= TARGET_P95_MS && http.p95Ms <= TARGET_P95_MS,
      },
    };
  } finally {
    await server.close();
    app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const bench: Bench = { name: "suggestions", run };
export default bench;

// `npx tsx bench/suggestions.bench.ts` runs it on its own.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const result = await run();
  process.stdout.write(`\n${formatTable(result)}\n\n${JSON.stringify({ bench: bench.name, ...result.json })}\n`);
}
