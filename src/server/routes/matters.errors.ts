import type { Request, Response } from "express";
import { UnknownCitizenError } from "../../citizens/index.ts";
import { InvalidFactError, NoEligibilityRulesError, UnknownMatterError } from "../../eligibility/index.ts";
import {
  DraftNotFoundError,
  DraftStateError,
  FormError,
  IncompleteDraftError,
  InvalidFieldError,
  NoFormError,
} from "../../forms/index.ts";
import { HttpError } from "../http-error.ts";

/** Translates the domain errors of matters, eligibility, forms and citizens to HTTP; others pass through. */
export function toMatterHttpError(error: unknown): unknown {
  if (error instanceof UnknownMatterError) return new HttpError(404, error.code, error.message, "id");
  if (error instanceof NoEligibilityRulesError) return new HttpError(404, error.code, error.message, "id");
  if (error instanceof NoFormError) return new HttpError(404, error.code, error.message, "id");
  if (error instanceof InvalidFactError) return new HttpError(400, error.code, error.message, `facts.${error.fact}`);
  if (error instanceof UnknownCitizenError) return new HttpError(404, error.code, error.message, "citizenId");
  if (error instanceof DraftNotFoundError) return new HttpError(404, error.code, error.message, "id");
  if (error instanceof InvalidFieldError) return new HttpError(400, error.code, error.message, error.field);
  if (error instanceof IncompleteDraftError) return new HttpError(422, error.code, error.message, error.field);
  if (error instanceof DraftStateError) return new HttpError(409, error.code, error.message);
  if (error instanceof FormError) return new HttpError(409, error.code, error.message, error.field);
  return error;
}

/** Wraps an async handler so domain errors reach the error middleware as HTTP errors. */
export function handle(handler: (request: Request, response: Response) => Promise<void> | void) {
  return async (request: Request, response: Response) => {
    try {
      await handler(request, response);
    } catch (error) {
      throw toMatterHttpError(error);
    }
  };
}
