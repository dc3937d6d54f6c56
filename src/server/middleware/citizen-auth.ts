import type { NextFunction, Request, Response } from "express";
import { CITIZEN_TOKEN_PREFIX, type SessionTokens } from "../../citizens/index.ts";
import { HttpError } from "../http-error.ts";

export const CITIZEN_COOKIE = "xs_citizen";
export const CITIZEN_HEADER = "x-citizen-token";

/** A citizen token from `Authorization: Bearer xsc_…`, the X-Citizen-Token header, or the session cookie. */
export function citizenToken(request: Request): string | undefined {
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.get("authorization") ?? "")?.[1];
  if (bearer?.startsWith(CITIZEN_TOKEN_PREFIX)) return bearer;
  const header = request.get(CITIZEN_HEADER);
  if (header) return header.trim();
  const cookie = (request.get("cookie") ?? "")
    .split(";")
    .map((part) => part.trim().split("="))
    .find(([name]) => name === CITIZEN_COOKIE)?.[1];
  return cookie ? decodeURIComponent(cookie) : undefined;
}

/**
 * Sets `response.locals.citizenId` from a verified session token: the only way a citizen identity
 * enters the service (never from chat text). Without a valid token the request stays anonymous.
 */
export function citizenAuth(sessions: SessionTokens) {
  return (request: Request, response: Response, next: NextFunction) => {
    const token = citizenToken(request);
    if (token) {
      const citizenId = sessions.verify(token);
      if (citizenId) response.locals.citizenId = citizenId;
      else response.locals.citizenTokenInvalid = true;
    }
    next();
  };
}

/** 401 unless a citizen is signed in. */
export function requireCitizen(_request: Request, response: Response, next: NextFunction) {
  if (typeof response.locals.citizenId === "string") return next();
  if (response.locals.citizenTokenInvalid)
    return next(
      new HttpError(
        401,
        "invalid_session",
        "the citizen session is invalid or has expired; sign in again",
        "authorization",
      ),
    );
  next(new HttpError(401, "sign_in_required", "sign in first (POST /api/session)", "authorization"));
}

export function signedInCitizen(response: Response): string {
  return response.locals.citizenId as string;
}
