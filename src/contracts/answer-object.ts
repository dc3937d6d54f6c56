import type { Reply } from "../assistant/index.ts";

/** The answer object of contract 2, as the CLI and HTTP API print it. */
export interface AnswerObject {
  id?: string;
  kind: Reply["kind"];
  text: string;
  citations: Array<{ matterId: string; section: string; title: string; url?: string }>;
  options: Array<{ matterId: string; title: string }>;
  ticketId: string | null;
  latencyMs: number;
  eligibility?: Reply["eligibility"];
  form?: Reply["form"];
  lang?: Reply["lang"];
  matterId?: string;
  consent?: Reply["consent"];
  handoff?: Reply["handoff"];
  suggestions?: string[];
}

export function presentAnswer(reply: Reply, latencyMs: number, id?: string): AnswerObject {
  const object: AnswerObject = {
    ...(id === undefined ? {} : { id }),
    kind: reply.kind,
    text: reply.text,
    citations: reply.citations.map(({ matterId, section, title, url }) => ({ matterId, section, title, url })),
    options: reply.options.map(({ matterId, title }) => ({ matterId, title })),
    ticketId: reply.ticketId,
    latencyMs: Math.round(latencyMs * 100) / 100,
  };
  if (reply.eligibility) object.eligibility = reply.eligibility;
  if (reply.form) object.form = reply.form;
  if (reply.lang) object.lang = reply.lang;
  if (reply.matterId) object.matterId = reply.matterId;
  if (reply.consent) object.consent = reply.consent;
  if (reply.handoff) object.handoff = reply.handoff;
  if (reply.suggestions?.length) object.suggestions = reply.suggestions;
  return object;
}
