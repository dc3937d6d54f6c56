import type { AuditEntry } from "../citizens/consent.ts";
import type { FormFieldType, ProfileField } from "../knowledge/index.ts";

export type FieldSource = "profile" | "conversation" | "citizen" | "eligibility";
export type DraftStatus = "draft" | "confirmed" | "submitted";

/** One field of a draft application; `value` of a personal-number field is stored masked. */
export interface DraftField {
  name: string;
  label: string;
  type: FormFieldType;
  required: boolean;
  value: string | null;
  source: FieldSource | null;
  /** For profile-filled personal numbers: the profile field the full value is read from at submission. */
  profileField?: ProfileField;
}

export interface Draft {
  id: string;
  citizenId: string;
  matterId: string;
  status: DraftStatus;
  fields: DraftField[];
  /** Receipt number once submitted. */
  receipt?: string;
  createdAt: string;
  updatedAt: string;
  confirmedAt?: string;
  submittedAt?: string;
}

export interface DraftStore {
  /** Stores a new draft together with its audit entry, atomically. */
  insert(draft: Draft, audit?: AuditEntry): Promise<void>;
  get(id: string): Promise<Draft | undefined>;
  /**
   * Writes the draft if its stored `updatedAt` still equals `expectedUpdatedAt` (no lost updates),
   * together with its audit entry, atomically.
   */
  update(draft: Draft, expectedUpdatedAt: string, audit?: AuditEntry): Promise<boolean>;
  listByCitizen(citizenId: string): Promise<Draft[]>;
}

/** Field kinds whose values are personal numbers: masked when stored and shown. */
export const MASKED_FIELD_TYPES: ReadonlySet<FormFieldType> = new Set(["idCard", "phone", "bankCard", "email"]);
