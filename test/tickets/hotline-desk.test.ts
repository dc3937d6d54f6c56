import { describe, expect, it } from "vitest";
import {
  type ConversationMessage,
  type ConversationStore,
  newSessionState,
  type SessionState,
} from "../../src/assistant/index.ts";
import { type DomainEvent, InProcessEventBus } from "../../src/events/event-bus.ts";
import type { KnowledgeBase } from "../../src/knowledge/index.ts";
import {
  HotlineDesk,
  InvalidCitationError,
  InvalidTransitionError,
  NotAssigneeError,
  type Ticket,
  type TicketAuditEntry,
  TicketService,
  type TicketStore,
} from "../../src/tickets/index.ts";

/** In-memory ports: the desk's rules tested without SQLite or a server. */
class MemoryTicketStore implements TicketStore {
  readonly tickets = new Map<string, Ticket>();
  readonly audits: TicketAuditEntry[] = [];
  async create(input: Parameters<TicketStore["create"]>[0], now: string) {
    const { idempotencyKey: _key, ...rest } = input;
    const ticket: Ticket = {
      ...rest,
      id: `XS-20261123-${String(this.tickets.size).padStart(6, "0")}`,
      status: "new",
      notes: [],
      createdAt: now,
      updatedAt: now,
    };
    this.tickets.set(ticket.id, ticket);
    return { ticket, created: true };
  }
  async get(id: string) {
    return this.tickets.get(id);
  }
  async list() {
    return [...this.tickets.values()];
  }
  async update(id: string, change: Partial<Ticket>, audit: TicketAuditEntry, expect?: { status: Ticket["status"] }) {
    const current = this.tickets.get(id) as Ticket;
    if (expect && current.status !== expect.status) return undefined;
    const next = { ...current, ...change, updatedAt: audit.at };
    this.tickets.set(id, next);
    this.audits.push(audit);
    return next;
  }
  async audit() {
    return this.audits;
  }
}

class MemoryConversations implements ConversationStore {
  readonly sessions = new Map<string, SessionState>();
  readonly messages: ConversationMessage[] = [];
  async loadSession(sessionId: string) {
    return this.sessions.get(sessionId);
  }
  async saveSession(state: SessionState) {
    this.sessions.set(state.sessionId, structuredClone(state));
  }
  async appendMessage(message: Parameters<ConversationStore["appendMessage"]>[0]) {
    const existing = this.messages.find(
      (known) => message.clientMessageId && known.clientMessageId === message.clientMessageId,
    );
    if (existing) return { message: existing, duplicate: true };
    const stored = { ...message, seq: this.messages.length + 1, createdAt: "2026-11-23T00:00:00.000Z" };
    this.messages.push(stored);
    return { message: stored, duplicate: false };
  }
  async listMessages(sessionId: string) {
    return this.messages.filter((message) => message.sessionId === sessionId);
  }
}

const knowledge = {
  get: (id: string) =>
    id === "residence-permit"
      ? { id, title: { zh: "上海市居住证申领", en: "Residence permit" }, sections: { materials: { text: "身份证" } } }
      : undefined,
} as unknown as KnowledgeBase;

const LI = { username: "li", displayName: "李坐席" };

async function setUp() {
  const events = new InProcessEventBus();
  const published: DomainEvent[] = [];
  events.subscribe((event) => published.push(event));
  const store = new MemoryTicketStore();
  const conversations = new MemoryConversations();
  await conversations.saveSession(newSessionState("s-1"));
  const tickets = new TicketService(store, events);
  const desk = new HotlineDesk(tickets, conversations, events, knowledge);
  const { ticket } = await tickets.escalate({
    sessionId: "s-1",
    category: "咨询",
    urgency: "normal",
    reason: "ask-person",
    summary: "转人工",
    transcript: [],
    citations: [],
    dedupeBasis: "s-1:1",
  });
  return { desk, tickets, conversations, published, ticket };
}

describe("HotlineDesk (fake ports)", () => {
  it("refuses to reply on an unassigned ticket or on someone else's", async () => {
    const { desk, tickets, ticket } = await setUp();
    await expect(desk.reply(LI, ticket.id, { text: "你好" })).rejects.toBeInstanceOf(InvalidTransitionError);
    await tickets.assign(ticket.id, { username: "wang" });
    await expect(desk.reply(LI, ticket.id, { text: "你好" })).rejects.toBeInstanceOf(NotAssigneeError);
  });

  it("posts a masked agent message with resolved citations, starts the ticket and publishes the message", async () => {
    const { desk, tickets, conversations, published, ticket } = await setUp();
    await tickets.assign(ticket.id, LI);
    const message = await desk.reply(LI, ticket.id, {
      text: "请回电13812345678",
      citations: [{ matterId: "residence-permit", section: "materials" }],
    });
    expect(message).toMatchObject({ role: "agent", text: "请回电138****5678", sessionId: "s-1" });
    expect(message.payload).toMatchObject({
      agent: "李坐席",
      citations: [{ matterId: "residence-permit", section: "materials", title: "上海市居住证申领 · 申请材料" }],
    });
    expect(conversations.messages).toHaveLength(1);
    expect((await tickets.get(ticket.id))?.status).toBe("in-progress");
    expect(published.some((event) => event.type === "message.appended" && event.message.role === "agent")).toBe(true);
  });

  it("refuses a citation of a section the guide does not have, before posting anything", async () => {
    const { desk, tickets, conversations, ticket } = await setUp();
    await tickets.assign(ticket.id, LI);
    await expect(
      desk.reply(LI, ticket.id, { text: "见指南", citations: [{ matterId: "residence-permit", section: "fees" }] }),
    ).rejects.toBeInstanceOf(InvalidCitationError);
    expect(conversations.messages).toHaveLength(0);
  });

  it("sets and clears the session's agentTakeover, telling the citizen each time", async () => {
    const { desk, tickets, conversations, ticket } = await setUp();
    await tickets.assign(ticket.id, LI);
    const taken = await desk.takeOver(LI, ticket.id);
    expect(taken.takeover?.agent).toBe("li");
    expect(conversations.sessions.get("s-1")?.agentTakeover?.ticketId).toBe(ticket.id);
    const back = await desk.handBack(LI, ticket.id);
    expect(back.takeover).toBeUndefined();
    expect(conversations.sessions.get("s-1")?.agentTakeover).toBeUndefined();
    expect(conversations.messages.map((message) => message.role)).toEqual(["system", "system"]);
  });
});
