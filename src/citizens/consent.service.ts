import { randomUUID } from "node:crypto";
import type { ProfileField } from "../knowledge/index.ts";
import type { AuditStore, ConsentRecord, ConsentStore } from "./consent.ts";

/** Consent lasts this long unless withdrawn: long enough to finish a form, short enough to lapse. */
export const CONSENT_TTL_MS = 30 * 60 * 1000;

export interface ConsentRequest {
  citizenId: string;
  matterId: string;
  fields: ProfileField[];
  purpose: string;
}

export type ConsentState = "none" | "granted" | "refused" | "withdrawn" | "expired";

/** Records consent decisions and answers "may the profile be read for this matter, now?". */
export class ConsentService {
  constructor(
    private readonly store: ConsentStore,
    private readonly audit: AuditStore,
    private readonly clock: () => Date = () => new Date(),
    private readonly ttlMs = CONSENT_TTL_MS,
  ) {}

  async grant(request: ConsentRequest): Promise<ConsentRecord> {
    return this.decide(request, "granted");
  }

  async refuse(request: ConsentRequest): Promise<ConsentRecord> {
    return this.decide(request, "refused");
  }

  /** Withdraws the live consent for a matter; undefined when there was none. */
  async withdraw(citizenId: string, matterId: string): Promise<ConsentRecord | undefined> {
    const latest = await this.store.latest(citizenId, matterId);
    if (latest?.status !== "granted") return undefined;
    const at = this.clock().toISOString();
    await this.store.markWithdrawn(latest.id, at);
    await this.audit.append({
      subjectType: "consent",
      subjectId: latest.id,
      actor: citizenId,
      action: "withdrawn",
      at,
    });
    return { ...latest, status: "withdrawn", withdrawnAt: at };
  }

  /** The consent in force (granted, not withdrawn, not expired), if any. */
  async active(citizenId: string, matterId: string): Promise<ConsentRecord | undefined> {
    const latest = await this.store.latest(citizenId, matterId);
    if (latest?.status !== "granted") return undefined;
    return Date.parse(latest.expiresAt) > this.clock().getTime() ? latest : undefined;
  }

  async state(citizenId: string, matterId: string): Promise<{ state: ConsentState; record?: ConsentRecord }> {
    const latest = await this.store.latest(citizenId, matterId);
    if (!latest) return { state: "none" };
    if (latest.status === "granted" && Date.parse(latest.expiresAt) <= this.clock().getTime())
      return { state: "expired", record: latest };
    return { state: latest.status, record: latest };
  }

  list(citizenId: string): Promise<ConsentRecord[]> {
    return this.store.list(citizenId);
  }

  private async decide(request: ConsentRequest, status: "granted" | "refused"): Promise<ConsentRecord> {
    const now = this.clock();
    const record: ConsentRecord = {
      id: randomUUID(),
      ...request,
      fields: [...new Set(request.fields)],
      status,
      decidedAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + (status === "granted" ? this.ttlMs : 0)).toISOString(),
    };
    await this.store.insert(record);
    await this.audit.append({
      subjectType: "consent",
      subjectId: record.id,
      actor: request.citizenId,
      action: status,
      detail: { matterId: request.matterId, fields: record.fields, purpose: request.purpose },
      at: record.decidedAt,
    });
    return record;
  }
}
