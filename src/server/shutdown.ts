import type { Server } from "node:http";
import type { Server as SocketServer } from "socket.io";
import type { SocketEventsInFlight } from "./middleware/security-socket.ts";

/** Counts HTTP requests between their headers arriving and their response closing. */
export class HttpRequestsInFlight {
  private count = 0;
  private readonly waiters = new Set<() => void>();
  draining = false;

  constructor(server: Server) {
    server.on("request", (_request, response) => {
      this.count += 1;
      // While draining, every response closes its connection so keep-alive clients move on.
      if (this.draining) response.setHeader("Connection", "close");
      response.once("close", () => {
        this.count -= 1;
        if (this.count === 0) for (const waiter of [...this.waiters]) waiter();
      });
    });
  }

  get pending(): number {
    return this.count;
  }

  idle(): Promise<void> {
    if (this.count === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const waiter = () => {
        this.waiters.delete(waiter);
        resolve();
      };
      this.waiters.add(waiter);
    });
  }
}

export interface DrainTargets {
  server: Server;
  io: SocketServer;
  requests: HttpRequestsInFlight;
  socketEvents: SocketEventsInFlight;
}

export interface DrainResult {
  /** False when the grace period ran out with work still pending. */
  drained: boolean;
  abandonedRequests: number;
  abandonedSocketEvents: number;
}

/**
 * Graceful stop: no new connections, idle keep-alive connections closed, in-flight requests and
 * acked socket events allowed to finish within `graceMs`; then everything left is closed.
 */
export async function drainServer(targets: DrainTargets, graceMs: number): Promise<DrainResult> {
  const { server, io, requests, socketEvents } = targets;
  requests.draining = true;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), graceMs);
  });
  const finished = Promise.all([requests.idle(), socketEvents.idle()]).then(() => true as const);
  const drained = await Promise.race([finished, deadline]);
  clearTimeout(timer);
  const result: DrainResult = {
    drained,
    abandonedRequests: requests.pending,
    abandonedSocketEvents: socketEvents.pending,
  };
  await new Promise<void>((resolve) => {
    void io.close(() => resolve());
    server.closeAllConnections();
  });
  await closed;
  return result;
}

/**
 * Installs SIGTERM/SIGINT handlers that drain and then call `exit`; a second signal exits at once.
 */
export function onShutdownSignal(stop: (signal: NodeJS.Signals) => Promise<void>, exit: (code: number) => void): void {
  let stopping = false;
  const handle = (signal: NodeJS.Signals) => {
    if (stopping) return exit(1);
    stopping = true;
    stop(signal).then(
      () => exit(0),
      () => exit(1),
    );
  };
  process.on("SIGTERM", handle);
  process.on("SIGINT", handle);
}
