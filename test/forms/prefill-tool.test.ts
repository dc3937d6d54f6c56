import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EligibilityTool } from "../../src/eligibility/index.ts";
import { createTestApp } from "../helpers/test-app.ts";

let app: ReturnType<typeof createTestApp>;
beforeAll(() => {
  app = createTestApp();
});
afterAll(() => app.dispose());

describe("prefill_form tool (shared by the offline flow and the LLM agent)", () => {
  it("asks for sign-in without an authenticated citizen", async () => {
    const result = await app.prefillTool.run({ matterId: "senior-card" }, { conversation: [] });
    expect(result).toEqual({ status: "sign-in-required" });
  });

  it("asks for consent naming the fields before reading anything", async () => {
    const result = await app.prefillTool.run(
      { matterId: "senior-card" },
      { citizenId: "demo-wang-fang", conversation: [] },
    );
    expect(result.status).toBe("consent-required");
    if (result.status === "consent-required") expect(result.consent.fields.length).toBeGreaterThan(0);
  });

  it("pre-fills the authenticated citizen's draft after consent, with provenance", async () => {
    const prompt = app.forms.consentPrompt("senior-card");
    await app.consents.grant({
      citizenId: "demo-wang-fang",
      matterId: "senior-card",
      fields: prompt.fields.map((field) => field.name),
      purpose: prompt.purpose,
    });
    const result = await app.prefillTool.run(
      { matterId: "senior-card" },
      { citizenId: "demo-wang-fang", conversation: ["我今年72岁"] },
    );
    expect(result.status).toBe("prefilled");
    if (result.status !== "prefilled") return;
    expect(result.form.fields.find((field) => field.name === "fullName")).toMatchObject({
      value: "王芳",
      source: "profile",
    });
    expect(result.form.fields.find((field) => field.name === "age")).toMatchObject({
      value: "72",
      source: "conversation",
    });
  });

  it("rejects a citizen id in the model's arguments: identity comes only from the server", async () => {
    await expect(
      app.prefillTool.run({ matterId: "senior-card", citizenId: "demo-li-ming" } as never, { conversation: [] }),
    ).rejects.toThrow(/citizenId/);
  });
});

describe("check_eligibility tool", () => {
  it("runs the same evaluator as the chat and the HTTP API", () => {
    const tool = new EligibilityTool(app.eligibility);
    expect(tool.run({ matterId: "senior-card", facts: { hukouShanghai: true, age: 66 } }).outcome).toBe("eligible");
    expect(() => tool.run({ matterId: "senior-card", facts: { age: "old" } })).toThrow(/facts\.age/);
  });
});
