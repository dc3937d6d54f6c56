import { randomBytes } from "node:crypto";
import type { AuditEntry, AuditStore } from "../citizens/index.ts";
import { maskField, maskText } from "../privacy/index.ts";
import { type Draft, type DraftStore, MASKED_FIELD_TYPES } from "./draft.ts";
import { DraftNotFoundError, DraftStateError, FormError, IncompleteDraftError, InvalidFieldError } from "./errors.ts";
import { parseFieldValue } from "./field-value.ts";
import type { FormService, PrefillRequest } from "./form.service.ts";
import { missingFields } from "./prefill.ts";

const ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
const code = (length: number) => [...randomBytes(length)].map((byte) => ALPHABET[byte % ALPHABET.length]).join("");

/** Draft applications: pre-filled, edited by the citizen, confirmed, then submitted — never without confirmation. */
export class DraftService {
  constructor(
    private readonly forms: FormService,
    private readonly drafts: DraftStore,
    private readonly audit: AuditStore,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async create(request: PrefillRequest): Promise<Draft> {
    const prefill = await this.forms.prefill(request);
    const now = this.clock().toISOString();
    const draft: Draft = {
      id: `DR-${code(10)}`,
      citizenId: request.citizenId,
      matterId: prefill.matterId,
      status: "draft",
      fields: prefill.fields,
      createdAt: now,
      updatedAt: now,
    };
    await this.drafts.insert(
      draft,
      this.entry(draft, request.citizenId, "created", {
        prefilled: draft.fields.filter((field) => field.source).map((field) => `${field.name}:${field.source}`),
        consent: prefill.consent.state,
      }),
    );
    return draft;
  }

  /** A draft of this citizen; another citizen's draft is "not found" (no existence leak). */
  async get(draftId: string, citizenId: string): Promise<Draft> {
    const draft = await this.drafts.get(draftId);
    if (!draft || draft.citizenId !== citizenId) throw new DraftNotFoundError(draftId);
    return draft;
  }

  list(citizenId: string): Promise<Draft[]> {
    return this.drafts.listByCitizen(citizenId);
  }

  /** Sets fields typed by the citizen (source "citizen"); a confirmed draft goes back to draft. */
  async update(draftId: string, citizenId: string, values: Record<string, unknown>): Promise<Draft> {
    const draft = await this.get(draftId, citizenId);
    if (draft.status === "submitted") throw new DraftStateError("already_submitted", "a submitted draft cannot change");
    const form = this.forms.guide(draft.matterId).form;
    const fields = draft.fields.map((field) => ({ ...field }));
    for (const [name, raw] of Object.entries(values)) {
      const definition = form.fields.find((field) => field.name === name);
      const field = fields.find((candidate) => candidate.name === name);
      if (!definition || !field) throw new InvalidFieldError(name, `not a field of the ${draft.matterId} form`);
      const value = parseFieldValue(definition, raw);
      field.value =
        value === null ? null : MASKED_FIELD_TYPES.has(field.type) ? maskField(field.type, value) : maskText(value);
      field.source = value === null ? null : "citizen";
      delete field.profileField;
    }
    const next: Draft = { ...draft, fields, status: "draft", updatedAt: this.later(draft.updatedAt) };
    delete next.confirmedAt;
    await this.save(next, draft.updatedAt, this.entry(next, citizenId, "updated", { fields: Object.keys(values) }));
    return next;
  }

  async confirm(draftId: string, citizenId: string): Promise<Draft> {
    const draft = await this.get(draftId, citizenId);
    if (draft.status === "submitted") throw new DraftStateError("already_submitted", "the draft was already submitted");
    if (draft.status === "confirmed") return draft;
    const missing = missingFields(draft.fields);
    if (missing.length) throw new IncompleteDraftError(missing);
    const at = this.later(draft.updatedAt);
    const next: Draft = { ...draft, status: "confirmed", confirmedAt: at, updatedAt: at };
    await this.save(next, draft.updatedAt, this.entry(next, citizenId, "confirmed"));
    return next;
  }

  /** Submits a confirmed draft; submitting again returns the same receipt (idempotent). */
  async submit(draftId: string, citizenId: string): Promise<Draft> {
    const draft = await this.get(draftId, citizenId);
    if (draft.status === "submitted") return draft;
    if (draft.status !== "confirmed")
      throw new DraftStateError("not_confirmed", "confirm the draft before submitting it");
    const at = this.later(draft.updatedAt);
    const next: Draft = {
      ...draft,
      status: "submitted",
      submittedAt: at,
      updatedAt: at,
      receipt: `SQ-${at.slice(0, 10).replace(/-/g, "")}-${code(6)}`,
    };
    const entry = this.entry(next, citizenId, "submitted", { receipt: next.receipt });
    if (!(await this.drafts.update(next, draft.updatedAt, entry))) return this.get(draftId, citizenId);
    return next;
  }

  async trail(draftId: string, citizenId: string): Promise<AuditEntry[]> {
    await this.get(draftId, citizenId);
    return this.audit.list("draft", draftId);
  }

  private async save(draft: Draft, expectedUpdatedAt: string, audit: AuditEntry): Promise<void> {
    if (!(await this.drafts.update(draft, expectedUpdatedAt, audit)))
      throw new FormError("draft_conflict", "the draft changed meanwhile; reload it and try again");
  }

  /** A timestamp strictly after the previous one, so optimistic concurrency always sees a change. */
  private later(previous: string): string {
    const now = this.clock().getTime();
    return new Date(Math.max(now, Date.parse(previous) + 1)).toISOString();
  }

  private entry(draft: Draft, actor: string, action: string, detail?: Record<string, unknown>): AuditEntry {
    return { subjectType: "draft", subjectId: draft.id, actor, action, detail, at: draft.updatedAt };
  }
}
