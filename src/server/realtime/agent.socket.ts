import type { Namespace, Server, Socket } from "socket.io";
import type { z } from "zod";
import { type Agent, type AgentPermission, can } from "../../agents/index.ts";
import type { App } from "../../app.ts";
import { actorOf } from "../routes/agent-auth.ts";
import { toSocketError } from "../routes/tickets.errors.ts";
import { presentAgent, presentMessage, TicketPresenter } from "../routes/tickets.presenter.ts";
import { AGENT_NAMESPACE, type AgentClientEvent, agentClientEvents } from "./agent.schema.ts";
import { onValidated, SOCKET_ERROR_EVENT } from "./socket-events.ts";

const QUEUE_ROOM = "queue";
const sessionRoom = (sessionId: string) => `session:${sessionId}`;

type Handler<E extends AgentClientEvent> = (
  payload: z.infer<(typeof agentClientEvents)[E]>,
  agent: Agent,
) => Promise<Record<string, unknown>> | Record<string, unknown>;

/**
 * The hotline console's realtime channel. Only signed-in agents connect (handshake `auth.token`;
 * anything else gets connect_error `unauthenticated`/`forbidden`), every event is re-authorised
 * and zod-validated, and the queue and open conversations are fed from domain events. On first
 * start it also seeds the demo agent account and prints its one-time password.
 */
export function registerAgentNamespace(io: Server, app: App): void {
  const namespace = io.of(AGENT_NAMESPACE);
  const presenter = new TicketPresenter(app.knowledge);
  seedDemoAgent(app);
  relayEvents(namespace, app, presenter);

  namespace.use((socket, next) => {
    authenticate(app, socket.handshake.auth?.token, "tickets.read").then(
      (agent) => {
        socket.data.agent = agent;
        next();
      },
      (error: unknown) => {
        const payload = toSocketError("connect", error);
        const failure = new Error(payload?.code ?? "unauthenticated") as Error & { data?: unknown };
        failure.data = payload ?? { code: "unauthenticated", message: "an agent sign-in is required" };
        next(failure);
      },
    );
  });

  namespace.on("connection", (socket) => {
    const agent = socket.data.agent as Agent;
    void socket.join(QUEUE_ROOM);
    // A signed-out or expired token stops working at its next event, not only at the next connect.
    socket.use((_packet, next) => {
      app.agents.authenticate(socket.handshake.auth?.token).then(
        () => next(),
        () => {
          socket.emit(SOCKET_ERROR_EVENT, { event: "auth", code: "unauthenticated", message: "signed out" });
          socket.disconnect(true);
        },
      );
    });
    void app.tickets.list({ limit: 200 }).then(
      (tickets) =>
        socket.emit("queue:snapshot", {
          tickets: tickets.map((t) => presenter.summary(t)),
          agent: presentAgent(agent),
        }),
      (error: unknown) => app.logger.error({ err: error }, "agent queue snapshot failed"),
    );
    registerHandlers(socket, app, presenter);
  });
}

function registerHandlers(socket: Socket, app: App, presenter: TicketPresenter): void {
  const on = <E extends AgentClientEvent>(event: E, permission: AgentPermission, handler: Handler<E>) =>
    onValidated(
      socket,
      event,
      agentClientEvents[event],
      async (payload, ack) => {
        const agent = socket.data.agent as Agent;
        try {
          app.agents.authorize(agent, permission);
          ack({ ok: true, ...(await handler(payload as z.infer<(typeof agentClientEvents)[E]>, agent)) });
        } catch (error) {
          const known = toSocketError(event, error);
          if (!known) throw error;
          socket.emit(SOCKET_ERROR_EVENT, known);
          ack({ error: known });
        }
      },
      (error) => app.logger.error({ err: error, event }, "agent socket handler failed"),
    );
  const actor = (agent: Agent) => actorOf(agent, can(agent.role, "tickets.supervise"));
  const detail = async (ticketId: string) => {
    const ticket = await app.tickets.require(ticketId);
    return presenter.detail(ticket, await app.tickets.audit(ticketId), await app.desk.messages(ticketId));
  };

  on("queue:list", "tickets.read", async ({ status }) => ({
    tickets: (await app.tickets.list({ status })).map((ticket) => presenter.summary(ticket)),
  }));
  on("ticket:open", "tickets.read", async ({ ticketId }) => {
    const ticket = await detail(ticketId);
    // The agent now hears the citizen's conversation live.
    await socket.join(sessionRoom((await app.tickets.require(ticketId)).sessionId));
    return { ticket };
  });
  on("ticket:leave", "tickets.read", async ({ ticketId }) => {
    await socket.leave(sessionRoom((await app.tickets.require(ticketId)).sessionId));
    return {};
  });
  on("ticket:transition", "tickets.work", async ({ ticketId, action, assignee }, agent) => {
    await app.desk.transition(actor(agent), ticketId, action, assignee);
    return { ticket: await detail(ticketId) };
  });
  on("ticket:note", "tickets.work", async ({ ticketId, text }, agent) => {
    await app.tickets.addNote(ticketId, actor(agent), text);
    return { ticket: await detail(ticketId) };
  });
  on("suggest", "tickets.read", async ({ ticketId, query }) => {
    const ticket = ticketId ? await app.tickets.require(ticketId) : undefined;
    if (query) return { suggestions: app.suggester.suggest(query, ticket?.matterId) };
    if (ticket) return { suggestions: app.suggester.forTicket(ticket) };
    return { suggestions: { query: "", sections: [], draft: "", citations: [] } };
  });
  on("reply:send", "tickets.work", async ({ ticketId, ...reply }, agent) => ({
    message: presentMessage(await app.desk.reply(actor(agent), ticketId, reply)),
  }));
  on("chat:takeover", "tickets.work", async ({ ticketId }, agent) => {
    await app.desk.takeOver(actor(agent), ticketId);
    return { ticket: await detail(ticketId) };
  });
  on("chat:handback", "tickets.work", async ({ ticketId }, agent) => {
    await app.desk.handBack(actor(agent), ticketId);
    return { ticket: await detail(ticketId) };
  });
}

async function authenticate(app: App, token: unknown, permission: AgentPermission): Promise<Agent> {
  const agent = await app.agents.authenticate(typeof token === "string" ? token : undefined);
  app.agents.authorize(agent, permission);
  return agent;
}

/** Queue changes go to every agent; a conversation's messages to the agents who opened its ticket. */
function relayEvents(namespace: Namespace, app: App, presenter: TicketPresenter): void {
  app.events.subscribe((event) => {
    switch (event.type) {
      case "ticket.created":
      case "ticket.updated":
        namespace.to(QUEUE_ROOM).emit("ticket:upsert", { ticket: presenter.summary(event.ticket) });
        return;
      case "message.appended":
        namespace
          .to(sessionRoom(event.message.sessionId))
          .emit("ticket:message", { sessionId: event.message.sessionId, message: presentMessage(event.message) });
        return;
    }
  });
}

/** First start: create the demo agent and print its password once (only its scrypt hash is stored). */
function seedDemoAgent(app: App): void {
  app.agents.ensureDemoAgent().then(
    (demo) => {
      if (!demo) return;
      app.logger.warn(
        `demo hotline agent created — username: ${demo.username}, password: ${demo.password} (shown once)`,
      );
    },
    (error: unknown) => app.logger.error({ err: error }, "demo agent seeding failed"),
  );
}
