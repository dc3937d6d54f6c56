import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoProfiles } from "../../src/citizens/index.ts";
import type { RunningServer } from "../../src/server/server.ts";
import { type createTestApp, serveTestApp } from "../helpers/test-app.ts";

let app: ReturnType<typeof createTestApp>;
let server: RunningServer;

async function post(path: string, body: unknown, raw = false) {
  const response = await fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: raw ? (body as string) : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

let stop: () => Promise<void>;

beforeAll(async () => {
  ({ app, server, stop } = await serveTestApp());
});
afterAll(() => stop());

describe("HTTP API", () => {
  it("answers /healthz once the index is loaded", async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("answers POST /api/chat with the answer object and a session id, and continues the session", async () => {
    const first = await post("/api/chat", { message: "外地人在上海办居住证要什么材料" });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ kind: "answer", ticketId: null });
    expect(first.body.citations[0]).toMatchObject({ matterId: "residence-permit", section: "materials" });
    expect(first.body.sessionId).toEqual(expect.any(String));

    const followUp = await post("/api/chat", { sessionId: first.body.sessionId, message: "要花钱吗" });
    expect(followUp.body.citations[0]).toMatchObject({ matterId: "residence-permit", section: "fees" });
  });

  it("rejects a missing message with 400 naming the field", async () => {
    const { status, body } = await post("/api/chat", {});
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: "invalid_request", field: "message" });
  });

  it("rejects a message of the wrong type with 400 naming the field", async () => {
    const { status, body } = await post("/api/chat", { message: ["hi"] });
    expect(status).toBe(400);
    expect(body.error.field).toBe("message");
  });

  it("rejects malformed JSON with 400", async () => {
    const { status, body } = await post("/api/chat", "{oops", true);
    expect(status).toBe(400);
    expect(body.error.code).toBe("invalid_json");
  });

  it("rejects unknown fields and bad session ids with 400 naming them", async () => {
    const unknown = await post("/api/chat", { message: "hi", admin: true });
    expect(unknown.status).toBe(400);
    const badSession = await post("/api/chat", { message: "hi", sessionId: "../../etc" });
    expect(badSession.body.error.field).toBe("sessionId");
  });

  it("rejects an oversized body with 413", async () => {
    const { status } = await post("/api/chat", { message: "长".repeat(100_000) });
    expect(status).toBe(413);
  });

  it("replays the same reply for a retried clientMessageId without a second turn", async () => {
    const body = { sessionId: "retry-session-1", message: "我要投诉窗口态度很差", clientMessageId: "m-1" };
    const first = await post("/api/chat", body);
    const again = await post("/api/chat", body);
    expect(first.body.kind).toBe("escalate");
    expect(again.body.ticketId).toBe(first.body.ticketId);
    const tickets = await app.tickets.get(first.body.ticketId);
    expect(tickets?.category).toBe("投诉");
  });

  it("refuses to continue a signed-in citizen's conversation without that citizen's token", async () => {
    const [citizen, other] = loadDemoProfiles().map((profile) => profile.id);
    const token = app.sessions.issue(citizen as string).token;
    const headers = { "content-type": "application/json", "x-citizen-token": token };
    const first = await fetch(`${server.url}/api/chat`, {
      method: "POST",
      headers,
      body: JSON.stringify({ message: "居住证怎么办" }),
    }).then((response) => response.json());
    const anonymous = await post("/api/chat", { sessionId: first.sessionId, message: "那要带什么材料" });
    expect(anonymous.status).toBe(403);
    expect(anonymous.body.error.field).toBe("sessionId");
    const otherToken = app.sessions.issue(other as string).token;
    const stranger = await fetch(`${server.url}/api/chat`, {
      method: "POST",
      headers: { ...headers, "x-citizen-token": otherToken },
      body: JSON.stringify({ sessionId: first.sessionId, message: "那要带什么材料" }),
    });
    expect(stranger.status).toBe(403);
    const owner = await fetch(`${server.url}/api/chat`, {
      method: "POST",
      headers,
      body: JSON.stringify({ sessionId: first.sessionId, message: "那要带什么材料" }),
    });
    expect(owner.status).toBe(200);
  });

  it("answers unknown API paths with the JSON error shape", async () => {
    const response = await fetch(`${server.url}/api/nope`);
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe("not_found");
  });
});
