import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Server as SocketServer } from "socket.io";
import type { App } from "../app.ts";
import { createHttpApp } from "./http-app.ts";
import { attachSocketServer, type NamespaceRegistration } from "./realtime/socket-server.ts";

/** Realtime namespaces served next to HTTP (citizen widget, agent console). */
const NAMESPACES: NamespaceRegistration[] = [];

export interface RunningServer {
  server: Server;
  io: SocketServer;
  url: string;
  close(): Promise<void>;
}

/** Starts HTTP on host:port (port 0 picks a free one, for tests). */
export async function startServer(app: App, port = app.config.port, host = app.config.host): Promise<RunningServer> {
  const server = createServer(createHttpApp(app));
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
  };
}
