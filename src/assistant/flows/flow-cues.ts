import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { z } from "zod";

const patterns = z.array(z.string().min(1)).min(1);
const cuesSchema = z.object({
  eligibility: patterns,
  notEligibility: patterns,
  cancel: patterns,
  fill: patterns,
  agree: patterns,
  decline: patterns,
  withdraw: patterns,
  confirm: patterns,
  submit: patterns,
});

export type FlowCueName = keyof z.infer<typeof cuesSchema>;

/** The phrasings that start or steer the flows, compiled from flow-cues.yaml. */
export class FlowCues {
  private readonly compiled: Record<FlowCueName, RegExp[]>;

  constructor(cues: z.infer<typeof cuesSchema>) {
    this.compiled = Object.fromEntries(
      Object.entries(cues).map(([name, list]) => [name, list.map((pattern) => new RegExp(pattern, "u"))]),
    ) as Record<FlowCueName, RegExp[]>;
  }

  static fromFile(url = new URL("./flow-cues.yaml", import.meta.url)): FlowCues {
    return new FlowCues(cuesSchema.parse(parseYaml(readFileSync(url, "utf8"))));
  }

  matches(name: FlowCueName, normalised: string): boolean {
    return this.compiled[name].some((pattern) => pattern.test(normalised));
  }

  /** The text with the matched cue phrasings removed (to see what else the message says). */
  strip(name: FlowCueName, normalised: string): string {
    return this.compiled[name].reduce((text, pattern) => text.replace(pattern, ""), normalised);
  }

  asksEligibility(normalised: string): boolean {
    return this.matches("eligibility", normalised) && !this.matches("notEligibility", normalised);
  }
}
