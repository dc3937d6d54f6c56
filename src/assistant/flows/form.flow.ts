import type { ConsentService, IdentityGuard } from "../../citizens/index.ts";
import { CONSENT_TTL_MS } from "../../citizens/index.ts";
import { directAnswer } from "../../eligibility/answer-words.ts";
import {
  type Draft,
  type DraftService,
  DraftStateError,
  type FormObject,
  type FormService,
  IncompleteDraftError,
  type PrefillTool,
  type PrefillToolContext,
  precheckMaterials,
  presentForm,
} from "../../forms/index.ts";
import type { Guide, KnowledgeBase } from "../../knowledge/index.ts";
import { citationFor } from "../composer.ts";
import type { SessionState } from "../conversation.ts";
import type { DialogueFlow, Turn } from "../dialogue.ts";
import { type Reply, reply } from "../reply.ts";
import { fill } from "../templates.ts";
import { eligibilityState } from "./eligibility.flow.ts";
import type { FlowCues } from "./flow-cues.ts";
import type { FlowTemplates } from "./flow-templates.ts";

export const FORM_FLOW = "form";

export interface FormFlowState {
  /** Waiting for the answer to a consent request about this matter. */
  pendingConsent?: string;
  /** The draft made in this conversation. */
  draftId?: string;
}

export interface FormFlowDependencies {
  knowledge: KnowledgeBase;
  forms: FormService;
  drafts: DraftService;
  /** The pre-fill tool (same code an LLM agent calls). */
  prefill: PrefillTool;
  consents: ConsentService;
  identity: IdentityGuard;
  cues: FlowCues;
  templates: FlowTemplates;
}

function formState(state: SessionState): FormFlowState {
  const existing = state.flows[FORM_FLOW] as FormFlowState | undefined;
  if (existing) return existing;
  const created: FormFlowState = {};
  state.flows[FORM_FLOW] = created;
  return created;
}

/**
 * 申请表格预填 in chat: asks consent naming the fields and purpose, reads only those fields after
 * consent, pre-fills a draft the citizen reviews and confirms. Acts only for the signed-in citizen.
 */
export class FormFlow implements DialogueFlow {
  readonly name = FORM_FLOW;

  constructor(private readonly deps: FormFlowDependencies) {}

  async resume(turn: Turn): Promise<Reply | undefined> {
    const flow = formState(turn.state);
    const { cues } = this.deps;
    const involved =
      flow.pendingConsent || cues.matches("fill", turn.normalised) || cues.asksEligibility(turn.normalised);
    if (involved && this.deps.identity.detect(turn.normalised)) {
      flow.pendingConsent = undefined;
      return reply("refuse", this.deps.templates.form.identity[turn.lang], { lang: turn.lang });
    }
    if (cues.matches("withdraw", turn.normalised)) return this.withdraw(turn);
    if (flow.pendingConsent) {
      const matterId = flow.pendingConsent;
      const answer = this.consentAnswer(turn.normalised);
      if (answer === undefined) {
        flow.pendingConsent = undefined;
        return undefined;
      }
      flow.pendingConsent = undefined;
      return this.decideConsent(turn, matterId, answer);
    }
    if (flow.draftId && turn.citizenId) {
      if (cues.matches("confirm", turn.normalised)) return this.confirm(turn, flow.draftId);
      if (cues.matches("submit", turn.normalised)) return this.submit(turn, flow.draftId);
    }
    return undefined;
  }

  async start(turn: Turn, matterId: string | undefined): Promise<Reply | undefined> {
    if (!this.deps.cues.matches("fill", turn.normalised)) return undefined;
    const target = [matterId, turn.state.currentMatterId].find((id): id is string =>
      Boolean(id && this.deps.forms.hasForm(id)),
    );
    if (!target) return undefined;
    const guide = this.deps.forms.guide(target);
    const { lang } = turn;
    const title = guide.title[lang];
    const result = await this.deps.prefill.run({ matterId: target, lang }, this.toolContext(turn, target));
    if (result.status === "prefilled") return this.prefilledReply(turn, target, result.form, result.consent);
    if (result.status === "sign-in-required") {
      return reply("answer", fill(this.deps.templates.form.signIn[lang], { title }), {
        lang,
        matterId: target,
        citations: [citationFor(guide, "online")],
      });
    }
    const prompt = result.consent;
    formState(turn.state).pendingConsent = target;
    const fields = prompt.fields.map((field) => field.label).join(lang === "zh" ? "、" : ", ");
    const minutes = String(Math.round(CONSENT_TTL_MS / 60000));
    return reply(
      "answer",
      fill(this.deps.templates.form.consent[lang], { title, fields, purpose: prompt.purpose, minutes }),
      {
        lang,
        matterId: target,
        consent: prompt,
        citations: [citationFor(guide, "materials")],
      },
    );
  }

  /** The conversation as the pre-fill tool may use it; the citizen comes from the server's auth. */
  private toolContext(turn: Turn, matterId: string): PrefillToolContext {
    const memory = eligibilityState(turn.state);
    return { citizenId: turn.citizenId, conversation: memory.heard, eligibilityFacts: memory.settled[matterId] };
  }

