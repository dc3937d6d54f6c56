import { z } from "zod";
import type { App } from "../app.ts";
import { FactExtractor, type FactValue, toKnownFacts } from "../eligibility/index.ts";
import { factOfField, formOf, prefillFields } from "../forms/index.ts";
import type { Guide, ProfileField } from "../knowledge/index.ts";
import { maskField } from "../privacy/index.ts";
import { type FlowScore, factValueSchema, notMeasured, parseFlowLines } from "./flow-scorer.ts";

const prefillLineSchema = z.looseObject({
  id: z.string().min(1),
  matterId: z.string().min(1),
  /** The consented profile (what the government record holds). */
  profile: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
  /** What the citizen said, oldest first. */
  conversation: z.union([z.string(), z.array(z.string())]).default([]),
  eligibilityFacts: z.record(z.string(), factValueSchema).default({}),
  expect: z.looseObject({ fields: z.record(z.string(), z.union([factValueSchema, z.null()])) }),
});

const text = (value: FactValue | null) => (value === null ? null : String(value));

/**
 * Pre-fill field accuracy over eval/sets/prefill.jsonl: the share of labelled fields whose value
 * `prefillFields` gives (from profile, eligibility facts and facts read from the conversation)
 * equals the label; ID-card and phone labels may be given raw or masked.
 */
export function scorePrefill(app: App, lines: unknown[] | undefined): FlowScore {
  if (!lines) return notMeasured("eval/sets/prefill.jsonl is absent");
  const extractor = new FactExtractor(app.knowledge.facts);
  let fieldsLabelled = 0;
  let fieldsRight = 0;
  const results = parseFlowLines(lines, prefillLineSchema).map(({ id, value, problem }) => {
    if (!value) return { id, passed: false, problems: [problem ?? "invalid"] };
    const problems: string[] = [];
    try {
      const guide = app.knowledge.get(value.matterId);
      if (!guide) throw new Error(`unknown matter ${value.matterId}`);
      const conversation = typeof value.conversation === "string" ? [value.conversation] : value.conversation;
      const fields = prefillFields({
        guide,
        catalogue: app.knowledge.facts,
        profile: value.profile as Partial<Record<ProfileField, string | number>>,
        eligibilityFacts: toKnownFacts(value.eligibilityFacts, "citizen"),
        conversationFacts: conversationFacts(extractor, guide, conversation, app),
      });
      for (const [name, expected] of Object.entries(value.expect.fields)) {
        fieldsLabelled += 1;
        const field = fields.find((candidate) => candidate.name === name);
        const wanted = text(expected);
        const accepted = wanted === null || !field ? [wanted] : [wanted, maskField(field.type, wanted)];
        if (field && accepted.includes(field.value)) fieldsRight += 1;
        else
          problems.push(
            `${name}: expected ${wanted ?? "empty"}, got ${field ? (field.value ?? "empty") : "no such field"}`,
          );
      }
    } catch (error) {
      problems.push(`error: ${(error as Error).message}`);
    }
    return { id, passed: problems.length === 0, problems };
  });
  return {
    accuracy: fieldsLabelled ? fieldsRight / fieldsLabelled : null,
    cases: results.length,
    passed: results.filter((result) => result.passed).length,
    results,
  };
}

/** Facts the citizen stated, looked for among the facts this form's fields take (as FormService does). */
function conversationFacts(
  extractor: FactExtractor,
  guide: Guide,
  conversation: readonly string[],
  app: App,
): Record<string, FactValue> {
  const candidates = [
    ...new Set(
      formOf(guide)
        .fields.map((field) => factOfField(field, app.knowledge.facts))
        .filter((fact): fact is string => fact !== undefined),
    ),
  ];
  const facts: Record<string, FactValue> = {};
  for (const message of conversation) Object.assign(facts, extractor.extract(message, { candidates }));
  return facts;
}
