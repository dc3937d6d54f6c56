/**
 * Mechanical faithfulness check of an offline answer: every number (with its unit), quoted name and
 * listed material in the reply must occur in the text of a section the reply cites.
 */

const UNITS =
  "个工作日|工作日|个自然日|自然日|个月|个小时|小时|分钟|周岁|岁|年|月|周|天|日|万元|元|块|%|％|份|张|次|分|平方米|公里|km|days?|months?|years?|yuan|rmb";
const ARABIC_WITH_UNIT = new RegExp(`\\d+(?:[.,]\\d+)*\\s*(?:${UNITS})?`, "giu");
const CHINESE_WITH_UNIT = new RegExp(`[一二两三四五六七八九十百千万半]+\\s*(?:${UNITS})`, "gu");
const QUOTED = /[《「“『]([^》」”』\n]{2,40})[》」”』]/gu;
// "1. 本人居民身份证（原件1份…" — the material name before its bracketed details.
const LISTED_ITEM = /^\s*(?:\d+[.、)]|[-•·])\s*([^（(：:\n]{2,40})/gmu;
const LIST_ORDINAL = /^\s*\d+[.、)]\s*/gmu;
const LINE_ORDINAL = /^\d+[.、)]\s*/u;
// Parts of a reply that are links, citation markers and the like, not claims about the matter.
const NON_CLAIMS = [/\/guides\/[\w-]+(?:#[\w-]+)?/g, /\[\d+\]/g, /https?:\/\/\S+/g];

export interface Claim {
  kind: "number" | "quoted" | "material";
  text: string;
}

export interface FaithfulnessResult {
  claims: Claim[];
  /** Claims not found in any cited section. */
  unsupported: Claim[];
  faithful: boolean;
}

function compact(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\s\u3000]+/g, "")
    .toLowerCase();
}

/** The checkable claims in a reply: numbers with units, quoted names and listed materials. */
export function extractClaims(replyText: string, boilerplate: ReadonlyArray<string | RegExp> = []): Claim[] {
  const isBoilerplate = (line: string) => {
    const bare = line.trim().replace(LINE_ORDINAL, "");
    return boilerplate.some((item) => (typeof item === "string" ? item.trim() === bare : item.test(bare)));
  };
  let text = replyText
    .split("\n")
    .filter((line) => !isBoilerplate(line))
    .join("\n");
  for (const pattern of NON_CLAIMS) text = text.replace(pattern, " ");
  const claims: Claim[] = [];
  const add = (kind: Claim["kind"], value: string) => {
    // An excerpt may end mid-quote with "……": the claim is what comes before it.
    const trimmed = value
      .trim()
      .replace(/(……|\.\.\.)$/u, "")
      .replace(/[，,。；;]+$/u, "");
    if (trimmed && !claims.some((claim) => claim.kind === kind && claim.text === trimmed))
      claims.push({ kind, text: trimmed });
  };
  for (const match of text.matchAll(LISTED_ITEM)) add("material", match[1] ?? "");
  // List ordinals ("1. …") number the reply's own lines; they claim nothing.
  text = text.replace(LIST_ORDINAL, "");
  for (const match of text.matchAll(ARABIC_WITH_UNIT)) add("number", match[0]);
  for (const match of text.matchAll(CHINESE_WITH_UNIT)) add("number", match[0]);
  for (const match of text.matchAll(QUOTED)) add("quoted", match[1] ?? "");
  return claims;
}

// An English answer may give a Chinese section's figure in English units ("20 yuan" for "20元").
const ENGLISH_UNITS: Record<string, string[]> = {
  day: ["日", "天", "个工作日", "工作日", "个自然日"],
  month: ["个月", "月"],
  year: ["年", "周年"],
  yuan: ["元"],
  rmb: ["元"],
};

/** The ways a claim may be written in the Chinese source: itself, or its figure with a Chinese unit. */
function spellings(claim: Claim): string[] {
  const match = /^(\d+(?:[.,]\d+)*)\s*(days?|months?|years?|yuan|rmb)$/iu.exec(claim.text);
  if (!match) return [claim.text];
  const unit = (match[2] ?? "").toLowerCase().replace(/s$/, "");
  return [claim.text, ...(ENGLISH_UNITS[unit] ?? []).map((chinese) => `${match[1]}${chinese}`)];
}

/** Checks `replyText` against the texts of the sections it cites. */
export function checkFaithfulness(
  replyText: string,
  citedTexts: readonly string[],
  boilerplate: ReadonlyArray<string | RegExp> = [],
): FaithfulnessResult {
  const source = compact(citedTexts.join("\n"));
  const claims = extractClaims(replyText, boilerplate);
  const unsupported = claims.filter(
    (claim) => !spellings(claim).some((spelling) => source.includes(compact(spelling))),
  );
  return { claims, unsupported, faithful: unsupported.length === 0 };
}
