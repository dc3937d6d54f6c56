import type { CitizenProfile, ProfileStore } from "./citizen-profile.ts";

/**
 * Profiles held in memory only (the demo people from the fixtures file), so no raw personal
 * numbers are ever written to the data dir; a deployment reads its registry through SQLite or an API.
 */
export class InMemoryProfileStore implements ProfileStore {
  private readonly profiles = new Map<string, CitizenProfile>();

  constructor(seed: readonly CitizenProfile[] = []) {
    for (const profile of seed) this.profiles.set(profile.id, profile);
  }

  async get(citizenId: string): Promise<CitizenProfile | undefined> {
    return this.profiles.get(citizenId);
  }

  async list(): Promise<CitizenProfile[]> {
    return [...this.profiles.values()].sort((left, right) => left.id.localeCompare(right.id));
  }

  async upsert(profile: CitizenProfile): Promise<void> {
    this.profiles.set(profile.id, profile);
  }
}
