import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DomainEvent } from "../../src/events/event-bus.ts";
import {
  allowedActions,
  InvalidTransitionError,
  NotAssigneeError,
  nextStatus,
  type Ticket,
  TicketNotFoundError,
} from "../../src/tickets/index.ts";
import { createTestApp } from "../helpers/test-app.ts";

const LI = { username: "li" };
const WANG = { username: "wang" };
const BOSS = { username: "boss", supervisor: true };

let app: ReturnType<typeof createTestApp>;
const events: DomainEvent[] = [];
let counter = 0;

beforeAll(() => {
  app = createTestApp();
  app.events.subscribe((event) => events.push(event));
});
afterAll(() => app.dispose());

async function newTicket(): Promise<Ticket> {
  counter += 1;
  const { ticket } = await app.tickets.escalate({
    sessionId: `lifecycle-${counter}`,
    category: "求助",
    urgency: "normal",
    reason: "case-dispute",
    summary: "材料被退回",
    transcript: [{ role: "user", text: "材料被退回了", at: "2026-11-23T00:00:00.000Z" }],
    citations: [],
    dedupeBasis: `lifecycle-${counter}`,
  });
  return ticket;
}

describe("the transition table", () => {
  it("allows only assignment for a new ticket", () => {
    expect(allowedActions("new")).toEqual(["assign"]);
    expect(allowedActions("in-progress")).toEqual(["resolve", "close"]);
    expect(allowedActions("closed")).toEqual([]);
  });

  it("refuses to resolve, start or close a ticket before it is assigned", () => {
    expect(() => nextStatus("resolve", "new")).toThrow(InvalidTransitionError);
    expect(() => nextStatus("start", "new")).toThrow(InvalidTransitionError);
    expect(() => nextStatus("close", "new")).toThrow(InvalidTransitionError);
  });
});

describe("TicketService lifecycle over SQLite", () => {
  it("walks new → assigned → in-progress → resolved → closed and audits every step", async () => {
    const ticket = await newTicket();
    expect((await app.tickets.assign(ticket.id, LI)).status).toBe("assigned");
    expect((await app.tickets.transition(ticket.id, "start", LI)).status).toBe("in-progress");
    expect((await app.tickets.transition(ticket.id, "resolve", LI)).status).toBe("resolved");
    const closed = await app.tickets.transition(ticket.id, "close", LI);
    expect(closed).toMatchObject({ status: "closed", assignee: "li" });
    const audit = await app.tickets.audit(ticket.id);
    expect(audit.map((entry) => `${entry.actor}:${entry.action}`)).toEqual([
      "assistant:created",
      "li:assign",
      "li:start",
      "li:resolve",
      "li:close",
    ]);
    expect(audit[1]?.detail).toBe("new → assigned: li");
    expect(events.filter((event) => event.type === "ticket.updated" && event.ticket.id === ticket.id)).toHaveLength(4);
  });

  it("refuses resolve before assign with a typed error and changes nothing", async () => {
    const ticket = await newTicket();
    const error = await app.tickets.transition(ticket.id, "resolve", LI).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(InvalidTransitionError);
    expect(error).toMatchObject({ code: "invalid_transition", action: "resolve", from: "new" });
    expect((await app.tickets.get(ticket.id))?.status).toBe("new");
    expect(await app.tickets.audit(ticket.id)).toHaveLength(1);
  });

  it("refuses any work on a closed ticket", async () => {
    const ticket = await newTicket();
    await app.tickets.assign(ticket.id, LI);
    await app.tickets.transition(ticket.id, "start", LI);
    await app.tickets.transition(ticket.id, "close", LI);
    await expect(app.tickets.assign(ticket.id, LI)).rejects.toBeInstanceOf(InvalidTransitionError);
    await expect(app.tickets.transition(ticket.id, "reopen", LI)).rejects.toBeInstanceOf(InvalidTransitionError);
  });

  it("lets only the assignee (or a supervisor) move an assigned ticket", async () => {
    const ticket = await newTicket();
    await app.tickets.assign(ticket.id, LI);
    await expect(app.tickets.transition(ticket.id, "start", WANG)).rejects.toBeInstanceOf(NotAssigneeError);
    expect((await app.tickets.transition(ticket.id, "start", BOSS)).status).toBe("in-progress");
  });

  it("never lets an agent take another agent's ticket; a supervisor may reassign it", async () => {
    const ticket = await newTicket();
    await app.tickets.assign(ticket.id, LI);
    await expect(app.tickets.assign(ticket.id, WANG)).rejects.toBeInstanceOf(NotAssigneeError);
    await expect(app.tickets.assign(ticket.id, LI, "zhao")).rejects.toBeInstanceOf(NotAssigneeError);
    expect((await app.tickets.assign(ticket.id, BOSS, "zhao")).assignee).toBe("zhao");
  });

  it("reopens a resolved ticket into in-progress", async () => {
    const ticket = await newTicket();
    await app.tickets.assign(ticket.id, LI);
    await app.tickets.transition(ticket.id, "start", LI);
    await app.tickets.transition(ticket.id, "resolve", LI);
    expect((await app.tickets.transition(ticket.id, "reopen", LI)).status).toBe("in-progress");
  });

  it("keeps agent notes in order with their author, and audits them", async () => {
    const ticket = await newTicket();
    await app.tickets.addNote(ticket.id, LI, "已致电街道核实");
    const updated = await app.tickets.addNote(ticket.id, WANG, "等待回复");
    expect(updated.notes.map((note) => [note.author, note.text])).toEqual([
      ["li", "已致电街道核实"],
      ["wang", "等待回复"],
    ]);
    expect((await app.tickets.audit(ticket.id)).map((entry) => entry.action)).toEqual(["created", "note", "note"]);
  });

  it("answers an unknown ticket with TicketNotFoundError", async () => {
    await expect(app.tickets.assign("XS-20260101-AAAAAA", LI)).rejects.toBeInstanceOf(TicketNotFoundError);
  });

  it("lets only one of two agents racing to start the same ticket win", async () => {
    const ticket = await newTicket();
    await app.tickets.assign(ticket.id, LI);
    const results = await Promise.allSettled([
      app.tickets.transition(ticket.id, "start", LI),
      app.tickets.transition(ticket.id, "start", LI),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(results.find((result) => result.status === "rejected")?.reason).toBeInstanceOf(InvalidTransitionError);
  });
});
