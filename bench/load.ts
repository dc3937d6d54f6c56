/**
 * `npm run bench:load [-- --sessions 300 --duration 60]`: starts `xiaoshen serve` (offline, the
 * embedded SQLite default, a fresh data dir) as a child process, runs bench/load-client.ts in a
 * second process with N socket.io citizens on loopback, samples the server's RSS and CPU from
 * /proc, and reports throughput, reply latency percentiles, errors and memory against the target
 * (300 sessions, p95 <= 100 ms, 0 errors, RSS <= 400 MB). Exits 1 when the target is missed.
 * The data dir is made under the OS temp dir: `TMPDIR=/dev/shm npm run bench:load` takes the disk
 * (WAL checkpoint fsyncs) out of the measurement, to tell CPU limits from I/O stalls.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    sessions: { type: "string", default: "300" },
    duration: { type: "string", default: "60" },
    "think-min": { type: "string", default: "1500" },
    "think-max": { type: "string", default: "3500" },
    /** Node options for the server only, e.g. "--max-semi-space-size=2" (a smaller young generation). */
    "server-node-options": { type: "string", default: "" },
  },
});

const TARGET = { sessions: 300, p95Ms: 100, errors: 0, rssMb: 400 };
const root = fileURLToPath(new URL("..", import.meta.url));

function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [join(root, "bin/xiaoshen.js"), "serve", "--port", "0"], {
    env: {
      ...process.env,
      OPENAI_BASE_URL: "",
      HOST: "127.0.0.1",
      XIAOSHEN_DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      NODE_OPTIONS: values["server-node-options"],
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let output = "";
  return new Promise((resolve, reject) => {
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[^\s)]+)/.exec(output);
      if (match?.[1]) resolve({ child, url: match[1] });
    });
    child.once("exit", (code) => reject(new Error(`server exited (${code}):\n${output}`)));
  });
}

/** Resident memory (MB) and CPU seconds of a process, from /proc (Linux). */
function sample(pid: number): { rssMb: number; cpuSeconds: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  const ticks = Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
  return { rssMb: rssKb / 1024, cpuSeconds: ticks / 100 };
}

function runClients(url: string): Promise<string> {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      join(root, "bench/load-client.ts"),
      "--url",
      url,
      "--sessions",
      values.sessions,
      "--duration",
      values.duration,
      "--think-min",
      values["think-min"],
      "--think-max",
      values["think-max"],
    ],
    { cwd: root, stdio: ["ignore", "pipe", "inherit"] },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  return new Promise((resolve, reject) =>
    child.once("exit", (code) => (code === 0 ? resolve(output) : reject(new Error(`load client exited ${code}`)))),
  );
}

const percentile = (sorted: number[], fraction: number) =>
  sorted.length ? (sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] as number) : Number.NaN;

const dataDir = mkdtempSync(join(tmpdir(), "xiaoshen-load-"));
const { child: server, url } = await startServer(dataDir);
const pid = server.pid as number;
const idle = sample(pid);
let peakRss = idle.rssMb;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, sample(pid).rssMb);
}, 250);
process.stderr.write(
  `server ${url} ${values["server-node-options"]} (pid ${pid}, idle RSS ${idle.rssMb.toFixed(0)} MB); ${values.sessions} citizens for ${values.duration} s…\n`,
);

const cpuBefore = sample(pid).cpuSeconds;
const result = JSON.parse(await runClients(url)) as {
  sessions: number;
  measuredMs: number;
  latencies: number[];
  errors: Record<string, number>;
  kinds: Record<string, number>;
};
const after = sample(pid);
clearInterval(sampler);
server.kill("SIGTERM");
await new Promise((resolve) => server.once("exit", resolve));
rmSync(dataDir, { recursive: true, force: true });

const sorted = [...result.latencies].sort((left, right) => left - right);
const errorCount = Object.values(result.errors).reduce((sum, count) => sum + count, 0);
const seconds = result.measuredMs / 1000;
const report = {
  sessions: result.sessions,
  durationSeconds: Number(values.duration),
  replies: sorted.length,
  throughputPerSecond: Number((sorted.length / seconds).toFixed(1)),
  p50Ms: Number(percentile(sorted, 0.5).toFixed(1)),
  p95Ms: Number(percentile(sorted, 0.95).toFixed(1)),
  p99Ms: Number(percentile(sorted, 0.99).toFixed(1)),
  maxMs: Number((sorted.at(-1) ?? Number.NaN).toFixed(1)),
  errors: errorCount,
  errorKinds: result.errors,
  replyKinds: result.kinds,
  serverRssIdleMb: Math.round(idle.rssMb),
  serverRssPeakMb: Math.round(Math.max(peakRss, after.rssMb)),
  serverCpuCores: Number(((after.cpuSeconds - cpuBefore) / seconds).toFixed(2)),
};
const met =
  report.sessions >= TARGET.sessions &&
  report.p95Ms <= TARGET.p95Ms &&
  report.errors <= TARGET.errors &&
  report.serverRssPeakMb <= TARGET.rssMb;

const rows: Array<[string, string | number, string]> = [
  ["concurrent sessions", report.sessions, `≥ ${TARGET.sessions}`],
  ["replies", report.replies, ""],
  ["throughput (replies/s)", report.throughputPerSecond, ""],
  ["p50 reply latency (ms)", report.p50Ms, ""],
  ["p95 reply latency (ms)", report.p95Ms, `≤ ${TARGET.p95Ms}`],
  ["p99 reply latency (ms)", report.p99Ms, ""],
  ["errors", report.errors, `= ${TARGET.errors}`],
  ["server RSS peak (MB)", report.serverRssPeakMb, `≤ ${TARGET.rssMb}`],
  ["server CPU (cores)", report.serverCpuCores, ""],
];
process.stdout.write(
  `## load: socket.io citizens on /citizen (offline, embedded SQLite)\n| metric | value | target |\n|---|---|---|\n${rows
    .map(([name, value, target]) => `| ${name} | ${value} | ${target} |`)
    .join("\n")}\n\n${JSON.stringify({ ...report, targetMet: met })}\n`,
);
process.exitCode = met ? 0 : 1;
