import { type StringKey, text } from "./i18n.ts";
import type { FactInfo, FormDraft, Lang, Mode } from "./types.ts";

/** What message views need from the widget: language, mode, the server and the actions. */
export interface ViewContext {
  lang: Lang;
  mode: Mode;
  origin: string;
  /** Sends chat text as the citizen (quick answers, options, consent). */
  say(message: string): void;
  feedback(seq: number, helpful: boolean): void;
  fact(name: string): FactInfo | undefined;
  /** Saves the citizen's edits and confirms the draft; resolves with the updated draft. */
  confirmDraft(draft: FormDraft, values: Record<string, string>): Promise<FormDraft>;
  readAloud(message: string): void;
}

export const t = (context: ViewContext, key: StringKey): string => text(key, context.lang, context.mode);
