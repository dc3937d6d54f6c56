import type { ConsentService, ConsentState, ProfileService } from "../citizens/index.ts";
import { type FactExtractor, type FactValue, type KnownFacts, UnknownMatterError } from "../eligibility/index.ts";
import type { FormDefinition, Guide, KnowledgeBase, ProfileField } from "../knowledge/index.ts";
import type { DraftField } from "./draft.ts";
import { factOfField, formOf, profileFieldsNeeded } from "./form-requirements.ts";
import { missingFields, prefillFields } from "./prefill.ts";

export interface PrefillRequest {
  matterId: string;
  /** The signed-in citizen (from the server's auth, never from chat text). */
  citizenId: string;
  /** What the citizen said in this conversation, oldest first. */
  conversation?: readonly string[];
  /** Facts settled by an eligibility check. */
  eligibilityFacts?: KnownFacts;
  lang?: "zh" | "en";
}

export interface PrefillResult {
  matterId: string;
  fields: DraftField[];
  missing: string[];
  consent: { state: ConsentState; fields: ProfileField[] };
}

export interface ConsentPrompt {
  matterId: string;
  fields: Array<{ name: ProfileField; label: string }>;
  purpose: string;
}

/** Form schemas, consent prompts and the pre-fill tool (the same call in offline and LLM mode). */
export class FormService {
  constructor(
    private readonly knowledge: KnowledgeBase,
    private readonly profiles: ProfileService,
    private readonly consents: ConsentService,
    private readonly extractor: FactExtractor,
  ) {}

  guide(matterId: string): Guide & { form: FormDefinition } {
    const guide = this.knowledge.get(matterId);
    if (!guide) throw new UnknownMatterError(matterId);
    formOf(guide);
    return guide as Guide & { form: FormDefinition };
  }

  hasForm(matterId: string): boolean {
    return Boolean(this.knowledge.get(matterId)?.form);
  }

  /** What the assistant asks consent for: exactly the profile fields this form reads, and why. */
  consentPrompt(matterId: string, lang: "zh" | "en" = "zh"): ConsentPrompt {
    const guide = this.guide(matterId);
    return { matterId, fields: profileFieldsNeeded(guide.form, lang), purpose: guide.form.purpose[lang] };
  }

  consentState(citizenId: string, matterId: string): Promise<ConsentState> {
    return this.consents.state(citizenId, matterId).then((consent) => consent.state);
  }

  /** Pre-fills the form for the signed-in citizen; the profile is read only under live consent. */
  async prefill(request: PrefillRequest): Promise<PrefillResult> {
    const guide = this.guide(request.matterId);
    const wanted = profileFieldsNeeded(guide.form).map((field) => field.name);
    const consent = await this.consents.state(request.citizenId, request.matterId);
    const profile =
      consent.state === "granted" ? await this.profiles.readConsented(request.citizenId, request.matterId, wanted) : {};
    const fields = prefillFields({
      guide,
      catalogue: this.knowledge.facts,
      profile,
      eligibilityFacts: request.eligibilityFacts ?? {},
      conversationFacts: this.conversationFacts(guide, request.conversation ?? []),
      lang: request.lang,
    });
    return {
      matterId: guide.id,
      fields,
      missing: missingFields(fields),
      consent: { state: consent.state, fields: consent.state === "granted" ? (consent.record?.fields ?? []) : [] },
    };
  }

  private conversationFacts(
    guide: Guide & { form: FormDefinition },
    conversation: readonly string[],
  ): Record<string, FactValue> {
    const candidates = [
      ...new Set(
        guide.form.fields.map((field) => factOfField(field, this.knowledge.facts)).filter((fact) => fact !== undefined),
      ),
    ];
    const facts: Record<string, FactValue> = {};
    for (const message of conversation) Object.assign(facts, this.extractor.extract(message, { candidates }));
    return facts;
  }
}
