import type { Lang } from "./types.ts";

export const canSpeak = (): boolean => typeof window !== "undefined" && "speechSynthesis" in window;

/** Reads a reply aloud with the browser's speech synthesis, slower for elder mode; silent where unsupported. */
export function speak(text: string, lang: Lang): void {
  if (!canSpeak()) return;
  const utterance = new SpeechSynthesisUtterance(forListening(text));
  utterance.lang = lang === "zh" ? "zh-CN" : "en-US";
  utterance.rate = 0.85;
  window.speechSynthesis.cancel();
  window.speechSynthesis.speak(utterance);
}

/** What a listener needs: no links, no citation markers, no brackets read out as symbols. */
export function forListening(text: string): string {
  return text
    .split("\n")
    .filter((line) => !/\/guides\/|https?:\/\//.test(line))
    .join("\n")
    .replace(/\[\d+\]/g, "")
    .replace(/[【】]/g, " ");
}
