import type { Guide, KnowledgeBase, SectionKey } from "../knowledge/index.ts";
import type { Chunk, RetrievalResult, Retriever } from "../retrieval/index.ts";
import { detectLanguage, normalise } from "../text/index.ts";
import { type Clarification, type Clarifier, pickByOrdinal, stripFiller } from "./clarifier.ts";
import { citationFor, composeAnswer, englishGloss, excerpt } from "./composer.ts";
import type { SessionState } from "./conversation.ts";
import type { ModelAnswerer, ModelTurnOptions } from "./model-answerer.ts";
import { type Reply, reply } from "./reply.ts";
import type { RouteIntent, Router } from "./router.ts";
import type { SectionIntent } from "./section-intent.ts";
import { fill, type ReplyTemplates } from "./templates.ts";
import type { ToolboxServices } from "./toolbox.ts";

/** One citizen turn as the dialogue and its flows see it. */
export interface Turn {
  state: SessionState;
  message: string;
  normalised: string;
  lang: "zh" | "en";
  citizenId?: string;
  /** Id of the stored user message, for idempotent side effects. */
  messageKey: string;
}

/** A multi-turn flow (eligibility check, consent + form pre-fill) plugged into the dialogue. */
export interface DialogueFlow {
  readonly name: string;
  /** Continues this flow's pending question; undefined when the turn is not for it. */
  resume(turn: Turn): Promise<Reply | undefined>;
  /** Starts the flow when the message asks for it about `matterId`. */
  start(turn: Turn, matterId: string | undefined): Promise<Reply | undefined>;
}

export interface Escalation {
  intent: Pick<RouteIntent, "name" | "category" | "urgency">;
  turn: Turn;
  matterId?: string;
}

/** Creates the 12345 ticket for an escalation and returns its id. */
export type Escalator = (escalation: Escalation) => Promise<string>;

export interface DialogueDependencies {
  knowledge: KnowledgeBase;
  retriever: Retriever;
  router: Router;
  clarifier: Clarifier;
  sectionIntent: SectionIntent;
  templates: ReplyTemplates;
  flows: DialogueFlow[];
  escalate: Escalator;
  /** LLM mode: present only when a model endpoint is configured. */
  modelAnswerer?: ModelAnswerer;
  /** Services the LLM's tools may call (eligibility, pre-fill), bound per turn. */
  toolServices?: (turn: Turn) => ToolboxServices;
}

const REPEATED_FAILURES = 3;
/** Two matters this close in score, with neither named, make the question ambiguous. */
const AMBIGUITY_RATIO = 0.97;
/** How much better an unnamed matter must fit to beat one the question names. */
const NAMED_MATTER_MARGIN = 1.1;
/** At most this many meaningful characters left beside the question words make a follow-up. */
const FOLLOW_UP_RESIDUE = 3;
/** A longer message is still a follow-up when the current matter ranks this high for it. */
const FOLLOW_UP_RANKS = 5;
/** A matter outside the conversation scoring this many times the runner-up starts a new topic. */
const TOPIC_SWITCH_DOMINANCE = 2;
/** Words that point back at what was just discussed ("它", "那个", "it"): stay on the topic. */
const REFERS_BACK = /它|那个|这个|上面|刚才|\b(it|this|that|there)\b/u;
/** A FAQ item this close to the best hit answers the exact question and is shown too. */
const FAQ_SUPPLEMENT_RATIO = 0.7;

/** Decides the reply to one turn: route, continue a flow, clarify, or answer from the guides. */
export class DialogueManager {
  constructor(private readonly deps: DialogueDependencies) {}

  async respond(
    state: SessionState,
    message: string,
    citizenId: string | undefined,
    messageKey: string,
    options: ModelTurnOptions = {},
  ): Promise<Reply> {
    const normalised = normalise(message);
    const lang = detectLanguage(normalised);
    state.lang = lang;
    const turn: Turn = { state, message, normalised, lang, citizenId, messageKey };

    const decision = this.deps.router.route(normalised);
    if (decision?.intent.route === "refuse") return this.refuse(decision.intent, lang);
    if (decision?.intent.route === "escalate")
      return this.escalate({ intent: decision.intent, turn, matterId: state.currentMatterId });
    if (decision?.intent.route === "failure") return this.failure(turn);
    if (decision?.intent.route === "identity") return this.identity(lang);

    for (const flow of this.deps.flows) {
      const resumed = await flow.resume(turn);
      if (resumed) return this.remember(state, resumed);
    }

    const retrieval = this.deps.retriever.search(message);
    const chosen = this.resolveClarification(turn, retrieval);
    const matterId = chosen ?? this.focusMatter(turn, retrieval);
    if (!chosen) {
      const vague = this.deps.clarifier.detect(normalised, lang);
      // "丢了怎么办" while talking about the social security card is about that card: no need to ask.
      const settled = (id: string | undefined) => vague?.options.some((option) => option.matterId === id);
      if (vague && !retrieval.namedMatters.some(settled) && !settled(state.currentMatterId)) {
        return this.clarify(state, vague);
      }
    }

    for (const flow of this.deps.flows) {
      const started = await flow.start(turn, matterId);
      if (started) return this.remember(state, started);
    }

    if (!matterId) {
      const contentless = stripFiller(this.deps.sectionIntent.strip(normalised)).length <= 1;
      const ambiguous = this.ambiguity(retrieval, lang, contentless);
      if (ambiguous) return this.clarify(state, ambiguous);
      return this.notFound(turn);
    }
    const guide = this.deps.knowledge.get(matterId) as Guide;
    const { chunk, faq, overview } = this.pickChunks(guide, normalised, retrieval);
    state.failures = 0;
    const modelReply = await this.deps.modelAnswerer?.answer(
      turn,
      guide,
      chunk,
      retrieval,
      this.toolServices(turn),
      options,
    );
    return this.remember(state, modelReply ?? composeAnswer({ guide, chunk, lang, faq, overview }));
  }

