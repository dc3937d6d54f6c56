import type { Condition, FactCondition } from "../knowledge/guide.schema.ts";
import type { FactValue } from "./fact.ts";

/** Three-valued truth: undefined means "not known yet" (a fact is missing). */
export type Truth = boolean | undefined;

export interface ConditionResult {
  truth: Truth;
  /** Facts whose absence leaves the condition undetermined (empty once it is decided). */
  missing: string[];
}

const YEAR_MS = 365.2425 * 24 * 3600 * 1000;

/** Full years from an ISO date to `now`. */
export function yearsSince(isoDate: string, now: Date): number {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  let years = now.getUTCFullYear() - date.getUTCFullYear();
  const beforeAnniversary =
    now.getUTCMonth() < date.getUTCMonth() ||
    (now.getUTCMonth() === date.getUTCMonth() && now.getUTCDate() < date.getUTCDate());
  if (beforeAnniversary) years -= 1;
  return Number.isNaN(years) ? Math.floor((now.getTime() - date.getTime()) / YEAR_MS) : years;
}

function same(left: FactValue, right: string | number | boolean): boolean {
  if (typeof left === "number" || typeof right === "number") return Number(left) === Number(right);
  return String(left) === String(right);
}

function compareLeaf(condition: FactCondition, value: FactValue, now: Date): boolean {
  const target = condition.value;
  const list = Array.isArray(target) ? target : [target];
  const scalar = Array.isArray(target) ? target[0] : target;
  switch (condition.op) {
    case "eq":
      return same(value, scalar as string | number | boolean);
    case "ne":
      return !same(value, scalar as string | number | boolean);
    case "gt":
      return Number(value) > Number(scalar);
    case "gte":
      return Number(value) >= Number(scalar);
    case "lt":
      return Number(value) < Number(scalar);
    case "lte":
      return Number(value) <= Number(scalar);
    case "in":
      return list.some((item) => same(value, item));
    case "notIn":
      return !list.some((item) => same(value, item));
    case "yearsSinceGte":
      return yearsSince(String(value), now) >= Number(scalar);
    case "yearsSinceLt":
      return yearsSince(String(value), now) < Number(scalar);
    default: {
      const unknown: never = condition.op;
      throw new Error(`unknown operator ${String(unknown)}`);
    }
  }
}

const union = (lists: string[][]) => [...new Set(lists.flat())];

/**
 * Evaluates a condition tree in three-valued (Kleene) logic: `any` with one true child is true even
 * when its other children are unknown; `all` with one false child is false.
 */
export function evaluateCondition(
  condition: Condition,
  facts: Readonly<Record<string, FactValue>>,
  now: Date,
): ConditionResult {
  if ("all" in condition) {
    const results = condition.all.map((child) => evaluateCondition(child, facts, now));
    if (results.some((result) => result.truth === false)) return { truth: false, missing: [] };
    const unknown = results.filter((result) => result.truth === undefined);
    return unknown.length
      ? { truth: undefined, missing: union(unknown.map((r) => r.missing)) }
      : { truth: true, missing: [] };
  }
  if ("any" in condition) {
    const results = condition.any.map((child) => evaluateCondition(child, facts, now));
    if (results.some((result) => result.truth === true)) return { truth: true, missing: [] };
    const unknown = results.filter((result) => result.truth === undefined);
    return unknown.length
      ? { truth: undefined, missing: union(unknown.map((r) => r.missing)) }
      : { truth: false, missing: [] };
  }
  if ("not" in condition) {
    const inner = evaluateCondition(condition.not, facts, now);
    return { truth: inner.truth === undefined ? undefined : !inner.truth, missing: inner.missing };
  }
  const value = facts[condition.fact];
  if (value === undefined) return { truth: undefined, missing: [condition.fact] };
  return { truth: compareLeaf(condition, value, now), missing: [] };
}
