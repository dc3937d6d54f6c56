import type { AuditEntry } from "../../citizens/index.ts";
import type { Draft, DraftStore } from "../../forms/index.ts";
import { insertAuditEntry } from "./audit.store.ts";
import type { SqliteDatabase } from "./database.ts";

interface DraftRow {
  id: string;
  body_json: string;
  updated_at: string;
}

type DraftBody = Omit<Draft, "id" | "updatedAt">;

const toDraft = (row: DraftRow): Draft => ({
  ...(JSON.parse(row.body_json) as DraftBody),
  id: row.id,
  updatedAt: row.updated_at,
});
const body = ({ id: _id, updatedAt: _updated, ...rest }: Draft): string => JSON.stringify(rest);

/** Draft applications and submissions; field values of personal numbers arrive masked. */
export class SqliteDraftStore implements DraftStore {
  constructor(private readonly database: SqliteDatabase) {}

  async insert(draft: Draft, audit?: AuditEntry): Promise<void> {
    this.database.transaction(() => {
      this.database
        .prepare(
          `INSERT INTO drafts (id, citizen_id, matter_id, status, body_json, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(draft.id, draft.citizenId, draft.matterId, draft.status, body(draft), draft.createdAt, draft.updatedAt);
      if (audit) insertAuditEntry(this.database, audit);
    })();
  }

  async get(id: string): Promise<Draft | undefined> {
    const row = this.database.prepare("SELECT * FROM drafts WHERE id = ?").get(id) as DraftRow | undefined;
    return row ? toDraft(row) : undefined;
  }

  async update(draft: Draft, expectedUpdatedAt: string, audit?: AuditEntry): Promise<boolean> {
    // The change and its audit row commit together: a crash never leaves one without the other.
    return this.database.transaction(() => {
      const result = this.database
        .prepare("UPDATE drafts SET status = ?, body_json = ?, updated_at = ? WHERE id = ? AND updated_at = ?")
        .run(draft.status, body(draft), draft.updatedAt, draft.id, expectedUpdatedAt);
      if (result.changes !== 1) return false;
      if (audit) insertAuditEntry(this.database, audit);
      return true;
    })();
  }

  async listByCitizen(citizenId: string): Promise<Draft[]> {
    const rows = this.database
      .prepare("SELECT * FROM drafts WHERE citizen_id = ? ORDER BY created_at DESC")
      .all(citizenId) as DraftRow[];
    return rows.map(toDraft);
  }
}
