import { z } from "zod";

export const draftParamsSchema = z.object({
  id: z.string().regex(/^DR-[A-Z0-9]{6,20}$/, "must be a draft id like DR-XXXXXXXXXX"),
});

export const createDraftRequestSchema = z.strictObject({
  /** A chat session of the same citizen whose facts may pre-fill the form. */
  sessionId: z
    .string()
    .regex(/^[A-Za-z0-9:_-]{8,100}$/, "must be 8–100 characters of letters, digits, ':', '_' or '-'")
    .optional(),
  lang: z.enum(["zh", "en"]).optional(),
});

const MAX_FIELDS = 40;
export const updateDraftRequestSchema = z.strictObject({
  fields: z
    .record(
      z.string().regex(/^[a-z][a-zA-Z0-9]{0,59}$/, "field names are camelCase"),
      z.union([z.string().max(200), z.number(), z.boolean(), z.null()]),
      {
        error: "is required and must be an object of field values",
      },
    )
    .refine((fields) => Object.keys(fields).length > 0, "must name at least one field")
    .refine((fields) => Object.keys(fields).length <= MAX_FIELDS, `must have at most ${MAX_FIELDS} fields`),
});

export const formObjectSchema = z
  .object({
    draftId: z.string(),
    matterId: z.string(),
    status: z.enum(["draft", "confirmed", "submitted"]),
    fields: z.array(
      z.object({
        name: z.string(),
        label: z.string(),
        value: z.string().nullable().describe("ID-card and phone values are masked"),
        source: z.enum(["profile", "conversation", "citizen", "eligibility"]),
      }),
    ),
    missing: z.array(z.string()),
  })
  .meta({ id: "Form" });

export const draftResponseSchema = z
  .object({
    form: formObjectSchema,
    receipt: z.string().optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
    confirmedAt: z.string().optional(),
    submittedAt: z.string().optional(),
    consent: z.enum(["none", "granted", "refused", "withdrawn", "expired"]).optional(),
  })
  .meta({ id: "Draft" });

export const auditTrailSchema = z
  .object({
    entries: z.array(
      z.object({
        actor: z.string(),
        action: z.string(),
        detail: z.record(z.string(), z.unknown()).optional(),
        at: z.string(),
      }),
    ),
  })
  .meta({ id: "AuditTrail" });
