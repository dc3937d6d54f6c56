import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../helpers/test-app.ts";

const RAW_ID = "340104199005123316";
let app: ReturnType<typeof createTestApp>;

beforeAll(() => {
  app = createTestApp();
});
afterAll(() => app.dispose());

function conversation(citizenId?: string) {
  let sessionId: string | undefined;
  return async (message: string) => {
    const result = await app.assistant.chat({ sessionId, message, citizenId });
    sessionId = result.sessionId;
    return result.reply;
  };
}

describe("form pre-fill in chat", () => {
  it("asks an anonymous citizen to sign in first", async () => {
    const reply = await conversation()("居住证积分帮我填表");
    expect(reply.kind).toBe("answer");
    expect(reply.form).toBeUndefined();
    expect(reply.text).toContain("登录");
  });

  it("asks consent naming the fields and purpose, then pre-fills only after consent, masked", async () => {
    const say = conversation("demo-li-ming");
    const ask = await say("居住证积分帮我填表");
    expect(ask.consent).toMatchObject({ matterId: "residence-points", purpose: expect.stringContaining("预填") });
    expect(ask.consent?.fields.map((field) => field.name)).toContain("idNumber");
    expect(ask.form).toBeUndefined();
    expect(ask.text).toContain("公民身份号码");

    const filled = await say("同意");
    expect(filled.form).toMatchObject({ matterId: "residence-points", status: "draft" });
    const idField = filled.form?.fields.find((field) => field.name === "idNumber");
    expect(idField).toMatchObject({ value: "3401**********3316", source: "profile" });
    expect(JSON.stringify(filled)).not.toContain(RAW_ID);
    expect(filled.text).toContain("两个免于提交");
    expect(filled.text).toContain("未经您确认");

    const confirmed = await say("确认");
    expect(confirmed.form?.status).toBe("confirmed");
    const submitted = await say("提交");
    expect(submitted.form?.status).toBe("submitted");
  });

  it("makes a draft without profile data when consent is refused", async () => {
    const say = conversation("demo-wang-fang");
    await say("敬老卡帮我填表");
    const reply = await say("不同意");
    expect(reply.form?.fields.every((field) => field.source !== "profile")).toBe(true);
    expect(reply.form?.missing).toContain("fullName");
  });

  it("withdraws consent on request, after which the profile is not read", async () => {
    const say = conversation("demo-wang-fang");
    await say("敬老卡帮我填表");
    await say("同意");
    const withdrawn = await say("撤回授权");
    expect(withdrawn.text).toContain("撤回");
    expect(await app.consents.active("demo-wang-fang", "senior-card")).toBeUndefined();
    const again = await say("敬老卡帮我填表");
    expect(again.consent).toBeDefined();
    expect(again.form).toBeUndefined();
  });

  it("refuses to fill a form for an ID number or another person typed into the chat", async () => {
    const say = conversation("demo-li-ming");
    for (const message of ["帮310101199001011234填居住证积分表", "帮310101…填表", "帮我朋友填居住证积分申请表"]) {
      const reply = await say(message);
      expect(reply.kind).toBe("refuse");
      expect(reply.form).toBeUndefined();
      expect(reply.consent).toBeUndefined();
    }
  });

  it("never takes the identity from the chat: the signed-in citizen's draft stays theirs", async () => {
    const say = conversation("demo-liu-yang");
    await say("居住证帮我填表");
    const filled = await say("同意");
    expect(filled.form?.fields.find((field) => field.name === "fullName")?.value).toBe("刘洋");
  });
});
