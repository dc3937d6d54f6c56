import { join } from "node:path";
import {
  AssistantService,
  Clarifier,
  createEscalator,
  type DialogueFlow,
  DialogueManager,
  loadReplyTemplates,
  Router,
  SectionIntent,
} from "./assistant/index.ts";
import type { Config } from "./config/index.ts";
import { type EventBus, InProcessEventBus } from "./events/event-bus.ts";
import { type KnowledgeBase, loadKnowledgeBase } from "./knowledge/index.ts";
import { createLogger, type Logger } from "./logging/logger.ts";
import { createRetriever, ensureRetrievalIndex, type IndexMeta, type Retriever } from "./retrieval/index.ts";
import { SqliteConversationStore } from "./storage/sqlite/conversation.store.ts";
import { openDatabase, type SqliteDatabase } from "./storage/sqlite/database.ts";
import { SqliteTicketStore } from "./storage/sqlite/ticket.store.ts";
import { TicketService } from "./tickets/ticket.service.ts";
import { AgentAuthService } from "./agents/index.ts";
import { SqliteAgentStore } from "./storage/sqlite/agent.store.ts";
import { HotlineDesk, ReplySuggester } from "./tickets/index.ts";

/** The object graph of the service, built once from config. */
export interface App {
  config: Config;
  logger: Logger;
  knowledge: KnowledgeBase;
  retriever: Retriever;
  indexMeta: IndexMeta;
  database: SqliteDatabase;
  events: EventBus;
  tickets: TicketService;
  assistant: AssistantService;
  /** Hotline agents: accounts, sign-in, and their work in citizens' conversations. */
  agents: AgentAuthService;
  desk: HotlineDesk;
  suggester: ReplySuggester;
  close(): void;
}

export const DATABASE_FILE = "xiaoshen.sqlite";
export const INDEX_DIRECTORY = "index";

/** The composition root: the only place that knows which adapter implements which port. */
export function createApp(config: Config, logger: Logger = createLogger(config.logLevel)): App {
  const knowledge = loadKnowledgeBase(config.knowledgeDir);
  const { index, rebuilt } = ensureRetrievalIndex(join(config.dataDir, INDEX_DIRECTORY), knowledge);
  if (rebuilt) logger.info({ chunks: index.meta.chunkCount, buildMs: index.meta.buildMs }, "retrieval index built");
  const retriever = createRetriever(knowledge, index);

  const database = openDatabase(join(config.dataDir, DATABASE_FILE));
  const events = new InProcessEventBus();
  const conversations = new SqliteConversationStore(database);
  const tickets = new TicketService(new SqliteTicketStore(database), events);
  const templates = loadReplyTemplates();
  const flows: DialogueFlow[] = [];
  const dialogue = new DialogueManager({
    knowledge,
    retriever,
    router: Router.fromFile(),
    clarifier: new Clarifier(knowledge),
    sectionIntent: new SectionIntent(),
    templates,
    flows,
    escalate: createEscalator(conversations, tickets),
  });
  const assistant = new AssistantService(conversations, dialogue, events, templates);

  return {
    config,
    logger,
    knowledge,
    retriever,
    indexMeta: index.meta,
    database,
    events,
    tickets,
    assistant,
    agents: new AgentAuthService(new SqliteAgentStore(database)),
    desk: new HotlineDesk(tickets, conversations, events, knowledge),
    suggester: new ReplySuggester(knowledge, retriever),
    close: () => database.close(),
  };
}
