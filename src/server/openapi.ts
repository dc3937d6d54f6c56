import { Router } from "express";
import { z } from "zod";
import { chatRequestSchema } from "./routes/chat.schema.ts";
import {
  auditTrailSchema,
  createDraftRequestSchema,
  draftParamsSchema,
  draftResponseSchema,
  updateDraftRequestSchema,
} from "./routes/drafts.schema.ts";
import {
  consentRecordSchema,
  consentRequestSchema,
  eligibilityObjectSchema,
  eligibilityRequestSchema,
  formSchemaResponseSchema,
  materialsPrecheckSchema,
  materialsRequestSchema,
  matterDetailSchema,
  matterIdSchema,
  matterSummarySchema,
} from "./routes/matters.schema.ts";
import { citizenSchema, sessionResponseSchema, signInRequestSchema } from "./routes/session.schema.ts";

type Schema = z.ZodType;

const errorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }) })
  .meta({ id: "Error" });

/** JSON Schema 2020-12 (the dialect of OpenAPI 3.1) straight from a zod schema. */
function jsonSchema(schema: Schema, io: "input" | "output"): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io,
    target: "draft-2020-12",
    unrepresentable: "any",
  }) as Record<string, unknown>;
  return rest;
}

const json = (schema: Schema, io: "input" | "output" = "output") => ({
  "application/json": { schema: jsonSchema(schema, io) },
});
const errorResponse = (description: string) => ({ description, content: json(errorSchema) });

interface Operation {
  summary: string;
  params?: Array<{ name: string; schema: Schema }>;
  body?: Schema;
  ok: { status: number; schema?: Schema; description: string };
  errors?: number[];
  auth?: boolean;
}

const ERROR_TEXT: Record<number, string> = {
  400: "invalid input; `error.field` names the field",
  401: "no valid citizen session",
  404: "unknown matter or draft",
  409: "not allowed in the draft's current state",
  413: "body larger than the limit",
  422: "required fields still empty",
};

function operation(spec: Operation) {
  const responses: Record<string, unknown> = {
    [spec.ok.status]: {
      description: spec.ok.description,
      ...(spec.ok.schema ? { content: json(spec.ok.schema) } : {}),
    },
  };
  for (const status of spec.errors ?? []) responses[status] = errorResponse(ERROR_TEXT[status] ?? "client error");
  return {
    summary: spec.summary,
    ...(spec.params
      ? {
          parameters: spec.params.map(({ name, schema }) => ({
            name,
            in: "path",
            required: true,
            schema: jsonSchema(schema, "input"),
          })),
        }
      : {}),
    ...(spec.body ? { requestBody: { required: true, content: json(spec.body, "input") } } : {}),
    ...(spec.auth ? { security: [{ citizenBearer: [] }, { citizenCookie: [] }] } : {}),
    responses,
  };
}

const matterParam = [{ name: "id", schema: matterIdSchema }];
const draftParam = [{ name: "id", schema: draftParamsSchema.shape.id }];

