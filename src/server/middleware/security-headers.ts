import type { NextFunction, Request, Response } from "express";
import helmet from "helmet";

/** Paths whose resources other origins load: the embed script, widget assets and cited guide pages. */
export const CROSS_ORIGIN_PATHS = ["/widget/", "/guides/"];

const isCrossOriginPath = (path: string) => CROSS_ORIGIN_PATHS.some((prefix) => path.startsWith(prefix));

const strictPolicy = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", "data:"],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

// Same-origin pages (console, matter API, health) keep the strict defaults, and nobody may frame them.
const sameOriginHeaders = helmet({
  contentSecurityPolicy: { useDefaults: false, directives: strictPolicy },
  crossOriginResourcePolicy: { policy: "same-origin" },
  referrerPolicy: { policy: "no-referrer" },
  frameguard: { action: "deny" },
});

// The widget's files run inside host pages on other origins: they must be loadable cross-origin
// (CORP) while still refusing inline script in our own documents. Framing stays off: the widget
// mounts in a shadow root, not an iframe.
const crossOriginHeaders = helmet({
  contentSecurityPolicy: { useDefaults: false, directives: strictPolicy },
  crossOriginResourcePolicy: { policy: "cross-origin" },
  crossOriginOpenerPolicy: false,
  referrerPolicy: { policy: "strict-origin-when-cross-origin" },
  frameguard: { action: "deny" },
});

/** helmet, with the widget's files made loadable from the sites that embed it. */
export function securityHeaders() {
  return (request: Request, response: Response, next: NextFunction) =>
    isCrossOriginPath(request.path)
      ? crossOriginHeaders(request, response, next)
      : sameOriginHeaders(request, response, next);
}
