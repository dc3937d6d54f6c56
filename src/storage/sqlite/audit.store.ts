import type { AuditEntry, AuditStore } from "../../citizens/index.ts";
import { maskDeep } from "../../privacy/index.ts";
import type { SqliteDatabase } from "./database.ts";

interface AuditRow {
  subject_type: AuditEntry["subjectType"];
  subject_id: string;
  actor: string;
  action: string;
  detail_json: string | null;
  at: string;
}

/** Writes one audit row; other stores call it inside their own transaction to stay atomic. */
export function insertAuditEntry(database: SqliteDatabase, entry: AuditEntry): void {
  database
    .prepare(
      "INSERT INTO audit_log (subject_type, subject_id, actor, action, detail_json, at) VALUES (?, ?, ?, ?, ?, ?)",
    )
    .run(
      entry.subjectType,
      entry.subjectId,
      entry.actor,
      entry.action,
      entry.detail === undefined ? null : JSON.stringify(maskDeep(entry.detail)),
      entry.at,
    );
}

/** Append-only audit trail of consents, profile reads and drafts; details are masked again on the way in. */
export class SqliteAuditStore implements AuditStore {
  constructor(private readonly database: SqliteDatabase) {}

  async append(entry: AuditEntry): Promise<void> {
    insertAuditEntry(this.database, entry);
  }

  async list(subjectType: AuditEntry["subjectType"], subjectId: string): Promise<AuditEntry[]> {
    const rows = this.database
      .prepare("SELECT * FROM audit_log WHERE subject_type = ? AND subject_id = ? ORDER BY id")
      .all(subjectType, subjectId) as AuditRow[];
    return rows.map((row) => ({
      subjectType: row.subject_type,
      subjectId: row.subject_id,
      actor: row.actor,
      action: row.action,
      ...(row.detail_json ? { detail: JSON.parse(row.detail_json) as Record<string, unknown> } : {}),
      at: row.at,
    }));
  }
}
