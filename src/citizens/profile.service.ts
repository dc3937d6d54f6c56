import type { ProfileField } from "../knowledge/index.ts";
import { type CitizenProfile, maskProfile, type ProfileStore } from "./citizen-profile.ts";
import type { ConsentService } from "./consent.service.ts";
import type { AuditStore } from "./consent.ts";

export class UnknownCitizenError extends Error {
  override readonly name = "UnknownCitizenError";
  readonly code = "unknown_citizen";
  constructor(readonly citizenId: string) {
    super(`no citizen with id "${citizenId}"`);
  }
}

/** Reads profiles only through consent: the fields asked for, consented to, and no others ("最小够用"). */
export class ProfileService {
  constructor(
    private readonly profiles: ProfileStore,
    private readonly consents: ConsentService,
    private readonly audit: AuditStore,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async exists(citizenId: string): Promise<boolean> {
    return Boolean(await this.profiles.get(citizenId));
  }

  /** Display data for sign-in (masked). */
  async summary(citizenId: string): Promise<CitizenProfile> {
    const profile = await this.profiles.get(citizenId);
    if (!profile) throw new UnknownCitizenError(citizenId);
    return maskProfile(profile);
  }

  async listMasked(): Promise<CitizenProfile[]> {
    return (await this.profiles.list()).map(maskProfile);
  }

  /**
   * The requested fields that the citizen's live consent for this matter covers; empty without
   * consent. Every read is audited (which fields, never their values).
   */
  async readConsented(
    citizenId: string,
    matterId: string,
    wanted: readonly ProfileField[],
  ): Promise<Partial<Record<ProfileField, string | number>>> {
    const consent = await this.consents.active(citizenId, matterId);
    if (!consent) return {};
    const profile = await this.profiles.get(citizenId);
    if (!profile) return {};
    const allowed = wanted.filter((field) => consent.fields.includes(field));
    const read: Partial<Record<ProfileField, string | number>> = {};
    for (const field of allowed) {
      const value = profile.fields[field];
      if (value !== undefined) read[field] = value;
    }
    await this.audit.append({
      subjectType: "profile",
      subjectId: citizenId,
      actor: "assistant",
      action: "read",
      detail: { matterId, consentId: consent.id, fields: Object.keys(read) },
      at: this.clock().toISOString(),
    });
    return read;
  }
}
