import { randomBytes } from "node:crypto";
import type {
  NewTicket,
  Ticket,
  TicketAuditEntry,
  TicketChange,
  TicketFilter,
  TicketStatus,
  TicketStore,
} from "../../tickets/ticket.ts";
import type { SqliteDatabase } from "./database.ts";

interface TicketRow {
  id: string;
  status: TicketStatus;
  assignee: string | null;
  body_json: string;
  created_at: string;
  updated_at: string;
}

interface AuditRow {
  actor: string;
  action: string;
  detail: string | null;
  at: string;
}

type TicketBody = Omit<Ticket, "id" | "status" | "assignee" | "createdAt" | "updatedAt">;

const toTicket = (row: TicketRow): Ticket => ({
  ...(JSON.parse(row.body_json) as TicketBody),
  id: row.id,
  status: row.status,
  assignee: row.assignee ?? undefined,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** Ticket ids read well on the phone: XS-20261123-7KQ2M9. */
function newTicketId(now: string): string {
  const alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  const suffix = [...randomBytes(6)].map((byte) => alphabet[byte % alphabet.length]).join("");
  return `XS-${now.slice(0, 10).replace(/-/g, "")}-${suffix}`;
}

export class SqliteTicketStore implements TicketStore {
  constructor(private readonly database: SqliteDatabase) {}

  async create(input: NewTicket, now: string): Promise<{ ticket: Ticket; created: boolean }> {
    const insert = this.database.transaction(() => {
      const existing = this.database
        .prepare("SELECT * FROM tickets WHERE idempotency_key = ?")
        .get(input.idempotencyKey) as TicketRow | undefined;
      if (existing) return { ticket: toTicket(existing), created: false };
      const { idempotencyKey, ...rest } = input;
      const body: TicketBody = { ...rest, notes: [] };
      const id = newTicketId(now);
      this.database
        .prepare(
          `INSERT INTO tickets (id, idempotency_key, session_id, category, urgency, status, body_json, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, 'new', ?, ?, ?)`,
        )
        .run(id, idempotencyKey, input.sessionId, input.category, input.urgency, JSON.stringify(body), now, now);
      this.insertAudit(id, { actor: "assistant", action: "created", detail: input.reason, at: now });
      return { ticket: this.read(id) as Ticket, created: true };
    });
    return insert.immediate();
  }

  async get(id: string): Promise<Ticket | undefined> {
    return this.read(id);
  }

  async list(filter: TicketFilter = {}): Promise<Ticket[]> {
    const conditions: string[] = [];
    const values: unknown[] = [];
    if (filter.status?.length) {
      conditions.push(`status IN (${filter.status.map(() => "?").join(",")})`);
      values.push(...filter.status);
    }
    if (filter.sessionId) {
      conditions.push("session_id = ?");
      values.push(filter.sessionId);
    }
    const where = conditions.length ? `WHERE ${conditions.join(" AND ")}` : "";
    const rows = this.database
      .prepare(
        `SELECT * FROM tickets ${where} ORDER BY CASE urgency WHEN 'urgent' THEN 0 ELSE 1 END, created_at DESC, id LIMIT ?`,
      )
      .all(...values, filter.limit ?? 200) as TicketRow[];
    return rows.map(toTicket);
  }

  async update(
    id: string,
    change: TicketChange,
    audit: TicketAuditEntry,
    expect?: { status: TicketStatus },
  ): Promise<Ticket | undefined> {
    const apply = this.database.transaction(() => {
      const current = this.read(id);
      if (!current) throw new Error(`ticket ${id} not found`);
      if (expect && current.status !== expect.status) return undefined;
      const {
        id: _id,
        status,
        assignee,
        createdAt: _created,
        updatedAt: _updated,
        ...body
      } = { ...current, ...change };
      this.database
        .prepare("UPDATE tickets SET status = ?, assignee = ?, body_json = ?, updated_at = ? WHERE id = ?")
        .run(status, assignee ?? null, JSON.stringify(body), audit.at, id);
      this.insertAudit(id, audit);
      return this.read(id);
    });
    return apply.immediate();
  }

  async audit(id: string): Promise<TicketAuditEntry[]> {
    const rows = this.database
      .prepare("SELECT actor, action, detail, at FROM ticket_audit WHERE ticket_id = ? ORDER BY id")
      .all(id) as AuditRow[];
    return rows.map((row) => ({ actor: row.actor, action: row.action, detail: row.detail ?? undefined, at: row.at }));
  }

  private read(id: string): Ticket | undefined {
    const row = this.database.prepare("SELECT * FROM tickets WHERE id = ?").get(id) as TicketRow | undefined;
    return row ? toTicket(row) : undefined;
  }

  private insertAudit(id: string, audit: TicketAuditEntry): void {
    this.database
      .prepare("INSERT INTO ticket_audit (ticket_id, actor, action, detail, at) VALUES (?, ?, ?, ?, ?)")
      .run(id, audit.actor, audit.action, audit.detail ?? null, audit.at);
  }
}
