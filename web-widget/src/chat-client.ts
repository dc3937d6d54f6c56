import { io, type Socket } from "socket.io-client";
import type { Answer, ChatMessage } from "./types.ts";

export interface ChatClientHandlers {
  /** Every stored message of the session, once each, in the order they arrive. */
  message(message: ChatMessage): void;
  /** A streamed piece of the reply being written for `clientMessageId`. */
  token(clientMessageId: string, token: string, index: number): void;
  status(status: "online" | "offline"): void;
  error(message: string): void;
}

interface SendAck extends Answer {
  sessionId: string;
  userSeq?: number;
  replySeq?: number;
  error?: { message: string };
}

const ACK_TIMEOUT_MS = 30_000;
/** How long a send waits for a connecting socket before it goes over HTTP instead. */
const CONNECT_WAIT_MS = 3000;

const newMessageId = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(12)), (byte) => byte.toString(16).padStart(2, "0")).join("");

/**
 * The widget's line to the server: socket.io when it connects, HTTP POST /api/chat when not.
 * Messages are delivered once each (deduped by seq, and by client message id for HTTP replies);
 * after a drop the client resumes from the last seq and resends only what the server never stored.
 */
export class ChatClient {
  sessionId: string | undefined;
  private socket: Socket | undefined;
  private lastSeq = 0;
  private readonly seen = new Set<number>();
  /** Messages sent but not yet seen stored, by client message id. */
  private readonly pending = new Map<string, string>();
  /** Turns answered over HTTP (no seq known then): their stored copies are skipped on resume. */
  private readonly answeredOverHttp = new Set<string>();
  private readonly httpAnsweredSeqs = new Set<number>();
  /** Sends awaiting their answer; never sent twice at once. */
  private readonly inFlight = new Set<string>();
  /** Set while the socket fails to connect: sends then go over HTTP without waiting. */
  private unreachable = false;

  constructor(
    private readonly origin: string,
    private readonly storageKey: string,
    private readonly handlers: ChatClientHandlers,
    /** The citizen's session token from the host portal's sign-in, when there is one. */
    private readonly token?: string,
  ) {
    this.sessionId = readStorage(storageKey);
  }

  /** Opens the socket (once) and replays the stored conversation. */
  connect(): void {
    if (this.socket) return;
    const socket = io(`${this.origin}/citizen`, {
      path: "/socket.io",
      reconnectionDelayMax: 4000,
      auth: this.token ? { token: this.token } : {},
    });
    this.socket = socket;
    socket.on("connect", () => {
      this.unreachable = false;
      this.handlers.status("online");
      void this.resume();
    });
    socket.on("disconnect", () => {
      // Unanswered sends are reconsidered after the resume: only those never stored go again.
      this.inFlight.clear();
      this.handlers.status("offline");
    });
    socket.on("connect_error", () => {
      this.unreachable = true;
    });
    socket.on("chat:message", (message: ChatMessage) => this.deliver(message));
    socket.on("chat:token", (streamed: { clientMessageId: string; token: string; index: number }) =>
      this.handlers.token(streamed.clientMessageId, streamed.token, streamed.index),
    );
    socket.on("xs:error", (error: { message: string }) => this.handlers.error(error.message));
  }

  /** Sends one citizen message; returns its client message id (for the optimistic bubble). */
  send(message: string): string {
    const clientMessageId = newMessageId();
    this.pending.set(clientMessageId, message);
    void this.transmit(clientMessageId, message);
    return clientMessageId;
  }

  feedback(seq: number, helpful: boolean): void {
    if (this.socket?.connected && this.sessionId)
      this.socket.emit("chat:feedback", { sessionId: this.sessionId, seq, helpful });
  }

