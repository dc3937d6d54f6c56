import type { ProfileField } from "../knowledge/index.ts";

export type ConsentStatus = "granted" | "refused" | "withdrawn";

/** A citizen's answer to "may I read these profile fields, for this purpose, for this matter?". */
export interface ConsentRecord {
  id: string;
  citizenId: string;
  matterId: string;
  fields: ProfileField[];
  purpose: string;
  status: ConsentStatus;
  decidedAt: string;
  expiresAt: string;
  withdrawnAt?: string;
}

export interface ConsentStore {
  insert(record: ConsentRecord): Promise<void>;
  /** The most recent record for a citizen and matter. */
  latest(citizenId: string, matterId: string): Promise<ConsentRecord | undefined>;
  list(citizenId: string): Promise<ConsentRecord[]>;
  markWithdrawn(id: string, at: string): Promise<void>;
}

/** One line of the audit trail (consents, drafts); `detail` never holds raw personal numbers. */
export interface AuditEntry {
  subjectType: "consent" | "draft" | "profile";
  subjectId: string;
  actor: string;
  action: string;
  detail?: Record<string, unknown>;
  at: string;
}

export interface AuditStore {
  append(entry: AuditEntry): Promise<void>;
  list(subjectType: AuditEntry["subjectType"], subjectId: string): Promise<AuditEntry[]>;
}
