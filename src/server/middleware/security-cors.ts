import type { NextFunction, Request, Response } from "express";
import { CROSS_ORIGIN_PATHS } from "./security-headers.ts";

/**
 * Endpoints the embedded widget calls from other origins. Everything else (console, matter API,
 * agent API) sends no CORS headers, so browsers refuse cross-origin reads of it.
 */
export const WIDGET_API_PATHS = ["/api/chat", "/api/session", "/api/drafts"];

const ALLOWED_HEADERS = "content-type, authorization, x-citizen-token, x-request-id";

const isWidgetPath = (path: string) =>
  WIDGET_API_PATHS.some((prefix) => path === prefix || path.startsWith(`${prefix}/`)) ||
  CROSS_ORIGIN_PATHS.some((prefix) => path.startsWith(prefix));

/** CORS for the widget's endpoints only; no credentials, so a host page cannot ride a citizen's cookies. */
export function widgetCors(request: Request, response: Response, next: NextFunction) {
  if (!isWidgetPath(request.path)) return next();
  response.setHeader("Access-Control-Allow-Origin", "*");
  if (request.method !== "OPTIONS") return next();
  response.setHeader("Access-Control-Allow-Methods", "GET, POST, PATCH, DELETE, OPTIONS");
  response.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
  response.setHeader("Access-Control-Max-Age", "600");
  response.status(204).end();
}
