import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpApp } from "../../src/server/http-app.ts";
import { type RunningServer, startServer } from "../../src/server/server.ts";
import { createTestApp } from "../helpers/test-app.ts";

/**
 * Routes anyone may call. Every other route, including any added later, must refuse a caller
 * without the right credentials: a new route is private until it is listed here.
 */
const PUBLIC_ROUTES = new Set([
  "GET /healthz",
  "POST /api/chat",
  "GET /api/session/citizens",
  "POST /api/session",
  "DELETE /api/session",
  "GET /api/matters",
  "GET /api/matters/:id",
  "GET /api/matters/:id/form",
  "GET /api/matters/:id/materials",
  "POST /api/matters/:id/materials",
  "POST /api/matters/:id/eligibility",
  "GET /api/openapi.json",
  "GET /widget/facts.json",
  "GET /guides/guide.css",
  "GET /guides/:id",
  "POST /api/agent/session",
  "GET /console/agent-events.schema.json",
]);

const isAgentRoute = (path: string) => path.startsWith("/api/agent") || path.startsWith("/api/tickets");
const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);

interface RouterLayer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: RouterLayer[] };
}

function discoverRoutes(stack: RouterLayer[]): Array<{ method: string; path: string }> {
  return stack.flatMap((layer) => {
    if (layer.route) {
      const { path, methods } = layer.route;
      return Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path }));
    }
    return layer.handle?.stack ? discoverRoutes(layer.handle.stack) : [];
  });
}

let app: ReturnType<typeof createTestApp>;
let server: RunningServer;
const tokens: Record<"agent" | "observer" | "citizen", string> = { agent: "", observer: "", citizen: "" };
let ticketId = "";

beforeAll(async () => {
  app = createTestApp({ rateLimit: { ipPerMinute: 0, sessionPerMinute: 0 } });
  server = await startServer(app, 0, "127.0.0.1");
  for (const role of ["agent", "observer"] as const) {
    await app.agents.createAccount({
      username: `auth-${role}`,
      displayName: role,
      role,
      password: "a-long-test-password-2",
    });
    tokens[role] = (await app.agents.signIn(`auth-${role}`, "a-long-test-password-2")).token;
  }
  const citizens = (await (await fetch(`${server.url}/api/session/citizens`)).json()) as { citizens: { id: string }[] };
  const session = await fetch(`${server.url}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ citizenId: citizens.citizens[0]?.id }),
  });
  tokens.citizen = ((await session.json()) as { token: string }).token;
  const chat = await fetch(`${server.url}/api/chat`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ sessionId: "auth-seed-session", message: "我要投诉窗口工作人员态度很差" }),
  });
  ticketId = ((await chat.json()) as { ticketId: string }).ticketId;
});
afterAll(async () => {
  await server.close();
  app.dispose();
});

async function call(method: string, path: string, authorization?: string) {
  const response = await fetch(`${server.url}${path.replace(/:id\b/g, ticketId).replace(/:[A-Za-z]+/g, "x")}`, {
    method,
    headers: {
      ...(WRITES.has(method) && method !== "DELETE" ? { "content-type": "application/json" } : {}),
      ...(authorization ? { authorization: `Bearer ${authorization}` } : {}),
    },
    body: WRITES.has(method) && method !== "DELETE" ? "{}" : undefined,
  });
  const body = (await response.json().catch(() => ({}))) as { error?: { code?: string } };
  return { status: response.status, code: body.error?.code };
}

describe("auth on every HTTP route", () => {
  const privateRoutes = () =>
    discoverRoutes((createHttpApp(app) as unknown as { router: { stack: RouterLayer[] } }).router.stack).filter(
      (route) => !PUBLIC_ROUTES.has(`${route.method} ${route.path}`),
    );

  it("has private routes for both the console and the citizen", () => {
    const routes = privateRoutes();
    expect(routes.some((route) => isAgentRoute(route.path))).toBe(true);
    expect(routes.some((route) => !isAgentRoute(route.path))).toBe(true);
  });

  it("refuses every private route without credentials with 401", async () => {
    for (const route of privateRoutes()) {
      const { status, code } = await call(route.method, route.path);
      expect(status, `${route.method} ${route.path} → ${code}`).toBe(401);
    }
  });

  it("refuses the other side's token: a citizen on console routes, an agent on citizen routes", async () => {
    for (const route of privateRoutes()) {
      const wrong = isAgentRoute(route.path) ? tokens.citizen : tokens.agent;
      const { status } = await call(route.method, route.path, wrong);
      expect(status, `${route.method} ${route.path}`).toBe(401);
    }
  });

  it("refuses an observer on every console route that changes a ticket with 403", async () => {
    const writes = privateRoutes().filter((route) => route.path.startsWith("/api/tickets") && WRITES.has(route.method));
    expect(writes.length).toBeGreaterThan(2);
    const agentStatuses: number[] = [];
    for (const route of writes) {
      const { status, code } = await call(route.method, route.path, tokens.observer);
      expect(status, `${route.method} ${route.path}`).toBe(403);
      expect(code).toBe("forbidden");
      agentStatuses.push((await call(route.method, route.path, tokens.agent)).status);
    }
    // An agent gets past the role check on these routes (so the observer's 403s are about the role).
    expect(agentStatuses.filter((status) => status !== 403).length).toBeGreaterThan(writes.length / 2);
  });
});

function agentSocket(token?: string): Promise<Socket> {
  const socket = connect(`${server.url}/agent`, {
    path: "/socket.io",
    transports: ["websocket"],
    reconnection: false,
    auth: token ? { token } : {},
  });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

describe("auth on the console's socket", () => {
  it("refuses a connection without a token or with a citizen's token", async () => {
    await expect(agentSocket()).rejects.toThrow();
    await expect(agentSocket(tokens.citizen)).rejects.toThrow();
  });

  it("refuses an observer every event that changes a ticket", async () => {
    const socket = await agentSocket(tokens.observer);
    try {
      const writes: Array<[string, Record<string, unknown>]> = [
        ["ticket:transition", { ticketId, action: "assign" }],
        ["ticket:note", { ticketId, text: "看过了" }],
        ["reply:send", { ticketId, text: "您好" }],
        ["chat:takeover", { ticketId }],
        ["chat:handback", { ticketId }],
      ];
      for (const [event, payload] of writes) {
        const reply = (await socket.timeout(5000).emitWithAck(event, payload)) as { error?: { code?: string } };
        expect(reply.error?.code, event).toBe("forbidden");
      }
      const read = (await socket.timeout(5000).emitWithAck("queue:list", {})) as { error?: unknown };
      expect(read.error).toBeUndefined();
    } finally {
      socket.close();
    }
  });
});
