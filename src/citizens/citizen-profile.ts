import type { ProfileField } from "../knowledge/index.ts";
import { maskField } from "../privacy/index.ts";

/** What the government already knows about a citizen (demo data here), keyed by PROFILE_FIELDS. */
export interface CitizenProfile {
  id: string;
  /** Shown at demo sign-in, e.g. "李明（外省市户籍，在沪工作）". */
  displayName: string;
  fields: Partial<Record<ProfileField, string | number>>;
}

/** Where profiles live (SQLite by default). */
export interface ProfileStore {
  get(citizenId: string): Promise<CitizenProfile | undefined>;
  list(): Promise<CitizenProfile[]>;
  upsert(profile: CitizenProfile): Promise<void>;
}

/** Profile fields that are personal numbers, masked in every output. */
export const MASKED_PROFILE_FIELDS: Partial<Record<ProfileField, string>> = {
  idNumber: "idCard",
  phone: "phone",
  bankCard: "bankCard",
  email: "email",
  residencePermitNumber: "idCard",
  housingFundAccount: "bankCard",
};

export function maskProfileValue(field: ProfileField, value: string | number): string | number {
  const kind = MASKED_PROFILE_FIELDS[field];
  return kind ? maskField(kind, String(value)) : value;
}

/** A profile safe to show: every personal number masked. */
export function maskProfile(profile: CitizenProfile): CitizenProfile {
  const fields: CitizenProfile["fields"] = {};
  for (const [field, value] of Object.entries(profile.fields) as Array<[ProfileField, string | number]>) {
    fields[field] = maskProfileValue(field, value);
  }
  return { ...profile, fields };
}
