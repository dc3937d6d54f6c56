import type { Lang, Mode } from "./types.ts";

/** UI words in Chinese and English; elder mode uses the shorter, plainer `elder` variants. */
const STRINGS = {
  launcher: { zh: "小申 在线咨询", en: "Ask Xiao Shen", elderZh: "问小申", elderEn: "Ask for help" },
  title: { zh: "小申 · 一网通办智能客服", en: "Xiao Shen · Shanghai services", elderZh: "小申", elderEn: "Xiao Shen" },
  close: { zh: "关闭", en: "Close" },
  inputLabel: { zh: "输入您的问题", en: "Type your question", elderZh: "在这里写问题", elderEn: "Write here" },
  placeholder: {
    zh: "例如：办居住证要什么材料",
    en: "e.g. documents for a residence permit",
    elderZh: "比如：办老年卡",
    elderEn: "e.g. senior card",
  },
  send: { zh: "发送", en: "Send" },
  human: { zh: "转人工", en: "Talk to a person", elderZh: "找真人", elderEn: "Get a person" },
  // A toggle keeps one name; aria-pressed tells whether the mode is on.
  elderOn: { zh: "长者模式", en: "Elder mode" },
  langToggle: { zh: "English", en: "中文" },
  langToggleLabel: { zh: "Switch to English", en: "切换到中文" },
  welcome: {
    zh: "您好，我是小申。请问您想办什么事？",
    en: "Hello, I'm Xiao Shen. What would you like to get done?",
    elderZh: "您好！我是小申。想办什么事？",
    elderEn: "Hello! What do you need?",
  },
  you: { zh: "我", en: "You" },
  assistant: { zh: "小申", en: "Xiao Shen" },
  agent: { zh: "12345 工作人员", en: "12345 agent" },
  sources: { zh: "来源", en: "Sources" },
  chooseOne: { zh: "请选择：", en: "Please choose:", elderZh: "点一个：", elderEn: "Tap one:" },
  yes: { zh: "是", en: "Yes" },
  no: { zh: "否", en: "No" },
  numberLabel: { zh: "填写数字", en: "Enter a number", elderZh: "写数字", elderEn: "Number" },
  answer: { zh: "回答", en: "Answer" },
  helpful: { zh: "有用", en: "Helpful" },
  unhelpful: { zh: "没用", en: "Not helpful" },
  feedbackLabel: { zh: "这个回答有帮助吗？", en: "Was this helpful?" },
  thanks: { zh: "谢谢您的反馈", en: "Thanks for the feedback" },
  readAloud: { zh: "朗读", en: "Read aloud" },
  handoff: { zh: "已转人工，工单号：", en: "With a 12345 agent. Ticket: ", elderZh: "已找到真人帮您。单号：" },
  formTitle: { zh: "预填申请表（请核对）", en: "Pre-filled application (please check)", elderZh: "请看一下这张表" },
  formHint: {
    zh: "确认前不会提交。可以直接修改每一项。",
    en: "Nothing is sent until you confirm. You can edit every field.",
    elderZh: "不点确认，就不会提交。",
    elderEn: "Nothing is sent until you confirm.",
  },
  formConfirm: { zh: "确认无误", en: "Confirm", elderZh: "没问题，确认" },
  formConfirmed: { zh: "已确认", en: "Confirmed" },
  formSubmitted: { zh: "已提交", en: "Submitted" },
  formError: { zh: "保存失败，请重试", en: "Could not save. Please try again." },
  missing: { zh: "待填写", en: "To fill in" },
  sourceProfile: { zh: "来自您的档案", en: "from your profile" },
  sourceConversation: { zh: "来自对话", en: "from our chat" },
  sourceCitizen: { zh: "您填写的", en: "entered by you" },
  sourceEligibility: { zh: "来自条件预检", en: "from the eligibility check" },
  consentTitle: { zh: "需要您的同意", en: "Your consent is needed" },
  consentFields: { zh: "将读取：", en: "Will read: " },
  agree: { zh: "同意", en: "Agree" },
  decline: { zh: "不同意", en: "Decline" },
  eligible: { zh: "预检结果：符合条件", en: "Pre-check: eligible" },
  notEligible: { zh: "预检结果：暂不符合", en: "Pre-check: not eligible" },
  offline: { zh: "网络断开，正在重连…", en: "Connection lost, reconnecting…" },
  online: { zh: "已重新连接", en: "Reconnected" },
  unread: { zh: "条新消息", en: "new" },
  sending: { zh: "小申正在回复…", en: "Xiao Shen is replying…" },
  sendFailed: { zh: "发送失败，正在重试", en: "Sending failed, retrying" },
} as const;

export type StringKey = keyof typeof STRINGS;

interface Variants {
  zh: string;
  en: string;
  elderZh?: string;
  elderEn?: string;
}

export function text(key: StringKey, lang: Lang, mode: Mode): string {
  const entry: Variants = STRINGS[key];
  if (mode === "elder") {
    const elder = lang === "zh" ? entry.elderZh : entry.elderEn;
    if (elder) return elder;
  }
  return entry[lang];
}

/** Quick answers that the dialogue understands, in the language the citizen uses. */
export const CHAT_WORDS = {
  human: { zh: "转人工", en: "I want to talk to a person" },
  unhelpful: { zh: "没用", en: "not helpful" },
  agree: { zh: "同意", en: "同意" },
  decline: { zh: "不同意", en: "不同意" },
  yes: { zh: "是", en: "yes" },
  no: { zh: "否", en: "no" },
} as const;
