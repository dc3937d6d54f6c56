import { connect } from "node:net";
import { io as connectSocket } from "socket.io-client";
import { afterAll, describe, expect, it } from "vitest";
import { startServer } from "../../src/server/server.ts";
import { createTestApp, tempDir } from "../helpers/test-app.ts";
import { type ChildServer, startChildServer } from "./child-server.ts";

const data = tempDir("xiaoshen-drain-");
const children: ChildServer[] = [];
afterAll(() => {
  for (const child of children) child.process.kill("SIGKILL");
  data.remove();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A raw HTTP request whose body is sent in two halves, so it is in flight for as long as we like. */
function halfSentRequest(url: string, body: string) {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  const bytes = Buffer.from(body);
  const half = Math.floor(bytes.length / 2);
  let received = "";
  const response = new Promise<string>((resolve, reject) => {
    socket.on("data", (chunk) => {
      received += chunk.toString();
    });
    socket.on("end", () => resolve(received));
    socket.on("error", reject);
  });
  socket.write(
    `POST /api/chat HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\nContent-Length: ${bytes.length}\r\n\r\n`,
  );
  socket.write(bytes.subarray(0, half));
  return { finish: () => socket.write(bytes.subarray(half)), response };
}

describe("graceful shutdown on SIGTERM", () => {
  it("stops taking connections but finishes the request in flight, then exits 0", async () => {
    const server = await startChildServer(data.path, { XIAOSHEN_SHUTDOWN_GRACE_MS: "20000" });
    children.push(server);
    const inFlight = halfSentRequest(server.url, JSON.stringify({ message: "居住证要什么材料" }));
    await pause(300); // the server has the headers: the request is in flight

    server.process.kill("SIGTERM");
    await pause(300);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();

    inFlight.finish();
    const raw = await inFlight.response;
    expect(raw).toMatch(/^HTTP\/1\.1 200/);
    expect(raw.toLowerCase()).toContain("connection: close");
    expect(raw).toContain('"kind":"answer"');
    expect(await server.exited).toEqual({ code: 0, signal: null });
  }, 90_000);

  it("gives up on a request that never finishes once the grace period is over", async () => {
    const server = await startChildServer(data.path, { XIAOSHEN_SHUTDOWN_GRACE_MS: "500" });
    children.push(server);
    const stuck = halfSentRequest(server.url, JSON.stringify({ message: "居住证要什么材料" }));
    await pause(300);
    server.process.kill("SIGTERM");
    const exit = await server.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(await stuck.response).toBe("");
  }, 90_000);
});

describe("draining socket events", () => {
  it("waits for an acknowledged socket event in flight before closing", async () => {
    const app = createTestApp();
    const running = await startServer(app, 0, "127.0.0.1");
    try {
      // A namespace created after start-up is guarded (and tracked) like the built-in ones.
      running.io.of("/slow").on("connection", (socket) => {
        socket.on("work", (_payload: unknown, ack: (reply: unknown) => void) => {
          setTimeout(() => ack({ done: true }), 400);
        });
      });
      const client = connectSocket(`${running.url}/slow`, { path: "/socket.io", transports: ["websocket"] });
      await new Promise((resolve) => client.once("connect", () => resolve(undefined)));
      const reply = client.timeout(5000).emitWithAck("work", { n: 1 });
      await pause(100);
      const drained = await running.drain(5000);
      expect(await reply).toEqual({ done: true });
      expect(drained).toEqual({ drained: true, abandonedRequests: 0, abandonedSocketEvents: 0 });
      client.close();
    } finally {
      app.dispose();
    }
  });
});
