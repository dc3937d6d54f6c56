import { randomBytes } from "node:crypto";
import type { NewTicket, Ticket, TicketStatus, TicketStore } from "../../tickets/ticket.ts";
import type { SqliteDatabase } from "./database.ts";

interface TicketRow {
  id: string;
  status: TicketStatus;
  assignee: string | null;
  body_json: string;
  created_at: string;
  updated_at: string;
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
      this.database
        .prepare("INSERT INTO ticket_audit (ticket_id, actor, action, at) VALUES (?, 'assistant', 'created', ?)")
        .run(id, now);
      return {
        ticket: toTicket(this.database.prepare("SELECT * FROM tickets WHERE id = ?").get(id) as TicketRow),
        created: true,
      };
    });
    return insert.immediate();
  }

  async get(id: string): Promise<Ticket | undefined> {
    const row = this.database.prepare("SELECT * FROM tickets WHERE id = ?").get(id) as TicketRow | undefined;
    return row ? toTicket(row) : undefined;
  }

  async list(filter: { status?: TicketStatus[]; limit?: number } = {}): Promise<Ticket[]> {
    const statuses = filter.status ?? [];
    const where = statuses.length ? `WHERE status IN (${statuses.map(() => "?").join(",")})` : "";
    const rows = this.database
      .prepare(
        `SELECT * FROM tickets ${where} ORDER BY CASE urgency WHEN 'urgent' THEN 0 ELSE 1 END, created_at DESC LIMIT ?`,
      )
      .all(...statuses, filter.limit ?? 200) as TicketRow[];
    return rows.map(toTicket);
  }

  async update(
    id: string,
    change: Partial<Pick<Ticket, "status" | "assignee" | "notes">>,
    audit: { actor: string; action: string; at: string },
  ): Promise<Ticket> {
    const apply = this.database.transaction(() => {
      const row = this.database.prepare("SELECT * FROM tickets WHERE id = ?").get(id) as TicketRow | undefined;
      if (!row) throw new Error(`ticket ${id} not found`);
      const current = toTicket(row);
      const next = { ...current, ...change };
      const { id: _id, status, assignee, createdAt: _created, updatedAt: _updated, ...body } = next;
      this.database
        .prepare("UPDATE tickets SET status = ?, assignee = ?, body_json = ?, updated_at = ? WHERE id = ?")
        .run(status, assignee ?? null, JSON.stringify(body), audit.at, id);
      this.database
        .prepare("INSERT INTO ticket_audit (ticket_id, actor, action, at) VALUES (?, ?, ?, ?)")
        .run(id, audit.actor, audit.action, audit.at);
      return toTicket(this.database.prepare("SELECT * FROM tickets WHERE id = ?").get(id) as TicketRow);
    });
    return apply.immediate();
  }
}
