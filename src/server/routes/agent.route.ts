import { type NextFunction, type Request, type Response, Router } from "express";
import type { App } from "../../app.ts";
import { HttpError } from "../http-error.ts";
import { parseOrThrow, validateBody } from "../middleware/validate.ts";
import { type SignIn, signInSchema, suggestionsQuerySchema } from "./agent.schema.ts";
import { bearerToken, currentAgent, requireAgent } from "./agent-auth.ts";
import { SignInLimiter } from "./agent-sign-in.limiter.ts";
import { toHttpError } from "./tickets.errors.ts";
import { presentAgent } from "./tickets.presenter.ts";

/** Agent sign-in (POST/DELETE /api/agent/session), who am I, and suggestions for a free query. */
export function agentRoutes(app: App): Router {
  const router = Router();
  const limiter = new SignInLimiter();

  router.post("/api/agent/session", validateBody(signInSchema), async (request, response) => {
    const { username, password } = request.body as SignIn;
    const key = `${request.ip}|${username}`;
    if (limiter.blocked(key)) throw new HttpError(429, "too_many_attempts", "too many failed sign-ins; try later");
    try {
      const session = await app.agents.signIn(username, password);
      limiter.succeeded(key);
      response
        .status(201)
        .json({ token: session.token, expiresAt: session.expiresAt, agent: presentAgent(session.agent) });
    } catch (error) {
      limiter.failed(key);
      throw error;
    }
  });

  router.delete("/api/agent/session", requireAgent(app.agents, "tickets.read"), async (request, response) => {
    await app.agents.signOut(bearerToken(request) as string);
    response.status(204).end();
  });

  router.get("/api/agent/me", requireAgent(app.agents, "tickets.read"), (_request, response) => {
    response.json({ agent: presentAgent(currentAgent(response)) });
  });

  router.get("/api/agent/suggestions", requireAgent(app.agents, "tickets.read"), (request, response) => {
    const { q } = parseOrThrow(suggestionsQuerySchema, request.query, "query");
    response.json({ suggestions: app.suggester.suggest(q) });
  });

  router.use((error: unknown, _request: Request, _response: Response, next: NextFunction) => next(toHttpError(error)));
  return router;
}
