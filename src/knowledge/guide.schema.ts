import { z } from "zod";
import {
  CONDITION_OPERATORS,
  FORM_FIELD_TYPES,
  GUIDE_GROUPS,
  MATERIAL_FORMS,
  PROFILE_FIELDS,
  SECTION_KEYS,
} from "./vocabulary.ts";

export const guideIdSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be kebab-case (a-z, 0-9, -)");

export const bilingualSchema = z.object({
  zh: z.string().trim().min(1),
  en: z.string().trim().min(1),
});
export type Bilingual = z.infer<typeof bilingualSchema>;

const isoDateSchema = z
  .union([z.string(), z.date()])
  .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value))
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD"));

export const sourceSchema = z.object({
  url: z.url({ protocol: /^https?$/ }),
  title: z.string().trim().min(1),
  retrieved: isoDateSchema,
  /** What was taken from the source, or what is still unconfirmed. */
  note: z.string().trim().min(1).optional(),
});

export const materialSchema = z.object({
  name: z.string().trim().min(1),
  form: z.enum(MATERIAL_FORMS),
  count: z.number().int().positive().default(1),
  /** 两个免于提交: issued by a government body, so the applicant need not hand it in. */
  exempt: z.boolean().default(false),
  /** Only needed in some cases, e.g. "委托他人办理时". */
  when: z.string().trim().min(1).optional(),
  note: z.string().trim().min(1).optional(),
});
export type Material = z.infer<typeof materialSchema>;

const scalarSchema = z.union([z.string(), z.number(), z.boolean()]);

export interface FactCondition {
  fact: string;
  op: (typeof CONDITION_OPERATORS)[number];
  value: string | number | boolean | Array<string | number>;
}
export type Condition = FactCondition | { all: Condition[] } | { any: Condition[] } | { not: Condition };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({
      fact: z.string().min(1),
      op: z.enum(CONDITION_OPERATORS),
      value: z.union([scalarSchema, z.array(z.union([z.string(), z.number()]))]),
    }),
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
    z.strictObject({ not: conditionSchema }),
  ]),
);

export const eligibilityRuleSchema = z.object({
  id: guideIdSchema,
  /** The guide section the rule comes from (usually `conditions`). */
  section: z.enum(SECTION_KEYS).default("conditions"),
  /** The clause of the guide, in the guide's words, that the rule encodes. */
  clause: z.string().trim().min(1),
  message: bilingualSchema,
  when: conditionSchema,
});
export type EligibilityRule = z.infer<typeof eligibilityRuleSchema>;

export const eligibilitySchema = z.object({
  /** Optional order in which to ask for missing facts; defaults to rule order. */
  ask: z.array(z.string().min(1)).optional(),
  rules: z.array(eligibilityRuleSchema).min(1),
});
export type EligibilityBlock = z.infer<typeof eligibilitySchema>;

export const formFieldSchema = z.object({
  name: z.string().regex(/^[a-z][a-zA-Z0-9]*$/, "must be camelCase"),
  label: bilingualSchema,
  type: z.enum(FORM_FIELD_TYPES),
  required: z.boolean().default(true),
  /** Profile field to pre-fill from, after consent. */
  profile: z.enum(PROFILE_FIELDS).optional(),
  /** Eligibility fact to pre-fill from. */
  fact: z.string().min(1).optional(),
  options: z.array(z.string().min(1)).optional(),
  hint: z.string().min(1).optional(),
});
export type FormField = z.infer<typeof formFieldSchema>;

export const formSchema = z.object({
  title: bilingualSchema,
  /** Why the profile is read, shown in the consent prompt. */
  purpose: bilingualSchema,
  fields: z.array(formFieldSchema).min(1),
});
export type FormDefinition = z.infer<typeof formSchema>;

/** The YAML front matter of a guide file. */
export const frontMatterSchema = z.strictObject({
  id: guideIdSchema,
  title: bilingualSchema,
  group: z.enum(GUIDE_GROUPS),
  department: bilingualSchema,
  summary: bilingualSchema,
  aliases: z.array(z.string().trim().min(1)).min(1),
  related: z.array(guideIdSchema).default([]),
  /** Members of a "one thing" bundle. */
  bundle: z.array(guideIdSchema).default([]),
  materials: z.array(materialSchema).default([]),
  eligibility: eligibilitySchema.optional(),
  form: formSchema.optional(),
  sources: z.array(sourceSchema).min(1),
  lastVerified: isoDateSchema,
});
export type GuideFrontMatter = z.infer<typeof frontMatterSchema>;
