import type { CitizenProfile, ProfileStore } from "../../citizens/index.ts";
import type { SqliteDatabase } from "./database.ts";

interface ProfileRow {
  id: string;
  display_name: string;
  fields_json: string;
}

const toProfile = (row: ProfileRow): CitizenProfile => ({
  id: row.id,
  displayName: row.display_name,
  fields: JSON.parse(row.fields_json) as CitizenProfile["fields"],
});

/** Citizen profiles (the government's record); callers mask before showing. */
export class SqliteProfileStore implements ProfileStore {
  constructor(private readonly database: SqliteDatabase) {}

  async get(citizenId: string): Promise<CitizenProfile | undefined> {
    const row = this.database.prepare("SELECT * FROM citizen_profiles WHERE id = ?").get(citizenId) as
      | ProfileRow
      | undefined;
    return row ? toProfile(row) : undefined;
  }

  async list(): Promise<CitizenProfile[]> {
    return (this.database.prepare("SELECT * FROM citizen_profiles ORDER BY id").all() as ProfileRow[]).map(toProfile);
  }

  async upsert(profile: CitizenProfile): Promise<void> {
    this.database
      .prepare(
        `INSERT INTO citizen_profiles (id, display_name, fields_json) VALUES (?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET display_name = excluded.display_name, fields_json = excluded.fields_json`,
      )
      .run(profile.id, profile.displayName, JSON.stringify(profile.fields));
  }
}
