import { describe, expect, it } from "vitest";
import { agentEventsJsonSchema } from "../../src/server/realtime/agent.schema.ts";
// @ts-expect-error the console's checker is plain browser JavaScript without type declarations
import { check } from "../../web-widget/console/event-check.js";

const schema = agentEventsJsonSchema() as {
  events: Record<string, unknown>;
};
const ticket = {
  id: "XS-20261123-ABCDEF",
  category: "投诉",
  urgency: "normal",
  status: "new",
  summary: "市民投诉",
  createdAt: "2026-11-23T00:00:00.000Z",
  updatedAt: "2026-11-23T00:00:00.000Z",
};

describe("the console's event checker against the generated schema", () => {
  it("accepts a well-formed ticket:upsert", () => {
    expect(check(schema.events["ticket:upsert"], { ticket })).toBeNull();
  });

  it("names the field of a malformed event", () => {
    expect(check(schema.events["ticket:upsert"], { ticket: { ...ticket, category: "闲聊" } })).toBe(
      "payload.ticket.category: must be one of 咨询, 求助, 投诉, 举报, 建议, 表扬",
    );
    expect(check(schema.events["ticket:upsert"], { ticket: { ...ticket, summary: undefined } })).toMatch(
      /payload\.ticket\.summary/,
    );
    expect(check(schema.events["ticket:upsert"], { ticket, extra: 1 })).toBe("payload.extra: is not expected");
    expect(
      check(schema.events["ticket:message"], {
        sessionId: "s",
        message: { seq: 1.5, role: "agent", text: "你好", createdAt: "2026-11-23T00:00:00.000Z" },
      }),
    ).toMatch(/seq: must be integer/);
    expect(check(schema.events["xs:error"], "boom")).toBe("payload: must be object");
  });
});
