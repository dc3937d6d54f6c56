import {
  type EligibilityCheck,
  type EligibilityService,
  type FactExtractor,
  type KnownFacts,
  NoEligibilityRulesError,
} from "../../eligibility/index.ts";
import type { Guide, KnowledgeBase } from "../../knowledge/index.ts";
import { maskText } from "../../privacy/index.ts";
import { citationFor } from "../composer.ts";
import type { SessionState } from "../conversation.ts";
import type { DialogueFlow, Turn } from "../dialogue.ts";
import { type Reply, reply } from "../reply.ts";
import { fill } from "../templates.ts";
import { describeFact } from "./fact-display.ts";
import type { FlowCues } from "./flow-cues.ts";
import type { FlowTemplates } from "./flow-templates.ts";

export const ELIGIBILITY_FLOW = "eligibility";
/** How many recent citizen messages are kept to find facts said before a check starts. */
const HEARD_LIMIT = 12;

export interface EligibilityFlowState {
  /** Recent citizen messages (masked), oldest first. */
  heard: string[];
  /** The check in progress. */
  active?: { matterId: string; facts: KnownFacts; asking: string[] };
  /** Facts of finished checks, by matter: the form pre-fill reuses them. */
  settled: Record<string, KnownFacts>;
}

/** Reads consented profile facts for a matter (empty without consent or sign-in). */
export type ProfileFactReader = (citizenId: string, matterId: string, facts: string[]) => Promise<KnownFacts>;

export interface EligibilityFlowDependencies {
  knowledge: KnowledgeBase;
  eligibility: EligibilityService;
  extractor: FactExtractor;
  cues: FlowCues;
  templates: FlowTemplates;
  profileFacts?: ProfileFactReader;
}

export function eligibilityState(state: SessionState): EligibilityFlowState {
  const existing = state.flows[ELIGIBILITY_FLOW] as EligibilityFlowState | undefined;
  if (existing) return existing;
  const created: EligibilityFlowState = { heard: [], settled: {} };
  state.flows[ELIGIBILITY_FLOW] = created;
  return created;
}

/**
 * 申请条件预判 in chat: "我能办居住证积分吗" starts a check; missing facts are asked one or two at a
 * time; the verdict cites each rule's guide section and says it is a pre-judgement.
 */
export class EligibilityFlow implements DialogueFlow {
  readonly name = ELIGIBILITY_FLOW;

  constructor(private readonly deps: EligibilityFlowDependencies) {}

  async resume(turn: Turn): Promise<Reply | undefined> {
    const flow = eligibilityState(turn.state);
    flow.heard = [...flow.heard, maskText(turn.message)].slice(-HEARD_LIMIT);
    const active = flow.active;
    if (!active) return undefined;
    if (this.deps.cues.matches("cancel", turn.normalised)) {
      flow.active = undefined;
      return reply("answer", this.deps.templates.eligibility.cancelled[turn.lang], {
        lang: turn.lang,
        matterId: active.matterId,
        citations: [citationFor(this.guide(active.matterId), "conditions")],
      });
    }
    const found = this.deps.extractor.extract(turn.message, {
      candidates: this.deps.eligibility.factsOf(active.matterId),
      pending: active.asking,
    });
    if (!Object.keys(found).length) {
      // Not an answer: the citizen has moved on (a new check or another question starts afresh).
      flow.active = undefined;
      return undefined;
    }
    for (const [name, value] of Object.entries(found)) active.facts[name] = { value, source: "citizen" };
    return this.respond(turn, active.matterId, active.facts, false);
  }

  async start(turn: Turn, matterId: string | undefined): Promise<Reply | undefined> {
    if (!this.deps.cues.asksEligibility(turn.normalised)) return undefined;
    const target = this.pickMatter(turn, matterId);
    if (!target) return undefined;
    const flow = eligibilityState(turn.state);
    const candidates = this.deps.eligibility.factsOf(target);
    const facts: KnownFacts = {};
    for (const message of flow.heard) {
      for (const [name, value] of Object.entries(this.deps.extractor.extract(message, { candidates })))
        facts[name] = { value, source: "conversation" };
    }
    if (turn.citizenId && this.deps.profileFacts) {
      const unknown = candidates.filter((name) => !facts[name]);
      Object.assign(facts, await this.deps.profileFacts(turn.citizenId, target, unknown));
    }
    return this.respond(turn, target, facts, true);
  }

