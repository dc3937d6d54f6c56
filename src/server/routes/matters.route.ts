import { Router } from "express";
import type { App } from "../../app.ts";
import { profileFieldsNeeded } from "../../forms/index.ts";
import { parseOrThrow, validateBody } from "../middleware/validate.ts";
import { handle } from "./matters.errors.ts";
import {
  type EligibilityRequest,
  eligibilityRequestSchema,
  materialsRequestSchema,
  matterListQuerySchema,
  matterParamsSchema,
} from "./matters.schema.ts";

/** GET /api/matters, GET /api/matters/:id, its form, materials pre-check and eligibility check (contract 3). */
export function matterRoutes(app: App): Router {
  const router = Router();
  const matterId = (params: unknown) => parseOrThrow(matterParamsSchema, params, "id").id;

  router.get(
    "/api/matters",
    handle((request, response) => {
      const { group } = parseOrThrow(matterListQuerySchema, request.query, "query");
      response.json({ matters: app.matters.list(group) });
    }),
  );

  router.get(
    "/api/matters/:id",
    handle((request, response) => {
      response.json(app.matters.get(matterId(request.params)));
    }),
  );

  router.get(
    "/api/matters/:id/form",
    handle((request, response) => {
      const guide = app.forms.guide(matterId(request.params));
      const lang = request.query.lang === "en" ? "en" : "zh";
      response.json({
        matterId: guide.id,
        title: guide.form.title,
        purpose: guide.form.purpose,
        fields: guide.form.fields,
        consent: { fields: profileFieldsNeeded(guide.form, lang), purpose: guide.form.purpose[lang] },
      });
    }),
  );

  router.get(
    "/api/matters/:id/materials",
    handle((request, response) => {
      response.json(app.matters.materials(matterId(request.params)));
    }),
  );

  router.post(
    "/api/matters/:id/materials",
    validateBody(materialsRequestSchema),
    handle((request, response) => {
      response.json(app.matters.materials(matterId(request.params), request.body.provided as string[]));
    }),
  );

  router.post(
    "/api/matters/:id/eligibility",
    validateBody(eligibilityRequestSchema),
    handle((request, response) => {
      const body = request.body as EligibilityRequest;
      response.json(app.eligibility.check(matterId(request.params), body.facts, { lang: body.lang }));
    }),
  );
  return router;
}