  private toolServices(turn: Turn): ToolboxServices {
    const services = this.deps.toolServices?.(turn) ?? {};
    return {
      ...services,
      createTicket: async (category, summary) =>
        this.deps.escalate({
          intent: { name: "llm-handoff", category: category as Escalation["intent"]["category"], urgency: "normal" },
          turn: { ...turn, message: `${turn.message}\n${summary}` },
          matterId: turn.state.currentMatterId,
        }),
    };
  }

  /** The matter a turn is about: one it names, else the conversation's (a follow-up), else the best hit. */
  private focusMatter(turn: Turn, retrieval: RetrievalResult): string | undefined {
    const { state, normalised } = turn;
    const named = this.bestNamedMatter(retrieval);
    if (named) return named;
    const current = state.currentMatterId;
    const residue = stripFiller(this.deps.sectionIntent.strip(normalised));
    const [top] = retrieval.matters;
    // A follow-up ("那要多久", "要带啥") says little beyond its question words; a new topic says more.
    const inView = (id: string) =>
      id === current || (this.deps.knowledge.get(current ?? "")?.bundle ?? []).includes(id);
    // ...unless the retrieval points clearly at another matter ("护照在哪里办" after 居住证).
    const second = retrieval.matters[1];
    const elsewhere =
      residue.length >= 2 &&
      !REFERS_BACK.test(normalised) &&
      top !== undefined &&
      !inView(top.matterId) &&
      top.score >= TOPIC_SWITCH_DOMINANCE * (second?.score ?? 0);
    const followUp =
      !elsewhere &&
      (residue.length <= FOLLOW_UP_RESIDUE ||
        !top ||
        retrieval.matters.slice(0, FOLLOW_UP_RANKS).some((matter) => inView(matter.matterId)));
    if (current && followUp) {
      const guide = this.deps.knowledge.get(current);
      // A follow-up inside a "one thing" bundle may be about one of its members.
      const member = retrieval.matters.find((matter) => guide?.bundle.includes(matter.matterId));
      return member && residue.length > 1 ? member.matterId : current;
    }
    if (!top) return undefined;
    // "那要带什么材料" with no matter in view names no matter at all: ask rather than guess.
    if (residue.length <= 1) return undefined;
    if (second && second.score / top.score > AMBIGUITY_RATIO) return undefined;
    return top.matterId;
  }

  /**
   * A matter whose name or alias the question contains wins, unless another matter clearly fits
   * the whole question better ("拿居住证七年了能转户口吗" names 居住证 but asks about 居转户).
   */
  private bestNamedMatter(retrieval: RetrievalResult): string | undefined {
    if (retrieval.namedMatters.length === 0) return undefined;
    const scoreOf = (id: string) => retrieval.matters.find((matter) => matter.matterId === id)?.score ?? 0;
    const named = [...retrieval.namedMatters].sort((left, right) => scoreOf(right) - scoreOf(left));
    const best = named[0] as string;
    const top = retrieval.matters[0];
    if (top && !named.includes(top.matterId) && top.score > scoreOf(best) * NAMED_MATTER_MARGIN) return top.matterId;
    return best;
  }

  private ambiguity(retrieval: RetrievalResult, lang: "zh" | "en", contentless = false): Clarification | undefined {
    const [top] = retrieval.matters;
    if (!top) return undefined;
    const ratio = contentless ? 0 : AMBIGUITY_RATIO;
    const close = retrieval.matters.filter((matter) => matter.score / top.score > ratio).slice(0, contentless ? 3 : 4);
    if (close.length < 2) return undefined;
    const question = lang === "en" ? "Which of these do you mean?" : "请问您想办理的是以下哪一项？";
    return this.deps.clarifier.build(
      question,
      close.map((matter) => matter.matterId),
      lang,
    );
  }

