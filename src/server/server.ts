import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Server as SocketServer } from "socket.io";
import type { App } from "../app.ts";
import { createHttpApp } from "./http-app.ts";
import { guardAllNamespaces, socketEventsInFlight } from "./middleware/security-socket.ts";
import { registerAgentNamespace } from "./realtime/agent.socket.ts";
import { registerCitizenNamespace } from "./realtime/citizen.socket.ts";
import { attachSocketServer, type NamespaceRegistration } from "./realtime/socket-server.ts";
import { type DrainResult, drainServer, HttpRequestsInFlight } from "./shutdown.ts";

/** Realtime namespaces served next to HTTP (citizen widget, agent console). */
// guardAllNamespaces comes first: it adds rate limits and payload checks to every namespace created after it.
const NAMESPACES: NamespaceRegistration[] = [guardAllNamespaces, registerCitizenNamespace, registerAgentNamespace];

export interface RunningServer {
  server: Server;
  io: SocketServer;
  url: string;
  close(): Promise<void>;
  /** Graceful stop (SIGTERM): lets in-flight requests and acked socket events finish first. */
  drain(graceMs?: number): Promise<DrainResult>;
}

/** Starts HTTP on host:port (port 0 picks a free one, for tests). */
export async function startServer(app: App, port = app.config.port, host = app.config.host): Promise<RunningServer> {
  const server = createServer(createHttpApp(app));
  const requests = new HttpRequestsInFlight(server);
  const io = attachSocketServer(server, app, NAMESPACES);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${address.port}`;
  return {
    server,
    io,
    url,
    close: () =>
      new Promise<void>((resolve) => {
        void io.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
    drain: (graceMs = app.config.shutdownGraceMs ?? 10_000) =>
      drainServer({ server, io, requests, socketEvents: socketEventsInFlight(io) }, graceMs),
  };
}