/** The OpenAPI 3.1 document of the matter API, generated from the same zod schemas the routes validate with. */
export function buildOpenApiDocument(version = "0.1.0") {
  return {
    openapi: "3.1.0",
    info: {
      title: "Xiao Shen matter API",
      version,
      description:
        "Matters (办事指南), eligibility pre-checks (申请条件预判), forms and draft applications (申请表格预填) with consent.",
    },
    servers: [{ url: "/" }],
    components: {
      securitySchemes: {
        citizenBearer: {
          type: "http",
          scheme: "bearer",
          description: "citizen session token from POST /api/session (xsc_…)",
        },
        citizenCookie: { type: "apiKey", in: "cookie", name: "xs_citizen" },
      },
    },
    paths: {
      "/api/chat": {
        post: operation({
          summary: "Ask the assistant",
          body: chatRequestSchema,
          ok: { status: 200, description: "the answer object plus sessionId" },
          errors: [400, 413],
        }),
      },
      "/api/session": {
        post: operation({
          summary: "Demo sign-in as a demo citizen",
          body: signInRequestSchema,
          ok: { status: 201, schema: sessionResponseSchema, description: "signed session token" },
          errors: [400, 404],
        }),
        get: operation({
          summary: "The signed-in citizen (masked)",
          ok: { status: 200, schema: z.object({ citizen: citizenSchema }), description: "citizen" },
          errors: [401],
          auth: true,
        }),
        delete: operation({ summary: "Sign out (clears the cookie)", ok: { status: 204, description: "signed out" } }),
      },
      "/api/matters": {
        get: operation({
          summary: "List matters",
          ok: { status: 200, schema: z.object({ matters: z.array(matterSummarySchema) }), description: "matters" },
          errors: [400],
        }),
      },
      "/api/matters/{id}": {
        get: operation({
          summary: "Read a matter",
          params: matterParam,
          ok: { status: 200, schema: matterDetailSchema, description: "matter" },
          errors: [400, 404],
        }),
      },
      "/api/matters/{id}/form": {
        get: operation({
          summary: "Read a matter's form schema",
          params: matterParam,
          ok: { status: 200, schema: formSchemaResponseSchema, description: "form schema" },
          errors: [400, 404],
        }),
      },
      "/api/matters/{id}/materials": {
        get: operation({
          summary: "Materials pre-check (申请材料预审)",
          params: matterParam,
          ok: { status: 200, schema: materialsPrecheckSchema, description: "materials" },
          errors: [400, 404],
        }),
        post: operation({
          summary: "Materials pre-check given what the citizen has",
          params: matterParam,
          body: materialsRequestSchema,
          ok: { status: 200, schema: materialsPrecheckSchema, description: "materials" },
          errors: [400, 404, 413],
        }),
      },
      "/api/matters/{id}/eligibility": {
        post: operation({
          summary: "Eligibility pre-check (a pre-judgement, not the decision)",
          params: matterParam,
          body: eligibilityRequestSchema,
          ok: { status: 200, schema: eligibilityObjectSchema, description: "the eligibility object of contract 2" },
          errors: [400, 404, 413],
        }),
      },
      "/api/matters/{id}/consent": {
        get: operation({
          summary: "Consent state for pre-filling this matter",
          params: matterParam,
          ok: { status: 200, schema: consentRecordSchema, description: "consent" },
          errors: [400, 401, 404],
          auth: true,
        }),
        post: operation({
          summary: "Grant consent to read the fields this form needs",
          params: matterParam,
          body: consentRequestSchema,
          ok: { status: 201, schema: consentRecordSchema, description: "granted" },
          errors: [400, 401, 404],
          auth: true,
        }),
        delete: operation({
          summary: "Withdraw consent",
          params: matterParam,
          ok: { status: 200, schema: consentRecordSchema, description: "withdrawn" },
          errors: [400, 401, 404],
          auth: true,
        }),
      },
      "/api/matters/{id}/drafts": {
        post: operation({
          summary: "Create a pre-filled draft for the signed-in citizen",
          params: matterParam,
          body: createDraftRequestSchema,
          ok: { status: 201, schema: draftResponseSchema, description: "draft" },
          errors: [400, 401, 404, 413],
          auth: true,
        }),
      },
      "/api/drafts": {
        get: operation({
          summary: "The signed-in citizen's drafts",
          ok: { status: 200, schema: z.object({ drafts: z.array(draftResponseSchema) }), description: "drafts" },
          errors: [401],
          auth: true,
        }),
      },
      "/api/drafts/{id}": {
        get: operation({
          summary: "Read a draft and its status",
          params: draftParam,
          ok: { status: 200, schema: draftResponseSchema, description: "draft" },
          errors: [400, 401, 404],
          auth: true,
        }),
        patch: operation({
          summary: "Update draft fields (source: citizen)",
          params: draftParam,
          body: updateDraftRequestSchema,
          ok: { status: 200, schema: draftResponseSchema, description: "draft" },
          errors: [400, 401, 404, 409, 413],
          auth: true,
        }),
      },
      "/api/drafts/{id}/confirm": {
        post: operation({
          summary: "Confirm a complete draft",
          params: draftParam,
          ok: { status: 200, schema: draftResponseSchema, description: "confirmed" },
          errors: [400, 401, 404, 409, 422],
          auth: true,
        }),
      },
      "/api/drafts/{id}/submit": {
        post: operation({
          summary: "Submit a confirmed draft (idempotent)",
          params: draftParam,
          ok: { status: 200, schema: draftResponseSchema, description: "submitted" },
          errors: [400, 401, 404, 409],
          auth: true,
        }),
      },
      "/api/drafts/{id}/audit": {
        get: operation({
          summary: "Audit trail of a draft",
          params: draftParam,
          ok: { status: 200, schema: auditTrailSchema, description: "audit trail" },
          errors: [400, 401, 404],
          auth: true,
        }),
      },
    },
  };
}

/** GET /api/openapi.json */
export function openApiRoutes(): Router {
  const router = Router();
  const document = buildOpenApiDocument();
  router.get("/api/openapi.json", (_request, response) => {
    response.json(document);
  });
  return router;
}
