import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { App } from "../app.ts";
import { createHttpApp } from "./http-app.ts";

export interface RunningServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/** Starts HTTP on host:port (port 0 picks a free one, for tests). */
export async function startServer(app: App, port = app.config.port, host = app.config.host): Promise<RunningServer> {
  const server = createServer(createHttpApp(app));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${address.port}`;
  return {
    server,
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
