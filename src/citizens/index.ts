export {
  type CitizenProfile,
  MASKED_PROFILE_FIELDS,
  maskProfile,
  maskProfileValue,
  type ProfileStore,
} from "./citizen-profile.ts";
export { CONSENT_TTL_MS, type ConsentRequest, ConsentService, type ConsentState } from "./consent.service.ts";
export type { AuditEntry, AuditStore, ConsentRecord, ConsentStatus, ConsentStore } from "./consent.ts";
export { DEMO_PROFILES_FILE, loadDemoProfiles, seedDemoProfiles } from "./demo-profiles.ts";
export { type ForeignIdentity, IdentityGuard } from "./identity-guard.ts";
export { InMemoryProfileStore } from "./memory-profile.store.ts";
export { ProfileService, UnknownCitizenError } from "./profile.service.ts";
export { CITIZEN_TOKEN_PREFIX, SESSION_TTL_MS, SessionTokens, sessionSecret } from "./session-token.ts";
