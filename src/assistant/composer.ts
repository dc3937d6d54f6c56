import { type Guide, SECTION_TITLES, type SectionKey, sectionTitle } from "../knowledge/index.ts";
import type { Chunk } from "../retrieval/index.ts";
import { type Citation, type Reply, reply } from "./reply.ts";

const MAX_ANSWER_CHARS = 360;

export function guideUrl(matterId: string, section: SectionKey): string {
  return `/guides/${matterId}#${section}`;
}

export function citationFor(guide: Guide, section: SectionKey): Citation {
  return { matterId: guide.id, section, title: sectionTitle(guide, section), url: guideUrl(guide.id, section) };
}

/** Cuts a section to a chat-sized excerpt at a line or sentence end; never rewrites its words. */
export function excerpt(text: string, limit = MAX_ANSWER_CHARS): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit);
  const end = Math.max(cut.lastIndexOf("\n"), cut.lastIndexOf("。"), cut.lastIndexOf("；"));
  return `${(end > limit / 3 ? cut.slice(0, end + 1) : cut).trimEnd()}……`;
}

export interface ComposeInput {
  guide: Guide;
  chunk: Chunk;
  lang: "zh" | "en";
  /** A FAQ item that answers the exact question, shown after the section. */
  faq?: Chunk;
  /** The guide's overview, shown briefly before "how do I" steps. */
  overview?: Chunk;
}

const OVERVIEW_LEAD_CHARS = 120;

const FAQ_EXCERPT_CHARS = 200;

/**
 * Offline answer: the chosen section's own words with its citation, a link to the guide and a next
 * step. Every fact in the text is quoted from the cited section, so nothing can be invented.
 */
export function composeAnswer({ guide, chunk, lang, faq, overview }: ComposeInput): Reply {
  const section = chunk.section;
  const citation = citationFor(guide, section);
  const citations = [citation];
  const lines = [excerpt(chunk.text)];
  if (faq && faq.id !== chunk.id && section !== "faq") {
    citations.push(citationFor(guide, "faq"));
    lines.push(
      lang === "en" ? `Related FAQ [${citations.length}]:` : `相关问答 [${citations.length}]：`,
      excerpt(faq.text, FAQ_EXCERPT_CHARS),
    );
  }
  if (overview && overview.id !== chunk.id) {
    citations.push(citationFor(guide, "overview"));
    lines.unshift(`${excerpt(overview.text, OVERVIEW_LEAD_CHARS)} [${citations.length}]`);
  }
  const body = lines.join("\n");
  const suggestions = nextSteps(guide, lang);
  const text =
    lang === "en"
      ? [
          `${guide.title.en} (${guide.title.zh}) — ${SECTION_TITLES[section].en} (${SECTION_TITLES[section].zh}) [1]:`,
          ...englishGloss(guide),
          `From the official guide (in Chinese):\n${body}`,
          `Full guide: ${citation.url}`,
          ...suggestions,
        ].join("\n")
      : [`【${sectionTitle(guide, section)}】[1]`, body, `完整指南：${citation.url}`, ...suggestions].join("\n");
  return reply("answer", text, { citations, lang, matterId: guide.id, suggestions });
}

/**
 * The guide's English summary, as a gloss for English readers — only when it states no figures,
 * because figures must come from the cited Chinese section, not from a paraphrase.
 */
export function englishGloss(guide: Guide): string[] {
  return /\d/.test(guide.summary.en) ? [] : [guide.summary.en];
}

function nextSteps(guide: Guide, lang: "zh" | "en"): string[] {
  const steps: string[] = [];
  if (guide.eligibility) {
    steps.push(
      lang === "en" ? "Reply “check my eligibility” for a pre-check." : "想知道自己是否符合条件？回复“帮我预判”。",
    );
  }
  if (guide.form) {
    steps.push(
      lang === "en" ? "Reply “fill the form” to pre-fill the application." : "需要填申请表？回复“帮我填表”为您预填。",
    );
  }
  return steps;
}
