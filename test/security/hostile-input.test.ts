import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpApp } from "../../src/server/http-app.ts";
import { type RunningServer, startServer } from "../../src/server/server.ts";
import { createTestApp } from "../helpers/test-app.ts";
import { HOSTILE_BODIES, HOSTILE_IDS, HOSTILE_PAYLOADS, SCRIPT } from "./hostile-corpus.ts";

interface Route {
  method: string;
  path: string;
}

interface RouterLayer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: RouterLayer[] };
}

/** Every route the express app has now, read from its router (so routes added later are covered too). */
function discoverRoutes(stack: RouterLayer[]): Route[] {
  return stack.flatMap((layer) => {
    if (layer.route) {
      const { path, methods } = layer.route;
      return Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path }));
    }
    return layer.handle?.stack ? discoverRoutes(layer.handle.stack) : [];
  });
}

const withId = (path: string, id: string) => path.replace(/:[A-Za-z]+/g, encodeURIComponent(id));

let app: ReturnType<typeof createTestApp>;
let server: RunningServer;
let routes: Route[];
const auth: Record<string, string> = {};

/** Every row of every table: what "no stored data changes" is checked against. */
function snapshot(): string {
  const tables = app.database.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
    name: string;
  }[];
  return JSON.stringify(
    tables.map(({ name }) => [name, app.database.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]),
  );
}

async function alive(): Promise<void> {
  const response = await fetch(`${server.url}/healthz`);
  expect(response.status).toBe(200);
}

function expectRefusal(label: string, status: number, contentType: string | null, text: string): void {
  expect(status, `${label} → ${status} ${text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
  expect(status, `${label} → ${status} ${text.slice(0, 200)}`).toBeLessThan(500);
  // A 431/414 from Node itself has no body; everything our app answers has the one error shape.
  if (contentType?.includes("application/json")) {
    const { error } = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    expect(typeof error?.code, label).toBe("string");
    expect(String(error?.message).length, label).toBeGreaterThan(3);
  }
  expectNoMarkupReflected(label, contentType, text);
}

/** Echoing input inside JSON is harmless (nosniff); inside HTML it would be script injection. */
function expectNoMarkupReflected(label: string, contentType: string | null, text: string): void {
  if (!contentType?.includes("application/json")) expect(text, `${label} reflected the script`).not.toContain(SCRIPT);
}

beforeAll(async () => {
  // Rate limits are tested elsewhere; here every hostile request must reach the validation it probes.
  app = createTestApp({ rateLimit: { ipPerMinute: 0, sessionPerMinute: 0 } });
  server = await startServer(app, 0, "127.0.0.1");
  routes = discoverRoutes((createHttpApp(app) as unknown as { router: { stack: RouterLayer[] } }).router.stack);

  // Signed in as a supervisor and as a demo citizen, so requests get past auth to the validation.
  await app.agents.createAccount({
    username: "hostile-supervisor",
    displayName: "测试",
    role: "supervisor",
    password: "a-long-test-password-1",
  });
  auth.agent = (await app.agents.signIn("hostile-supervisor", "a-long-test-password-1")).token;
  const citizens = (await (await fetch(`${server.url}/api/session/citizens`)).json()) as { citizens: { id: string }[] };
  const citizenId = citizens.citizens[0]?.id;
  if (citizenId) {
    const session = await fetch(`${server.url}/api/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ citizenId }),
    });
    auth.citizen = ((await session.json()) as { token: string }).token;
  }
  // Some real data to protect: a conversation with a ticket.
  await fetch(`${server.url}/api/chat`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ sessionId: "hostile-seed-session", message: "我要投诉窗口工作人员态度很差" }),
  });
});
afterAll(async () => {
  await server.close();
  app.dispose();
});

const headers = () => ({
  ...(auth.agent ? { authorization: `Bearer ${auth.agent}` } : {}),
  ...(auth.citizen ? { "x-citizen-token": auth.citizen } : {}),
});

