import type { FactCatalogue, FactDefinition } from "../knowledge/index.ts";
import { normalise } from "../text/index.ts";
import { directAnswer, NEGATION_BEFORE, NO_ANSWERS } from "./answer-words.ts";
import type { FactValue } from "./fact.ts";
import { convertQuantity, findQuantities, type Quantity } from "./quantity.ts";

export interface ExtractOptions {
  /** Facts worth looking for (those of the matter in question). */
  candidates: readonly string[];
  /** Facts the assistant has just asked for: a bare answer ("是的", "8个月") fills them. */
  pending?: readonly string[];
}

interface CueHit {
  start: number;
  end: number;
}

const CLAUSE_BREAK = /[，,。.;；!！?？\n]|但是|不过|另外/;
const NEAR_CUE_CHARS = 14;

/** Reads facts out of a citizen's words, driven by the fact catalogue's cues (no per-fact code). */
export class FactExtractor {
  constructor(private readonly catalogue: FactCatalogue) {}

  extract(message: string, options: ExtractOptions): Record<string, FactValue> {
    const text = normalise(message);
    const pending = options.pending ?? [];
    const found: Record<string, FactValue> = {};
    const definitions = options.candidates
      .map((name) => [name, this.catalogue[name]] as const)
      .filter((entry): entry is readonly [string, FactDefinition] => Boolean(entry[1]));

    Object.assign(found, this.numbers(text, definitions, pending));
    for (const [name, definition] of definitions) {
      if (found[name] !== undefined) continue;
      const value =
        definition.type === "boolean"
          ? this.boolean(text, definition)
          : definition.type === "enum"
            ? this.option(text, definition)
            : definition.type === "date"
              ? date(text)
              : undefined;
      if (value !== undefined) found[name] = value;
    }
    this.fillPending(text, definitions, pending, found);
    return found;
  }

  /** Assigns each quantity to the nearest cue of a fact whose unit fits, within its clause. */
  private numbers(
    text: string,
    definitions: ReadonlyArray<readonly [string, FactDefinition]>,
    pending: readonly string[],
  ): Record<string, FactValue> {
    const numeric = definitions.filter(([, definition]) => definition.type === "number");
    const found: Record<string, FactValue> = {};
    if (!numeric.length) return found;
    const quantities = findQuantities(text);
    const unassigned: Quantity[] = [];
    for (const quantity of quantities) {
      const clause = clauseAround(text, quantity);
      let best: { name: string; value: number; distance: number } | undefined;
      for (const [name, definition] of numeric) {
        if (found[name] !== undefined) continue;
        const value = convertFor(definition, quantity, bareWithCue(definition));
        if (value === undefined) continue;
        for (const hit of cueHits(text, definition.cues, clause.start, clause.end)) {
          const distance =
            hit.end <= quantity.start ? quantity.start - hit.end : Math.abs(hit.start - quantity.start) + 1;
          if (distance > NEAR_CUE_CHARS) continue;
          if (!best || distance < best.distance) best = { name, value, distance };
        }
      }
      if (best) found[best.name] = best.value;
      else unassigned.push(quantity);
    }
    // The one quantity no cue claimed answers the one numeric question just asked ("8个月", "72").
    const askedNumbers = numeric.filter(([name]) => pending.includes(name) && found[name] === undefined);
    if (askedNumbers.length === 1 && unassigned.length === 1) {
      const [[name, definition]] = askedNumbers as [readonly [string, FactDefinition]];
      const value = convertFor(definition, unassigned[0] as Quantity, true);
      if (value !== undefined) found[name] = value;
    }
    return found;
  }

  private boolean(text: string, definition: FactDefinition): boolean | undefined {
    const hits: Array<CueHit & { yes: boolean }> = [];
    for (const [cues, yes] of [
      [definition.noCues, false],
      [definition.yesCues, true],
    ] as const) {
      for (const hit of cueHits(text, cues, 0, text.length)) {
        const negated = yes && NEGATION_BEFORE.test(text.slice(Math.max(0, hit.start - 14), hit.start));
        hits.push({ ...hit, yes: negated ? false : yes });
      }
    }
    // "有工作" inside "没有工作" is not a yes: drop hits inside a longer one.
    const kept = hits.filter(
      (hit) =>
        !hits.some(
          (other) =>
            other !== hit &&
            other.start <= hit.start &&
            other.end >= hit.end &&
            other.end - other.start > hit.end - hit.start,
        ),
    );
    if (!kept.length) return undefined;
    // A later statement corrects an earlier one.
    return kept.sort((left, right) => left.start - right.start).at(-1)?.yes;
  }

