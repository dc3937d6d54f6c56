import { join } from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ConsentService, loadDemoProfiles, ProfileService } from "../../src/citizens/index.ts";
import { FactExtractor } from "../../src/eligibility/index.ts";
import { DraftService, FormService, presentForm } from "../../src/forms/index.ts";
import { type KnowledgeBase, loadKnowledgeBase } from "../../src/knowledge/index.ts";
import { SqliteAuditStore } from "../../src/storage/sqlite/audit.store.ts";
import { SqliteConsentStore } from "../../src/storage/sqlite/consent.store.ts";
import { openDatabase, type SqliteDatabase } from "../../src/storage/sqlite/database.ts";
import { SqliteDraftStore } from "../../src/storage/sqlite/draft.store.ts";
import { SqliteProfileStore } from "../../src/storage/sqlite/profile.store.ts";
import { tempDir } from "../helpers/test-app.ts";

const RAW_ID = "340104199005123316";
let knowledge: KnowledgeBase;
let dir: ReturnType<typeof tempDir>;
let database: SqliteDatabase;
let now: Date;
let consents: ConsentService;
let forms: FormService;
let drafts: DraftService;

beforeAll(() => {
  knowledge = loadKnowledgeBase("knowledge");
});

beforeEach(async () => {
  dir = tempDir();
  database = openDatabase(join(dir.path, "test.sqlite"));
  now = new Date("2026-06-01T08:00:00Z");
  const clock = () => now;
  const audit = new SqliteAuditStore(database);
  const profileStore = new SqliteProfileStore(database);
  for (const profile of loadDemoProfiles()) await profileStore.upsert(profile);
  consents = new ConsentService(new SqliteConsentStore(database), audit, clock, 30 * 60 * 1000);
  const profiles = new ProfileService(profileStore, consents, audit, clock);
  forms = new FormService(knowledge, profiles, consents, new FactExtractor(knowledge.facts));
  drafts = new DraftService(forms, new SqliteDraftStore(database), audit, clock);
});

afterEach(() => {
  database.close();
  dir.remove();
});

const grant = (citizenId = "demo-li-ming", matterId = "residence-points") => {
  const prompt = forms.consentPrompt(matterId);
  return consents.grant({
    citizenId,
    matterId,
    fields: prompt.fields.map((field) => field.name),
    purpose: prompt.purpose,
  });
};
const value = (result: { fields: Array<{ name: string; value: string | null }> }, name: string) =>
  result.fields.find((field) => field.name === name)?.value;

describe("consent prompt", () => {
  it("names exactly the profile fields the form reads, and why", () => {
    const prompt = forms.consentPrompt("residence-points");
    expect(prompt.fields.map((field) => field.name)).toContain("idNumber");
    expect(prompt.fields.map((field) => field.name)).not.toContain("bankCard");
    expect(prompt.purpose).toMatch(/预填/);
  });
});

