import { Router } from "express";
import { guideIdSchema } from "../../knowledge/guide.schema.ts";
import type { KnowledgeBase } from "../../knowledge/index.ts";
import { GUIDE_STYLESHEET, renderGuidePage, renderNotFoundPage } from "./guides.page.ts";

/** GET /guides/:id — the cited guide as a server-rendered page; citations link to /guides/<id>#<section>. */
export function guideRoutes(knowledge: KnowledgeBase): Router {
  const router = Router();
  router.get("/guides/guide.css", (_request, response) => {
    response.type("text/css").setHeader("Cache-Control", "public, max-age=3600");
    response.send(GUIDE_STYLESHEET);
  });
  router.get("/guides/:id", (request, response) => {
    const id = guideIdSchema.safeParse(request.params.id);
    const guide = id.success ? knowledge.get(id.data) : undefined;
    response.type("html");
    if (!guide) {
      response.status(404).send(renderNotFoundPage(String(request.params.id)));
      return;
    }
    response.setHeader("Cache-Control", "public, max-age=300");
    response.send(renderGuidePage(guide));
  });
  return router;
}
