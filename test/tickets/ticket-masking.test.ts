import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, createApp } from "../../src/app.ts";
import { loadConfig } from "../../src/config/index.ts";
import { createLogger } from "../../src/logging/logger.ts";
import { type RunningServer, startServer } from "../../src/server/server.ts";
import { tempDir } from "../helpers/test-app.ts";

// Made-up numbers, valid in shape only (and unlike the demo citizen profile seeded into the database).
const RAW = {
  idCard: "31010119900307123X",
  phone: "13987654321",
  bankCard: "6217001234567891234",
  email: "zhang.san@example.com",
};
const MASKED = {
  idCard: "3101**********123X",
  phone: "139****4321",
  bankCard: "6217***********1234",
  email: "z***@example.com",
};
const PII = `身份证${RAW.idCard}，电话${RAW.phone}，卡号${RAW.bankCard}，邮箱${RAW.email}`;
const PII_MASKED = `身份证${MASKED.idCard}，电话${MASKED.phone}，卡号${MASKED.bankCard}，邮箱${MASKED.email}`;

let app: App;
let server: RunningServer;
let data: ReturnType<typeof tempDir>;
const logLines: string[] = [];

function expectNoRawPii(text: string, where: string) {
  for (const [kind, value] of Object.entries(RAW)) expect(text.includes(value), `${kind} raw in ${where}`).toBe(false);
}

beforeAll(async () => {
  data = tempDir();
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  const config = loadConfig({ ...process.env, OPENAI_BASE_URL: "" }, { dataDir: data.path });
  app = createApp(config, createLogger("trace", sink));
  server = await startServer(app, 0, "127.0.0.1");
});
afterAll(async () => {
  await server.close();
  app.close();
  data.remove();
});

describe("PII masking of tickets", () => {
  it("masks every field of an escalation before it is stored", async () => {
    const { ticket } = await app.tickets.escalate({
      sessionId: "mask-session",
      category: "投诉",
      urgency: "normal",
      reason: `complaint ${RAW.phone}`,
      matterId: "residence-permit",
      district: `浦东新区 ${RAW.email}`,
      summary: `市民投诉：${PII}`,
      transcript: [{ role: "user", text: PII, at: "2026-11-23T00:00:00.000Z" }],
      citations: [{ matterId: "residence-permit", section: "materials", title: `标题 ${RAW.idCard}` }],
      eligibility: {
        matterId: "residence-permit",
        outcome: "not-eligible",
        missing: [RAW.email],
        failed: [{ rule: "r1", message: `规则 ${RAW.bankCard}`, section: "conditions" }],
      },
      form: {
        draftId: "d1",
        matterId: "residence-permit",
        status: "draft",
        fields: [
          { name: "idNumber", label: "身份证号", value: RAW.idCard, source: "profile" },
          { name: "mobile", label: "手机", value: RAW.phone, source: "citizen" },
        ],
        missing: [],
      },
      dedupeBasis: "mask-1",
    });
    const stored = JSON.stringify(await app.tickets.get(ticket.id));
    expectNoRawPii(stored, "stored ticket");
    expect(ticket.summary).toBe(`市民投诉：${PII_MASKED}`);
    expect(ticket.transcript[0]?.text).toBe(PII_MASKED);
    expect(ticket.form?.fields.map((field) => field.value)).toEqual([MASKED.idCard, MASKED.phone]);
    expect(ticket.eligibility?.failed[0]?.message).toBe(`规则 ${MASKED.bankCard}`);
    expect(ticket.eligibility?.missing).toEqual([MASKED.email]);
    expect(ticket.citations[0]?.title).toBe(`标题 ${MASKED.idCard}`);
    expect(ticket.reason).toBe(`complaint ${MASKED.phone}`);
    expect(ticket.district).toBe(`浦东新区 ${MASKED.email}`);

    const noted = await app.tickets.addNote(ticket.id, { username: "li" }, `回电 ${RAW.phone}`);
    expect(noted.notes[0]?.text).toBe(`回电 ${MASKED.phone}`);
  });

  it("never writes a raw number to disk, logs or the console when a citizen escalates with PII", async () => {
    const password = "测试口令-一二三";
    await app.agents.createAccount({ username: "mask-agent", displayName: "坐席", role: "agent", password });
    const post = async (path: string, body: unknown, token?: string) => {
      const response = await fetch(`${server.url}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
      return response.json();
    };
    const chat = await post("/api/chat", { message: `我要投诉，${PII}，窗口工作人员态度很差` });
    expect(chat.kind).toBe("escalate");
    const { token } = await post("/api/agent/session", { username: "mask-agent", password });
    await post(`/api/tickets/${chat.ticketId}/transitions`, { action: "assign" }, token);
    await post(`/api/tickets/${chat.ticketId}/notes`, { text: `市民补充：${PII}` }, token);
    const reply = await post(`/api/tickets/${chat.ticketId}/replies`, { text: `已记录您的电话 ${RAW.phone}` }, token);
    expect(reply.message.text).toBe(`已记录您的电话 ${MASKED.phone}`);

    const view = await fetch(`${server.url}/api/tickets/${chat.ticketId}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const console = await view.text();
    expectNoRawPii(console, "console ticket view");
    expect(console).toContain(MASKED.idCard);

    app.database.pragma("wal_checkpoint(FULL)");
    for (const file of readdirSync(data.path).filter((name) => name.startsWith("xiaoshen.sqlite"))) {
      expectNoRawPii(readFileSync(join(data.path, file)).toString("utf8"), file);
      expect(readFileSync(join(data.path, file)).toString("utf8").includes(password)).toBe(false);
    }
    expect(logLines.length).toBeGreaterThan(0);
    expectNoRawPii(logLines.join(""), "logs");
  });
});
