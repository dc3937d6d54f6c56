import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../../src/server/server.ts";
import { createTestApp } from "../helpers/test-app.ts";

let app: ReturnType<typeof createTestApp>;
let server: RunningServer;

beforeAll(async () => {
  // A burst of 5 per session, and 12 a minute (burst 5) per address for the connection test below.
  app = createTestApp({ rateLimit: { ipPerMinute: 0, sessionPerMinute: 12 } });
  server = await startServer(app, 0, "127.0.0.1");
});
afterAll(async () => {
  await server.close();
  app.dispose();
});

function citizen(url: string, address: string): Promise<Socket> {
  const socket = connect(`${url}/citizen`, {
    path: "/socket.io",
    transports: ["websocket"],
    reconnection: false,
    extraHeaders: { "x-forwarded-for": address },
  });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

describe("socket rate limits", () => {
  it("answers events over a session's budget with rate_limited and a retry time, and keeps the socket", async () => {
    const socket = await citizen(server.url, "203.0.113.20");
    const errors: Array<{ event: string; code: string; retryAfterSeconds?: number }> = [];
    socket.on("xs:error", (error) => errors.push(error));
    try {
      const replies: Array<{ kind?: string; error?: { code: string } }> = [];
      for (let turn = 0; turn < 8; turn += 1) {
        replies.push(
          await socket.timeout(10_000).emitWithAck("chat:send", {
            sessionId: "socket-limited-session",
            message: "居住证要什么材料",
            clientMessageId: `limited-${turn}`,
          }),
        );
      }
      expect(replies.slice(0, 5).every((reply) => reply.kind === "answer")).toBe(true);
      expect(replies.some((reply) => reply.error?.code === "rate_limited")).toBe(true);
      expect(errors.find((error) => error.code === "rate_limited")).toMatchObject({
        event: "chat:send",
        retryAfterSeconds: expect.any(Number),
      });
      expect(socket.connected).toBe(true);
      // Another session on the same socket has its own budget.
      const other = await socket.timeout(10_000).emitWithAck("chat:send", {
        sessionId: "socket-other-session",
        message: "居住证要什么材料",
        clientMessageId: "other-1",
      });
      expect(other.kind).toBe("answer");
    } finally {
      socket.close();
    }
  });

  it("refuses new connections from an address that reconnects in a storm", async () => {
    const limited = createTestApp({ rateLimit: { ipPerMinute: 12, sessionPerMinute: 0 } });
    const limitedServer = await startServer(limited, 0, "127.0.0.1");
    try {
      const outcomes: string[] = [];
      for (let attempt = 0; attempt < 8; attempt += 1) {
        try {
          (await citizen(limitedServer.url, "198.51.100.30")).close();
          outcomes.push("connected");
        } catch (error) {
          outcomes.push((error as { data?: { code?: string } }).data?.code ?? "refused");
        }
      }
      expect(outcomes.slice(0, 5)).toEqual(Array(5).fill("connected"));
      expect(outcomes).toContain("rate_limited");
      (await citizen(limitedServer.url, "198.51.100.31")).close();
    } finally {
      await limitedServer.close();
      limited.dispose();
    }
  });
});
