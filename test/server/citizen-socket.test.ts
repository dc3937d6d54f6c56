import { io as connect, type Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../../src/server/server.ts";
import { createTestApp } from "../helpers/test-app.ts";

interface Pushed {
  seq: number;
  role: string;
  text: string;
  payload?: { kind?: string; inReplyTo?: number };
  clientMessageId?: string;
}

let app: ReturnType<typeof createTestApp>;
let server: RunningServer;
const sockets: Socket[] = [];

function citizen(token?: string): Promise<{ socket: Socket; pushed: Pushed[] }> {
  const socket = connect(`${server.url}/citizen`, {
    path: "/socket.io",
    transports: ["websocket"],
    reconnection: false,
    auth: token ? { token } : {},
  });
  sockets.push(socket);
  const pushed: Pushed[] = [];
  socket.on("chat:message", (message: Pushed) => pushed.push(message));
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve({ socket, pushed }));
    socket.once("connect_error", reject);
  });
}

async function until(check: () => boolean, what: string) {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

beforeAll(async () => {
  app = createTestApp();
  server = await startServer(app, 0, "127.0.0.1");
});
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.close();
});
afterAll(async () => {
  await server.close();
  app.dispose();
});

describe("/citizen namespace", () => {
  it("answers chat:send in the ack with the answer object, session id and both seqs, and pushes both messages", async () => {
    const { socket, pushed } = await citizen();
    const ack = await socket.emitWithAck("chat:send", {
      message: "外地人在上海办居住证要什么材料",
      clientMessageId: "c-1",
    });
    expect(ack).toMatchObject({ kind: "answer", ticketId: null, userSeq: 1, replySeq: 2 });
    expect(ack.citations[0]).toMatchObject({ matterId: "residence-permit", section: "materials" });
    expect(ack.sessionId).toEqual(expect.any(String));
    await until(() => pushed.length === 2, "both pushes");
    expect(pushed.map((message) => [message.seq, message.role])).toEqual([
      [1, "user"],
      [2, "assistant"],
    ]);
    expect(pushed[0]?.clientMessageId).toBe("c-1");
    expect(pushed[1]?.payload?.inReplyTo).toBe(1);
  });

  it("replays the same reply for a resent clientMessageId without storing a second turn", async () => {
    const { socket } = await citizen();
    const first = await socket.emitWithAck("chat:send", { message: "居住证要花钱吗", clientMessageId: "same-id" });
    const again = await socket.emitWithAck("chat:send", {
      sessionId: first.sessionId,
      message: "居住证要花钱吗",
      clientMessageId: "same-id",
    });
    expect(again).toMatchObject({ text: first.text, userSeq: first.userSeq, replySeq: first.replySeq });
    expect(await app.assistant.transcript(first.sessionId)).toHaveLength(2);
  });

  it("answers a bad chat:send with xs:error naming the field, and stays connected", async () => {
    const { socket } = await citizen();
    const errors: unknown[] = [];
    socket.on("xs:error", (error) => errors.push(error));
    const ack = await socket.emitWithAck("chat:send", { message: "", clientMessageId: "x" });
    expect(ack.error).toMatchObject({ event: "chat:send", code: "invalid_event", field: "message" });
    const missingId = await socket.emitWithAck("chat:send", { message: "居住证" });
    expect(missingId.error.field).toBe("clientMessageId");
    const badResume = await socket.emitWithAck("session:resume", { sessionId: "../etc", afterSeq: 0 });
    expect(badResume.error.field).toBe("sessionId");
    await until(() => errors.length === 3, "three xs:error events");
    expect(socket.connected).toBe(true);
  });

  it("resumes after a disconnect with exactly the messages stored meanwhile, none lost or repeated", async () => {
    const first = await citizen();
    const ack = await first.socket.emitWithAck("chat:send", { message: "居住证在哪里办", clientMessageId: "r-1" });
    first.socket.close();
    // While the citizen is away, another turn arrives over HTTP (e.g. the fallback in another tab).
    const response = await fetch(`${server.url}/api/chat`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ sessionId: ack.sessionId, message: "要多久", clientMessageId: "r-2" }),
    });
    expect(response.status).toBe(200);

    const second = await citizen();
    const resumed = await second.socket.emitWithAck("session:resume", {
      sessionId: ack.sessionId,
      afterSeq: ack.replySeq,
    });
    expect(resumed.messages.map((message: Pushed) => [message.seq, message.role])).toEqual([
      [3, "user"],
      [4, "assistant"],
    ]);
    expect(resumed.messages[0].clientMessageId).toBe("r-2");
    const everything = await second.socket.emitWithAck("session:resume", { sessionId: ack.sessionId, afterSeq: 0 });
    expect(everything.messages.map((message: Pushed) => message.seq)).toEqual([1, 2, 3, 4]);
  });

  it("relays an agent's reply live to every socket of the session and to no other session", async () => {
    const citizenA = await citizen();
    const citizenB = await citizen();
    const escalated = await citizenA.socket.emitWithAck("chat:send", { message: "我要转人工", clientMessageId: "h-1" });
    expect(escalated.kind).toBe("escalate");
    await citizenB.socket.emitWithAck("chat:send", { message: "居住证", clientMessageId: "h-2" });
    const seenByB = citizenB.pushed.length;

    const agent = { username: "agent-test", supervisor: true, displayName: "王工" };
    await app.desk.transition(agent, escalated.ticketId, "assign", agent.username);
    await app.desk.reply(agent, escalated.ticketId, { text: "您好，我是12345的王工，请问具体情况？" });

    await until(() => citizenA.pushed.some((message) => message.role === "agent"), "the agent message");
    const agentMessage = citizenA.pushed.find((message) => message.role === "agent");
    expect(agentMessage).toMatchObject({ seq: escalated.replySeq + 1, text: "您好，我是12345的王工，请问具体情况？" });
    expect(citizenB.pushed).toHaveLength(seenByB);
  });
});