  /** The matter to check: the one in the message if it has rules, else the conversation's. */
  private pickMatter(turn: Turn, matterId: string | undefined): string | undefined {
    const current = turn.state.currentMatterId;
    const bare = this.deps.cues.strip("eligibility", turn.normalised).replace(/[\s\p{P}]/gu, "").length <= 4;
    const ordered = bare ? [current, matterId] : [matterId, current];
    return ordered.find((id): id is string => Boolean(id && this.deps.eligibility.hasRules(id)));
  }

  private respond(turn: Turn, matterId: string, facts: KnownFacts, starting: boolean): Reply {
    const flow = eligibilityState(turn.state);
    const { lang } = turn;
    const check = this.deps.eligibility.check(matterId, facts, { lang });
    const guide = this.guide(matterId);
    const eligibility = {
      matterId,
      outcome: check.outcome,
      missing: check.missing,
      failed: check.failed,
    };
    if (check.outcome === "undetermined") {
      const asking = this.nextQuestions(check);
      flow.active = { matterId, facts, asking };
      return reply("answer", this.askText(guide, check, facts, asking, starting, lang), {
        eligibility,
        lang,
        matterId,
        citations: [citationFor(guide, "conditions")],
      });
    }
    flow.active = undefined;
    flow.settled[matterId] = facts;
    return this.verdict(guide, check, eligibility, lang);
  }

  /** One or two facts at a time; never two yes/no questions at once (a bare "是" must be unambiguous). */
  private nextQuestions(check: EligibilityCheck): string[] {
    const [first, second] = check.missing;
    if (!first) return [];
    if (!second) return [first];
    const isBoolean = (name: string) => this.deps.knowledge.fact(name)?.type === "boolean";
    return isBoolean(first) && isBoolean(second) ? [first] : [first, second];
  }

  private askText(
    guide: Guide,
    check: EligibilityCheck,
    facts: KnownFacts,
    asking: string[],
    starting: boolean,
    lang: "zh" | "en",
  ): string {
    const templates = this.deps.templates.eligibility;
    const lines: string[] = [];
    if (starting) lines.push(fill(templates.start[lang], { title: guide.title[lang] }));
    const known = Object.entries(facts)
      .filter(([name]) => this.deps.knowledge.fact(name))
      .map(([name, fact]) => describeFact(this.deps.knowledge.fact(name)!, fact, lang));
    if (known.length) lines.push(fill(templates.known[lang], { facts: known.join(lang === "zh" ? "；" : "; ") }));
    lines.push(templates.ask[lang]);
    asking.forEach((name, index) => {
      const question = check.questions?.find((item) => item.fact === name)?.ask ?? name;
      lines.push(asking.length > 1 ? `${index + 1}. ${question}` : question);
    });
    lines.push(templates.leave[lang]);
    return lines.join("\n");
  }

  private verdict(guide: Guide, check: EligibilityCheck, eligibility: Reply["eligibility"], lang: "zh" | "en"): Reply {
    const templates = this.deps.templates.eligibility;
    const rules = guide.eligibility?.rules ?? [];
    const cited =
      check.outcome === "eligible" ? rules : rules.filter((rule) => check.failed.some((f) => f.rule === rule.id));
    const sections = [...new Set(cited.map((rule) => rule.section))];
    const citations = sections.map((section) => citationFor(guide, section));
    const marker = (section: string) => `[${sections.indexOf(section as never) + 1}]`;
    const lines = [
      fill((check.outcome === "eligible" ? templates.eligible : templates.notEligible)[lang], {
        title: guide.title[lang],
      }),
    ];
    for (const rule of cited) {
      lines.push(
        check.outcome === "eligible"
          ? `✓ ${rule.clause} ${marker(rule.section)}`
          : `✗ ${rule.message[lang]}${lang === "zh" ? `（依据：${rule.clause}）` : ` (rule: ${rule.clause})`} ${marker(rule.section)}`,
      );
    }
    lines.push(templates.notice[lang]);
    if (check.outcome === "eligible" && guide.form) lines.push(templates.nextForm[lang]);
    return reply("answer", lines.join("\n"), { eligibility, lang, matterId: guide.id, citations });
  }

  private guide(matterId: string): Guide {
    const guide = this.deps.knowledge.get(matterId);
    if (!guide?.eligibility) throw new NoEligibilityRulesError(matterId);
    return guide;
  }
}
