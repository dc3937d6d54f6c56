import { randomUUID } from "node:crypto";
import type { Namespace, Server, Socket } from "socket.io";
import type { App } from "../../app.ts";
import type { ChatInput, ConversationMessage } from "../../assistant/index.ts";
import { presentAnswer } from "../../contracts/answer-object.ts";
import {
  type ChatSend,
  CITIZEN_NAMESPACE,
  chatFeedbackSchema,
  chatSendSchema,
  citizenEvents,
  type PushedMessage,
  type StreamedToken,
  sessionResumeSchema,
} from "./citizen.schema.ts";
import { registerDraftEvents, socketCitizen } from "./citizen-drafts.socket.ts";
import { onValidated, SOCKET_ERROR_EVENT, type SocketErrorPayload } from "./socket-events.ts";

const sessionRoom = (sessionId: string) => `session:${sessionId}`;

/** A stored message as the widget sees it; the same shape for live pushes and resumes. */
export function presentMessage(message: ConversationMessage): PushedMessage {
  const pushed: PushedMessage = {
    seq: message.seq,
    role: message.role,
    text: message.text,
    createdAt: message.createdAt,
  };
  if (message.payload !== undefined) pushed.payload = message.payload;
  if (message.clientMessageId) pushed.clientMessageId = message.clientMessageId;
  return pushed;
}

/** The widget's realtime channel: chat turns with acks, resume by seq, live agent messages, drafts. */
export function registerCitizenNamespace(io: Server, app: App): void {
  const namespace = io.of(CITIZEN_NAMESPACE);
  relayMessages(namespace, app);
  namespace.on("connection", (socket) => {
    authenticate(socket, app);
    onValidated(
      socket,
      citizenEvents.send,
      chatSendSchema,
      async (payload, ack) => {
        if (await ownedByAnother(socket, app, citizenEvents.send, payload.sessionId, ack)) return;
        await handleSend(socket, app, payload, ack);
      },
      fail,
    );
    onValidated(
      socket,
      citizenEvents.resume,
      sessionResumeSchema,
      async ({ sessionId, afterSeq }, ack) => {
        if (await ownedByAnother(socket, app, citizenEvents.resume, sessionId, ack)) return;
        await socket.join(sessionRoom(sessionId));
        const missed = await app.assistant.transcript(sessionId, afterSeq);
        ack({ sessionId, messages: missed.map(presentMessage) });
      },
      fail,
    );
    onValidated(
      socket,
      citizenEvents.feedback,
      chatFeedbackSchema,
      (feedback, ack) => {
        // Unhelpful answers also reach the dialogue as the chat text 没用 (sent by the widget).
        app.logger.info({ feedback }, "citizen feedback");
        ack({ ok: true });
      },
      fail,
    );
    registerDraftEvents(socket, app, fail);
  });

  function fail(error: unknown) {
    app.logger.error({ err: error }, "citizen socket handler failed");
  }
}

/** A citizen token in the handshake (`auth: { token }`) signs the socket in; without one it is anonymous. */
function authenticate(socket: Socket, app: App): void {
  const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
  if (typeof token !== "string") return;
  const citizenId = app.sessions.verify(token);
  if (citizenId) {
    socket.data.citizenId = citizenId;
    return;
  }
  const error: SocketErrorPayload = {
    event: "connect",
    code: "invalid_session",
    message: "the citizen session is invalid or has expired",
    field: "auth.token",
  };
  socket.emit(SOCKET_ERROR_EVENT, error);
}

/** A conversation of a signed-in citizen is theirs alone: nobody else may read or continue it. */
async function ownedByAnother(
  socket: Socket,
  app: App,
  event: string,
  sessionId: string | undefined,
  ack: (response: unknown) => void,
): Promise<boolean> {
  if (!sessionId) return false;
  const owner = (await app.assistant.session(sessionId))?.citizenId;
  if (!owner || owner === socketCitizen(socket)) return false;
  const error: SocketErrorPayload = {
    event,
    code: "forbidden",
    message: "this conversation belongs to another citizen",
    field: "sessionId",
  };
  socket.emit(SOCKET_ERROR_EVENT, error);
  ack({ error });
  return true;
}

/** Every stored message of a session goes to the sockets in its room; clients dedupe by seq. */
function relayMessages(namespace: Namespace, app: App): void {
  app.events.subscribe((event) => {
    if (event.type !== "message.appended") return;
    namespace.to(sessionRoom(event.message.sessionId)).emit(citizenEvents.message, presentMessage(event.message));
  });
}

/** Turns being answered, by session and client message id: a resend after a reconnect joins the first. */
const turnsInFlight = new Map<string, Promise<unknown>>();

async function handleSend(socket: Socket, app: App, payload: ChatSend, ack: (response: unknown) => void) {
  // The room is joined before the turn so the citizen's own stored message is relayed too.
  const sessionId = payload.sessionId ?? randomUUID();
  await socket.join(sessionRoom(sessionId));
  const key = `${sessionId}\u0000${payload.clientMessageId}`;
  let turn = turnsInFlight.get(key);
  if (!turn) {
    turn = answerTurn(socket, app, { ...payload, sessionId }).finally(() => turnsInFlight.delete(key));
    turnsInFlight.set(key, turn);
  }
  ack(await turn);
}

async function answerTurn(socket: Socket, app: App, payload: ChatSend & { sessionId: string }) {
  const { sessionId } = payload;
  const started = performance.now();
  let index = 0;
  const input: ChatInput = {
    sessionId,
    message: payload.message,
    clientMessageId: payload.clientMessageId,
    citizenId: socketCitizen(socket),
  };
  // Tokens stream in the LLM mode; the stored chat:message then replaces them on the client.
  const onToken = (token: string) => {
    const streamed: StreamedToken = { clientMessageId: payload.clientMessageId, index: index++, token };
    // To the room, not the socket: a reconnected or second tab keeps receiving the stream.
    socket.nsp.to(sessionRoom(sessionId)).emit(citizenEvents.token, streamed);
  };
  const result = await app.assistant.chat(input, { onToken });
  const answer = presentAnswer(result.reply, performance.now() - started);
  const seqs = await turnSeqs(app, sessionId, payload.clientMessageId);
  return { ...answer, sessionId: result.sessionId, ...seqs };
}

/** The seq numbers of the citizen's message and of its reply, so the client can dedupe. */
async function turnSeqs(app: App, sessionId: string, clientMessageId: string) {
  const messages = await app.assistant.transcript(sessionId);
  const asked = messages.find((message) => message.clientMessageId === clientMessageId && message.role === "user");
  if (!asked) return {};
  const answered = messages.find(
    (message) =>
      message.role === "assistant" && (message.payload as { inReplyTo?: number } | undefined)?.inReplyTo === asked.seq,
  );
  return { userSeq: asked.seq, replySeq: answered?.seq };
}
