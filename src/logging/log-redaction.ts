import { maskText } from "../privacy/index.ts";

/** Keys whose values never reach a log line, at any depth (auth headers, tokens, passwords, keys). */
const SECRET_KEY = /pass(word)?|token|secret|api[-_]?key|authori[sz]ation|cookie|credential|private[-_]?key/i;
// Log objects are small; anything deeper is cut rather than walked, so a hostile value cannot blow the stack.
const MAX_DEPTH = 8;

export const REDACTED = "[redacted]";

/**
 * Prepares a log object: secrets by key name become "[redacted]", errors become plain objects
 * (type, message, code, stack), and every string has its PII masked.
 */
export function redactForLog(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return maskText(value);
  if (value === null || typeof value !== "object") return value;
  if (depth >= MAX_DEPTH) return "[too deep]";
  if (value instanceof Error) return redactForLog(serialiseError(value), depth);
  if (Array.isArray(value)) return value.map((item) => redactForLog(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) && item !== undefined && item !== null ? REDACTED : redactForLog(item, depth + 1);
  }
  return out;
}

function serialiseError(error: Error): Record<string, unknown> {
  const { code, cause } = error as Error & { code?: unknown; cause?: unknown };
  return {
    type: error.name,
    message: error.message,
    ...(code === undefined ? {} : { code }),
    stack: error.stack,
    ...(cause === undefined ? {} : { cause }),
  };
}
