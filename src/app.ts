import { join } from "node:path";
import { AgentAuthService } from "./agents/index.ts";
import { EligibilityFlow, FlowCues, FormFlow, loadFlowTemplates } from "./assistant/flows/index.ts";
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
import { ModelAnswerer } from "./assistant/model-answerer.ts";
import { loadPrompts, promptLines } from "./assistant/prompts.ts";
import {
  ConsentService,
  IdentityGuard,
  InMemoryProfileStore,
  loadDemoProfiles,
  ProfileService,
  SessionTokens,
  sessionSecret,
} from "./citizens/index.ts";
import type { Config } from "./config/index.ts";
import { EligibilityService, EligibilityTool, FactExtractor, type KnownFacts } from "./eligibility/index.ts";
import { type EventBus, InProcessEventBus } from "./events/event-bus.ts";
import { DraftService, FormService, PrefillTool } from "./forms/index.ts";
import type { ProfileField } from "./knowledge/index.ts";
import { type KnowledgeBase, loadKnowledgeBase } from "./knowledge/index.ts";
import { LangChainAnswerModel } from "./llm/langchain-answer-model.ts";
import { OpenAiEmbedder } from "./llm/openai-embedder.ts";
import { createLogger, type Logger } from "./logging/logger.ts";
import { MatterService } from "./matters/index.ts";
import {
  attachAsyncEmbedder,
  createRetriever,
  ensureRetrievalIndex,
  type IndexMeta,
  type Retriever,
} from "./retrieval/index.ts";
import { SqliteAgentStore } from "./storage/sqlite/agent.store.ts";
import { SqliteAuditStore } from "./storage/sqlite/audit.store.ts";
import { SqliteConsentStore } from "./storage/sqlite/consent.store.ts";
import { SqliteConversationStore } from "./storage/sqlite/conversation.store.ts";
import { openDatabase, type SqliteDatabase } from "./storage/sqlite/database.ts";
import { SqliteDraftStore } from "./storage/sqlite/draft.store.ts";
import { SqliteTicketStore } from "./storage/sqlite/ticket.store.ts";
import { HotlineDesk, ReplySuggester } from "./tickets/index.ts";
import { TicketService } from "./tickets/ticket.service.ts";

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
  /** Eligibility pre-checks, matters, consent, profiles, forms and drafts (issue 7). */
  eligibility: EligibilityService;
  matters: MatterService;
  consents: ConsentService;
  profiles: ProfileService;
  forms: FormService;
  drafts: DraftService;
  /** The pre-fill tool call, shared by the offline form flow and the LLM agent. */
  prefillTool: PrefillTool;
  /** Signed citizen session tokens (demo sign-in). */
  sessions: SessionTokens;
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
  if (config.llm?.embedModel) {
    // The remote model's vectors serve searchAsync once embedded; the local index serves until then.
    const embedder = new OpenAiEmbedder({ ...config.llm, model: config.llm.embedModel });
    attachAsyncEmbedder(retriever, join(config.dataDir, INDEX_DIRECTORY, "remote"), knowledge, embedder).then(
      ({ meta }) => logger.info({ embedder: meta.embedder.id }, "remote embeddings ready"),
      (error: unknown) => logger.warn({ err: error }, "remote embeddings unavailable; using the local embedder"),
    );
  }

  const database = openDatabase(join(config.dataDir, DATABASE_FILE));
  const events = new InProcessEventBus();
  const conversations = new SqliteConversationStore(database);
  const tickets = new TicketService(new SqliteTicketStore(database), events);
  const templates = loadReplyTemplates();
  const citizenServices = createCitizenServices(config, database, knowledge);
  const flows: DialogueFlow[] = citizenServices.flows;
  const eligibilityTool = new EligibilityTool(citizenServices.services.eligibility);
  const prompts = loadPrompts();
  const modelAnswerer = config.llm
    ? new ModelAnswerer(
        new LangChainAnswerModel(config.llm, prompts),
        knowledge,
        retriever,
        logger,
        config.llm.timeoutMs,
        promptLines(prompts.system),
      )
    : undefined;
  const dialogue = new DialogueManager({
    knowledge,
    retriever,
    router: Router.fromFile(),
    clarifier: new Clarifier(knowledge),
    sectionIntent: new SectionIntent(),
    templates,
    flows,
    escalate: createEscalator(conversations, tickets, (matterId) => knowledge.get(matterId)?.title.zh),
    modelAnswerer,
    // The LLM's tools act for the turn's authenticated citizen only (never an id from the model).
    toolServices: (turn) => ({
      checkEligibility: (matterId, facts) => eligibilityTool.run({ matterId, facts, lang: turn.lang }),
      prefillForm: (matterId) =>
        citizenServices.services.prefillTool.run(
          { matterId, lang: turn.lang },
          { citizenId: turn.citizenId, conversation: [...turn.state.recentQuestions, turn.message] },
        ),
    }),
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
    ...citizenServices.services,
    close: () => database.close(),
  };
}

/** Eligibility, consent, profiles, forms and their dialogue flows over the SQLite adapters. */
function createCitizenServices(config: Config, database: SqliteDatabase, knowledge: KnowledgeBase) {
  const audit = new SqliteAuditStore(database);
  // Demo people live in memory only: no raw demo ID numbers are written to the data dir.
  const profileStore = new InMemoryProfileStore(loadDemoProfiles());
  const consents = new ConsentService(new SqliteConsentStore(database), audit);
  const profiles = new ProfileService(profileStore, consents, audit);
  const eligibility = new EligibilityService(knowledge);
  const extractor = new FactExtractor(knowledge.facts);
  const forms = new FormService(knowledge, profiles, consents, extractor);
  const drafts = new DraftService(forms, new SqliteDraftStore(database), audit);
  const prefillTool = new PrefillTool(forms, drafts);
  const cues = FlowCues.fromFile();
  const flowTemplates = loadFlowTemplates();
  const profileFacts = async (citizenId: string, matterId: string, names: string[]) => {
    const wanted = names.flatMap((name) => knowledge.fact(name)?.profile ?? []) as ProfileField[];
    const read = await profiles.readConsented(citizenId, matterId, wanted);
    const facts: KnownFacts = {};
    for (const name of names) {
      const field = knowledge.fact(name)?.profile;
      const value = field ? read[field] : undefined;
      if (value !== undefined) facts[name] = { value, source: "profile" };
    }
    return facts;
  };
  const flows: DialogueFlow[] = [
    new FormFlow({
      knowledge,
      forms,
      drafts,
      prefill: prefillTool,
      consents,
      identity: IdentityGuard.fromFile(),
      cues,
      templates: flowTemplates,
    }),
    new EligibilityFlow({ knowledge, eligibility, extractor, cues, templates: flowTemplates, profileFacts }),
  ];
  return {
    flows,
    services: {
      eligibility,
      matters: new MatterService(knowledge, (matterId: string) => eligibility.factsOf(matterId)),
      consents,
      profiles,
      forms,
      drafts,
      prefillTool,
      sessions: new SessionTokens(sessionSecret(config.sessionSecret, config.dataDir)),
    },
  };
}
