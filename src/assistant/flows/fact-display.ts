import type { FactValue, KnownFact } from "../../eligibility/index.ts";
import type { FactDefinition } from "../../knowledge/index.ts";

const UNIT_WORDS: Record<string, { zh: string; en: string }> = {
  months: { zh: "个月", en: " months" },
  years: { zh: "年", en: " years" },
  points: { zh: "分", en: " points" },
  yuan: { zh: "元", en: " yuan" },
  people: { zh: "人", en: " people" },
  days: { zh: "天", en: " days" },
};

const SOURCE_WORDS: Record<KnownFact["source"], { zh: string; en: string }> = {
  conversation: { zh: "您之前提到", en: "you mentioned" },
  profile: { zh: "授权资料", en: "your consented profile" },
  citizen: { zh: "您的回答", en: "your answer" },
};

/** A fact in plain words: "社保缴纳时长：24个月（您之前提到）". */
export function describeFact(definition: FactDefinition, fact: KnownFact, lang: "zh" | "en"): string {
  return `${definition.label[lang]}${lang === "zh" ? "：" : ": "}${describeValue(definition, fact.value, lang)}${
    lang === "zh" ? `（${SOURCE_WORDS[fact.source].zh}）` : ` (${SOURCE_WORDS[fact.source].en})`
  }`;
}

function describeValue(definition: FactDefinition, value: FactValue, lang: "zh" | "en"): string {
  if (typeof value === "boolean") return lang === "zh" ? (value ? "是" : "否") : value ? "yes" : "no";
  if (definition.type === "enum") {
    const option = definition.options?.find((candidate) => candidate.value === value);
    return option ? option.label[lang] : String(value);
  }
  if (typeof value === "number") {
    if (definition.cues.includes("岁")) return lang === "zh" ? `${value}岁` : `${value}`;
    return `${value}${definition.unit ? (UNIT_WORDS[definition.unit]?.[lang] ?? "") : ""}`;
  }
  return String(value);
}
