import { readFileSync } from "node:fs";
import { z } from "zod";
import { PROFILE_FIELDS } from "../knowledge/index.ts";
import type { CitizenProfile, ProfileStore } from "./citizen-profile.ts";

const profileSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{3,64}$/),
  displayName: z.string().min(1),
  fields: z.partialRecord(z.enum(PROFILE_FIELDS), z.union([z.string(), z.number()])),
});

/** Made-up people for tests and the demo sign-in; raw numbers live only in this fixtures file. */
export const DEMO_PROFILES_FILE = new URL("./fixtures/demo-profiles.json", import.meta.url);

export function loadDemoProfiles(url: URL = DEMO_PROFILES_FILE): CitizenProfile[] {
  return z.array(profileSchema).parse(JSON.parse(readFileSync(url, "utf8"))) as CitizenProfile[];
}

export async function seedDemoProfiles(store: ProfileStore, profiles = loadDemoProfiles()): Promise<void> {
  for (const profile of profiles) await store.upsert(profile);
}
