import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { SECTION_KEYS, type SectionKey } from "../knowledge/index.ts";

const cuesSchema = z.array(z.object({ section: z.enum(SECTION_KEYS), re: z.string().min(1) }));

/** Finds the guide section a question asks about (材料 → materials, 多久 → time-limit …). */
export class SectionIntent {
  private readonly cues: Array<{ section: SectionKey; re: RegExp }>;

  constructor(url: URL = new URL("./section-cues.yaml", import.meta.url)) {
    this.cues = cuesSchema
      .parse(parseYaml(readFileSync(url, "utf8")))
      .map((cue) => ({ section: cue.section, re: new RegExp(cue.re, "u") }));
  }

  detect(normalised: string): SectionKey | undefined {
    return this.cues.find((cue) => cue.re.test(normalised))?.section;
  }

  /** The message without its section words: "那要带什么材料" leaves almost nothing. */
  strip(normalised: string): string {
    return this.cues.reduce((text, cue) => text.replace(new RegExp(cue.re.source, "gu"), ""), normalised);
  }
}
