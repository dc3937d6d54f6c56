/**
 * PII masking applied before anything is stored, logged or shown to an agent.
 * Patterns are a table so a new kind of number is one row, not a new code path.
 */
interface MaskRule {
  kind: "idCard" | "phone" | "bankCard" | "email";
  pattern: RegExp;
  mask: (match: string) => string;
}

const keepEnds = (value: string, head: number, tail: number) =>
  value.slice(0, head) + "*".repeat(Math.max(0, value.length - head - tail)) + value.slice(value.length - tail);

// Lookarounds instead of \b: Chinese text has no word boundaries around digits.
const MASK_RULES: readonly MaskRule[] = [
  {
    kind: "idCard",
    pattern:
      /(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9Xx](?![0-9A-Za-z])/g,
    mask: (match) => keepEnds(match, 4, 4),
  },
  {
    kind: "bankCard",
    pattern: /(?<![0-9])(?:\d[ -]?){15,18}\d(?![0-9])/g,
    mask: (match) => keepEnds(match.replace(/[ -]/g, ""), 4, 4),
  },
  {
    kind: "phone",
    pattern: /(?<![0-9])(?:\+?86[ -]?)?1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?![0-9])/g,
    mask: (match) => {
      const digits = match.replace(/[^\d]/g, "").slice(-11);
      return `${digits.slice(0, 3)}****${digits.slice(7)}`;
    },
  },
  {
    kind: "email",
    pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g,
    mask: (match) => {
      const [local = "", domain = ""] = match.split("@");
      return `${local.slice(0, 1)}***@${domain}`;
    },
  },
];

/** Masks ID-card, bank-card, phone and email numbers in free text. */
export function maskText(text: string): string {
  let masked = text;
  for (const rule of MASK_RULES) masked = masked.replace(rule.pattern, rule.mask);
  return masked;
}

/** Masks every string inside a JSON-like value (for transcripts, tickets, reports). */
export function maskDeep<T>(value: T): T {
  if (typeof value === "string") return maskText(value) as T;
  if (Array.isArray(value)) return value.map((item) => maskDeep(item)) as T;
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = maskDeep(item);
    return out as T;
  }
  return value;
}

/** Which kinds of PII a text contains (used to refuse acting on identities typed into chat). */
export function detectPii(text: string): Array<MaskRule["kind"]> {
  const kinds: Array<MaskRule["kind"]> = [];
  let rest = text;
  // Same order as masking, each kind removed before the next looks, so an ID is not also a "bank card".
  for (const rule of MASK_RULES) {
    const next = rest.replace(rule.pattern, " ");
    if (next !== rest) kinds.push(rule.kind);
    rest = next;
  }
  return kinds;
}

/** Masks a single value by the kind of field it fills. */
export function maskField(kind: string, value: string): string {
  switch (kind) {
    case "idCard":
      return keepEnds(value, 4, 4);
    case "phone":
      return value.length >= 11 ? `${value.slice(0, 3)}****${value.slice(-4)}` : keepEnds(value, 1, 1);
    case "bankCard":
      return keepEnds(value.replace(/\s/g, ""), 4, 4);
    case "email":
      return maskText(value);
    default:
      return value;
  }
}
