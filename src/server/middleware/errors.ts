import type { NextFunction, Request, Response } from "express";
import type { Logger } from "../../logging/logger.ts";
import { errorBody, HttpError } from "../http-error.ts";

interface BodyParserError extends Error {
  type?: string;
  status?: number;
}

/** One error shape for every client; internal details stay in the (masked) log. */
export function errorHandler(logger: Logger) {
  return (error: unknown, _request: Request, response: Response, _next: NextFunction) => {
    if (error instanceof HttpError) {
      response.status(error.status).json(errorBody(error.code, error.message, error.field));
      return;
    }
    const parserError = error as BodyParserError;
    if (parserError?.type === "entity.parse.failed") {
      response.status(400).json(errorBody("invalid_json", "body: not valid JSON", "body"));
      return;
    }
    if (parserError?.type === "entity.too.large") {
      response.status(413).json(errorBody("body_too_large", "body: larger than the limit", "body"));
      return;
    }
    if (parserError?.status && parserError.status >= 400 && parserError.status < 500) {
      response.status(parserError.status).json(errorBody("bad_request", parserError.message ?? "bad request"));
      return;
    }
    logger.error({ err: error }, "unhandled error");
    response.status(500).json(errorBody("internal", "internal error"));
  };
}

export function notFound(request: Request, response: Response) {
  response.status(404).json(errorBody("not_found", `no route for ${request.method} ${request.path}`));
}
