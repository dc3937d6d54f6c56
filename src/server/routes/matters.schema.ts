import { z } from "zod";

/** A matter id in a path: kebab-case, as in the matter catalogue. */
export const matterIdSchema = z
  .string()
  .max(80, "must be at most 80 characters")
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be a kebab-case matter id");
export const matterParamsSchema = z.object({ id: matterIdSchema });

export const matterListQuerySchema = z.strictObject({
  group: z.enum(["personal", "enterprise", "platform"]).optional(),
});

const factValueSchema = z.union([z.boolean(), z.number(), z.string().max(40)]);
const MAX_FACTS = 40;

export const eligibilityRequestSchema = z.strictObject({
  facts: z
    .record(z.string().regex(/^[a-z][a-zA-Z0-9]{0,59}$/, "fact names are camelCase"), factValueSchema, {
      error: "is required and must be an object of fact values",
    })
    .refine((facts) => Object.keys(facts).length <= MAX_FACTS, `must have at most ${MAX_FACTS} facts`),
  lang: z.enum(["zh", "en"]).optional(),
});
export type EligibilityRequest = z.infer<typeof eligibilityRequestSchema>;

export const materialsRequestSchema = z.strictObject({
  provided: z.array(z.string().trim().min(1).max(60)).max(40, "must list at most 40 materials"),
});

export const consentRequestSchema = z.strictObject({
  purpose: z.string().trim().min(1).max(200).optional(),
});

const bilingual = z.object({ zh: z.string(), en: z.string() });

export const eligibilityObjectSchema = z
  .object({
    matterId: z.string(),
    outcome: z.enum(["eligible", "not-eligible", "undetermined"]),
    missing: z.array(z.string()).describe("fact names still needed"),
    failed: z.array(z.object({ rule: z.string(), message: z.string(), section: z.string() })),
    facts: z
      .record(z.string(), z.object({ value: factValueSchema, source: z.enum(["conversation", "profile", "citizen"]) }))
      .optional(),
    questions: z.array(z.object({ fact: z.string(), ask: z.string() })).optional(),
    notice: z.string().optional(),
    citations: z.array(z.object({ matterId: z.string(), section: z.string(), title: z.string() })).optional(),
  })
  .meta({ id: "Eligibility" });

export const matterSummarySchema = z
  .object({
    id: z.string(),
    title: bilingual,
    group: z.enum(["personal", "enterprise", "platform"]),
    department: bilingual,
    summary: bilingual,
    hasEligibility: z.boolean(),
    hasForm: z.boolean(),
  })
  .meta({ id: "MatterSummary" });

export const matterDetailSchema = matterSummarySchema
  .extend({
    related: z.array(z.string()),
    bundle: z.array(z.string()),
    materials: z.array(
      z.object({
        name: z.string(),
        form: z.string(),
        count: z.number(),
        exempt: z.boolean(),
        when: z.string().optional(),
      }),
    ),
    eligibility: z
      .object({
        rules: z.array(z.object({ id: z.string(), section: z.string(), clause: z.string(), message: bilingual })),
        facts: z.array(
          z.object({
            name: z.string(),
            type: z.string(),
            unit: z.string().optional(),
            label: bilingual,
            ask: bilingual,
            options: z.array(z.string()).optional(),
          }),
        ),
      })
      .optional(),
    sections: z.array(z.string()),
    lastVerified: z.string(),
  })
  .meta({ id: "MatterDetail" });

export const formSchemaResponseSchema = z
  .object({
    matterId: z.string(),
    title: bilingual,
    purpose: bilingual,
    fields: z.array(
      z.object({
        name: z.string(),
        label: bilingual,
        type: z.string(),
        required: z.boolean(),
        profile: z.string().optional(),
        fact: z.string().optional(),
        options: z.array(z.string()).optional(),
        hint: z.string().optional(),
      }),
    ),
    consent: z.object({ fields: z.array(z.object({ name: z.string(), label: z.string() })), purpose: z.string() }),
  })
  .meta({ id: "FormSchema" });

export const materialsPrecheckSchema = z
  .object({
    matterId: z.string(),
    items: z.array(
      z.object({
        name: z.string(),
        form: z.string(),
        count: z.number(),
        when: z.string().optional(),
        exempt: z.boolean(),
        status: z.enum(["exempt", "provided", "needed", "conditional"]),
      }),
    ),
    exempt: z.array(z.string()),
    needed: z.array(z.string()),
    conditional: z.array(z.string()),
  })
  .meta({ id: "MaterialsPrecheck" });

export const consentRecordSchema = z
  .object({
    id: z.string(),
    matterId: z.string(),
    fields: z.array(z.string()),
    purpose: z.string(),
    status: z.enum(["granted", "refused", "withdrawn"]),
    state: z.enum(["none", "granted", "refused", "withdrawn", "expired"]),
    decidedAt: z.string(),
    expiresAt: z.string(),
    withdrawnAt: z.string().optional(),
  })
  .meta({ id: "Consent" });