  /** An acknowledged socket request, or undefined when the socket is not connected (use HTTP then). */
  async request<T>(event: string, payload: unknown): Promise<T | undefined> {
    const socket = await this.connectedSocket();
    if (!socket) return undefined;
    const ack = (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload)) as T & {
      error?: { message: string };
    };
    if (ack?.error) throw new Error(ack.error.message);
    return ack;
  }

  /** Headers for HTTP calls to the server: JSON, and the citizen's token when signed in. */
  headers(): Record<string, string> {
    return this.token
      ? { "content-type": "application/json", authorization: `Bearer ${this.token}` }
      : { "content-type": "application/json" };
  }

  close(): void {
    this.socket?.close();
  }

  private async transmit(clientMessageId: string, message: string): Promise<void> {
    if (this.inFlight.has(clientMessageId)) return;
    this.inFlight.add(clientMessageId);
    const socket = await this.connectedSocket();
    if (!socket) {
      await this.postOverHttp(clientMessageId, message);
      this.inFlight.delete(clientMessageId);
      return;
    }
    socket
      .timeout(ACK_TIMEOUT_MS)
      .emit(
        "chat:send",
        { sessionId: this.sessionId, message, clientMessageId },
        (failure: Error | null, ack: SendAck) => {
          this.inFlight.delete(clientMessageId);
          // A lost ack is not an error: the reconnect resumes and resends what was never stored.
          if (failure) return;
          if (ack.error) return this.handlers.error(ack.error.message);
          this.adoptSession(ack.sessionId);
          this.acknowledge(clientMessageId, message, ack);
        },
      );
  }

  /** The socket once connected; undefined when it cannot connect soon (websockets blocked, proxy). */
  private connectedSocket(): Promise<Socket | undefined> {
    const socket = this.socket;
    if (!socket || socket.connected || this.unreachable) return Promise.resolve(socket?.connected ? socket : undefined);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        socket.off("connect", onConnect);
        resolve(undefined);
      }, CONNECT_WAIT_MS);
      const onConnect = () => {
        clearTimeout(timer);
        resolve(socket);
      };
      socket.once("connect", onConnect);
    });
  }

  private async postOverHttp(clientMessageId: string, message: string): Promise<void> {
    try {
      const response = await fetch(`${this.origin}/api/chat`, {
        method: "POST",
        headers: this.headers(),
        body: JSON.stringify({ sessionId: this.sessionId, message, clientMessageId }),
      });
      const body = (await response.json()) as SendAck;
      if (!response.ok) return this.handlers.error(body.error?.message ?? String(response.status));
      this.adoptSession(body.sessionId);
      if (!this.pending.delete(clientMessageId)) return;
      this.answeredOverHttp.add(clientMessageId);
      this.handlers.message({ seq: 0, role: "user", text: message, clientMessageId });
      this.handlers.message({ seq: 0, role: "assistant", text: body.text, payload: body });
    } catch {
      // Offline: the message stays pending and goes out when the socket is back.
      this.handlers.status("offline");
    }
  }

  private acknowledge(clientMessageId: string, message: string, ack: SendAck): void {
    const { userSeq, replySeq, sessionId: _session, ...answer } = ack;
    if (userSeq) this.deliver({ seq: userSeq, role: "user", text: message, clientMessageId });
    if (replySeq) this.deliver({ seq: replySeq, role: "assistant", text: answer.text, payload: answer });
  }

  private async resume(): Promise<void> {
    const socket = this.socket;
    if (!socket) return;
    if (this.sessionId) {
      const response = (await socket
        .timeout(ACK_TIMEOUT_MS)
        .emitWithAck("session:resume", { sessionId: this.sessionId, afterSeq: this.lastSeq })
        .catch(() => undefined)) as { messages?: ChatMessage[] } | undefined;
      if (!response?.messages) return;
      for (const message of response.messages) this.deliver(message);
    }
    for (const [clientMessageId, message] of this.pending) void this.transmit(clientMessageId, message);
  }

  private deliver(message: ChatMessage): void {
    if (this.seen.has(message.seq)) return;
    this.seen.add(message.seq);
    this.lastSeq = Math.max(this.lastSeq, message.seq);
    if (message.clientMessageId) this.pending.delete(message.clientMessageId);
    if (message.role === "user" && message.clientMessageId && this.answeredOverHttp.has(message.clientMessageId)) {
      this.httpAnsweredSeqs.add(message.seq);
      return;
    }
    const inReplyTo = (message.payload as { inReplyTo?: number } | undefined)?.inReplyTo;
    if (message.role === "assistant" && inReplyTo !== undefined && this.httpAnsweredSeqs.has(inReplyTo)) return;
    this.handlers.message(message);
  }

  private adoptSession(sessionId: string): void {
    if (this.sessionId === sessionId) return;
    this.sessionId = sessionId;
    writeStorage(this.storageKey, sessionId);
  }
}

function readStorage(key: string): string | undefined {
  try {
    return sessionStorage.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

function writeStorage(key: string, value: string): void {
  try {
    sessionStorage.setItem(key, value);
  } catch {
    // Storage can be blocked on some host pages; the session then lasts as long as the page.
  }
}