describe("hostile input on every HTTP endpoint", () => {
  it("finds the endpoints of every feature", () => {
    const paths = routes.map((route) => `${route.method} ${route.path}`);
    expect(paths).toContain("POST /api/chat");
    expect(routes.length).toBeGreaterThan(5);
  });

  it("refuses every hostile body on every endpoint that takes one with a 4xx naming the problem, and changes nothing", async () => {
    const before = snapshot();
    const targets = routes.filter((route) => ["POST", "PUT", "PATCH", "DELETE"].includes(route.method));
    for (const route of targets) {
      for (const hostile of HOSTILE_BODIES) {
        const label = `${route.method} ${route.path} with ${hostile.name}`;
        const response = await fetch(`${server.url}${withId(route.path, "no-such-id-000")}`, {
          method: route.method,
          headers: { ...headers(), "content-type": hostile.contentType },
          body: hostile.body as BodyInit,
        });
        expectRefusal(label, response.status, response.headers.get("content-type"), await response.text());
      }
      await alive();
    }
    expect(snapshot()).toEqual(before);
  }, 120_000);

  it("refuses hostile ids in every path parameter with a 4xx and never reflects them as markup", async () => {
    const before = snapshot();
    const targets = routes.filter((route) => route.path.includes(":"));
    for (const route of targets) {
      for (const id of HOSTILE_IDS) {
        const label = `${route.method} ${withId(route.path, id).slice(0, 80)}`;
        const hasBody = ["POST", "PUT", "PATCH"].includes(route.method);
        const response = await fetch(`${server.url}${withId(route.path, id)}`, {
          method: route.method,
          headers: { ...headers(), ...(hasBody ? { "content-type": "application/json" } : {}) },
          body: hasBody ? "{}" : undefined,
        });
        expectRefusal(label, response.status, response.headers.get("content-type"), await response.text());
      }
    }
    await alive();
    expect(snapshot()).toEqual(before);
  }, 120_000);

  it("answers hostile query strings on every GET endpoint without a server error or reflected markup", async () => {
    const before = snapshot();
    const queries = [
      `q=${encodeURIComponent(SCRIPT)}`,
      "status=' OR 1=1 --&limit=-1",
      "limit=abc&__proto__[x]=1",
      "q=%FF%FE",
      `q=${"a".repeat(6000)}`,
    ];
    for (const route of routes.filter((candidate) => candidate.method === "GET")) {
      for (const query of queries) {
        const response = await fetch(`${server.url}${withId(route.path, "no-such-id-000")}?${query}`, {
          headers: headers(),
        });
        const text = await response.text();
        expect(response.status, `${route.path}?${query.slice(0, 40)} → ${text.slice(0, 200)}`).toBeLessThan(500);
        expectNoMarkupReflected(`${route.path}?${query.slice(0, 40)}`, response.headers.get("content-type"), text);
      }
    }
    await alive();
    expect(snapshot()).toEqual(before);
  }, 120_000);
});

/** Connects to a namespace and waits for the connection (or its refusal). */
function connectTo(namespace: string): Promise<Socket> {
  const socket = connect(`${server.url}${namespace}`, {
    path: "/socket.io",
    transports: ["websocket"],
    reconnection: false,
    auth: auth.agent ? { token: auth.agent } : {},
  });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

/** The events a namespace's server-side socket listens to, read from the live socket. */
function serverEvents(namespace: string, socketId: string): string[] {
  const serverSocket = server.io.of(namespace).sockets.get(socketId);
  return (serverSocket?.eventNames() ?? [])
    .map(String)
    .filter((name) => !["disconnect", "disconnecting", "error"].includes(name));
}

/** Emits an event and resolves with the error it gets, by ack or by `xs:error`. */
function refusalOf(
  socket: Socket,
  event: string,
  payload: unknown,
): Promise<{ code?: string; message?: string } | "accepted"> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ code: "no answer" }), 5000);
    const onError = (error: { event?: string; code?: string; message?: string }) => {
      if (error.event !== event) return;
      clearTimeout(timer);
      socket.off("xs:error", onError);
      resolve(error);
    };
    socket.on("xs:error", onError);
    socket.emit(event, payload, (reply: { error?: { code?: string; message?: string } }) => {
      clearTimeout(timer);
      socket.off("xs:error", onError);
      resolve(reply?.error ?? "accepted");
    });
  });
}

describe("hostile input on every socket event", () => {
  it("answers every hostile payload on every event of every namespace with an error naming the problem, and changes nothing", async () => {
    const namespaces = [...(server.io as unknown as { _nsps: Map<string, unknown> })._nsps.keys()].filter(
      (name) => name !== "/",
    );
    expect(namespaces).toContain("/citizen");
    const before = snapshot();
    const tested: string[] = [];
    for (const namespace of namespaces) {
      const socket = await connectTo(namespace);
      try {
        const events = serverEvents(namespace, socket.id as string);
        expect(events.length, namespace).toBeGreaterThan(0);
        tested.push(...events.map((event) => `${namespace} ${event}`));
        for (const event of events) {
          for (const { name, payload } of HOSTILE_PAYLOADS) {
            const refusal = await refusalOf(socket, event, payload);
            expect(refusal, `${namespace} ${event} with ${name}`).not.toBe("accepted");
            const error = refusal as { code?: string; message?: string };
            expect(error.code, `${namespace} ${event} with ${name}`).not.toBe("no answer");
            expect(error.code, `${namespace} ${event} with ${name}`).not.toBe("internal");
            expect(String(error.message).length).toBeGreaterThan(3);
          }
        }
      } finally {
        socket.close();
      }
    }
    expect(tested).toContain("/citizen chat:send");
    await alive();
    expect(snapshot()).toEqual(before);
  }, 120_000);

  it("drops a socket that sends 100 kB in one event, and keeps serving others", async () => {
    const socket = await connectTo("/citizen");
    const dropped = new Promise<string>((resolve) => socket.once("disconnect", (reason) => resolve(reason)));
    socket.emit("chat:send", { sessionId: "abcdefgh", message: "a".repeat(100_000), clientMessageId: "big-1" });
    expect(await dropped).toMatch(/transport (close|error)/);
    await alive();
    const again = await connectTo("/citizen");
    const reply = (await again.timeout(10_000).emitWithAck("chat:send", {
      message: "居住证要什么材料",
      clientMessageId: "after-big",
    })) as { kind: string };
    expect(reply.kind).toBe("answer");
    again.close();
  });
});
