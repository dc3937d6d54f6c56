import { z } from "zod";
import type { KnownFacts } from "../eligibility/index.ts";
import type { DraftService } from "./draft.service.ts";
import { type FormObject, presentForm } from "./form.presenter.ts";
import type { ConsentPrompt, FormService } from "./form.service.ts";

export const prefillToolArgsSchema = z.strictObject({
  matterId: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be a matter id"),
  lang: z.enum(["zh", "en"]).optional(),
});
export type PrefillToolArgs = z.infer<typeof prefillToolArgsSchema>;

/** What the tool knows from the server and the conversation, never from the model's arguments. */
export interface PrefillToolContext {
  /** The authenticated citizen (server auth), or undefined when nobody is signed in. */
  citizenId?: string;
  conversation: readonly string[];
  eligibilityFacts?: KnownFacts;
  /** The citizen has just declined consent: make a draft without the profile instead of asking again. */
  consentDeclined?: boolean;
}

export type PrefillToolResult =
  | { status: "sign-in-required" }
  | { status: "consent-required"; consent: ConsentPrompt }
  | { status: "prefilled"; consent: "granted" | "refused"; form: FormObject };

/**
 * The pre-fill tool: the one code path the offline form flow and an LLM agent both call. The
 * citizen is the signed-in one from the context; the model can name only the matter.
 */
export class PrefillTool {
  readonly name = "prefill_form";
  readonly description =
    "Pre-fill the application form of a matter for the signed-in citizen. Reads the citizen's profile only under their consent; returns the draft (personal numbers masked) or what is needed first.";
  readonly schema = prefillToolArgsSchema;

  constructor(
    private readonly forms: FormService,
    private readonly drafts: DraftService,
  ) {}

  /** Creates the draft; `consentAnswer` records the citizen's answer to the consent prompt first. */
  async run(args: PrefillToolArgs, context: PrefillToolContext): Promise<PrefillToolResult> {
    const { matterId, lang } = prefillToolArgsSchema.parse(args);
    this.forms.guide(matterId);
    if (!context.citizenId) return { status: "sign-in-required" };
    const consent = await this.forms.consentState(context.citizenId, matterId);
    if (consent !== "granted" && !context.consentDeclined)
      return { status: "consent-required", consent: this.forms.consentPrompt(matterId, lang) };
    const draft = await this.drafts.create({
      matterId,
      citizenId: context.citizenId,
      conversation: context.conversation,
      eligibilityFacts: context.eligibilityFacts,
      lang,
    });
    return { status: "prefilled", consent: consent === "granted" ? "granted" : "refused", form: presentForm(draft) };
  }
}
