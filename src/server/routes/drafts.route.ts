import { Router } from "express";
import type { App } from "../../app.ts";
import { eligibilityState } from "../../assistant/flows/index.ts";
import { type Draft, presentForm } from "../../forms/index.ts";
import { requireCitizen, signedInCitizen } from "../middleware/citizen-auth.ts";
import { parseOrThrow, validateBody } from "../middleware/validate.ts";
import { createDraftRequestSchema, draftParamsSchema, updateDraftRequestSchema } from "./drafts.schema.ts";
import { handle } from "./matters.errors.ts";
import { matterParamsSchema } from "./matters.schema.ts";

function present(draft: Draft, consent?: string) {
  return {
    form: presentForm(draft),
    ...(draft.receipt ? { receipt: draft.receipt } : {}),
    createdAt: draft.createdAt,
    updatedAt: draft.updatedAt,
    ...(draft.confirmedAt ? { confirmedAt: draft.confirmedAt } : {}),
    ...(draft.submittedAt ? { submittedAt: draft.submittedAt } : {}),
    ...(consent ? { consent } : {}),
  };
}

/** Draft applications of the signed-in citizen: pre-fill, edit, confirm, submit (only after confirm). */
export function draftRoutes(app: App): Router {
  const router = Router();
  const draftId = (params: unknown) => parseOrThrow(draftParamsSchema, params, "id").id;

  router.post(
    "/api/matters/:id/drafts",
    requireCitizen,
    validateBody(createDraftRequestSchema),
    handle(async (request, response) => {
      const matterId = parseOrThrow(matterParamsSchema, request.params, "id").id;
      const citizenId = signedInCitizen(response);
      app.forms.guide(matterId);
      // Facts from a chat session count only when that session belongs to the same citizen.
      const session = request.body.sessionId ? await app.assistant.session(request.body.sessionId) : undefined;
      const memory = session?.citizenId === citizenId ? eligibilityState(session) : undefined;
      const draft = await app.drafts.create({
        matterId,
        citizenId,
        conversation: memory?.heard ?? [],
        eligibilityFacts: memory?.settled[matterId],
        lang: request.body.lang,
      });
      const { state } = await app.consents.state(citizenId, matterId);
      response.status(201).json(present(draft, state));
    }),
  );

  router.get(
    "/api/drafts",
    requireCitizen,
    handle(async (_request, response) => {
      const drafts = await app.drafts.list(signedInCitizen(response));
      response.json({ drafts: drafts.map((draft) => present(draft)) });
    }),
  );

  router.get(
    "/api/drafts/:id",
    requireCitizen,
    handle(async (request, response) => {
      response.json(present(await app.drafts.get(draftId(request.params), signedInCitizen(response))));
    }),
  );

  router.patch(
    "/api/drafts/:id",
    requireCitizen,
    validateBody(updateDraftRequestSchema),
    handle(async (request, response) => {
      const id = draftId(request.params);
      response.json(present(await app.drafts.update(id, signedInCitizen(response), request.body.fields)));
    }),
  );

  router.post(
    "/api/drafts/:id/confirm",
    requireCitizen,
    handle(async (request, response) => {
      response.json(present(await app.drafts.confirm(draftId(request.params), signedInCitizen(response))));
    }),
  );

  router.post(
    "/api/drafts/:id/submit",
    requireCitizen,
    handle(async (request, response) => {
      response.json(present(await app.drafts.submit(draftId(request.params), signedInCitizen(response))));
    }),
  );

  router.get(
    "/api/drafts/:id/audit",
    requireCitizen,
    handle(async (request, response) => {
      const entries = await app.drafts.trail(draftId(request.params), signedInCitizen(response));
      response.json({ entries: entries.map(({ actor, action, detail, at }) => ({ actor, action, detail, at })) });
    }),
  );
  return router;
}