describe("/citizen namespace while a turn is still being answered", () => {
  it("answers a resend of an unfinished turn (after a reconnect) with the same reply, stored once", async () => {
    const assistant = app.assistant;
    const original = assistant.chat.bind(assistant);
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    assistant.chat = async (input) => {
      if (input.message === "居住证怎么续签") await held;
      return original(input);
    };
    try {
      const first = await citizen();
      const sessionId = "resend-session-1";
      const firstAck = first.socket.emitWithAck("chat:send", {
        sessionId,
        message: "居住证怎么续签",
        clientMessageId: "k-1",
      });
      const second = await citizen();
      const secondAck = second.socket.emitWithAck("chat:send", {
        sessionId,
        message: "居住证怎么续签",
        clientMessageId: "k-1",
      });
      // Both sends have reached the handler (it joins the room first) while the turn is still held.
      const room = () => server.io.of("/citizen").adapter.rooms.get(`session:${sessionId}`)?.size ?? 0;
      await until(() => room() === 2, "both sockets in the session room");
      release();
      const [a, b] = await Promise.all([firstAck, secondAck]);
      expect(b).toEqual(a);
      const transcript = await app.assistant.transcript(sessionId);
      expect(transcript.map((message) => message.role)).toEqual(["user", "assistant"]);
    } finally {
      assistant.chat = original;
    }
  });
});

describe("/citizen namespace for a signed-in citizen", () => {
  async function signIn(citizenId: string): Promise<string> {
    const response = await fetch(`${server.url}/api/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ citizenId }),
    });
    return ((await response.json()) as { token: string }).token;
  }

  it("pre-fills a form after consent, edits and confirms it over the socket without submitting", async () => {
    const { socket } = await citizen(await signIn("demo-li-ming"));
    const consent = await socket.emitWithAck("chat:send", { message: "帮我填居住证申请表", clientMessageId: "f-1" });
    expect(consent.consent.fields.map((field: { name: string }) => field.name)).toContain("idNumber");
    const filled = await socket.emitWithAck("chat:send", {
      sessionId: consent.sessionId,
      message: "同意",
      clientMessageId: "f-2",
    });
    const draftId = filled.form.draftId as string;
    const updated = await socket.emitWithAck("draft:update", { draftId, fields: { basis: "合法稳定就业" } });
    expect(updated.form.fields.find((field: { name: string }) => field.name === "basis").value).toBe("合法稳定就业");
    const confirmed = await socket.emitWithAck("draft:confirm", { draftId });
    expect(confirmed.form.status).toBe("confirmed");
    expect((await app.drafts.get(draftId, "demo-li-ming")).status).toBe("confirmed");
  });

  it("keeps a signed-in citizen's conversation and drafts from anyone else", async () => {
    const owner = await citizen(await signIn("demo-li-ming"));
    const ack = await owner.socket.emitWithAck("chat:send", { message: "帮我填居住证申请表", clientMessageId: "p-1" });

    const stranger = await citizen();
    const resumed = await stranger.socket.emitWithAck("session:resume", { sessionId: ack.sessionId, afterSeq: 0 });
    expect(resumed.error).toMatchObject({ code: "forbidden", field: "sessionId" });
    const continued = await stranger.socket.emitWithAck("chat:send", {
      sessionId: ack.sessionId,
      message: "同意",
      clientMessageId: "p-2",
    });
    expect(continued.error.code).toBe("forbidden");
    expect(await app.assistant.transcript(ack.sessionId)).toHaveLength(2);

    const anonymousDraft = await stranger.socket.emitWithAck("draft:confirm", { draftId: "DR-ABCDEFGHIJ" });
    expect(anonymousDraft.error.code).toBe("sign_in_required");
    const badDraft = await owner.socket.emitWithAck("draft:confirm", { draftId: "../x" });
    expect(badDraft.error).toMatchObject({ code: "invalid_event", field: "draftId" });
  });

  it("says so when the handshake token is not valid, and stays anonymous", async () => {
    const socket = connect(`${server.url}/citizen`, {
      path: "/socket.io",
      transports: ["websocket"],
      reconnection: false,
      auth: { token: "xsc_forged" },
    });
    sockets.push(socket);
    const error = await new Promise<{ code: string; field: string }>((resolve) => socket.once("xs:error", resolve));
    expect(error).toMatchObject({ code: "invalid_session", field: "auth.token" });
    const draft = await socket.emitWithAck("draft:confirm", { draftId: "DR-ABCDEFGHIJ" });
    expect(draft.error.code).toBe("sign_in_required");
  });
});
