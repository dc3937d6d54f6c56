import type { NextFunction, Request, Response } from "express";
import type { Agent, AgentAuthService, AgentPermission } from "../../agents/index.ts";
import { toHttpError } from "./tickets.errors.ts";

/** The bearer token of a request (`Authorization: Bearer xsa_…`), if any. */
export function bearerToken(request: Request): string | undefined {
  const header = request.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}

/**
 * Lets a request through only with a signed-in agent whose role has the permission: 401 without a
 * valid agent token (a citizen's credentials are not one), 403 for a role that may not.
 */
export function requireAgent(agents: AgentAuthService, permission: AgentPermission) {
  return async (request: Request, response: Response, next: NextFunction) => {
    try {
      const agent = await agents.authenticate(bearerToken(request));
      agents.authorize(agent, permission);
      response.locals.agent = agent;
      next();
    } catch (error) {
      next(toHttpError(error));
    }
  };
}

export function currentAgent(response: Response): Agent {
  return response.locals.agent as Agent;
}

/** The actor the ticket services see for a signed-in agent. */
export function actorOf(agent: Agent, supervisor: boolean) {
  return { username: agent.username, displayName: agent.displayName, supervisor };
}
