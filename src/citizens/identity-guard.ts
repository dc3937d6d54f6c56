import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { detectPii } from "../privacy/index.ts";

const cuesSchema = z.object({
  actions: z.array(z.string().min(1)).min(1),
  others: z.array(z.string().min(1)).min(1),
  surnames: z.string().min(1),
  english: z.array(z.string().min(1)),
});

export type ForeignIdentity = "id-number" | "other-person";

/** A long digit run, or a region-code prefix trailing off ("310101…"), reads as an identity number. */
const IDENTITY_NUMBER = /\d{6,}|[1-9]\d{5}(…|\.{2,}|\*+|x)/i;

/**
 * Spots a request to act for someone other than the signed-in citizen: an ID/phone number typed into
 * the chat, or another person named as the one to fill/apply for. Never used to pick an identity.
 */
export class IdentityGuard {
  private readonly viaOther: RegExp;
  private readonly english: RegExp;

  constructor(cues: z.infer<typeof cuesSchema>) {
    const others = [...cues.others].sort((a, b) => b.length - a.length).join("|");
    const actions = cues.actions.join("|");
    const name = `[${cues.surnames}][\\p{Script=Han}]{1,2}`;
    this.viaOther = new RegExp(`(帮|替|给|为|代)(${others}|${name})(的)?(${actions})`, "u");
    this.english = new RegExp(cues.english.join("|"), "i");
  }

  static fromFile(url = new URL("./identity-cues.yaml", import.meta.url)): IdentityGuard {
    return new IdentityGuard(cuesSchema.parse(parseYaml(readFileSync(url, "utf8"))));
  }

  detect(text: string): ForeignIdentity | undefined {
    const kinds = detectPii(text);
    if (kinds.includes("idCard") || kinds.includes("phone") || IDENTITY_NUMBER.test(text)) return "id-number";
    if (this.viaOther.test(text) || this.english.test(text)) return "other-person";
    return undefined;
  }
}
