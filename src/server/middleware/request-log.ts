import { randomUUID } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import type { Logger } from "../../logging/logger.ts";
import { maskText } from "../../privacy/index.ts";

const REQUEST_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The last octet (IPv4) or the last groups (IPv6) hidden: enough to see a flood, not to name a person. */
export function coarseIp(ip: string | undefined): string {
  if (!ip) return "unknown";
  const v4 = ip.replace(/^::ffff:/, "");
  if (/^\d+\.\d+\.\d+\.\d+$/.test(v4)) return v4.replace(/\.\d+$/, ".x");
  return `${ip.split(":").slice(0, 3).join(":")}:x`;
}

/**
 * One structured line per request when its response finishes: id, method, path (masked, query
 * dropped: it may hold tokens), status, duration. Bodies and headers are never logged.
 */
export function requestLog(logger: Logger) {
  return (request: Request, response: Response, next: NextFunction) => {
    const started = performance.now();
    const header = request.headers["x-request-id"];
    const id = typeof header === "string" && REQUEST_ID.test(header) ? header : randomUUID();
    response.setHeader("X-Request-Id", id);
    response.locals.requestId = id;
    response.once("finish", () => {
      const status = response.statusCode;
      const line = {
        request: { id, method: request.method, path: maskText(request.path), ip: coarseIp(request.ip) },
        status,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
      };
      if (status >= 500) logger.error(line, "request failed");
      else if (status >= 400) logger.warn(line, "request rejected");
      else logger.info(line, "request");
    });
    next();
  };
}
