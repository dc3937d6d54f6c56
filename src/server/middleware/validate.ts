import type { NextFunction, Request, Response } from "express";
import type { z } from "zod";
import { HttpError } from "../http-error.ts";

/** Parses one part of a request with a zod schema; the first issue becomes a 400 naming the field. */
export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, where = "body"): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.length ? issue.path.map(String).join(".") : where;
  throw new HttpError(400, "invalid_request", `${field}: ${issue?.message ?? "invalid"}`, field);
}

export function validateBody<T extends z.ZodType>(schema: T) {
  return (request: Request, _response: Response, next: NextFunction) => {
    request.body = parseOrThrow(schema, request.body ?? {});
    next();
  };
}