describe("pre-fill under consent", () => {
  it("reads no profile field without consent", async () => {
    const result = await forms.prefill({ matterId: "residence-points", citizenId: "demo-li-ming" });
    expect(result.consent.state).toBe("none");
    expect(result.fields.every((field) => field.source !== "profile")).toBe(true);
    expect(result.missing).toContain("fullName");
  });

  it("reads no profile field after the citizen refused", async () => {
    const prompt = forms.consentPrompt("residence-points");
    await consents.refuse({
      citizenId: "demo-li-ming",
      matterId: "residence-points",
      fields: prompt.fields.map((f) => f.name),
      purpose: prompt.purpose,
    });
    const result = await forms.prefill({ matterId: "residence-points", citizenId: "demo-li-ming" });
    expect(result.consent.state).toBe("refused");
    expect(value(result, "fullName")).toBeNull();
  });

  it("fills from the profile after consent, masking ID and phone, each field with provenance", async () => {
    await grant();
    const result = await forms.prefill({ matterId: "residence-points", citizenId: "demo-li-ming" });
    expect(value(result, "fullName")).toBe("李明");
    expect(value(result, "idNumber")).toBe("3401**********3316");
    expect(value(result, "phone")).toBe("138****5678");
    expect(value(result, "maritalStatus")).toBe("已婚");
    expect(JSON.stringify(result)).not.toContain(RAW_ID);
    expect(result.fields.find((field) => field.name === "fullName")?.source).toBe("profile");
  });

  it("stops reading the profile once consent is withdrawn", async () => {
    await grant();
    await consents.withdraw("demo-li-ming", "residence-points");
    const result = await forms.prefill({ matterId: "residence-points", citizenId: "demo-li-ming" });
    expect(result.consent.state).toBe("withdrawn");
    expect(value(result, "fullName")).toBeNull();
  });

  it("stops reading the profile once consent has expired", async () => {
    await grant();
    now = new Date(now.getTime() + 31 * 60 * 1000);
    const result = await forms.prefill({ matterId: "residence-points", citizenId: "demo-li-ming" });
    expect(result.consent.state).toBe("expired");
    expect(value(result, "fullName")).toBeNull();
  });

  it("reads only the consented fields (最小够用), even if the form wants more", async () => {
    await consents.grant({
      citizenId: "demo-li-ming",
      matterId: "residence-points",
      fields: ["name"],
      purpose: "test",
    });
    const result = await forms.prefill({ matterId: "residence-points", citizenId: "demo-li-ming" });
    expect(value(result, "fullName")).toBe("李明");
    expect(value(result, "idNumber")).toBeNull();
  });

  it("consent for one matter does not open another", async () => {
    await grant("demo-li-ming", "residence-points");
    const result = await forms.prefill({ matterId: "residence-permit", citizenId: "demo-li-ming" });
    expect(value(result, "fullName")).toBeNull();
  });

  it("fills fact fields from the conversation and from settled eligibility facts", async () => {
    const result = await forms.prefill({
      matterId: "unemployment-benefit",
      citizenId: "demo-zhao-lei",
      conversation: ["我上个月被裁员了", "失业保险交了三年"],
    });
    expect(result.fields.find((field) => field.name === "insuranceMonths")).toMatchObject({
      value: "36",
      source: "conversation",
    });
    expect(result.fields.find((field) => field.name === "involuntary")).toMatchObject({
      value: "true",
      source: "conversation",
    });

    const settled = await forms.prefill({
      matterId: "residence-points",
      citizenId: "demo-li-ming",
      eligibilityFacts: { estimatedPoints: { value: 125, source: "citizen" } },
    });
    expect(settled.fields.find((field) => field.name === "estimatedPoints")).toMatchObject({
      value: "125",
      source: "eligibility",
    });
  });
});

describe("draft lifecycle", () => {
  it("never submits without confirmation, and submitting twice returns the same receipt", async () => {
    await grant();
    const draft = await drafts.create({ matterId: "residence-points", citizenId: "demo-li-ming" });
    await expect(drafts.submit(draft.id, "demo-li-ming")).rejects.toThrow(/confirm/);
    await drafts.confirm(draft.id, "demo-li-ming");
    const first = await drafts.submit(draft.id, "demo-li-ming");
    const second = await drafts.submit(draft.id, "demo-li-ming");
    expect(first.receipt).toMatch(/^SQ-/);
    expect(second.receipt).toBe(first.receipt);
    const trail = await drafts.trail(draft.id, "demo-li-ming");
    expect(trail.map((entry) => entry.action)).toEqual(["created", "confirmed", "submitted"]);
  });

  it("refuses to confirm with required fields empty, naming the first one", async () => {
    const draft = await drafts.create({ matterId: "residence-points", citizenId: "demo-li-ming" });
    await expect(drafts.confirm(draft.id, "demo-li-ming")).rejects.toMatchObject({
      code: "incomplete_draft",
      field: "fields.fullName",
    });
  });

  it("an edit marks the field as the citizen's, masks it, and sends a confirmed draft back to draft", async () => {
    await grant();
    const draft = await drafts.create({ matterId: "residence-points", citizenId: "demo-li-ming" });
    await drafts.confirm(draft.id, "demo-li-ming");
    const edited = await drafts.update(draft.id, "demo-li-ming", { phone: "13911112222" });
    expect(edited.status).toBe("draft");
    expect(presentForm(edited).fields.find((field) => field.name === "phone")).toEqual({
      name: "phone",
      label: "联系电话",
      value: "139****2222",
      source: "citizen",
    });
  });

  it("hides another citizen's draft", async () => {
    const draft = await drafts.create({ matterId: "residence-points", citizenId: "demo-li-ming" });
    await expect(drafts.get(draft.id, "demo-wang-fang")).rejects.toMatchObject({ code: "draft_not_found" });
  });

  it("stores no raw ID number in SQLite", async () => {
    await grant();
    await drafts.create({ matterId: "residence-points", citizenId: "demo-li-ming" });
    const rows =
      JSON.stringify(database.prepare("SELECT * FROM drafts").all()) +
      JSON.stringify(database.prepare("SELECT * FROM audit_log").all());
    expect(rows).not.toContain(RAW_ID);
  });
});
