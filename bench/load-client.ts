/**
 * The citizens of `npm run bench:load`, run as a separate process so their CPU is not the
 * server's: N socket.io clients on /citizen, each chatting (send, wait for the ack, think) until
 * the deadline. Prints one JSON object with the latencies and errors on stdout.
 *
 *   tsx bench/load-client.ts --url http://127.0.0.1:PORT --sessions 300 --duration 60
 */
import { readdirSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { io, type Socket } from "socket.io-client";

const { values } = parseArgs({
  options: {
    url: { type: "string" },
    sessions: { type: "string", default: "300" },
    duration: { type: "string", default: "60" },
    "think-min": { type: "string", default: "1500" },
    "think-max": { type: "string", default: "3500" },
    "ramp-ms": { type: "string", default: "3000" },
    "ack-timeout": { type: "string", default: "10000" },
  },
});
if (!values.url) throw new Error("--url is required");
const url = values.url;
const sessions = Number(values.sessions);
const durationMs = Number(values.duration) * 1000;
const thinkMin = Number(values["think-min"]);
const thinkMax = Number(values["think-max"]);
const rampMs = Number(values["ramp-ms"]);
const ackTimeout = Number(values["ack-timeout"]);

/** Questions citizens really ask: the labelled eval sets (answers, clarifications, escalations, refusals). */
function loadQuestions(): string[] {
  const directory = new URL("../eval/sets/", import.meta.url);
  const questions = readdirSync(directory)
    .filter((name) => name.endsWith(".jsonl") && name !== "redteam.jsonl")
    .flatMap((name) => readFileSync(new URL(name, directory), "utf8").split("\n"))
    .filter((line) => line.trim())
    .map((line) => (JSON.parse(line) as { question?: string }).question)
    .filter((question): question is string => typeof question === "string" && question.length > 0);
  if (questions.length === 0) throw new Error("no questions under eval/sets");
  return questions;
}

const questions = loadQuestions();
const latencies: number[] = [];
const errors: Record<string, number> = {};
const kinds: Record<string, number> = {};
const countError = (kind: string) => {
  errors[kind] = (errors[kind] ?? 0) + 1;
};
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function connect(index: number): Promise<Socket> {
  // Each citizen comes through the (loopback) proxy from its own address, as real ones would.
  const address = `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`;
  const socket = io(`${url}/citizen`, {
    path: "/socket.io",
    transports: ["websocket"],
    reconnection: false,
    extraHeaders: { "x-forwarded-for": address },
  });
  socket.on("xs:error", (error: { code?: string }) => countError(`xs:error ${error.code ?? "?"}`));
  socket.on("disconnect", (reason) => {
    if (reason !== "io client disconnect") countError(`disconnect ${reason}`);
  });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (error) => {
      countError("connect_error");
      reject(error);
    });
  });
}

async function citizen(index: number, deadline: number): Promise<void> {
  await pause((rampMs * index) / sessions);
  let socket: Socket;
  try {
    socket = await connect(index);
  } catch {
    return;
  }
  const sessionId = `load-${process.pid}-${index}`;
  for (let turn = 0; Date.now() < deadline; turn += 1) {
    const message = questions[(index * 7 + turn) % questions.length] as string;
    const started = performance.now();
    try {
      const reply = (await socket
        .timeout(ackTimeout)
        .emitWithAck("chat:send", { sessionId, message, clientMessageId: `m${turn}` })) as {
        kind?: string;
        error?: { code: string };
      };
      if (reply.error) countError(`ack ${reply.error.code}`);
      else {
        latencies.push(performance.now() - started);
        kinds[reply.kind ?? "?"] = (kinds[reply.kind ?? "?"] ?? 0) + 1;
      }
    } catch {
      countError("ack timeout");
    }
    await pause(thinkMin + Math.random() * (thinkMax - thinkMin));
  }
  socket.close();
}

const started = Date.now();
const deadline = started + rampMs + durationMs;
await Promise.all(Array.from({ length: sessions }, (_unused, index) => citizen(index, deadline)));
process.stdout.write(
  `${JSON.stringify({ sessions, wallMs: Date.now() - started, measuredMs: durationMs + rampMs, latencies, errors, kinds })}\n`,
);
process.exit(0);