  private option(text: string, definition: FactDefinition): string | undefined {
    let best: { value: string; length: number; negated: boolean } | undefined;
    for (const option of definition.options ?? []) {
      for (const cue of [...option.cues, option.label.zh]) {
        const hit = cueHits(text, [cue], 0, text.length)[0];
        if (!hit) continue;
        const negated = NEGATION_BEFORE.test(text.slice(Math.max(0, hit.start - 6), hit.start));
        if (!best || hit.end - hit.start > best.length)
          best = { value: option.value, length: hit.end - hit.start, negated };
      }
    }
    return best && !best.negated ? best.value : undefined;
  }

  /** "是的" / "没有" answers the single yes/no question just asked; "没有" to a "how long" question is 0. */
  private fillPending(
    text: string,
    definitions: ReadonlyArray<readonly [string, FactDefinition]>,
    pending: readonly string[],
    found: Record<string, FactValue>,
  ): void {
    const open = definitions.filter(([name]) => pending.includes(name) && found[name] === undefined);
    const booleans = open.filter(([, definition]) => definition.type === "boolean");
    const answer = directAnswer(text);
    if (answer !== undefined && booleans.length === 1 && open.length === 1) {
      found[(booleans[0] as readonly [string, FactDefinition])[0]] = answer;
      return;
    }
    const numbers = open.filter(([, definition]) => definition.type === "number");
    if (
      answer === false &&
      numbers.length === 1 &&
      open.length === 1 &&
      NO_ANSWERS.some((word) => text.startsWith(word))
    ) {
      found[(numbers[0] as readonly [string, FactDefinition])[0]] = 0;
    }
  }
}

function convertFor(definition: FactDefinition, quantity: Quantity, bare: boolean): number | undefined {
  // Ages are said with 岁 (or bare), never as a duration like "两年".
  const ageLike = definition.cues.includes("岁");
  if (ageLike) return quantity.unit === "age" || (!quantity.unit && bare) ? quantity.value : undefined;
  if (quantity.unit === "age") return undefined;
  return convertQuantity(quantity, definition.unit, bare);
}

/** With a cue nearby, a bare number is enough for ages, points and counts ("今年七十二", "积分130"). */
function bareWithCue(definition: FactDefinition): boolean {
  return definition.cues.includes("岁") || definition.unit === "points" || !definition.unit;
}

function clauseAround(text: string, quantity: Quantity): { start: number; end: number } {
  let start = 0;
  let end = text.length;
  const pattern = new RegExp(CLAUSE_BREAK.source, "g");
  for (const match of text.matchAll(pattern)) {
    const at = match.index ?? 0;
    if (at < quantity.start) start = at + match[0].length;
    else if (at >= quantity.end) {
      end = at;
      break;
    }
  }
  return { start, end };
}

function cueHits(text: string, cues: readonly string[], from: number, to: number): CueHit[] {
  const hits: CueHit[] = [];
  const window = text.slice(from, to);
  for (const cue of cues) {
    const needle = normalise(cue);
    if (!needle) continue;
    let index = window.indexOf(needle);
    while (index !== -1) {
      // Latin cues must stand as words ("job" is not inside "jobs"? it is fine; "work" not inside "network").
      const before = window[index - 1] ?? " ";
      const latin = /^[a-z]/.test(needle);
      if (!latin || !/[a-z]/.test(before)) hits.push({ start: from + index, end: from + index + needle.length });
      index = window.indexOf(needle, index + 1);
    }
  }
  return hits;
}

function date(text: string): string | undefined {
  const match = /(\d{4})[-年/.](\d{1,2})[-月/.](\d{1,2})日?/.exec(text);
  if (!match) return undefined;
  const [, year, month, day] = match;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
