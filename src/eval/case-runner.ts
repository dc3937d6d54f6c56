import type { App } from "../app.ts";
import type { Reply } from "../assistant/index.ts";
import { type CaseResult, type Observation, scoreCase } from "./case-score.ts";
import type { EvalCase } from "./eval-case.schema.ts";
import { fixedWording } from "./fixed-text.ts";

/**
 * Puts every case to the assistant in file order (turns sharing a `session` are one conversation)
 * and scores each reply. Latency is the time inside `assistant.chat` only.
 */
export async function runCases(app: App, cases: readonly EvalCase[], runId: string): Promise<CaseResult[]> {
  const contexts = new Map<string, Set<string>>();
  const results: CaseResult[] = [];
  const fixed = fixedWording(app.knowledge.facts);
  const citizenWords = new Map<string, string[]>();
  for (const evalCase of cases) {
    const conversation = evalCase.session ?? evalCase.id;
    const context = contexts.get(conversation) ?? new Set<string>();
    contexts.set(conversation, context);
    const said = citizenWords.get(conversation) ?? [];
    said.push(evalCase.question);
    citizenWords.set(conversation, said);

    const started = performance.now();
    const { reply } = await app.assistant.chat({
      message: evalCase.question,
      sessionId: `eval:${runId}:${conversation}`,
    });
    const latencyMs = performance.now() - started;

    const retrieved = app.retriever.search(evalCase.question).matters.map((matter) => matter.matterId);
    const ticket = reply.ticketId ? await app.tickets.get(reply.ticketId) : undefined;
    const observation: Observation = {
      kind: reply.kind,
      text: reply.text,
      citations: reply.citations,
      options: reply.options.map((option) => option.matterId),
      boilerplate: [...(reply.suggestions ?? []), ...fixed],
      citizenWords: [...said],
      ticket: ticket ? { category: ticket.category, urgency: ticket.urgency } : undefined,
      retrieved,
      knownMatters: new Set([...retrieved, ...context]),
      latencyMs,
    };
    results.push(scoreCase(evalCase, observation, app.knowledge));
    remember(app, context, reply);
  }
  return results;
}

/** What later turns of the conversation may refer back to: matters cited, offered, in focus, bundled. */
function remember(app: App, context: Set<string>, reply: Reply): void {
  const matters = [
    ...reply.citations.map((citation) => citation.matterId),
    ...reply.options.map((option) => option.matterId),
    ...(reply.matterId ? [reply.matterId] : []),
  ];
  for (const matterId of matters) {
    context.add(matterId);
    for (const member of app.knowledge.get(matterId)?.bundle ?? []) context.add(member);
  }
}
