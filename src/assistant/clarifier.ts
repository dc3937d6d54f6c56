import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { bilingualSchema } from "../knowledge/guide.schema.ts";
import type { KnowledgeBase } from "../knowledge/index.ts";
import { normalise } from "../text/index.ts";
import type { ClarifyOption } from "./conversation.ts";

const ambiguousSchema = z.array(
  z.object({
    terms: z.array(z.string().min(1)).min(1),
    question: bilingualSchema,
    options: z.array(z.string()).min(2).max(5),
  }),
);

// Words that add nothing to what is being asked for ("我想办一下落户" is just "落户").
const FILLER =
  /我想|我要|我们|想要|想|要|需要|怎么|怎样|如何|咋|办理|去办|办|弄|搞|一下|请问|问问|问下|咨询|呢|吗|啊|呀|的|了|在上海|上海|这个|那个|它|手续|业务|事情|怎么回事|\b(please|how|to|do|does|did|i|me|my|we|want|it|its|this|that|the|a|an|is|are|much|many|there|what|can|could|should|get|for|of|on|in|need|shanghai)\b|[\s\p{P}]/gu;

/** What is left of a message once filler words and punctuation are gone. */
export function stripFiller(normalised: string): string {
  return normalised.replace(FILLER, "");
}

export interface Clarification {
  question: string;
  options: ClarifyOption[];
}

/** Spots requests too vague to answer (落户, 我想补办, 注销) and offers the candidate matters. */
export class Clarifier {
  private readonly entries: Array<{ terms: string[]; question: { zh: string; en: string }; options: string[] }>;

  constructor(
    private readonly knowledge: KnowledgeBase,
    url: URL = new URL("./ambiguous-terms.yaml", import.meta.url),
  ) {
    this.entries = ambiguousSchema
      .parse(parseYaml(readFileSync(url, "utf8")))
      .map((entry) => ({ ...entry, terms: entry.terms.map(normalise).sort((a, b) => b.length - a.length) }))
      .map((entry) => ({ ...entry, options: entry.options.filter((id) => knowledge.has(id)) }))
      .filter((entry) => entry.options.length >= 2);
  }

  /** A clarification when the message is essentially one ambiguous term, else undefined. */
  detect(normalised: string, lang: "zh" | "en"): Clarification | undefined {
    for (const entry of this.entries) {
      const term = entry.terms.find((candidate) => normalised.includes(candidate));
      if (!term) continue;
      const rest = stripFiller(normalised.replace(term, ""));
      if (rest.length <= 1) return this.build(entry.question[lang], entry.options, lang);
    }
    return undefined;
  }

  build(question: string, matterIds: string[], lang: "zh" | "en"): Clarification {
    const options = matterIds.flatMap((id) => {
      const guide = this.knowledge.get(id);
      return guide ? [{ matterId: id, title: guide.title[lang] }] : [];
    });
    return { question, options };
  }
}

const ORDINALS: Array<[RegExp, number]> = [
  [/第一|第1|^1$|^一$|first/u, 0],
  [/第二|第2|^2$|^二$|second/u, 1],
  [/第三|第3|^3$|^三$|third/u, 2],
  [/第四|第4|^4$|^四$|fourth/u, 3],
  [/第五|第5|^5$|^五$|fifth/u, 4],
];

/** "第二个" / "2" picks an option by position. */
export function pickByOrdinal(normalised: string, options: ClarifyOption[]): ClarifyOption | undefined {
  const hit = ORDINALS.find(([pattern]) => pattern.test(normalised.trim()));
  return hit ? options[hit[1]] : undefined;
}
