import type { Namespace, Server, Socket } from "socket.io";
import type { App } from "../../app.ts";
import { SOCKET_ERROR_EVENT, type SocketErrorPayload } from "../realtime/socket-events.ts";
import { clientIp, type RateLimiter, rateLimiterFor, tooManyMessage } from "./rate-limit.ts";
import { findHostileValue } from "./security-body.ts";

type Ack = (response: unknown) => void;

/** Counts socket events whose ack has not been sent yet, so shutdown can wait for them. */
export class SocketEventsInFlight {
  private count = 0;
  private readonly waiters = new Set<() => void>();

  get pending(): number {
    return this.count;
  }

  start(): () => void {
    this.count += 1;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.count -= 1;
      if (this.count === 0) for (const waiter of this.waiters) waiter();
    };
  }

  /** Resolves once nothing is pending (or right away). */
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

const inFlightByServer = new WeakMap<Server, SocketEventsInFlight>();

export function socketEventsInFlight(io: Server): SocketEventsInFlight {
  let tracker = inFlightByServer.get(io);
  if (!tracker) {
    tracker = new SocketEventsInFlight();
    inFlightByServer.set(io, tracker);
  }
  return tracker;
}

function reject(
  socket: Socket,
  event: string,
  ack: Ack | undefined,
  error: Omit<SocketErrorPayload, "event"> & { retryAfterSeconds?: number },
) {
  const payload: SocketErrorPayload = { event, ...error };
  socket.emit(SOCKET_ERROR_EVENT, payload);
  ack?.({ error: payload });
}

/** The client IP of a socket, by the same proxy rule as HTTP. */
export function socketClientIp(socket: Socket): string {
  return clientIp(socket.handshake.address, socket.handshake.headers["x-forwarded-for"]);
}

/**
 * Checks one incoming socket event against the per-IP and per-session limits; answers with
 * `xs:error` (and an error ack) and returns false when it is over. Namespaces guarded by
 * `guardAllNamespaces` get this already; call it directly only for a namespace created elsewhere.
 */
export async function allowSocketEvent(
  socket: Socket,
  limiter: RateLimiter,
  event: string,
  payload: unknown,
  ack?: Ack,
): Promise<boolean> {
  const ipVerdict = await limiter.checkIp(socketClientIp(socket));
  const sessionId = (payload as { sessionId?: unknown } | undefined)?.sessionId;
  const sessionKey = typeof sessionId === "string" && sessionId.length <= 100 ? sessionId : `socket:${socket.id}`;
  const verdict = ipVerdict.allowed ? await limiter.checkSession(sessionKey) : ipVerdict;
  if (verdict.allowed) return true;
  reject(socket, event, ack, {
    code: "rate_limited",
    message: tooManyMessage(verdict),
    retryAfterSeconds: verdict.retryAfterSeconds,
  });
  return false;
}

function guardNamespace(namespace: Namespace, limiter: RateLimiter, inFlight: SocketEventsInFlight): void {
  namespace.use((socket, next) => {
    // Connections count against the IP budget too: reconnect storms are a flood like any other.
    void limiter.checkIp(socketClientIp(socket)).then((verdict) => {
      if (verdict.allowed) return next();
      next(
        Object.assign(new Error(tooManyMessage(verdict)), {
          data: { code: "rate_limited", retryAfterSeconds: verdict.retryAfterSeconds },
        }),
      );
    }, next);
    const pending = new Set<() => void>();
    socket.once("disconnect", () => {
      for (const done of pending) done();
    });
    socket.use((packet, proceed) => {
      const [event, ...args] = packet as [string, ...unknown[]];
      const last = args[args.length - 1];
      const ack = typeof last === "function" ? (last as Ack) : undefined;
      const payload = args[0] === last && ack ? undefined : args[0];
      const hostile = findHostileValue(payload, [], 0);
      if (hostile) {
        reject(socket, event, ack, {
          code: hostile.code,
          message: hostile.message.replace(/^body/, "payload"),
          field: hostile.field === "body" ? "payload" : hostile.field,
        });
        return;
      }
      void allowSocketEvent(socket, limiter, event, payload, ack).then((allowed) => {
        if (!allowed) return;
        if (ack) {
          // Wrap the ack so graceful shutdown knows when this event's reply has gone out.
          const finish = inFlight.start();
          const done = () => {
            pending.delete(done);
            finish();
          };
          pending.add(done);
          packet[packet.length - 1] = (response: unknown) => {
            done();
            ack(response);
          };
        }
        proceed();
      });
    });
  });
}

/**
 * A namespace registration to run first: every namespace created after it (and the main one)
 * gets hostile-payload checks, per-IP/per-session rate limits and in-flight tracking for shutdown.
 */
export function guardAllNamespaces(io: Server, app: App): void {
  const limiter = rateLimiterFor(app);
  const inFlight = socketEventsInFlight(io);
  guardNamespace(io.of("/"), limiter, inFlight);
  io.on("new_namespace", (namespace) => guardNamespace(namespace, limiter, inFlight));
}
