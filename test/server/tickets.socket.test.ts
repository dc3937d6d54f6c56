import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connected, nextEvent, request, startConsoleServer } from "../tickets/console-fixture.ts";

interface PushedMessage {
  seq: number;
  role: string;
  text: string;
  payload?: { agent?: string; citations?: Array<{ matterId: string }> };
}
interface Answer {
  kind: string;
  ticketId: string | null;
  sessionId: string;
  handoff?: { ticketId: string };
  citations: unknown[];
}

let harness: Awaited<ReturnType<typeof startConsoleServer>>;

beforeAll(async () => {
  harness = await startConsoleServer();
});
afterAll(() => harness.close());

describe("a citizen escalates, an agent takes the ticket and replies, the citizen sees it live", () => {
  it("runs the whole hand-off over real socket.io clients on /citizen and /agent", async () => {
    const token = await harness.agentToken("socket-agent");
    const agent = harness.socket("/agent", { token });
    const snapshot = nextEvent<{ agent: { username: string } }>(agent, "queue:snapshot");
    await connected(agent);
    expect((await snapshot).agent.username).toBe("socket-agent");

    // The citizen asks a question first, then wants a person.
    const citizen = harness.socket("/citizen");
    await connected(citizen);
    const first = await request<Answer>(citizen, "chat:send", { message: "居住证要什么材料", clientMessageId: "c-1" });
    expect(first.kind).toBe("answer");
    const queued = nextEvent<{ ticket: { id: string; category: string; status: string } }>(agent, "ticket:upsert");
    const escalated = await request<Answer>(citizen, "chat:send", {
      sessionId: first.sessionId,
      message: "看不懂，我要转人工",
      clientMessageId: "c-2",
    });
    expect(escalated.kind).toBe("escalate");
    const ticketId = escalated.ticketId as string;
    expect((await queued).ticket).toMatchObject({ id: ticketId, category: "咨询", status: "new" });

    // The agent opens the ticket: transcript and evidence are there.
    const opened = await request<{ ok: boolean; ticket: { messages: PushedMessage[]; citations: unknown[] } }>(
      agent,
      "ticket:open",
      { ticketId },
    );
    expect(opened.ticket.messages.map((message) => message.role)).toEqual(["user", "assistant", "user", "assistant"]);
    expect(opened.ticket.citations.length).toBeGreaterThan(0);

    const assigned = nextEvent<{ ticket: { id: string; status: string; assignee: string } }>(
      agent,
      "ticket:upsert",
      (payload) => payload.ticket.id === ticketId,
    );
    // Commands may also go over HTTP (the console does: socket events have a small per-socket budget).
    await harness.api(`/api/tickets/${ticketId}/transitions`, { body: { action: "assign" }, token });
    expect((await assigned).ticket).toMatchObject({ status: "assigned", assignee: "socket-agent" });

    // Suggestions for the ticket's question, then the agent sends an edited draft.
    const suggested = (await harness.api(`/api/tickets/${ticketId}/suggestions`, { token })).body as {
      suggestions: { sections: Array<{ citation: { matterId: string; section: string } }>; draft: string };
    };
    const top = suggested.suggestions.sections[0];
    expect(top?.citation.matterId).toBe("residence-permit");
    const text = `${suggested.suggestions.draft}\n（坐席补充：请带好原件。）`;
    const heard = nextEvent<PushedMessage>(citizen, "chat:message", (message) => message.role === "agent");
    const sent = await request<{ ok: boolean; message: { seq: number } }>(agent, "reply:send", {
      ticketId,
      text,
      citations: [{ matterId: top?.citation.matterId, section: top?.citation.section }],
      clientMessageId: "reply-1",
    });
    expect(sent.ok).toBe(true);
    const received = await heard;
    expect(received.text).toBe(text.trim());
    expect(received.seq).toBe(sent.message.seq);
    expect(received.payload?.agent).toBe("坐席socket-agent");
    expect(received.payload?.citations?.[0]?.matterId).toBe("residence-permit");
    expect((await harness.app.tickets.get(ticketId))?.status).toBe("in-progress");

    // Take over: the assistant stays silent and the agent hears the citizen live; then hand back.
    const notice = nextEvent<PushedMessage>(citizen, "chat:message", (message) => message.role === "system");
    await request(agent, "chat:takeover", { ticketId });
    expect((await notice).text).toContain("已接入对话");
    const agentHears = nextEvent<{ message: PushedMessage }>(
      agent,
      "ticket:message",
      (payload) => payload.message.role === "user",
    );
    const silent = await request<Answer>(citizen, "chat:send", {
      sessionId: first.sessionId,
      message: "办居住证要多久",
      clientMessageId: "c-3",
    });
    expect(silent).toMatchObject({ kind: "escalate", handoff: { ticketId }, citations: [] });
    expect((await agentHears).message.text).toBe("办居住证要多久");

    await request(agent, "chat:handback", { ticketId });
    const answered = await request<Answer>(citizen, "chat:send", {
      sessionId: first.sessionId,
      message: "办居住证要多久",
      clientMessageId: "c-4",
    });
    expect(answered.kind, JSON.stringify(answered)).toBe("answer");
    expect((await harness.app.tickets.get(ticketId))?.takeover).toBeUndefined();
  });

  it("posts a double-clicked reply once", async () => {
    const token = await harness.agentToken("double-clicker");
    const agent = harness.socket("/agent", { token });
    await connected(agent);
    const escalated = await harness.chat("我要投诉窗口态度很差");
    await request(agent, "ticket:transition", { ticketId: escalated.ticketId, action: "assign" });
    const reply = { ticketId: escalated.ticketId, text: "您好，已收到", clientMessageId: "same" };
    const [one, two] = await Promise.all([request(agent, "reply:send", reply), request(agent, "reply:send", reply)]);
    expect(one).toEqual(two);
    const messages = await harness.app.assistant.transcript(escalated.sessionId);
    expect(messages.filter((message) => message.role === "agent")).toHaveLength(1);
  });

  it("refuses a reply on a ticket that is not assigned to the agent", async () => {
    const token = await harness.agentToken("outsider");
    const agent = harness.socket("/agent", { token });
    await connected(agent);
    const escalated = await harness.chat("转人工");
    const error = nextEvent<{ code: string }>(agent, "xs:error");
    const ack = await request<{ error: { code: string } }>(agent, "reply:send", {
      ticketId: escalated.ticketId,
      text: "越权回复",
    });
    expect(ack.error.code).toBe("invalid_transition");
    expect((await error).code).toBe("invalid_transition");
    const messages = await harness.app.assistant.transcript(escalated.sessionId);
    expect(messages.some((message) => message.role === "agent")).toBe(false);
  });
});
