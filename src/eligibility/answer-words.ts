/** Short direct answers to a yes/no question ("是的", "没有", "yes"), and negations that flip a cue. */
export const YES_ANSWERS = [
  "是",
  "是的",
  "是啊",
  "对",
  "对的",
  "对啊",
  "有",
  "有的",
  "有啊",
  "嗯",
  "嗯嗯",
  "在",
  "已经",
  "已经有了",
  "有了",
  "交了",
  "满了",
  "办了",
  "符合",
  "当然",
  "没错",
  "yes",
  "yeah",
  "yep",
  "y",
  "sure",
  "i do",
  "i am",
  "i have",
  "correct",
  "right",
  "true",
];
export const NO_ANSWERS = [
  "否",
  "不是",
  "不",
  "不对",
  "没有",
  "没",
  "无",
  "还没",
  "还没有",
  "没呢",
  "还没呢",
  "不符合",
  "不在",
  "没办",
  "没交",
  "no",
  "nope",
  "n",
  "not",
  "i don't",
  "i do not",
  "i am not",
  "i'm not",
  "i haven't",
  "false",
  "none",
];

/** Strips punctuation and particles from a short answer: "是的。" → "是的", "没有呢" → "没有". */
export function bareAnswer(text: string): string {
  return text
    .replace(/[\p{P}\s]+$/gu, "")
    .replace(/^[\p{P}\s]+/gu, "")
    .replace(/(呢|呀|啊|吧|哦|喔|啦)$/u, "")
    .trim();
}

/** Yes/no from a direct answer (whole message, or its first clause: "没有，我是外地户口"). */
export function directAnswer(text: string): boolean | undefined {
  const clauses = [bareAnswer(text), bareAnswer(text.split(/[，,。.!！;；]/)[0] ?? "")];
  for (const clause of clauses) {
    if (NO_ANSWERS.includes(clause)) return false;
    if (YES_ANSWERS.includes(clause)) return true;
  }
  return undefined;
}

/** A negation just before a yes-cue turns it into a no: "没有上海户口", "not a student". */
export const NEGATION_BEFORE =
  /(不|没|没有|无|非|未|还没|不是)$|\b(not|no|don't have|do not have|never|without|isn't|aren't|haven't)( an?| the| any)? ?$/;
