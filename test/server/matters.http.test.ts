import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../../src/server/server.ts";
import { createTestApp } from "../helpers/test-app.ts";

const RAW_ID = "340104199005123316";
let app: ReturnType<typeof createTestApp>;
let server: RunningServer;
let token: string;

async function call(method: string, path: string, options: { body?: unknown; raw?: string; token?: string } = {}) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const response = await fetch(`${server.url}${path}`, { method, headers, body });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, text, headers: response.headers };
}

beforeAll(async () => {
  app = createTestApp();
  server = await startServer(app, 0, "127.0.0.1");
  const session = await call("POST", "/api/session", { body: { citizenId: "demo-li-ming" } });
  token = session.body.token;
});
afterAll(async () => {
  await server.close();
  app.dispose();
});

describe("matter API", () => {
  it("lists matters and reads one with its rules, facts and materials", async () => {
    const list = await call("GET", "/api/matters");
    expect(list.status).toBe(200);
    expect(
      list.body.matters.filter((matter: { hasEligibility: boolean }) => matter.hasEligibility).length,
    ).toBeGreaterThanOrEqual(10);
    const one = await call("GET", "/api/matters/residence-points");
    expect(one.body).toMatchObject({ id: "residence-points", hasForm: true });
    expect(one.body.eligibility.facts.map((fact: { name: string }) => fact.name)).toContain("socialInsuranceMonths");
  });

  it("reads a form schema with the consent it needs, and a materials pre-check", async () => {
    const form = await call("GET", "/api/matters/senior-card/form");
    expect(form.body.fields.length).toBeGreaterThan(0);
    expect(form.body.consent.fields.map((field: { name: string }) => field.name)).toContain("idNumber");
    const materials = await call("GET", "/api/matters/senior-card/materials");
    expect(materials.body.exempt.length).toBeGreaterThan(0);
  });

  it("runs an eligibility check answering contract 2's eligibility object", async () => {
    const { status, body } = await call("POST", "/api/matters/senior-card/eligibility", {
      body: { facts: { hukouShanghai: true, age: 60 } },
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ matterId: "senior-card", outcome: "not-eligible", missing: [] });
    expect(body.failed[0]).toEqual({ rule: expect.any(String), message: expect.any(String), section: "conditions" });
  });

  it("serves an OpenAPI 3.1 document generated from the schemas", async () => {
    const { status, body } = await call("GET", "/api/openapi.json");
    expect(status).toBe(200);
    expect(body.openapi).toBe("3.1.0");
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        "/api/matters",
        "/api/matters/{id}",
        "/api/matters/{id}/eligibility",
        "/api/drafts/{id}/submit",
      ]),
    );
    const eligibility = body.paths["/api/matters/{id}/eligibility"].post;
    expect(eligibility.requestBody.content["application/json"].schema.required).toEqual(["facts"]);
  });
});

