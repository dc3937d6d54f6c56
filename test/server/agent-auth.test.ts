import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PasswordHasher } from "../../src/agents/index.ts";
import { connectError, connected, nextEvent, request, startConsoleServer } from "../tickets/console-fixture.ts";

let harness: Awaited<ReturnType<typeof startConsoleServer>>;
let agentToken: string;
let observerToken: string;
let ticketId: string;
let citizenSessionId: string;
let citizenToken: string;

beforeAll(async () => {
  harness = await startConsoleServer();
  agentToken = await harness.agentToken("auth-agent");
  observerToken = await harness.agentToken("auth-observer", "observer");
  const escalated = await harness.chat("转人工");
  ticketId = escalated.ticketId;
  citizenSessionId = escalated.sessionId;
  // A real signed-in citizen (the demo real-name sign-in of the widget).
  const citizen = await harness.api("/api/session", { body: { citizenId: "demo-li-ming" } });
  citizenToken = citizen.body.token;
});
afterAll(() => harness.close());

describe("password hashing", () => {
  it("stores scrypt hashes that verify the right password only", async () => {
    const hasher = new PasswordHasher({ N: 1024, r: 8, p: 1 });
    const hash = await hasher.hash("正确的口令");
    expect(hash).toMatch(/^scrypt\$1024\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(await hasher.verify("正确的口令", hash)).toBe(true);
    expect(await hasher.verify("错误的口令", hash)).toBe(false);
    expect(await hasher.hash("正确的口令")).not.toBe(hash);
  });

  it("keeps no raw password or token in the database", async () => {
    const rows = harness.app.database.prepare("SELECT password_hash FROM agents").all() as Array<{
      password_hash: string;
    }>;
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) expect(row.password_hash).toMatch(/^scrypt\$/);
    const sessions = JSON.stringify(harness.app.database.prepare("SELECT * FROM agent_sessions").all());
    expect(sessions).not.toContain(agentToken);
    expect(sessions).not.toContain("pw-auth-agent");
  });

  it("seeds a demo agent on first start whose password works once printed", async () => {
    const demo = await harness.app.agents.ensureDemoAgent();
    expect(demo).toBeUndefined(); // already seeded by the server start
    const signIn = await harness.api("/api/agent/session", { body: { username: "agent", password: "guess" } });
    expect(signIn.status).toBe(401);
  });
});

