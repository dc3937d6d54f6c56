import type { EligibilityRule } from "../knowledge/index.ts";
import { evaluateCondition } from "./condition.evaluator.ts";
import type { FactValue } from "./fact.ts";

export type EligibilityOutcome = "eligible" | "not-eligible" | "undetermined";

export interface EligibilityEvaluation {
  outcome: EligibilityOutcome;
  /** Rules that definitely fail, in guide order. */
  failed: EligibilityRule[];
  /** Rules that hold. */
  passed: EligibilityRule[];
  /** Facts still needed to decide the undecided rules, in asking order. */
  missing: string[];
}

export interface RuleBlock {
  ask?: string[];
  rules: EligibilityRule[];
}

/**
 * Evaluates every rule: any failed rule makes the outcome not-eligible (whatever else is unknown),
 * otherwise any undecided rule makes it undetermined, otherwise eligible.
 */
export function evaluateEligibility(
  block: RuleBlock,
  facts: Readonly<Record<string, FactValue>>,
  now: Date,
): EligibilityEvaluation {
  const failed: EligibilityRule[] = [];
  const passed: EligibilityRule[] = [];
  const missing = new Set<string>();
  for (const rule of block.rules) {
    const result = evaluateCondition(rule.when, facts, now);
    if (result.truth === false) failed.push(rule);
    else if (result.truth === true) passed.push(rule);
    else for (const fact of result.missing) missing.add(fact);
  }
  if (failed.length) return { outcome: "not-eligible", failed, passed, missing: [] };
  if (missing.size) return { outcome: "undetermined", failed, passed, missing: inAskingOrder([...missing], block.ask) };
  return { outcome: "eligible", failed, passed, missing: [] };
}

function inAskingOrder(missing: string[], ask: string[] = []): string[] {
  const rank = (fact: string) => {
    const index = ask.indexOf(fact);
    return index === -1 ? ask.length + missing.indexOf(fact) : index;
  };
  return [...missing].sort((left, right) => rank(left) - rank(right));
}