describe("draft → edit → confirm → submit over HTTP", () => {
  it("pre-fills after consent, edits, refuses to submit before confirming, then submits once", async () => {
    const consent = await call("POST", "/api/matters/residence-points/consent", { body: {}, token });
    expect(consent.status).toBe(201);
    expect(consent.body).toMatchObject({ state: "granted", fields: expect.arrayContaining(["idNumber"]) });

    const created = await call("POST", "/api/matters/residence-points/drafts", { body: {}, token });
    expect(created.status).toBe(201);
    expect(created.text).not.toContain(RAW_ID);
    const { draftId } = created.body.form;
    expect(created.body.form.fields.find((field: { name: string }) => field.name === "phone")).toMatchObject({
      value: "138****5678",
      source: "profile",
    });

    const edited = await call("PATCH", `/api/drafts/${draftId}`, {
      body: { fields: { estimatedPoints: 128, phone: "13911112222" } },
      token,
    });
    expect(edited.status).toBe(200);
    expect(edited.body.form.fields.find((field: { name: string }) => field.name === "estimatedPoints")).toMatchObject({
      value: "128",
      source: "citizen",
    });

    const early = await call("POST", `/api/drafts/${draftId}/submit`, { token });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe("not_confirmed");

    const confirmed = await call("POST", `/api/drafts/${draftId}/confirm`, { token });
    expect(confirmed.body.form.status).toBe("confirmed");
    const submitted = await call("POST", `/api/drafts/${draftId}/submit`, { token });
    const again = await call("POST", `/api/drafts/${draftId}/submit`, { token });
    expect(submitted.body.form.status).toBe("submitted");
    expect(again.body.receipt).toBe(submitted.body.receipt);

    const status = await call("GET", `/api/drafts/${draftId}`, { token });
    expect(status.body.form.status).toBe("submitted");
    const locked = await call("PATCH", `/api/drafts/${draftId}`, { body: { fields: { estimatedPoints: 1 } }, token });
    expect(locked.status).toBe(409);
    const audit = await call("GET", `/api/drafts/${draftId}/audit`, { token });
    expect(audit.body.entries.map((entry: { action: string }) => entry.action)).toEqual([
      "created",
      "updated",
      "confirmed",
      "submitted",
    ]);
    expect(audit.text).not.toContain("13911112222");
  });

  it("writes no raw demo ID or phone number to the data dir after pre-filling", async () => {
    app.database.pragma("wal_checkpoint(FULL)");
    for (const file of readdirSync(app.dataDir).filter((name) => name.startsWith("xiaoshen.sqlite"))) {
      const bytes = readFileSync(join(app.dataDir, file)).toString("utf8");
      expect(bytes.includes(RAW_ID), file).toBe(false);
      expect(bytes.includes("13812345678"), file).toBe(false);
    }
  });

  it("withdraws consent, after which a new draft has no profile values", async () => {
    await call("POST", "/api/matters/senior-card/consent", { body: {}, token });
    const withdrawn = await call("DELETE", "/api/matters/senior-card/consent", { token });
    expect(withdrawn.body.state).toBe("withdrawn");
    const draft = await call("POST", "/api/matters/senior-card/drafts", { body: {}, token });
    expect(draft.body.consent).toBe("withdrawn");
    expect(draft.body.form.fields.every((field: { source: string }) => field.source !== "profile")).toBe(true);
  });

  it("keeps one citizen's drafts from another", async () => {
    const created = await call("POST", "/api/matters/residence-points/drafts", { body: {}, token });
    const other = (await call("POST", "/api/session", { body: { citizenId: "demo-wang-fang" } })).body.token;
    const peek = await call("GET", `/api/drafts/${created.body.form.draftId}`, { token: other });
    expect(peek.status).toBe(404);
  });

  it("pre-fills a draft from the facts of the citizen's own chat pre-check, marked as eligibility facts", async () => {
    const chat = (message: string, sessionId?: string) =>
      call("POST", "/api/chat", { body: { message, ...(sessionId ? { sessionId } : {}) }, token });
    const first = await chat("我能办居住证积分吗");
    const sessionId = first.body.sessionId as string;
    for (const answer of ["有的", "有工作", "社保交了两年，自测130分"]) await chat(answer, sessionId);
    const draft = await call("POST", "/api/matters/residence-points/drafts", { body: { sessionId }, token });
    expect(draft.body.form.fields.find((field: { name: string }) => field.name === "estimatedPoints")).toMatchObject({
      value: "130",
      source: "eligibility",
    });
    const stranger = (await call("POST", "/api/session", { body: { citizenId: "demo-zhao-lei" } })).body.token;
    const borrowed = await call("POST", "/api/matters/residence-points/drafts", {
      body: { sessionId },
      token: stranger,
    });
    expect(
      borrowed.body.form.fields.find((field: { name: string }) => field.name === "estimatedPoints").value,
    ).toBeNull();
  });

  it("lets the chat act for the signed-in citizen of the token", async () => {
    const first = await call("POST", "/api/chat", { body: { message: "居住证帮我填表" }, token });
    expect(first.body.consent.matterId).toBe("residence-permit");
    const second = await call("POST", "/api/chat", {
      body: { sessionId: first.body.sessionId, message: "同意" },
      token,
    });
    expect(second.body.form.fields.find((field: { name: string }) => field.name === "fullName").value).toBe("李明");
  });
});

