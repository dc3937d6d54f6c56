import express, { type Express } from "express";
import type { App } from "../app.ts";
import { citizenAuth } from "./middleware/citizen-auth.ts";
import { errorHandler, notFound } from "./middleware/errors.ts";
import { limitByIp, limitBySession, rateLimiterFor } from "./middleware/rate-limit.ts";
import { requestLog } from "./middleware/request-log.ts";
import { rejectHostileBodies, rejectInvalidUtf8, rejectNonJsonBodies } from "./middleware/security-body.ts";
import { widgetCors } from "./middleware/security-cors.ts";
import { securityHeaders } from "./middleware/security-headers.ts";
import { storageFaults } from "./middleware/storage-faults.ts";
import { openApiRoutes } from "./openapi.ts";
import { agentRoutes } from "./routes/agent.route.ts";
import { chatRoutes } from "./routes/chat.route.ts";
import { consoleRoutes } from "./routes/console.route.ts";
import { draftRoutes } from "./routes/drafts.route.ts";
import { guideRoutes } from "./routes/guides.route.ts";
import { matterRoutes } from "./routes/matters.route.ts";
import { matterConsentRoutes } from "./routes/matters-consent.route.ts";
import { sessionRoutes } from "./routes/session.route.ts";
import { ticketRoutes } from "./routes/tickets.route.ts";
import { widgetRoutes } from "./routes/widget.route.ts";

export const JSON_BODY_LIMIT = "64kb";

/** The express app: thin routes over the services the composition root built. */
export function createHttpApp(app: App): Express {
  const http = express();
  http.disable("x-powered-by");
  http.set("trust proxy", "loopback");
  const limiter = rateLimiterFor(app);
  http.use(requestLog(app.logger), securityHeaders(), widgetCors);
  http.use("/api", limitByIp(limiter), rejectNonJsonBodies);
  http.use(express.json({ limit: JSON_BODY_LIMIT, verify: rejectInvalidUtf8 }));
  http.use(rejectHostileBodies);
  http.use("/api", limitBySession(limiter));
  http.use("/api", citizenAuth(app.sessions));

  http.get("/healthz", (_request, response) => {
    response.json({ status: "ok" });
  });
  http.use(chatRoutes(app.assistant));
  http.use(sessionRoutes(app), matterRoutes(app), matterConsentRoutes(app), draftRoutes(app), openApiRoutes());
  http.use(widgetRoutes(app.knowledge), guideRoutes(app.knowledge));
  http.use(agentRoutes(app), ticketRoutes(app), consoleRoutes());

  http.use(notFound);
  http.use(storageFaults(app.logger));
  http.use(errorHandler(app.logger));
  return http;
}
