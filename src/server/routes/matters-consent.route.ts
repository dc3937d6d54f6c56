import { type Response, Router } from "express";
import type { App } from "../../app.ts";
import type { ConsentRecord, ConsentState } from "../../citizens/index.ts";
import { requireCitizen, signedInCitizen } from "../middleware/citizen-auth.ts";
import { parseOrThrow, validateBody } from "../middleware/validate.ts";
import { handle } from "./matters.errors.ts";
import { consentRequestSchema, matterParamsSchema } from "./matters.schema.ts";

function present(record: ConsentRecord | undefined, state: ConsentState) {
  if (!record) return { state };
  const { citizenId: _citizen, ...rest } = record;
  return { ...rest, state };
}

/**
 * Consent for reading the signed-in citizen's profile to pre-fill one matter's form:
 * GET (state), POST (grant: exactly the fields the form needs), DELETE (withdraw).
 */
export function matterConsentRoutes(app: App): Router {
  const router = Router();
  const matterId = (params: unknown) => parseOrThrow(matterParamsSchema, params, "id").id;
  const send = async (response: Response, citizenId: string, id: string, status = 200) => {
    const { state, record } = await app.consents.state(citizenId, id);
    response.status(status).json(present(record, state));
  };

  router.get(
    "/api/matters/:id/consent",
    requireCitizen,
    handle(async (request, response) => {
      const id = matterId(request.params);
      app.forms.guide(id);
      await send(response, signedInCitizen(response), id);
    }),
  );

  router.post(
    "/api/matters/:id/consent",
    requireCitizen,
    validateBody(consentRequestSchema),
    handle(async (request, response) => {
      const id = matterId(request.params);
      const prompt = app.forms.consentPrompt(id);
      const citizenId = signedInCitizen(response);
      await app.consents.grant({
        citizenId,
        matterId: id,
        fields: prompt.fields.map((field) => field.name),
        purpose: (request.body.purpose as string | undefined) ?? prompt.purpose,
      });
      await send(response, citizenId, id, 201);
    }),
  );

  router.delete(
    "/api/matters/:id/consent",
    requireCitizen,
    handle(async (request, response) => {
      const id = matterId(request.params);
      app.forms.guide(id);
      const citizenId = signedInCitizen(response);
      await app.consents.withdraw(citizenId, id);
      await send(response, citizenId, id);
    }),
  );
  return router;
}
