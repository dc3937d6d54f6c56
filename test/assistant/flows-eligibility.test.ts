import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../helpers/test-app.ts";

let app: ReturnType<typeof createTestApp>;

beforeAll(() => {
  app = createTestApp();
});
afterAll(() => app.dispose());

/** One conversation: each call is a turn in the same session. */
function conversation(citizenId?: string) {
  let sessionId: string | undefined;
  return async (message: string) => {
    const result = await app.assistant.chat({ sessionId, message, citizenId });
    sessionId = result.sessionId;
    return result.reply;
  };
}

describe("eligibility pre-check in chat", () => {
  it("asks for missing facts one or two at a time, uses what was said, then gives a cited verdict", async () => {
    const say = conversation();
    const first = await say("我社保交了两年，我能办居住证积分吗");
    expect(first.kind).toBe("answer");
    expect(first.eligibility).toMatchObject({ matterId: "residence-points", outcome: "undetermined" });
    expect(first.eligibility?.missing).not.toContain("socialInsuranceMonths");
    expect(first.text).toContain("24个月");
    expect(first.text).toContain("居住证");
    expect(first.citations[0]).toMatchObject({ matterId: "residence-points", section: "conditions" });

    const second = await say("有的");
    expect(second.eligibility?.outcome).toBe("undetermined");
    expect(second.eligibility?.missing).toEqual(["hasStableJob", "estimatedPoints"]);

    const third = await say("有工作，自测大概130分");
    expect(third.eligibility).toEqual({ matterId: "residence-points", outcome: "eligible", missing: [], failed: [] });
    expect(third.text).toContain("预判");
    expect(third.text).toContain("不是审批决定");
    expect(third.text).toMatch(/\[1\]/);
    expect(third.citations[0]).toMatchObject({ matterId: "residence-points", section: "conditions" });
  });

  it("gives a not-eligible verdict naming the failed rule and its clause", async () => {
    const say = conversation();
    await say("我能办居住证积分吗");
    const verdict = await say("没有");
    expect(verdict.eligibility).toMatchObject({
      outcome: "not-eligible",
      failed: [{ rule: "holds-valid-permit", section: "conditions" }],
    });
    expect(verdict.text).toContain("依据");
  });

  it("checks the matter in view when the citizen just says 帮我预判", async () => {
    const say = conversation();
    await say("敬老卡怎么办");
    const reply = await say("帮我预判");
    expect(reply.eligibility?.matterId).toBe("senior-card");
    const done = await say("我72岁，是上海户口");
    expect(done.eligibility?.outcome).toBe("eligible");
  });

  it("lets the citizen leave the check by asking something else", async () => {
    const say = conversation();
    const started = await say("我能办居住证积分吗");
    expect(started.eligibility?.outcome).toBe("undetermined");
    const other = await say("办居住证要什么材料");
    expect(other.eligibility).toBeUndefined();
    expect(other.citations[0]?.section).toBe("materials");
  });

  it("does not take a question about time, place or fees for an eligibility check", async () => {
    for (const message of ["居住证要多久能办好", "哪里能办居住证", "居住证能办加急吗", "公积金提取在手机上能办吗？"]) {
      expect((await conversation()(message)).eligibility).toBeUndefined();
    }
  });

  it("answers in English", async () => {
    const say = conversation();
    const reply = await say("Am I eligible for the senior card? I am 72 years old");
    expect(reply.eligibility).toMatchObject({
      matterId: "senior-card",
      outcome: "undetermined",
      missing: ["hukouShanghai"],
    });
    expect(reply.text).toMatch(/hukou/i);
  });
});
