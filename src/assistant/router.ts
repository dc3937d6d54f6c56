import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { z } from "zod";

const patternSchema = z.object({ re: z.string().min(1), weight: z.number().positive() });
const intentSchema = z.object({
  name: z.string().min(1),
  route: z.enum(["escalate", "refuse", "identity", "failure"]),
  category: z.enum(["咨询", "求助", "投诉", "举报", "建议", "表扬"]).optional(),
  urgency: z.enum(["urgent", "normal"]).optional(),
  reason: z.enum(["injection", "privacy", "fraud", "scope"]).optional(),
  patterns: z.array(patternSchema).min(1),
  /** Phrasings that ask ABOUT the mechanism ("能投诉吗", "怎么打差评") rather than use it. */
  unless: z.array(z.string().min(1)).default([]),
});
const rulesSchema = z.object({ threshold: z.number().positive(), intents: z.array(intentSchema).min(1) });

export type RouteIntent = z.infer<typeof intentSchema>;
export type TicketCategory = NonNullable<RouteIntent["category"]>;
export type RefusalReason = NonNullable<RouteIntent["reason"]>;

export interface RouteDecision {
  intent: RouteIntent;
  score: number;
  /** Every intent at or over the threshold, for explanations and eval. */
  matched: Array<{ name: string; score: number }>;
}

// Security refusals beat everything, then safety; among the rest the higher score wins.
const PRIORITY: Record<string, number> = {
  "prompt-injection": 0,
  fraud: 1,
  "other-person-data": 2,
  "urgent-safety": 3,
};

/** Scores a message against the routing table (rules as data, see routing-rules.yaml). */
export class Router {
  private readonly compiled: Array<{
    intent: RouteIntent;
    patterns: Array<{ re: RegExp; weight: number }>;
    unless: RegExp[];
  }>;

  constructor(
    private readonly threshold: number,
    intents: RouteIntent[],
  ) {
    this.compiled = intents.map((intent) => ({
      intent,
      patterns: intent.patterns.map((pattern) => ({ re: new RegExp(pattern.re, "u"), weight: pattern.weight })),
      unless: intent.unless.map((source) => new RegExp(source, "u")),
    }));
  }

  static fromFile(url: URL = new URL("./routing-rules.yaml", import.meta.url)): Router {
    const rules = rulesSchema.parse(parseYaml(readFileSync(url, "utf8")));
    return new Router(rules.threshold, rules.intents);
  }

  /** The winning intent for a normalised message, or undefined when none reaches the threshold. */
  route(normalised: string): RouteDecision | undefined {
    const matched: Array<{ intent: RouteIntent; score: number }> = [];
    for (const { intent, patterns, unless } of this.compiled) {
      if (unless.some((re) => re.test(normalised))) continue;
      const score = patterns.reduce((sum, pattern) => sum + (pattern.re.test(normalised) ? pattern.weight : 0), 0);
      if (score >= this.threshold) matched.push({ intent, score });
    }
    if (matched.length === 0) return undefined;
    matched.sort(
      (left, right) =>
        (PRIORITY[left.intent.name] ?? 9) - (PRIORITY[right.intent.name] ?? 9) || right.score - left.score,
    );
    const [best] = matched as [{ intent: RouteIntent; score: number }];
    return {
      intent: best.intent,
      score: best.score,
      matched: matched.map((m) => ({ name: m.intent.name, score: m.score })),
    };
  }
}
