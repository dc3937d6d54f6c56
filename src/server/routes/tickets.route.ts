import { type NextFunction, type Request, type Response, Router } from "express";
import type { z } from "zod";
import { can } from "../../agents/index.ts";
import type { App } from "../../app.ts";
import { parseOrThrow, validateBody } from "../middleware/validate.ts";
import type { noteBodySchema, replyBodySchema, transitionBodySchema } from "../realtime/agent.schema.ts";
import { actorOf, currentAgent, requireAgent } from "./agent-auth.ts";
import { toHttpError } from "./tickets.errors.ts";
import { presentMessage, TicketPresenter } from "./tickets.presenter.ts";
import {
  noteBodySchema as noteSchema,
  replyBodySchema as replySchema,
  ticketListQuerySchema,
  ticketParamsSchema,
  ticketSuggestionsQuerySchema,
  transitionBodySchema as transitionSchema,
} from "./tickets.schema.ts";

/** The console's ticket API (agents only): queue, ticket view, lifecycle, notes, replies, takeover. */
export function ticketRoutes(app: App): Router {
  const router = Router();
  const presenter = new TicketPresenter(app.knowledge);
  const read = requireAgent(app.agents, "tickets.read");
  const work = requireAgent(app.agents, "tickets.work");
  const ticketId = (request: Request) => parseOrThrow(ticketParamsSchema, request.params, "params").id;
  const actor = (response: Response) => {
    const agent = currentAgent(response);
    return actorOf(agent, can(agent.role, "tickets.supervise"));
  };
  const detail = async (id: string) => {
    const ticket = await app.tickets.require(id);
    return presenter.detail(ticket, await app.tickets.audit(id), await app.desk.messages(id));
  };

  router.get("/api/tickets", read, async (request, response) => {
    const query = parseOrThrow(ticketListQuerySchema, request.query, "query");
    const tickets = await app.tickets.list({ status: query.status, limit: query.limit });
    response.json({ tickets: tickets.map((ticket) => presenter.summary(ticket)) });
  });

  router.get("/api/tickets/:id", read, async (request, response) => {
    response.json({ ticket: await detail(ticketId(request)) });
  });

  router.post("/api/tickets/:id/transitions", work, validateBody(transitionSchema), async (request, response) => {
    const body = request.body as z.infer<typeof transitionBodySchema>;
    const id = ticketId(request);
    await app.desk.transition(actor(response), id, body.action, body.assignee);
    response.json({ ticket: await detail(id) });
  });

  router.post("/api/tickets/:id/notes", work, validateBody(noteSchema), async (request, response) => {
    const id = ticketId(request);
    await app.tickets.addNote(id, actor(response), (request.body as z.infer<typeof noteBodySchema>).text);
    response.status(201).json({ ticket: await detail(id) });
  });

  router.get("/api/tickets/:id/suggestions", read, async (request, response) => {
    const { q } = parseOrThrow(ticketSuggestionsQuerySchema, request.query, "query");
    const ticket = await app.tickets.require(ticketId(request));
    const suggestions = q ? app.suggester.suggest(q, ticket.matterId) : app.suggester.forTicket(ticket);
    response.json({ suggestions });
  });

  router.post("/api/tickets/:id/replies", work, validateBody(replySchema), async (request, response) => {
    const message = await app.desk.reply(
      actor(response),
      ticketId(request),
      request.body as z.infer<typeof replyBodySchema>,
    );
    response.status(201).json({ message: presentMessage(message) });
  });

  router.post("/api/tickets/:id/takeover", work, async (request, response) => {
    const id = ticketId(request);
    await app.desk.takeOver(actor(response), id);
    response.json({ ticket: await detail(id) });
  });

  router.delete("/api/tickets/:id/takeover", work, async (request, response) => {
    const id = ticketId(request);
    await app.desk.handBack(actor(response), id);
    response.json({ ticket: await detail(id) });
  });

  router.use((error: unknown, _request: Request, _response: Response, next: NextFunction) => next(toHttpError(error)));
  return router;
}
