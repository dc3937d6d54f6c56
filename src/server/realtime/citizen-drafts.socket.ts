import type { Socket } from "socket.io";
import { z } from "zod";
import type { App } from "../../app.ts";
import { FormError, presentForm } from "../../forms/index.ts";
import { draftParamsSchema, updateDraftRequestSchema } from "../routes/drafts.schema.ts";
import { onValidated, SOCKET_ERROR_EVENT, type SocketErrorPayload } from "./socket-events.ts";

/** `draft:update` / `draft:confirm`: the widget's form card works over the socket it already has. */
export const draftUpdateSchema = updateDraftRequestSchema.extend({ draftId: draftParamsSchema.shape.id });
export const draftConfirmSchema = z.strictObject({ draftId: draftParamsSchema.shape.id });

type Ack = (response: unknown) => void;

/** The signed-in citizen of this socket (from the handshake token), if any. */
export const socketCitizen = (socket: Socket): string | undefined => socket.data.citizenId as string | undefined;

function refuse(socket: Socket, ack: Ack, error: SocketErrorPayload): void {
  socket.emit(SOCKET_ERROR_EVENT, error);
  ack({ error });
}

/**
 * Edits and confirmation of the citizen's own drafts; confirming never submits. Domain errors
 * (unknown draft, invalid field, already submitted) come back as `{ error: { code, message } }`.
 */
export function registerDraftEvents(socket: Socket, app: App, fail: (error: unknown) => void): void {
  const withCitizen =
    (event: string, run: (citizenId: string) => Promise<unknown>) =>
    async (ack: Ack): Promise<void> => {
      const citizenId = socketCitizen(socket);
      if (!citizenId) return refuse(socket, ack, { event, code: "sign_in_required", message: "sign in first" });
      try {
        ack(await run(citizenId));
      } catch (error) {
        if (!(error instanceof FormError)) throw error;
        refuse(socket, ack, { event, code: error.code, message: error.message, field: error.field });
      }
    };

  onValidated(
    socket,
    "draft:update",
    draftUpdateSchema,
    ({ draftId, fields }, ack) =>
      withCitizen("draft:update", async (citizenId) => ({
        form: presentForm(await app.drafts.update(draftId, citizenId, fields)),
      }))(ack),
    fail,
  );
  onValidated(
    socket,
    "draft:confirm",
    draftConfirmSchema,
    ({ draftId }, ack) =>
      withCitizen("draft:confirm", async (citizenId) => ({
        form: presentForm(await app.drafts.confirm(draftId, citizenId)),
      }))(ack),
    fail,
  );
}