describe("agent sign-in over HTTP", () => {
  it("answers a right password with a bearer token and the agent", async () => {
    await harness.app.agents.createAccount({
      username: "zhang",
      displayName: "张",
      role: "agent",
      password: "长口令123",
    });
    const { status, body } = await harness.api("/api/agent/session", {
      body: { username: "zhang", password: "长口令123" },
    });
    expect(status).toBe(201);
    expect(body.token).toMatch(/^xsa_/);
    expect(body.agent).toEqual({ username: "zhang", displayName: "张", role: "agent" });
    const me = await harness.api("/api/agent/me", { token: body.token });
    expect(me.body.agent.username).toBe("zhang");
  });

  it("refuses a wrong password and an unknown user alike with 401", async () => {
    const wrong = await harness.api("/api/agent/session", { body: { username: "zhang", password: "nope" } });
    const unknown = await harness.api("/api/agent/session", { body: { username: "nobody", password: "nope" } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.code).toBe("invalid_credentials");
  });

  it("rejects a sign-in without a password with 400 naming the field", async () => {
    const { status, body } = await harness.api("/api/agent/session", { body: { username: "zhang" } });
    expect(status).toBe(400);
    expect(body.error.field).toBe("password");
  });

  it("stops accepting a token once signed out", async () => {
    const token = await harness.agentToken("leaving");
    expect((await harness.api("/api/agent/session", { method: "DELETE", token })).status).toBe(204);
    expect((await harness.api("/api/tickets", { token })).status).toBe(401);
  });
});

describe("citizens never reach console endpoints", () => {
  const workPaths = () => [
    { path: "/api/tickets", method: "GET" },
    { path: `/api/tickets/${ticketId}`, method: "GET" },
    { path: `/api/tickets/${ticketId}/suggestions`, method: "GET" },
    { path: "/api/agent/suggestions?q=居住证", method: "GET" },
    { path: `/api/tickets/${ticketId}/transitions`, method: "POST", body: { action: "assign" } },
    { path: `/api/tickets/${ticketId}/replies`, method: "POST", body: { text: "你好" } },
    { path: `/api/tickets/${ticketId}/takeover`, method: "POST", body: {} },
  ];

  it("answers 401 without a token", async () => {
    for (const { path, method, body } of workPaths()) {
      const response = await harness.api(path, { method, body });
      expect(response.status, path).toBe(401);
      expect(response.body.error.code).toBe("unauthenticated");
    }
  });

  it("answers 401 to a citizen's credentials (their signed token, session id, a forged agent-looking token)", async () => {
    expect(citizenToken).toMatch(/^xsc_/);
    for (const token of [citizenToken, citizenSessionId, `xsa_${citizenSessionId}`, "Bearer"]) {
      for (const { path, method, body } of workPaths()) {
        expect((await harness.api(path, { method, body, token })).status, `${path} with ${token}`).toBe(401);
      }
    }
  });

  it("answers 403 when an observer account tries to work a ticket, but lets it read", async () => {
    expect((await harness.api("/api/tickets", { token: observerToken })).status).toBe(200);
    for (const { path, method, body } of workPaths().filter((entry) => entry.method === "POST")) {
      const response = await harness.api(path, { method, body, token: observerToken });
      expect(response.status, path).toBe(403);
      expect(response.body.error.code).toBe("forbidden");
    }
  });
});

describe("citizens never reach console socket events", () => {
  it("refuses a connection without a token with connect_error unauthenticated", async () => {
    const error = await connectError(harness.socket("/agent"));
    expect(error.message).toBe("unauthenticated");
    expect(error.data?.code).toBe("unauthenticated");
  });

  it("refuses a citizen's signed token, their session id and a forged token", async () => {
    for (const token of [citizenToken, citizenSessionId, "xsa_forged", 42]) {
      const error = await connectError(harness.socket("/agent", { token }));
      expect(error.data?.code).toBe("unauthenticated");
    }
  });

  it("sends no ticket event to a citizen socket on the widget's namespace", async () => {
    const citizen = harness.socket("/citizen");
    await connected(citizen);
    const heard: string[] = [];
    citizen.onAny((event: string) => heard.push(event));
    citizen.emit("queue:list", {});
    await harness.chat("我要投诉窗口态度很差");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(heard.filter((event) => event.startsWith("ticket:") || event.startsWith("queue:"))).toEqual([]);
  });

  it("lets an observer connect and read, but answers work events with xs:error forbidden", async () => {
    const observer = harness.socket("/agent", { token: observerToken });
    const snapshot = nextEvent<{ tickets: unknown[] }>(observer, "queue:snapshot");
    await connected(observer);
    expect((await snapshot).tickets.length).toBeGreaterThan(0);
    const error = nextEvent<{ code: string; event: string }>(observer, "xs:error");
    const ack = await request<{ error: { code: string } }>(observer, "ticket:transition", {
      ticketId,
      action: "assign",
    });
    expect(ack.error.code).toBe("forbidden");
    expect(await error).toMatchObject({ code: "forbidden", event: "ticket:transition" });
    expect((await harness.app.tickets.get(ticketId))?.status).toBe("new");
  });

  it("answers a bad event with xs:error naming the field and keeps the socket connected", async () => {
    const agent = harness.socket("/agent", { token: agentToken });
    await connected(agent);
    const error = nextEvent<{ code: string; field: string }>(agent, "xs:error");
    agent.emit("ticket:open", { ticketId: "../../etc/passwd" });
    expect(await error).toMatchObject({ code: "invalid_event", field: "ticketId" });
    agent.emit("reply:send", "not an object");
    agent.emit("ticket:transition", { ticketId, action: "explode" });
    const ack = await request<{ ok: boolean; tickets: unknown[] }>(agent, "queue:list", {});
    expect(ack.ok).toBe(true);
    expect(agent.connected).toBe(true);
  });

  it("disconnects a socket at its next event once its token is signed out", async () => {
    const token = await harness.agentToken("socket-leaver");
    const agent = harness.socket("/agent", { token });
    await connected(agent);
    await harness.api("/api/agent/session", { method: "DELETE", token });
    const gone = nextEvent(agent, "disconnect");
    agent.emit("queue:list", {});
    await gone;
    expect(agent.connected).toBe(false);
  });
});
