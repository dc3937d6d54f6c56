import express, { type Express } from "express";
import type { App } from "../app.ts";
import { errorHandler, notFound } from "./middleware/errors.ts";
import { chatRoutes } from "./routes/chat.route.ts";

export const JSON_BODY_LIMIT = "64kb";

/** The express app: thin routes over the services the composition root built. */
export function createHttpApp(app: App): Express {
  const http = express();
  http.disable("x-powered-by");
  http.set("trust proxy", "loopback");
  http.use(express.json({ limit: JSON_BODY_LIMIT }));

  http.get("/healthz", (_request, response) => {
    response.json({ status: "ok" });
  });
  http.use(chatRoutes(app.assistant));

  http.use(notFound);
  http.use(errorHandler(app.logger));
  return http;
}
