import { z } from "zod";

const MARKER = /\[\[([a-z0-9]+(?:-[a-z0-9]+)*#[a-z-]+)\]\]/g;
const outputSchema = z.string().trim().min(1, "empty answer").max(6000, "answer too long");

/**
 * Validates a model's text and keeps only citations of sections it was actually given: each valid
 * [[matter#section]] marker becomes [n], unknown ones are removed. Throws on empty or oversized text.
 */
export function resolveCitations(
  raw: unknown,
  allowed: ReadonlySet<string>,
): { text: string; keys: string[]; dropped: string[] } {
  const text = outputSchema.parse(raw);
  const keys: string[] = [];
  const dropped: string[] = [];
  const numbered = text.replace(MARKER, (_whole, key: string) => {
    if (!allowed.has(key)) {
      dropped.push(key);
      return "";
    }
    let index = keys.indexOf(key);
    if (index < 0) index = keys.push(key) - 1;
    return `[${index + 1}]`;
  });
  return { text: numbered.replace(/[ \t]+\n/g, "\n").trim(), keys, dropped };
}