describe("bad input is answered 4xx naming the field", () => {
  const cases: Array<[string, string, { body?: unknown; raw?: string; auth?: boolean }, number, string]> = [
    ["GET", "/api/matters?group=aliens", {}, 400, "group"],
    ["GET", "/api/matters/no-such-matter", {}, 404, "id"],
    ["GET", "/api/matters/Bad_Id!", {}, 400, "id"],
    ["GET", "/api/matters/platform-overview/form", {}, 404, "id"],
    ["GET", "/api/matters/no-such-matter/materials", {}, 404, "id"],
    ["POST", "/api/matters/no-such-matter/materials", { body: { provided: [] } }, 404, "id"],
    ["POST", "/api/matters/senior-card/materials", { body: { provided: "身份证" } }, 400, "provided"],
    ["POST", "/api/matters/senior-card/eligibility", { body: {} }, 400, "facts"],
    ["POST", "/api/matters/senior-card/eligibility", { body: { facts: [] } }, 400, "facts"],
    ["POST", "/api/matters/senior-card/eligibility", { body: { facts: { age: "old" } } }, 400, "facts.age"],
    [
      "POST",
      "/api/matters/senior-card/eligibility",
      { body: { facts: { hukouShanghai: "yes" } } },
      400,
      "facts.hukouShanghai",
    ],
    ["POST", "/api/matters/senior-card/eligibility", { body: { facts: { madeUp: true } } }, 400, "facts.madeUp"],
    ["POST", "/api/matters/senior-card/eligibility", { body: { facts: {}, extra: 1 } }, 400, "body"],
    ["POST", "/api/matters/no-such-matter/eligibility", { body: { facts: {} } }, 404, "id"],
    ["POST", "/api/matters/platform-overview/eligibility", { body: { facts: {} } }, 404, "id"],
    ["POST", "/api/matters/senior-card/eligibility", { raw: "{nope" }, 400, "body"],
    [
      "POST",
      "/api/matters/senior-card/eligibility",
      { raw: JSON.stringify({ facts: { age: 1 }, pad: "x".repeat(70_000) }) },
      413,
      "body",
    ],
    ["POST", "/api/session", { body: {} }, 400, "citizenId"],
    ["POST", "/api/session", { body: { citizenId: 42 } }, 400, "citizenId"],
    ["POST", "/api/session", { body: { citizenId: "nobody-here" } }, 404, "citizenId"],
    ["GET", "/api/session", {}, 401, "authorization"],
    ["POST", "/api/matters/senior-card/drafts", { body: {} }, 401, "authorization"],
    ["POST", "/api/matters/senior-card/drafts", { body: { sessionId: 7 }, auth: true }, 400, "sessionId"],
    ["POST", "/api/matters/no-such-matter/drafts", { body: {}, auth: true }, 404, "id"],
    ["POST", "/api/matters/platform-overview/drafts", { body: {}, auth: true }, 404, "id"],
    ["POST", "/api/matters/senior-card/consent", { body: { purpose: 5 }, auth: true }, 400, "purpose"],
    ["POST", "/api/matters/no-such-matter/consent", { body: {}, auth: true }, 404, "id"],
    ["DELETE", "/api/matters/senior-card/consent", {}, 401, "authorization"],
    ["GET", "/api/drafts/not-a-draft", { auth: true }, 400, "id"],
    ["GET", "/api/drafts/DR-AAAAAAAAAA", { auth: true }, 404, "id"],
    ["PATCH", "/api/drafts/DR-AAAAAAAAAA", { body: {}, auth: true }, 400, "fields"],
    ["PATCH", "/api/drafts/DR-AAAAAAAAAA", { body: { fields: {} }, auth: true }, 400, "fields"],
    ["PATCH", "/api/drafts/DR-AAAAAAAAAA", { body: { fields: { phone: ["x"] } }, auth: true }, 400, "fields.phone"],
    ["POST", "/api/drafts/DR-AAAAAAAAAA/confirm", { auth: true }, 404, "id"],
    ["POST", "/api/drafts/DR-AAAAAAAAAA/submit", { auth: true }, 404, "id"],
    ["GET", "/api/drafts/DR-AAAAAAAAAA/audit", { auth: true }, 404, "id"],
  ];

  for (const [method, path, options, status, field] of cases) {
    it(`${method} ${path} ${options.raw ? "(raw body)" : JSON.stringify(options.body ?? "").slice(0, 60)} → ${status} naming ${field}`, async () => {
      const response = await call(method, path, {
        body: options.body,
        raw: options.raw,
        token: options.auth ? token : undefined,
      });
      expect(response.status).toBe(status);
      expect(response.body.error.field).toBe(field);
      expect(response.body.error.code).toEqual(expect.any(String));
    });
  }

  it("checks field values against the form: wrong format, unknown field, bad enum option", async () => {
    const created = await call("POST", "/api/matters/marriage-registration/drafts", { body: {}, token });
    const id = created.body.form.draftId;
    for (const [fields, field] of [
      [{ partnerIdNumber: "12345" }, "fields.partnerIdNumber"],
      [{ phone: "not a phone" }, "fields.phone"],
      [{ gender: "其他" }, "fields.gender"],
      [{ birthDate: "yesterday" }, "fields.birthDate"],
      [{ notAField: "x" }, "fields.notAField"],
    ] as const) {
      const response = await call("PATCH", `/api/drafts/${id}`, { body: { fields }, token });
      expect(response.status).toBe(400);
      expect(response.body.error.field).toBe(field);
    }
    const incomplete = await call("POST", `/api/drafts/${id}/confirm`, { token });
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.error.field).toMatch(/^fields\./);
  });

  it("rejects a forged session token with 401", async () => {
    const response = await call("GET", "/api/session", { token: `${token.slice(0, -3)}abc` });
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe("invalid_session");
  });
});
