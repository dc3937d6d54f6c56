import { z } from "zod";
import { bilingualSchema } from "./guide.schema.ts";
import { FACT_TYPES, PROFILE_FIELDS } from "./vocabulary.ts";

export const FACT_UNITS = ["months", "years", "points", "yuan", "people", "days"] as const;

export const factOptionSchema = z.object({
  value: z.string().min(1),
  label: bilingualSchema,
  /** Words in a citizen's message that select this option. */
  cues: z.array(z.string().min(1)).default([]),
});

/** One fact an eligibility rule can ask about (knowledge/facts.yaml). */
export const factDefinitionSchema = z.strictObject({
  type: z.enum(FACT_TYPES),
  label: bilingualSchema,
  /** The plain-words question that asks the citizen for this fact. */
  ask: bilingualSchema,
  unit: z.enum(FACT_UNITS).optional(),
  options: z.array(factOptionSchema).optional(),
  /** Profile field that can supply the fact after consent. */
  profile: z.enum(PROFILE_FIELDS).optional(),
  /** Words that show a message talks about this fact (e.g. 社保, 居住登记). */
  cues: z.array(z.string().min(1)).default([]),
  /** For boolean facts: phrases that mean yes / no. */
  yesCues: z.array(z.string().min(1)).default([]),
  noCues: z.array(z.string().min(1)).default([]),
});
export type FactDefinition = z.infer<typeof factDefinitionSchema>;

export const factCatalogueSchema = z
  .record(z.string().regex(/^[a-z][a-zA-Z0-9]*$/, "fact names are camelCase"), factDefinitionSchema)
  .superRefine((facts, context) => {
    for (const [name, fact] of Object.entries(facts)) {
      if (fact.type === "enum" && !fact.options?.length) {
        context.addIssue({ code: "custom", path: [name, "options"], message: "an enum fact needs options" });
      }
    }
  });
export type FactCatalogue = z.infer<typeof factCatalogueSchema>;
