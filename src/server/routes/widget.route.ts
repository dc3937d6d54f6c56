import { existsSync, readdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import express, { Router } from "express";
import type { KnowledgeBase } from "../../knowledge/index.ts";

export const WIDGET_DIST_DIR = fileURLToPath(new URL("../../../web-widget/dist/", import.meta.url));
const WIDGET_SOURCE_DIR = fileURLToPath(new URL("../../../web-widget/src/", import.meta.url));
const BUILD_MODULE = new URL("../../../web-widget/build.mjs", import.meta.url).href;

let building: Promise<void> | undefined;
const checked = new Set<string>();

/** True when the bundle is missing or older than a widget source file (an edited checkout). */
function isStale(distDir: string): boolean {
  const bundle = `${distDir}/embed.js`;
  if (!existsSync(bundle)) return true;
  if (!existsSync(WIDGET_SOURCE_DIR)) return false;
  const builtAt = statSync(bundle).mtimeMs;
  return readdirSync(WIDGET_SOURCE_DIR).some((file) => statSync(`${WIDGET_SOURCE_DIR}${file}`).mtimeMs > builtAt);
}

/** Builds the widget bundle when dist/ is missing or stale, checked once per process and directory. */
export function ensureWidgetBuilt(distDir = WIDGET_DIST_DIR): Promise<void> {
  if (checked.has(distDir)) return building ?? Promise.resolve();
  checked.add(distDir);
  if (!isStale(distDir)) return Promise.resolve();
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

const isChinese = (cue: string) => /[\u4e00-\u9fff]/.test(cue);

/** The first cue of each language: a quick answer that names its fact, so it is clear with two questions open. */
function answerPhrases(cues: string[]): { zh: string; en: string } | undefined {
  const zh = cues.find(isChinese);
  const en = cues.find((cue) => !isChinese(cue));
  return zh && en ? { zh, en } : undefined;
}

/** Type, label, unit, options and yes/no phrases of each eligibility fact; the questions come in replies. */
function presentFacts(knowledge: KnowledgeBase) {
  return Object.fromEntries(
    Object.entries(knowledge.facts).map(([name, fact]) => {
      const yes = answerPhrases(fact.yesCues);
      const no = answerPhrases(fact.noCues);
      return [
        name,
        {
          type: fact.type,
          label: fact.label,
          ...(fact.unit ? { unit: fact.unit } : {}),
          ...(fact.options ? { options: fact.options.map(({ value, label }) => ({ value, label })) } : {}),
          ...(yes && no ? { answers: { yes, no } } : {}),
        },
      ];
    }),
  );
}
