/**
 * Numbers with units in citizens' words: "两年" → 2 years, "8个月", "三年半", "一年多", "72岁",
 * "120分", "2 years". Units are a table so a new one is a row.
 */
import { parseChineseNumber } from "../text/numbers.ts";

/** Chinese numerals are parsed by the text module (one implementation for retrieval and facts). */
export { parseChineseNumber };

export type QuantityUnit = "months" | "years" | "age" | "points" | "yuan" | "days" | "area" | "count";

export interface Quantity {
  value: number;
  unit?: QuantityUnit;
  start: number;
  end: number;
}

const UNIT_WORDS: ReadonlyArray<[RegExp, QuantityUnit]> = [
  [/^(个多月|个半月|个月|月)/, "months"],
  [/^(周岁|岁)/, "age"],
  [/^年/, "years"],
  [/^(平方米|平米|平方|m2)/, "area"],
  [/^分/, "points"],
  [/^(元|块)/, "yuan"],
  [/^天/, "days"],
  [/^(人|口|只|条|个)/, "count"],
  [/^ ?(months?|mos?)\b/, "months"],
  [/^ ?(years? old|yrs? old)/, "age"],
  [/^ ?(years?|yrs?)\b/, "years"],
  [/^ ?(points?|pts?)\b/, "points"],
  [/^ ?(days?)\b/, "days"],
  [/^ ?(yuan|rmb)\b/, "yuan"],
  [/^ ?(square met(er|re)s?|sqm|m²)/, "area"],
];

const NUMBER = /(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万]+)/g;
const ENGLISH_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};

/** Every quantity in a (normalised) text, with its unit when one follows. */
export function findQuantities(text: string): Quantity[] {
  const quantities: Quantity[] = [];
  const source = text.replace(/\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b/g, (word) =>
    String(ENGLISH_WORDS[word]).padEnd(word.length, " "),
  );
  for (const match of source.matchAll(NUMBER)) {
    const raw = match[1] as string;
    const start = match.index ?? 0;
    let value = /\d/.test(raw) ? Number(raw) : parseChineseNumber(raw);
    if (value === undefined) continue;
    let end = start + raw.length;
    let rest = source.slice(end);
    // "一年多" / "十几年": the lower bound is what rules can rely on.
    const approximate = /^(多|几|来)/.exec(rest);
    if (approximate) {
      end += 1;
      rest = source.slice(end);
    }
    let unit: QuantityUnit | undefined;
    for (const [pattern, candidate] of UNIT_WORDS) {
      const unitMatch = pattern.exec(rest);
      if (unitMatch) {
        unit = candidate;
        end += unitMatch[0].length;
        if (unitMatch[0].includes("半")) value += 0.5;
        break;
      }
    }
    // "三年半", "一年半"
    if (unit && source.slice(end).startsWith("半")) {
      value += 0.5;
      end += 1;
    }
    // A lone 一/十 inside a word (一下, 十分) is not a quantity.
    if (!/\d/.test(raw) && !unit && raw.length === 1 && /[一十千万]/.test(raw)) continue;
    quantities.push({ value, unit, start, end });
  }
  // "半年" on its own: six months.
  for (const match of source.matchAll(/(?<![零〇一二两三四五六七八九十\d])半年/g)) {
    quantities.push({ value: 0.5, unit: "years", start: match.index ?? 0, end: (match.index ?? 0) + 2 });
  }
  return quantities.sort((left, right) => left.start - right.start);
}

/** Converts a quantity to a fact's unit; undefined when the units do not fit. */
export function convertQuantity(
  quantity: Quantity,
  factUnit: string | undefined,
  allowBare: boolean,
): number | undefined {
  const { value, unit } = quantity;
  if (!unit) return allowBare ? value : undefined;
  switch (factUnit) {
    case "months":
      if (unit === "months") return value;
      if (unit === "years") return Math.round(value * 12);
      return undefined;
    case "years":
      if (unit === "years" || unit === "age") return value;
      if (unit === "months") return Math.round((value / 12) * 10) / 10;
      return undefined;
    case "points":
      return unit === "points" ? value : undefined;
    case "yuan":
      return unit === "yuan" ? value : undefined;
    case "days":
      return unit === "days" ? value : undefined;
    case "people":
      return unit === "count" ? value : undefined;
    default:
      return unit === "count" || unit === "area" ? value : undefined;
  }
}
