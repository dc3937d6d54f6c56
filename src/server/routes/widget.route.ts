import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import express, { Router } from "express";
import type { KnowledgeBase } from "../../knowledge/index.ts";

export const WIDGET_DIST_DIR = fileURLToPath(new URL("../../../web-widget/dist/", import.meta.url));
const BUILD_MODULE = new URL("../../../web-widget/build.mjs", import.meta.url).href;

let building: Promise<void> | undefined;

/** Builds the widget bundle once per process when dist/ is missing (e.g. a checkout without `npm ci`). */
export function ensureWidgetBuilt(distDir = WIDGET_DIST_DIR): Promise<void> {
  if (existsSync(`${distDir}/embed.js`)) return Promise.resolve();
  building ??= import(BUILD_MODULE)
    .then((module: { buildWidget(options?: { outdir?: string }): Promise<unknown> }) =>
      module.buildWidget({ outdir: distDir }),
    )
    .then(() => undefined)
    .finally(() => {
      building = undefined;
    });
  return building;
}

/** The widget's files at /widget/ (embed.js, the demo page) and the facts its quick answers need. */
export function widgetRoutes(knowledge: KnowledgeBase, distDir = WIDGET_DIST_DIR): Router {
  const router = Router();
  const facts = presentFacts(knowledge);
  router.get("/widget/facts.json", (_request, response) => {
    response.setHeader("Cache-Control", "public, max-age=300");
    response.json(facts);
  });
  router.use("/widget", async (_request, _response, next) => {
    await ensureWidgetBuilt(distDir);
    next();
  });
  router.use(
    "/widget",
    express.static(distDir, {
      index: "index.html",
      maxAge: "5m",
      setHeaders: (response, path) => {
        if (path.endsWith(".js")) response.setHeader("Content-Type", "text/javascript; charset=utf-8");
      },
    }),
  );
  return router;
}

/** Type, label, unit and options of each eligibility fact; the questions themselves come in replies. */
function presentFacts(knowledge: KnowledgeBase) {
  return Object.fromEntries(
    Object.entries(knowledge.facts).map(([name, fact]) => [
      name,
      {
        type: fact.type,
        label: fact.label,
        ...(fact.unit ? { unit: fact.unit } : {}),
        ...(fact.options ? { options: fact.options.map(({ value, label }) => ({ value, label })) } : {}),
      },
    ]),
  );
}
