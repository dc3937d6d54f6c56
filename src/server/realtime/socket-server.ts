import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import type { App } from "../../app.ts";

/** A namespace's handlers; each realtime feature (citizen widget, agent console) provides one. */
export type NamespaceRegistration = (io: Server, app: App) => void;

export const SOCKET_PATH = "/socket.io";
export const MAX_SOCKET_PAYLOAD_BYTES = 64 * 1024;

/** Attaches socket.io to the HTTP server and lets each feature register its namespace. */
export function attachSocketServer(httpServer: HttpServer, app: App, registrations: NamespaceRegistration[]): Server {
  const io = new Server(httpServer, {
    path: SOCKET_PATH,
    maxHttpBufferSize: MAX_SOCKET_PAYLOAD_BYTES,
    // The widget is embedded on other origins; namespaces check what they accept themselves.
    cors: { origin: true, credentials: false },
    // No connectionStateRecovery: it buffers every broadcast for minutes (tens of MB under load),
    // and clients already resume from SQLite by sequence number (session:resume).
  });
  for (const register of registrations) register(io, app);
  return io;
}
