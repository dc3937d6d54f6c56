import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { z } from "zod";

const districtsSchema = z.array(z.array(z.string().min(2)).min(1));

/** Finds the Shanghai district a citizen named (浦东, 闵行区 …); the district list is data. */
export class DistrictDetector {
  private readonly names: Array<{ name: string; official: string }>;

  constructor(url: URL = new URL("./districts.yaml", import.meta.url)) {
    this.names = districtsSchema
      .parse(parseYaml(readFileSync(url, "utf8")))
      .flatMap((names) => names.map((name) => ({ name, official: names[0] as string })))
      .sort((left, right) => right.name.length - left.name.length);
  }

  /** The official name of the first district named in the texts, most recent text first. */
  detect(texts: readonly string[]): string | undefined {
    for (const text of [...texts].reverse()) {
      const hit = this.names.find(({ name }) => text.includes(name));
      if (hit) return hit.official;
    }
    return undefined;
  }
}
