import type { KnowledgeBase } from "../knowledge/index.ts";
import { maskText } from "../privacy/index.ts";
import { type CitationLike, checkCitation, citedTexts } from "./citation-check.ts";
import type { EvalCase, Expectation, ExpectedKind } from "./eval-case.schema.ts";
import { checkFaithfulness } from "./faithfulness.ts";

/** What the assistant did on one turn, as the harness observed it. */
export interface Observation {
  kind: ExpectedKind;
  text: string;
  citations: CitationLike[];
  options: string[];
  /** Fixed wording in the reply (next-step suggestions, template text) that makes no claim. */
  boilerplate: Array<string | RegExp>;
  /** What the citizen said in this conversation so far: echoing it back is not an invention. */
  citizenWords: string[];
  ticket?: { category: string; urgency: string };
  /** Matters the retriever ranks for the question alone, best first. */
  retrieved: string[];
  /** Matters the turn could legitimately cite: retrieved, or in the conversation's context. */
  knownMatters: ReadonlySet<string>;
  latencyMs: number;
}

/** Each check is null when the case does not label what it measures. */
export interface CaseChecks {
  kind: boolean;
  matterTop1: boolean | null;
  recall3: boolean | null;
  section: boolean | null;
  citationsValid: boolean | null;
  faithful: boolean | null;
  category: boolean | null;
  urgency: boolean | null;
}

export interface CaseResult {
  id: string;
  set: string;
  session?: string;
  tags: string[];
  question: string;
  expect: Expectation;
  actual: {
    kind: ExpectedKind;
    matterId: string | null;
    section: string | null;
    options: string[];
    citations: string[];
    ticketCategory: string | null;
    urgency: string | null;
  };
  retrievedTop3: string[];
  checks: CaseChecks;
  /** Routing, matter and options right (sections, citations and faithfulness are measured apart). */
  passed: boolean;
  problems: string[];
  latencyMs: number;
  text: string;
}

const TEXT_CHARS = 240;

/** Scores one observed turn against its labels; pure, so the metrics can be tested without an app. */
export function scoreCase(evalCase: EvalCase, observation: Observation, knowledge: KnowledgeBase): CaseResult {
  const { expect } = evalCase;
  const [first] = observation.citations;
  const problems: string[] = [];

  const kind = observation.kind === expect.kind;
  if (!kind) problems.push(`kind: expected ${expect.kind}, got ${observation.kind}`);

  let matterTop1: boolean | null = null;
  if (expect.options) {
    matterTop1 = expect.options.every((id) => observation.options.includes(id));
  } else if (expect.matterId) {
    matterTop1 =
      observation.kind === "clarify"
        ? observation.options.includes(expect.matterId)
        : first?.matterId === expect.matterId;
  }
  if (matterTop1 === false) problems.push(`matter: expected ${expect.matterId ?? expect.options?.join("|")}`);

  const recall3 =
    expect.matterId && !evalCase.contextual ? observation.retrieved.slice(0, 3).includes(expect.matterId) : null;
  const section = expect.section ? first?.matterId === expect.matterId && first?.section === expect.section : null;
  if (section === false) problems.push(`section: expected ${expect.section}, got ${first?.section ?? "none"}`);

  let citationsValid: boolean | null = null;
  let faithful: boolean | null = null;
  if (observation.kind === "answer" && observation.citations.length > 0) {
    const verdicts = observation.citations.map((citation) =>
      checkCitation(knowledge, citation, observation.knownMatters),
    );
    citationsValid = verdicts.every((verdict) => verdict.valid);
    for (const verdict of verdicts.filter((item) => !item.valid))
      problems.push(`citation ${verdict.citation.matterId}#${verdict.citation.section}: ${verdict.problem}`);
    const check = checkFaithfulness(
      observation.text,
      [...citedTexts(knowledge, observation.citations), ...observation.citizenWords],
      observation.boilerplate,
    );
    faithful = check.faithful;
    if (!faithful) problems.push(`unsupported: ${check.unsupported.map((claim) => claim.text).join(" | ")}`);
  } else if (observation.kind === "answer") {
    problems.push("answer without citations");
    citationsValid = false;
  }

  const category =
    expect.category && observation.kind === "escalate" ? observation.ticket?.category === expect.category : null;
  if (category === false) problems.push(`category: expected ${expect.category}, got ${observation.ticket?.category}`);
  const urgency =
    expect.urgency && observation.kind === "escalate" ? observation.ticket?.urgency === expect.urgency : null;

  return {
    id: evalCase.id,
    set: evalCase.set,
    ...(evalCase.session ? { session: evalCase.session } : {}),
    tags: evalCase.tags,
    question: maskText(evalCase.question),
    expect,
    actual: {
      kind: observation.kind,
      matterId: observation.kind === "clarify" ? (observation.options[0] ?? null) : (first?.matterId ?? null),
      section: first?.section ?? null,
      options: observation.options,
      citations: observation.citations.map((citation) => `${citation.matterId}#${citation.section}`),
      ticketCategory: observation.ticket?.category ?? null,
      urgency: observation.ticket?.urgency ?? null,
    },
    retrievedTop3: observation.retrieved.slice(0, 3),
    checks: { kind, matterTop1, recall3, section, citationsValid, faithful, category, urgency },
    passed: kind && matterTop1 !== false,
    problems,
    latencyMs: Math.round(observation.latencyMs * 100) / 100,
    text: maskText(observation.text.slice(0, TEXT_CHARS)),
  };
}
