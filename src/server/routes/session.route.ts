import { Router } from "express";
import type { App } from "../../app.ts";
import { UnknownCitizenError } from "../../citizens/index.ts";
import { CITIZEN_COOKIE, requireCitizen, signedInCitizen } from "../middleware/citizen-auth.ts";
import { validateBody } from "../middleware/validate.ts";
import { handle } from "./matters.errors.ts";
import { signInRequestSchema } from "./session.schema.ts";

/**
 * Demo sign-in: picks one of the made-up demo citizens and issues a signed session token (also set
 * as an HttpOnly cookie). A real deployment would put the city's real-name authentication here.
 */
export function sessionRoutes(app: App): Router {
  const router = Router();

  router.get(
    "/api/session/citizens",
    handle(async (_request, response) => {
      const citizens = await app.profiles.listMasked();
      response.json({ citizens: citizens.map(({ id, displayName }) => ({ id, displayName })) });
    }),
  );

  router.post(
    "/api/session",
    validateBody(signInRequestSchema),
    handle(async (request, response) => {
      const citizenId = request.body.citizenId as string;
      if (!(await app.profiles.exists(citizenId))) throw new UnknownCitizenError(citizenId);
      const { token, expiresAt } = app.sessions.issue(citizenId);
      response.cookie(CITIZEN_COOKIE, token, {
        httpOnly: true,
        sameSite: "lax",
        expires: new Date(expiresAt),
        path: "/",
      });
      response.status(201).json({ token, expiresAt, citizen: await app.profiles.summary(citizenId) });
    }),
  );

  router.get(
    "/api/session",
    requireCitizen,
    handle(async (_request, response) => {
      response.json({ citizen: await app.profiles.summary(signedInCitizen(response)) });
    }),
  );

  router.delete("/api/session", (_request, response) => {
    response.clearCookie(CITIZEN_COOKIE, { path: "/" });
    response.status(204).end();
  });
  return router;
}