  private consentAnswer(normalised: string): boolean | undefined {
    if (this.deps.cues.matches("decline", normalised)) return false;
    if (this.deps.cues.matches("agree", normalised)) return true;
    return directAnswer(normalised);
  }

  private async decideConsent(turn: Turn, matterId: string, granted: boolean): Promise<Reply> {
    const citizenId = turn.citizenId as string;
    const prompt = this.deps.forms.consentPrompt(matterId, turn.lang);
    const request = { citizenId, matterId, fields: prompt.fields.map((field) => field.name), purpose: prompt.purpose };
    if (granted) await this.deps.consents.grant(request);
    else await this.deps.consents.refuse(request);
    const context = { ...this.toolContext(turn, matterId), consentDeclined: !granted };
    const result = await this.deps.prefill.run({ matterId, lang: turn.lang }, context);
    if (result.status !== "prefilled") throw new Error(`pre-fill after a consent answer returned ${result.status}`);
    return this.prefilledReply(turn, matterId, result.form, result.consent);
  }

  private prefilledReply(turn: Turn, matterId: string, form: FormObject, consent: "granted" | "refused"): Reply {
    formState(turn.state).draftId = form.draftId;
    const guide = this.deps.forms.guide(matterId);
    const { lang } = turn;
    const templates = this.deps.templates.form;
    const title = guide.title[lang];
    const separator = lang === "zh" ? "、" : ", ";
    const filled = form.fields.filter((field) => field.value !== null).map((field) => field.label);
    const lines = [
      consent === "granted"
        ? fill(templates.prefilled[lang], { title, draftId: form.draftId, filled: filled.join(separator) || "—" })
        : fill(templates.refusedConsent[lang], { title, draftId: form.draftId }),
    ];
    const missingLabels = form.fields.filter((field) => form.missing.includes(field.name)).map((field) => field.label);
    if (missingLabels.length)
      lines.push(fill(templates.stillMissing[lang], { missing: missingLabels.join(separator) }));
    lines.push(this.materialsLine(guide, lang), templates.review[lang]);
    return reply("answer", lines.join("\n"), {
      lang,
      matterId,
      form,
      citations: [citationFor(guide, "materials")],
    });
  }

  private materialsLine(guide: Guide, lang: "zh" | "en"): string {
    const precheck = precheckMaterials(guide);
    const separator = lang === "zh" ? "、" : ", ";
    return `${fill(this.deps.templates.form.materials[lang], {
      exempt: precheck.exempt.join(separator) || "—",
      needed: precheck.needed.join(separator) || "—",
    })} [1]`;
  }

  private async confirm(turn: Turn, draftId: string): Promise<Reply> {
    const citizenId = turn.citizenId as string;
    const templates = this.deps.templates.form;
    try {
      let draft = await this.deps.drafts.confirm(draftId, citizenId);
      if (this.deps.cues.matches("submit", turn.normalised)) draft = await this.deps.drafts.submit(draftId, citizenId);
      const text =
        draft.status === "submitted"
          ? fill(templates.submitted[turn.lang], { receipt: draft.receipt ?? "" })
          : fill(templates.confirmed[turn.lang], { draftId });
      return this.formReply(turn, draft, text);
    } catch (error) {
      if (!(error instanceof IncompleteDraftError)) throw error;
      const draft = await this.deps.drafts.get(draftId, citizenId);
      const missing = draft.fields.filter((field) => error.missing.includes(field.name)).map((field) => field.label);
      return this.formReply(turn, draft, fill(templates.incomplete[turn.lang], { missing: missing.join("、") }));
    }
  }

  private async submit(turn: Turn, draftId: string): Promise<Reply> {
    const citizenId = turn.citizenId as string;
    try {
      const draft = await this.deps.drafts.submit(draftId, citizenId);
      return this.formReply(
        turn,
        draft,
        fill(this.deps.templates.form.submitted[turn.lang], { receipt: draft.receipt ?? "" }),
      );
    } catch (error) {
      if (!(error instanceof DraftStateError)) throw error;
      const draft = await this.deps.drafts.get(draftId, citizenId);
      return this.formReply(turn, draft, fill(this.deps.templates.form.notConfirmed[turn.lang], { draftId }));
    }
  }

  private formReply(turn: Turn, draft: Draft, text: string): Reply {
    const guide = this.deps.forms.guide(draft.matterId);
    return reply("answer", text, {
      lang: turn.lang,
      matterId: draft.matterId,
      form: presentForm(draft),
      citations: [citationFor(guide, "process")],
    });
  }

  private async withdraw(turn: Turn): Promise<Reply | undefined> {
    const matterId = formState(turn.state).pendingConsent ?? turn.state.currentMatterId;
    if (!turn.citizenId || !matterId || !this.deps.forms.hasForm(matterId)) return undefined;
    formState(turn.state).pendingConsent = undefined;
    const guide = this.deps.forms.guide(matterId);
    const withdrawn = await this.deps.consents.withdraw(turn.citizenId, matterId);
    const template = withdrawn ? this.deps.templates.form.withdrawn : this.deps.templates.form.noConsent;
    return reply("answer", fill(template[turn.lang], { title: guide.title[turn.lang] }), {
      lang: turn.lang,
      matterId,
      citations: [citationFor(guide, "online")],
    });
  }
}
