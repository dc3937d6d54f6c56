import type { Server, ServerResponse } from "node:http";
import type { Server as SocketServer } from "socket.io";
import type { SocketEventsInFlight } from "./middleware/security-socket.ts";

/** Counts HTTP requests between their headers arriving and their response closing. */
export class HttpRequestsInFlight {
  private readonly responses = new Set<ServerResponse>();
  private readonly waiters = new Set<() => void>();
  private isDraining = false;

  constructor(server: Server) {
    server.on("request", (_request, response: ServerResponse) => {
      this.responses.add(response);
      if (this.isDraining) closeAfter(response);
      response.once("close", () => {
        this.responses.delete(response);
        if (this.responses.size === 0) for (const waiter of [...this.waiters]) waiter();
      });
    });
  }

  /** From now on every response, including those in flight, closes its connection. */
  startDraining(): void {
    this.isDraining = true;
    for (const response of this.responses) closeAfter(response);
  }

  get pending(): number {
    return this.responses.size;
  }

  idle(): Promise<void> {
    if (this.responses.size === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const waiter = () => {
        this.waiters.delete(waiter);
        resolve();
      };
      this.waiters.add(waiter);
    });
  }
}

// Keep-alive clients learn to reconnect elsewhere instead of reusing a connection about to close.
function closeAfter(response: ServerResponse): void {
  if (!response.headersSent) response.setHeader("Connection", "close");
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
  requests.startDraining();
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
