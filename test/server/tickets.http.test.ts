import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connected, request, startConsoleServer } from "../tickets/console-fixture.ts";

let harness: Awaited<ReturnType<typeof startConsoleServer>>;
let token: string;
let otherToken: string;
let supervisorToken: string;

beforeAll(async () => {
  harness = await startConsoleServer();
  [token, otherToken, supervisorToken] = await Promise.all([
    harness.agentToken("http-agent"),
    harness.agentToken("http-other"),
    harness.agentToken("http-boss", "supervisor"),
  ]);
});
afterAll(() => harness.close());

async function escalateAfterQuestion() {
  const first = await harness.chat("外地人在上海办居住证要什么材料");
  return harness.chat("我在浦东新区办居住证，材料被退回了，要求给个说法", first.sessionId);
}

const transition = (id: string, action: string, as = token) =>
  harness.api(`/api/tickets/${id}/transitions`, { body: { action }, token: as });

describe("ticket API for agents", () => {
  it("lists the queue with urgent tickets first", async () => {
    await harness.chat("我要投诉窗口态度很差");
    await harness.chat("小区门口井盖丢了，很危险");
    const { status, body } = await harness.api("/api/tickets", { token });
    expect(status).toBe(200);
    expect(body.tickets[0]).toMatchObject({ urgency: "urgent", category: "求助", status: "new" });
    const filtered = await harness.api("/api/tickets?status=closed", { token });
    expect(filtered.body.tickets).toEqual([]);
    expect((await harness.api("/api/tickets?status=done", { token })).status).toBe(400);
  });

  it("shows a ticket with its transcript, evidence, district and allowed actions", async () => {
    const escalated = await escalateAfterQuestion();
    const { body } = await harness.api(`/api/tickets/${escalated.ticketId}`, { token });
    expect(body.ticket).toMatchObject({
      id: escalated.ticketId,
      category: "求助",
      matterId: "residence-permit",
      matterTitle: expect.stringContaining("居住证"),
      district: "浦东新区",
      actions: ["assign"],
    });
    expect(body.ticket.transcript).toHaveLength(3);
    expect(body.ticket.citations[0]).toMatchObject({ matterId: "residence-permit" });
    expect(body.ticket.messages.at(-1)).toMatchObject({ role: "assistant", kind: "escalate" });
    expect(body.ticket.audit[0]).toMatchObject({ actor: "assistant", action: "created" });
  });

  it("answers 409 to resolving before assigning, and 403 to another agent's ticket", async () => {
    const { ticketId } = await escalateAfterQuestion();
    const early = await transition(ticketId, "resolve");
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe("invalid_transition");
    expect((await transition(ticketId, "assign")).body.ticket).toMatchObject({
      status: "assigned",
      assignee: "http-agent",
    });
    const stolen = await transition(ticketId, "assign", otherToken);
    expect(stolen.status).toBe(403);
    expect(stolen.body.error.code).toBe("not_assignee");
    expect((await transition(ticketId, "start", otherToken)).status).toBe(403);
    expect((await transition(ticketId, "start")).body.ticket.actions).toEqual(["resolve", "close"]);
    expect((await transition(ticketId, "resolve")).body.ticket.status).toBe("resolved");
    expect((await transition(ticketId, "close")).body.ticket.status).toBe("closed");
    expect((await transition(ticketId, "reopen")).status).toBe(409);
  });

  it("lets a supervisor reassign a ticket to another agent", async () => {
    const { ticketId } = await escalateAfterQuestion();
    await transition(ticketId, "assign");
    const reassigned = await harness.api(`/api/tickets/${ticketId}/transitions`, {
      body: { action: "assign", assignee: "http-other" },
      token: supervisorToken,
    });
    expect(reassigned.body.ticket.assignee).toBe("http-other");
    const notAllowed = await harness.api(`/api/tickets/${ticketId}/transitions`, {
      body: { action: "assign", assignee: "http-agent" },
      token,
    });
    expect(notAllowed.status).toBe(403);
  });

  it("rejects unknown actions and unknown tickets with the error shape", async () => {
    const { ticketId } = await escalateAfterQuestion();
    const bad = await transition(ticketId, "explode");
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe("action");
    expect((await harness.api("/api/tickets/XS-20260101-AAAAAA", { token })).status).toBe(404);
    expect((await harness.api("/api/tickets/nope", { token })).body.error.field).toBe("id");
  });

  it("adds notes and records them in the audit log", async () => {
    const { ticketId } = await escalateAfterQuestion();
    await transition(ticketId, "assign");
    const noted = await harness.api(`/api/tickets/${ticketId}/notes`, {
      body: { text: "已联系浦东新区受理中心" },
      token,
    });
    expect(noted.status).toBe(201);
    expect(noted.body.ticket.notes).toEqual([
      expect.objectContaining({ author: "http-agent", text: "已联系浦东新区受理中心" }),
    ]);
    expect(noted.body.ticket.audit.map((entry: { action: string }) => entry.action)).toEqual([
      "created",
      "assign",
      "note",
    ]);
  });

  it("suggests guide sections for the ticket's question and for a typed query, with a cited draft", async () => {
    const { ticketId } = await escalateAfterQuestion();
    const forTicket = await harness.api(`/api/tickets/${ticketId}/suggestions`, { token });
    const { sections, draft, citations } = forTicket.body.suggestions;
    expect(sections[0].citation.matterId).toBe("residence-permit");
    expect(draft).toContain("[1]");
    expect(draft).toContain(sections[0].excerpt.slice(0, 20));
    expect(citations[0]).toEqual(sections[0].citation);

    const typed = await harness.api(`/api/tickets/${ticketId}/suggestions?q=${encodeURIComponent("公积金怎么提取")}`, {
      token,
    });
    expect(typed.body.suggestions.query).toBe("公积金怎么提取");
    expect(typed.body.suggestions.sections.length).toBeGreaterThan(0);
    const free = await harness.api(`/api/agent/suggestions?q=${encodeURIComponent("新生儿落户")}`, { token });
    expect(free.body.suggestions.sections.length).toBeGreaterThan(0);
  });

  it("answers suggestions over the socket too", async () => {
    const agent = harness.socket("/agent", { token });
    await connected(agent);
    const ack = await request<{ suggestions: { sections: Array<{ citation: { matterId: string } }> } }>(
      agent,
      "suggest",
      { query: "居住证要什么材料" },
    );
    expect(ack.suggestions.sections[0]?.citation.matterId).toBe("residence-permit");
  });

  it("sends a reply with citations into the citizen's conversation, refusing an unknown guide section", async () => {
    const { ticketId, sessionId } = await escalateAfterQuestion();
    await transition(ticketId, "assign");
    const badCitation = await harness.api(`/api/tickets/${ticketId}/replies`, {
      body: { text: "请看指南", citations: [{ matterId: "residence-permit", section: "nonsense" }] },
      token,
    });
    expect(badCitation.status).toBe(400);
    expect(badCitation.body.error.code).toBe("invalid_citation");
    const sent = await harness.api(`/api/tickets/${ticketId}/replies`, {
      body: { text: "您好，材料清单见指南[1]", citations: [{ matterId: "residence-permit", section: "materials" }] },
      token,
    });
    expect(sent.status).toBe(201);
    expect(sent.body.message).toMatchObject({ role: "agent", agent: "坐席http-agent" });
    expect(sent.body.message.citations[0]).toMatchObject({ matterId: "residence-permit", section: "materials" });
    const transcript = await harness.app.assistant.transcript(sessionId);
    expect(transcript.at(-1)).toMatchObject({ role: "agent", text: "您好，材料清单见指南[1]" });
  });

  it("takes a chat over so the assistant stays silent, and hands it back", async () => {
    const { ticketId, sessionId } = await escalateAfterQuestion();
    await transition(ticketId, "assign");
    const taken = await harness.api(`/api/tickets/${ticketId}/takeover`, { method: "POST", body: {}, token });
    expect(taken.body.ticket).toMatchObject({ status: "in-progress", takeover: { agent: "http-agent" } });
    const silent = await harness.app.assistant.chat({ sessionId, message: "居住证要什么材料" });
    expect(silent.reply).toMatchObject({ kind: "escalate", handoff: { ticketId }, citations: [] });

    const back = await harness.api(`/api/tickets/${ticketId}/takeover`, { method: "DELETE", token });
    expect(back.body.ticket.takeover).toBeUndefined();
    const answered = await harness.app.assistant.chat({ sessionId, message: "居住证办理要多久" });
    expect(answered.reply.kind).toBe("answer");
    const roles = (await harness.app.assistant.transcript(sessionId)).map((message) => message.role);
    expect(roles.filter((role) => role === "system")).toHaveLength(2);
  });

  it("hands a taken-over chat back to the assistant when the ticket is resolved", async () => {
    const { ticketId, sessionId } = await escalateAfterQuestion();
    await transition(ticketId, "assign");
    await harness.api(`/api/tickets/${ticketId}/takeover`, { method: "POST", body: {}, token });
    const resolved = await transition(ticketId, "resolve");
    expect(resolved.body.ticket).toMatchObject({ status: "resolved" });
    expect(resolved.body.ticket.takeover).toBeUndefined();
    expect((await harness.app.assistant.session(sessionId))?.agentTakeover).toBeUndefined();
  });
});
