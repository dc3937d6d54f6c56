import type { NextFunction, Request, Response } from "express";
import { HttpError } from "../http-error.ts";

/** Deeper than any body the API accepts; stops stack-hungry walks and zod on hostile nesting. */
export const MAX_BODY_DEPTH = 16;

// Keys that reach Object.prototype through naive merges; no schema of ours uses them.
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);
// Without the u flag the regex sees UTF-16 code units, so unpaired halves are visible.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// C0 controls except tab/newline/carriage return, DEL, and the bidi overrides of "Trojan Source".
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's job.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/;

export interface HostileValue {
  code: "too_deep" | "forbidden_key" | "control_characters" | "invalid_unicode";
  field: string;
  message: string;
}

/**
 * Finds the first thing in a parsed JSON value that no endpoint should accept: nesting deeper than
 * MAX_BODY_DEPTH, prototype keys, control characters or lone surrogates. Shared by HTTP and sockets.
 */
export function findHostileValue(value: unknown, path: string[] = [], depth = 0): HostileValue | undefined {
  const field = path.length ? path.join(".") : "body";
  if (typeof value === "string") {
    if (LONE_SURROGATE.test(value))
      return { code: "invalid_unicode", field, message: `${field}: contains a lone surrogate` };
    if (CONTROL_CHARACTERS.test(value))
      return { code: "control_characters", field, message: `${field}: contains control characters` };
    return undefined;
  }
  if (value === null || typeof value !== "object") return undefined;
  if (depth >= MAX_BODY_DEPTH)
    return { code: "too_deep", field, message: `${field}: nested deeper than ${MAX_BODY_DEPTH} levels` };
  for (const [key, item] of Object.entries(value)) {
    const keyPath = [...path, key];
    if (FORBIDDEN_KEYS.has(key))
      return { code: "forbidden_key", field: keyPath.join("."), message: `${keyPath.join(".")}: key not allowed` };
    const keyProblem = findHostileValue(key, keyPath, depth + 1);
    if (keyProblem) return keyProblem;
    const found = findHostileValue(item, keyPath, depth + 1);
    if (found) return found;
  }
  return undefined;
}

const METHODS_WITH_BODY = new Set(["POST", "PUT", "PATCH"]);

/**
 * 415 for a body that is not JSON (every endpoint speaks JSON, so anything else is a mistake or a
 * probe) and 400 for a DELETE with a body (none takes one; a body there is never what was meant).
 */
export function rejectNonJsonBodies(request: Request, _response: Response, next: NextFunction) {
  const hasBody =
    Number(request.headers["content-length"] ?? 0) > 0 || request.headers["transfer-encoding"] !== undefined;
  if (request.method === "DELETE" && hasBody)
    return next(new HttpError(400, "body_not_allowed", "body: DELETE takes no body", "body"));
  if (!METHODS_WITH_BODY.has(request.method) || !hasBody || request.is("application/json")) return next();
  next(new HttpError(415, "unsupported_media_type", "body: must be sent as application/json", "body"));
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** express.json `verify` hook: invalid UTF-8 is refused instead of silently becoming U+FFFD. */
export function rejectInvalidUtf8(_request: Request, _response: Response, body: Buffer): void {
  try {
    strictUtf8.decode(body);
  } catch {
    throw new HttpError(400, "invalid_encoding", "body: not valid UTF-8", "body");
  }
}

/** After JSON parsing: a hostile body gets a 400 naming the field before any route sees it. */
export function rejectHostileBodies(request: Request, _response: Response, next: NextFunction) {
  const found = request.body === undefined ? undefined : findHostileValue(request.body);
  if (!found) return next();
  next(new HttpError(400, found.code, found.message, found.field));
}
