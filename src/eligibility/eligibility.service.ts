import type { EligibilityRule, Guide, KnowledgeBase } from "../knowledge/index.ts";
import { sectionTitle } from "../knowledge/index.ts";
import { type EligibilityEvaluation, type EligibilityOutcome, evaluateEligibility } from "./eligibility.evaluator.ts";
import { NoEligibilityRulesError, UnknownMatterError } from "./errors.ts";
import { type FactValue, type KnownFact, type KnownFacts, toKnownFacts } from "./fact.ts";
import { validateFactValue } from "./fact-validation.ts";

/** The `eligibility` object of contract 2, plus optional extensions (facts used, notice, citations). */
export interface EligibilityCheck {
  matterId: string;
  outcome: EligibilityOutcome;
  missing: string[];
  failed: Array<{ rule: string; message: string; section: string }>;
  /** The facts the check used, each with where it came from. */
  facts?: KnownFacts;
  /** Plain-words questions for the missing facts, in asking order. */
  questions?: Array<{ fact: string; ask: string }>;
  /** A pre-judgement, not the decision. */
  notice?: string;
  citations?: Array<{ matterId: string; section: string; title: string }>;
}

const NOTICE = {
  zh: "以上为根据您提供的信息作出的预判，不是审批决定，最终以受理部门审核为准。",
  en: "This is a pre-judgement from what you told us, not the decision; the handling department decides.",
};

export interface CheckOptions {
  lang?: "zh" | "en";
  /** Source given to bare values (default: a direct citizen answer). */
  source?: KnownFact["source"];
}

/** Runs a matter's eligibility rules over the facts known so far. */
export class EligibilityService {
  constructor(
    private readonly knowledge: KnowledgeBase,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** The guide of a matter that has eligibility rules; typed errors otherwise. */
  guideWithRules(matterId: string): Guide & { eligibility: NonNullable<Guide["eligibility"]> } {
    const guide = this.knowledge.get(matterId);
    if (!guide) throw new UnknownMatterError(matterId);
    if (!guide.eligibility) throw new NoEligibilityRulesError(matterId);
    return guide as Guide & { eligibility: NonNullable<Guide["eligibility"]> };
  }

  hasRules(matterId: string): boolean {
    return Boolean(this.knowledge.get(matterId)?.eligibility);
  }

  /** Facts the matter's rules can use, in asking order. */
  factsOf(matterId: string): string[] {
    const guide = this.guideWithRules(matterId);
    const names = new Set(guide.eligibility.ask ?? []);
    for (const rule of guide.eligibility.rules) for (const name of factNames(rule.when)) names.add(name);
    return [...names];
  }

  /** Validates the facts against the catalogue (InvalidFactError names a bad one) and evaluates. */
  check(
    matterId: string,
    facts: Record<string, FactValue | KnownFact> = {},
    options: CheckOptions = {},
  ): EligibilityCheck {
    const guide = this.guideWithRules(matterId);
    const known = toKnownFacts(facts, options.source ?? "citizen");
    const values: Record<string, FactValue> = {};
    for (const [name, fact] of Object.entries(known)) {
      values[name] = validateFactValue(this.knowledge.facts, name, fact.value);
    }
    const evaluation = evaluateEligibility(guide.eligibility, values, this.clock());
    return this.present(guide, evaluation, known, options.lang ?? "zh");
  }

  private present(
    guide: Guide,
    evaluation: EligibilityEvaluation,
    facts: KnownFacts,
    lang: "zh" | "en",
  ): EligibilityCheck {
    const cited = evaluation.outcome === "not-eligible" ? evaluation.failed : (guide.eligibility?.rules ?? []);
    const sections = [...new Set(cited.map((rule) => rule.section))];
    return {
      matterId: guide.id,
      outcome: evaluation.outcome,
      missing: evaluation.missing,
      failed: evaluation.failed.map((rule) => ({ rule: rule.id, message: rule.message[lang], section: rule.section })),
      facts,
      questions: evaluation.missing.map((fact) => ({ fact, ask: this.knowledge.fact(fact)?.ask[lang] ?? fact })),
      notice: NOTICE[lang],
      citations: sections.map((section) => ({
        matterId: guide.id,
        section,
        title: sectionTitle(guide, section, lang),
      })),
    };
  }

  /** The rules of a matter, for explaining a verdict. */
  rulesOf(matterId: string): EligibilityRule[] {
    return this.guideWithRules(matterId).eligibility.rules;
  }
}

function factNames(condition: EligibilityRule["when"]): string[] {
  if ("all" in condition) return condition.all.flatMap(factNames);
  if ("any" in condition) return condition.any.flatMap(factNames);
  if ("not" in condition) return factNames(condition.not);
  return [condition.fact];
}
