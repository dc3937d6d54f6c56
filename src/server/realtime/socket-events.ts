import type { Socket } from "socket.io";
import type { z } from "zod";
import { isStorageUnavailable } from "../middleware/storage-faults.ts";

/** The error event every namespace emits for a bad event: the socket stays connected. */
export const SOCKET_ERROR_EVENT = "xs:error";

export interface SocketErrorPayload {
  event: string;
  code: string;
  message: string;
  field?: string;
}

type Ack = (response: unknown) => void;

/**
 * Registers a socket event whose payload is validated by zod. A bad payload gets an error event
 * (and an error ack when the client asked for one) naming the field; a handler failure never
 * crashes the process.
 */
export function onValidated<T extends z.ZodType>(
  socket: Socket,
  event: string,
  schema: T,
  handler: (payload: z.infer<T>, ack: Ack) => Promise<void> | void,
  onFailure: (error: unknown) => void = () => {},
): void {
  socket.on(event, (...args: unknown[]) => {
    const last = args[args.length - 1];
    const ack: Ack = typeof last === "function" ? (last as Ack) : () => {};
    const payload = typeof last === "function" ? args[0] : args[0];
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.length ? issue.path.map(String).join(".") : "payload";
      const error: SocketErrorPayload = {
        event,
        code: "invalid_event",
        message: `${field}: ${issue?.message ?? "invalid"}`,
        field,
      };
      socket.emit(SOCKET_ERROR_EVENT, error);
      ack({ error });
      return;
    }
    Promise.resolve()
      .then(() => handler(parsed.data, ack))
      .catch((failure: unknown) => {
        onFailure(failure);
        // Same distinction as HTTP's 503: a busy or full disk is worth retrying, a bug is not.
        const error: SocketErrorPayload = isStorageUnavailable(failure)
          ? { event, code: "storage_unavailable", message: "storage is busy or full; try again shortly" }
          : { event, code: "internal", message: "internal error" };
        socket.emit(SOCKET_ERROR_EVENT, error);
        ack({ error });
      });
  });
}
