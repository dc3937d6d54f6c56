import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../helpers/test-app.ts";

let app: ReturnType<typeof createTestApp>;

beforeAll(() => {
  app = createTestApp();
});
afterAll(() => app.dispose());

async function escalate(message: string, sessionId: string) {
  const { reply } = await app.assistant.chat({ sessionId, message });
  expect(reply.kind, message).toBe("escalate");
  const ticket = await app.tickets.get(reply.ticketId as string);
  if (!ticket) throw new Error(`no ticket for ${message}`);
  return ticket;
}

describe("escalation kinds become ticket category and urgency", () => {
  const cases: Array<{ message: string; category: string; urgency: "urgent" | "normal"; reason: string }> = [
    { message: "我要投诉，办事窗口工作人员态度很差", category: "投诉", urgency: "normal", reason: "complaint" },
    { message: "我要举报小区门口有人卖假货", category: "举报", urgency: "normal", reason: "report" },
    { message: "我家门口马路上的井盖丢了，很危险", category: "求助", urgency: "urgent", reason: "urgent-safety" },
    { message: "楼道里闻到燃气味，好像漏气了", category: "求助", urgency: "urgent", reason: "urgent-safety" },
    { message: "我要表扬社区事务受理中心的窗口小姐姐很耐心", category: "表扬", urgency: "normal", reason: "praise" },
    {
      message: "我有个建议，希望政务大厅能延长周末开放时间",
      category: "建议",
      urgency: "normal",
      reason: "suggestion",
    },
    { message: "转人工", category: "咨询", urgency: "normal", reason: "ask-person" },
    { message: "老板拖欠我的工资三个月了怎么办", category: "求助", urgency: "normal", reason: "wage-arrears" },
  ];

  for (const [index, { message, category, urgency, reason }] of cases.entries()) {
    it(`files 「${message}」 as ${category} (${urgency})`, async () => {
      const ticket = await escalate(message, `kind-session-${index}`);
      expect(ticket).toMatchObject({ category, urgency, reason, status: "new", sessionId: `kind-session-${index}` });
      expect(ticket.summary).toContain(category);
      expect(ticket.transcript.some((line) => line.role === "user" && line.text === message)).toBe(true);
    });
  }

  it("puts urgent safety tickets first in the queue", async () => {
    const queue = await app.tickets.list();
    const firstNormal = queue.findIndex((ticket) => ticket.urgency === "normal");
    const lastUrgent = queue.map((ticket) => ticket.urgency).lastIndexOf("urgent");
    expect(lastUrgent).toBeGreaterThanOrEqual(0);
    expect(lastUrgent).toBeLessThan(firstNormal);
  });

  it("records the district the citizen named and the matter in focus, with the cited guides", async () => {
    const sessionId = "district-session";
    const answer = await app.assistant.chat({ sessionId, message: "外地人在上海办居住证要什么材料" });
    expect(answer.reply.kind).toBe("answer");
    const ticket = await escalate("我在闵行区办居住证被退回了三次，要求给个说法", sessionId);
    expect(ticket.district).toBe("闵行区");
    expect(ticket.matterId).toBe("residence-permit");
    expect(ticket.citations.map((citation) => citation.matterId)).toContain("residence-permit");
    expect(ticket.transcript.map((line) => line.role)).toEqual(["user", "assistant", "user"]);
  });
});

describe("idempotent creation", () => {
  it("makes one ticket for an escalation retried with the same client message id", async () => {
    const input = { sessionId: "retry-ticket-session", message: "我要投诉物业乱收费", clientMessageId: "tap-1" };
    const first = await app.assistant.chat(input);
    const retried = await app.assistant.chat(input);
    expect(retried.duplicate).toBe(true);
    expect(retried.reply.ticketId).toBe(first.reply.ticketId);
    expect(await app.tickets.list({ sessionId: input.sessionId })).toHaveLength(1);
  });

  it("makes one ticket for a double click (two identical sends at once)", async () => {
    const input = { sessionId: "double-click-session", message: "转人工", clientMessageId: "tap-2" };
    const [one, two] = await Promise.all([app.assistant.chat(input), app.assistant.chat(input)]);
    expect(one.reply.ticketId).toBe(two.reply.ticketId);
    expect(await app.tickets.list({ sessionId: input.sessionId })).toHaveLength(1);
  });

  it("makes one ticket when the same escalation reaches the service twice concurrently", async () => {
    const escalation = {
      sessionId: "service-retry",
      category: "投诉" as const,
      urgency: "normal" as const,
      reason: "complaint",
      summary: "重复提交的投诉",
      transcript: [],
      citations: [],
      dedupeBasis: "service-retry:1",
    };
    const results = await Promise.all([app.tickets.escalate(escalation), app.tickets.escalate(escalation)]);
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(results[0]?.ticket.id).toBe(results[1]?.ticket.id);
  });

  it("makes a new ticket for a new escalation in the same session", async () => {
    const sessionId = "two-escalations";
    const first = await app.assistant.chat({ sessionId, message: "我要投诉噪音扰民", clientMessageId: "a" });
    const second = await app.assistant.chat({ sessionId, message: "我还要举报有人非法经营", clientMessageId: "b" });
    expect(second.reply.ticketId).not.toBe(first.reply.ticketId);
    expect(await app.tickets.list({ sessionId })).toHaveLength(2);
  });
});
