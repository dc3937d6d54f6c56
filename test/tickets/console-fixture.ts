import { io as connect, type Socket } from "socket.io-client";
import type { AgentRole } from "../../src/agents/index.ts";
import { type RunningServer, startServer } from "../../src/server/server.ts";
import { createTestApp } from "../helpers/test-app.ts";

export type TestApp = ReturnType<typeof createTestApp>;

/** A real server on 127.0.0.1 with a fresh SQLite file, and helpers to act as agents and citizens. */
export async function startConsoleServer() {
  const app = createTestApp();
  const server: RunningServer = await startServer(app, 0, "127.0.0.1");
  const sockets: Socket[] = [];

  async function api(path: string, init: { method?: string; body?: unknown; token?: string } = {}) {
    const response = await fetch(`${server.url}${path}`, {
      method: init.method ?? (init.body === undefined ? "GET" : "POST"),
      headers: {
        ...(init.body === undefined ? {} : { "content-type": "application/json" }),
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  /** Creates an agent account and signs it in over HTTP; returns its bearer token. */
  async function agentToken(username: string, role: AgentRole = "agent", password = `pw-${username}-秘密`) {
    await app.agents.createAccount({ username, displayName: `坐席${username}`, role, password });
    const signIn = await api("/api/agent/session", { body: { username, password } });
    if (signIn.status !== 201) throw new Error(`sign-in failed: ${JSON.stringify(signIn.body)}`);
    return signIn.body.token as string;
  }

  function socket(namespace: string, auth?: Record<string, unknown>): Socket {
    const client = connect(`${server.url}${namespace}`, {
      path: "/socket.io",
      transports: ["websocket"],
      reconnection: false,
      forceNew: true,
      auth,
    });
    sockets.push(client);
    return client;
  }

  /** A citizen turn over HTTP (the answer object plus sessionId). */
  async function chat(message: string, sessionId?: string, clientMessageId?: string) {
    return (await api("/api/chat", { body: { message, sessionId, clientMessageId } })).body;
  }

  return {
    app,
    server,
    api,
    agentToken,
    socket,
    chat,
    async close() {
      for (const client of sockets) client.disconnect();
      await server.close();
      app.dispose();
    },
  };
}

/** Resolves with the next `event` payload that passes `match`. */
export function nextEvent<T = unknown>(
  socket: Socket,
  event: string,
  match: (payload: T) => boolean = () => true,
  timeoutMs = 5000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`no ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (payload: T) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(payload);
    };
    socket.on(event, listener);
  });
}

/** Emits with an ack and resolves with the server's answer. */
export function request<T = Record<string, unknown>>(socket: Socket, event: string, payload: unknown): Promise<T> {
  return socket.timeout(5000).emitWithAck(event, payload) as Promise<T>;
}

export function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", (error) => reject(error));
  });
}

export function connectError(socket: Socket): Promise<Error & { data?: { code?: string } }> {
  return new Promise((resolve, reject) => {
    socket.once("connect", () => reject(new Error("connected, but should have been refused")));
    socket.once("connect_error", (error) => resolve(error as Error & { data?: { code?: string } }));
  });
}
