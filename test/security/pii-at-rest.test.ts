import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { Writable } from "node:stream";
import { io as connect } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, createApp } from "../../src/app.ts";
import { loadConfig } from "../../src/config/index.ts";
import { createLogger } from "../../src/logging/logger.ts";
import { type RunningServer, startServer } from "../../src/server/server.ts";
import { tempDir } from "../helpers/test-app.ts";

// Each raw value, and the digit-only spelling a store might normalise it to.
const PII = {
  idCard: "31010119900307123X",
  idCardLower: "31010119900307123x",
  phone: "13912345678",
  phoneSpaced: "139 1234 5678",
  phoneIntl: "+86 139-1234-5678",
  bankCard: "6222021234567890123",
  bankCardSpaced: "6222 0212 3456 7890 123",
  email: "zhang.san@example.com",
  emailLocal: "zhang.san@",
};

const TURNS = [
  `我的身份证号是${PII.idCard}，手机${PII.phone}，办居住证要什么材料`,
  `我要投诉，窗口工作人员态度很差，我的电话是${PII.phoneSpaced}，邮箱${PII.email}`,
  `银行卡${PII.bankCardSpaced}绑定的社保卡丢了怎么补办`,
  `转人工，我身份证${PII.idCardLower}，卡号${PII.bankCard}`,
  `my phone is ${PII.phoneIntl} and email ${PII.email}, I want to complain about rude staff`,
];

const logLines: string[] = [];
const data = tempDir("xiaoshen-pii-");
let app: App;
let server: RunningServer;

beforeAll(async () => {
  const capture = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  const config = loadConfig({ ...process.env, OPENAI_BASE_URL: "" }, { dataDir: data.path });
  app = createApp(config, createLogger("trace", capture));
  server = await startServer(app, 0, "127.0.0.1");
});
afterAll(async () => {
  await server.close();
  app.close();
  data.remove();
});

function filesUnder(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function rawPiiIn(bytes: Buffer): string[] {
  return Object.entries(PII)
    .filter(([, value]) => bytes.includes(Buffer.from(value, "utf8")))
    .map(([kind]) => kind);
}

describe("PII at rest", () => {
  it("stores and logs no raw ID-card, phone, bank-card or email after a session full of them", async () => {
    // The detector itself finds every raw spelling in the turns we send.
    expect(rawPiiIn(Buffer.from(TURNS.join("\n"))).sort()).toEqual(Object.keys(PII).sort());
    const kinds = new Set<string>();
    let httpSession: string | undefined;
    for (const [index, message] of TURNS.entries()) {
      const response = await fetch(`${server.url}/api/chat`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ sessionId: httpSession, message, clientMessageId: `pii-${index}` }),
      });
      expect(response.status).toBe(200);
      const body = await response.json();
      httpSession = body.sessionId;
      kinds.add(body.kind);
    }

    const socket = connect(`${server.url}/citizen`, { path: "/socket.io", transports: ["websocket"] });
    try {
      for (const [index, message] of TURNS.entries()) {
        const reply = (await socket.timeout(10_000).emitWithAck("chat:send", {
          sessionId: "pii-socket-session",
          message,
          clientMessageId: `pii-socket-${index}`,
        })) as { kind: string; text: string };
        kinds.add(reply.kind);
        expect(rawPiiIn(Buffer.from(JSON.stringify(reply)))).toEqual([]);
      }
    } finally {
      socket.close();
    }
    expect(kinds).toContain("escalate");

    const tickets = app.database.prepare("SELECT COUNT(*) AS count FROM tickets").get() as { count: number };
    expect(tickets.count).toBeGreaterThanOrEqual(2);
    // The transcripts are there (masked), so the grep below looks at real stored turns.
    const stored = app.database.prepare("SELECT text FROM messages WHERE role = 'user'").all() as { text: string }[];
    expect(stored.some((row) => row.text.includes("3101"))).toBe(true);

    // Checkpointing would hide WAL content in the main file: look at both, before and after.
    const before = filesUnder(data.path).map((file) => ({ file, found: rawPiiIn(readFileSync(file)) }));
    app.database.pragma("wal_checkpoint(TRUNCATE)");
    const after = filesUnder(data.path).map((file) => ({ file, found: rawPiiIn(readFileSync(file)) }));
    expect(before.some((entry) => entry.file.endsWith("-wal"))).toBe(true);
    expect([...before, ...after].filter((entry) => entry.found.length > 0)).toEqual([]);

    expect(logLines.length).toBeGreaterThan(TURNS.length);
    expect(rawPiiIn(Buffer.from(logLines.join("")))).toEqual([]);
  });
});