  /** Resolves the answer to a pending clarifying question against the options offered. */
  private resolveClarification(turn: Turn, retrieval: RetrievalResult): string | undefined {
    const pending = turn.state.pendingClarify;
    if (!pending) return undefined;
    turn.state.pendingClarify = undefined;
    const byOrdinal = pickByOrdinal(turn.normalised, pending.options);
    if (byOrdinal) return byOrdinal.matterId;
    const optionIds = pending.options.map((option) => option.matterId);
    const named = retrieval.namedMatters.find((id) => optionIds.includes(id));
    if (named) return named;
    const byTitle = pending.options.find((option) => turn.normalised.includes(normalise(option.title)));
    if (byTitle) return byTitle.matterId;
    const within = this.deps.retriever.search(turn.message, { matterIds: optionIds });
    const [best, next] = within.matters;
    if (best && (!next || next.score < best.score * 0.85)) return best.matterId;
    return undefined;
  }

  /**
   * The section the question asks for (材料 → materials …); without a cue, a matching FAQ item or
   * the overview. A FAQ item that matches the question well rides along as a supplement.
   */
  private pickChunks(
    guide: Guide,
    normalised: string,
    retrieval: RetrievalResult,
  ): { chunk: Chunk; faq?: Chunk; overview?: Chunk } {
    const asked = this.deps.sectionIntent.detect(normalised);
    const sectionChunk = (key: SectionKey) => this.deps.retriever.chunksOf(guide.id, key)[0];
    const ownHits = retrieval.chunks.filter((scored) => scored.chunk.matterId === guide.id);
    const topScore = retrieval.chunks[0]?.score ?? 0;
    const faqHit = ownHits.find(
      (scored) => scored.chunk.section === "faq" && scored.score >= topScore * FAQ_SUPPLEMENT_RATIO,
    );
    if (asked) {
      const chunk = sectionChunk(asked);
      // "怎么办" deserves a one-line "what is it" before the steps.
      if (chunk)
        return { chunk, faq: faqHit?.chunk, overview: asked === "process" ? sectionChunk("overview") : undefined };
    }
    const best = ownHits.find((scored) => scored.chunk.section !== "overview");
    if (best?.chunk.section === "faq") return { chunk: best.chunk };
    return { chunk: sectionChunk("overview") ?? (this.deps.retriever.chunksOf(guide.id)[0] as Chunk) };
  }

  private remember(state: SessionState, answer: Reply): Reply {
    if (answer.matterId) state.currentMatterId = answer.matterId;
    const section = answer.citations[0]?.section;
    if (section) state.lastSection = section as SectionKey;
    return answer;
  }

  private clarify(state: SessionState, clarification: Clarification): Reply {
    state.pendingClarify = clarification;
    const list = clarification.options.map((option, index) => `${index + 1}. ${option.title}`).join("\n");
    return reply("clarify", `${clarification.question}\n${list}`, { options: clarification.options, lang: state.lang });
  }

  private refuse(intent: RouteIntent, lang: "zh" | "en"): Reply {
    return reply("refuse", this.deps.templates.refuse[intent.reason ?? "scope"][lang], { lang });
  }

  private async escalate(escalation: Escalation): Promise<Reply> {
    const { turn, intent } = escalation;
    const ticketId = await this.deps.escalate(escalation);
    const key = intent.name === "repeated-failure" ? "failure" : intent.urgency === "urgent" ? "urgent" : "default";
    const text = fill(this.deps.templates.escalate[key][turn.lang], { ticketId, category: intent.category ?? "咨询" });
    turn.state.failures = 0;
    return reply("escalate", text, { ticketId, lang: turn.lang, matterId: escalation.matterId });
  }

  private failure(turn: Turn): Promise<Reply> {
    return this.escalate({
      intent: { name: "repeated-failure", category: "咨询", urgency: "normal" },
      turn,
      matterId: turn.state.currentMatterId,
    });
  }

  private async notFound(turn: Turn): Promise<Reply> {
    turn.state.failures += 1;
    if (turn.state.failures >= REPEATED_FAILURES) return this.failure(turn);
    const hotline = this.deps.knowledge.get("hotline-12345") ?? this.deps.knowledge.get("platform-overview");
    const text = this.deps.templates.notFound[turn.lang];
    const section = hotline?.sections.overview;
    if (!hotline || !section) return reply("refuse", text, { lang: turn.lang });
    return reply("answer", `${text}\n${excerpt(section.text, 160)}`, {
      citations: [citationFor(hotline, "overview")],
      lang: turn.lang,
    });
  }

  private identity(lang: "zh" | "en"): Reply {
    const guide = this.deps.knowledge.get("platform-overview");
    const section = guide?.sections.overview;
    if (!guide || !section) return reply("refuse", this.deps.templates.refuse.scope[lang], { lang });
    const lead = this.deps.templates.identityLead[lang];
    const body = lang === "en" ? (englishGloss(guide)[0] ?? excerpt(section.text, 260)) : excerpt(section.text, 260);
    return reply("answer", `${lead}${body} [1]`, {
      citations: [citationFor(guide, "overview")],
      lang,
      matterId: guide.id,
    });
  }
}
