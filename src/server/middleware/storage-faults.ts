import type { NextFunction, Request, Response } from "express";
import type { Logger } from "../../logging/logger.ts";
import { errorBody } from "../http-error.ts";

/** Seconds a caller should wait before retrying after a storage fault. */
export const STORAGE_RETRY_AFTER_SECONDS = 5;

// SQLite result codes (better-sqlite3 puts them on error.code) and errno codes of a full or failing disk.
const UNAVAILABLE = /^(SQLITE_(BUSY|LOCKED|FULL|IOERR|READONLY|CANTOPEN|PROTOCOL)|ENOSPC|EDQUOT|EROFS|EIO)/;

/** True for errors that mean "the store cannot take writes right now", not a bug in the request. */
export function isStorageUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && UNAVAILABLE.test(code);
}

/**
 * A locked database or a full disk is the service's problem, not the caller's: 503 with
 * Retry-After and a message saying what to do. Each store write is one transaction, so a retry
 * with the same clientMessageId finishes the turn without doubling anything.
 */
export function storageFaults(logger: Logger) {
  return (error: unknown, request: Request, response: Response, next: NextFunction) => {
    if (!isStorageUnavailable(error)) return next(error);
    logger.error(
      { code: (error as { code: string }).code, path: request.path, requestId: response.locals.requestId },
      "storage unavailable",
    );
    response.setHeader("Retry-After", String(STORAGE_RETRY_AFTER_SECONDS));
    response
      .status(503)
      .json(
        errorBody(
          "storage_unavailable",
          "storage is busy or full, so the request was not completed; retry shortly with the same clientMessageId",
        ),
      );
  };
}
