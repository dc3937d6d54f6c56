import { fileURLToPath } from "node:url";
import express, { Router } from "express";
import { agentEventsJsonSchema } from "../realtime/agent.schema.ts";

export const CONSOLE_DIRECTORY = fileURLToPath(new URL("../../../web-widget/console/", import.meta.url));

/**
 * The hotline console page at /console/ (static files; it signs in and talks to /api/agent and the
 * `/agent` socket namespace) and the JSON Schema of the events it receives.
 */
export function consoleRoutes(): Router {
  const router = Router();
  const schema = agentEventsJsonSchema();
  router.get("/console/agent-events.schema.json", (_request, response) => {
    response.json(schema);
  });
  router.use(
    "/console",
    (_request, response, next) => {
      // The console shows citizens' (masked) conversations: never cached (CSP and framing: securityHeaders).
      response.set("cache-control", "no-store");
      next();
    },
    express.static(CONSOLE_DIRECTORY, { index: "index.html", redirect: true }),
  );
  return router;
}
