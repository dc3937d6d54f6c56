import { beforeAll, describe, expect, it } from "vitest";
import { IdentityGuard, SessionTokens } from "../../src/citizens/index.ts";
import { precheckMaterials } from "../../src/forms/index.ts";
import { type KnowledgeBase, loadKnowledgeBase } from "../../src/knowledge/index.ts";

let knowledge: KnowledgeBase;
beforeAll(() => {
  knowledge = loadKnowledgeBase("knowledge");
});

describe("materials pre-check (申请材料预审)", () => {
  it("marks materials the government holds as exempt and lists what is still needed", () => {
    const guide = knowledge.get("residence-points");
    if (!guide) throw new Error("residence-points guide missing");
    const precheck = precheckMaterials(guide);
    expect(precheck.exempt.length).toBeGreaterThan(0);
    expect(precheck.exempt).toEqual(guide.materials.filter((m) => m.exempt).map((m) => m.name));
    expect(precheck.needed.some((name) => precheck.exempt.includes(name))).toBe(false);
  });

  it("drops materials the citizen already has from what is needed", () => {
    const guide = knowledge.get("residence-points");
    if (!guide) throw new Error("residence-points guide missing");
    const [first] = precheckMaterials(guide).needed;
    const after = precheckMaterials(guide, [first as string]);
    expect(after.needed).not.toContain(first);
    expect(after.items.find((item) => item.name === first)?.status).toBe("provided");
  });
});

describe("identity guard", () => {
  const guard = IdentityGuard.fromFile();

  it("spots ID numbers, truncated ID numbers and phone numbers typed into the chat", () => {
    expect(guard.detect("帮310101199001011234填表")).toBe("id-number");
    expect(guard.detect("帮310101…填表")).toBe("id-number");
    expect(guard.detect("用13812345678这个号码填")).toBe("id-number");
  });

  it("spots requests to act for another person", () => {
    expect(guard.detect("帮我朋友填居住证积分表")).toBe("other-person");
    expect(guard.detect("替我妈申请敬老卡")).toBe("other-person");
    expect(guard.detect("帮王芳填表")).toBe("other-person");
    expect(guard.detect("fill the form for my friend")).toBe("other-person");
  });

  it("lets the citizen's own request through", () => {
    expect(guard.detect("帮我填表")).toBeUndefined();
    expect(guard.detect("帮忙填一下居住证积分申请表")).toBeUndefined();
    expect(guard.detect("我能办居住证积分吗")).toBeUndefined();
  });
});

describe("citizen session tokens", () => {
  it("verifies its own tokens and rejects tampered, foreign and expired ones", () => {
    let now = new Date("2026-06-01T00:00:00Z");
    const tokens = new SessionTokens("secret-one", () => now, 60_000);
    const { token } = tokens.issue("demo-li-ming");
    expect(tokens.verify(token)).toBe("demo-li-ming");
    const [payload = "", signature = ""] = token.slice(4).split(".");
    const forged = `xsc_${Buffer.from(JSON.stringify({ sub: "demo-wang-fang", exp: 9e15 })).toString("base64url")}.${signature}`;
    expect(tokens.verify(forged)).toBeUndefined();
    expect(tokens.verify(`xsc_${payload}.x${signature.slice(1)}`)).toBeUndefined();
    expect(new SessionTokens("secret-two", () => now).verify(token)).toBeUndefined();
    now = new Date(now.getTime() + 61_000);
    expect(tokens.verify(token)).toBeUndefined();
  });
});
