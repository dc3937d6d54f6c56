import type { ConsentRecord, ConsentStore } from "../../citizens/index.ts";
import type { SqliteDatabase } from "./database.ts";

interface ConsentRow {
  id: string;
  citizen_id: string;
  matter_id: string;
  fields_json: string;
  purpose: string;
  status: ConsentRecord["status"];
  decided_at: string;
  expires_at: string;
  withdrawn_at: string | null;
}

const toRecord = (row: ConsentRow): ConsentRecord => ({
  id: row.id,
  citizenId: row.citizen_id,
  matterId: row.matter_id,
  fields: JSON.parse(row.fields_json) as ConsentRecord["fields"],
  purpose: row.purpose,
  status: row.status,
  decidedAt: row.decided_at,
  expiresAt: row.expires_at,
  ...(row.withdrawn_at ? { withdrawnAt: row.withdrawn_at } : {}),
});

export class SqliteConsentStore implements ConsentStore {
  constructor(private readonly database: SqliteDatabase) {}

  async insert(record: ConsentRecord): Promise<void> {
    this.database
      .prepare(
        `INSERT INTO consents (id, citizen_id, matter_id, fields_json, purpose, status, decided_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        record.id,
        record.citizenId,
        record.matterId,
        JSON.stringify(record.fields),
        record.purpose,
        record.status,
        record.decidedAt,
        record.expiresAt,
      );
  }

  async latest(citizenId: string, matterId: string): Promise<ConsentRecord | undefined> {
    const row = this.database
      .prepare(
        "SELECT * FROM consents WHERE citizen_id = ? AND matter_id = ? ORDER BY decided_at DESC, rowid DESC LIMIT 1",
      )
      .get(citizenId, matterId) as ConsentRow | undefined;
    return row ? toRecord(row) : undefined;
  }

  async list(citizenId: string): Promise<ConsentRecord[]> {
    const rows = this.database
      .prepare("SELECT * FROM consents WHERE citizen_id = ? ORDER BY decided_at DESC, rowid DESC")
      .all(citizenId) as ConsentRow[];
    return rows.map(toRecord);
  }

  async markWithdrawn(id: string, at: string): Promise<void> {
    this.database.prepare("UPDATE consents SET status = 'withdrawn', withdrawn_at = ? WHERE id = ?").run(at, id);
  }
}
