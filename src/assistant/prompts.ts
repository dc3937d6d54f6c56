import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { PROMPTS_DIR } from "./templates.ts";

/** The LLM prompts, loaded from prompts/ with a version (content hash) for logs and eval reports. */
export interface PromptSet {
  system: string;
  answerStyle: string;
  version: string;
}

export function loadPrompts(directory: URL = PROMPTS_DIR): PromptSet {
  const system = readFileSync(new URL("system.md", directory), "utf8").trim();
  const answerStyle = readFileSync(new URL("answer-style.md", directory), "utf8").trim();
  const version = createHash("sha256").update(system).update(answerStyle).digest("hex").slice(0, 12);
  return { system, answerStyle, version };
}

/** The distinctive lines of a prompt (long enough not to occur in a normal answer by chance). */
export function promptLines(prompt: string, minLength = 16): string[] {
  return prompt
    .split("\n")
    .map((line) => line.replace(/^\d+\.\s*/, "").trim())
    .filter((line) => line.length >= minLength);
}
