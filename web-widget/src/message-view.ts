import { h } from "./dom.ts";
import { formCard } from "./form-card.ts";
import { CHAT_WORDS } from "./i18n.ts";
import { consentPrompt, eligibilityPrompt } from "./prompt-views.ts";
import type { Answer, ChatMessage, Citation } from "./types.ts";
import { t, type ViewContext } from "./view-context.ts";

const GUIDE_LINK = /(\/guides\/[a-z0-9-]+(?:#[a-z-]+)?)/g;

/** One message bubble (data-xs="message"), with everything an assistant reply can carry. */
export function messageView(message: ChatMessage, context: ViewContext): HTMLElement {
  const role = message.role;
  const agentName = role === "agent" ? (message.payload as { agent?: string } | undefined)?.agent : undefined;
  const who =
    role === "user"
      ? t(context, "you")
      : role === "agent"
        ? `${t(context, "agent")}${agentName ? ` ${agentName}` : ""}`
        : t(context, "assistant");
  const bubble = h(
    "div",
    { class: "message", "data-xs": "message", "data-role": role, "data-seq": message.seq || null },
    h("span", { class: "who", lang: context.lang === "zh" ? "zh-CN" : "en" }, who),
    ...linkify(message.text, context.origin),
  );
  const replyLang = (message.payload as Answer | undefined)?.lang;
  // The reply's own language, so a screen reader reads Chinese text in Chinese under an English UI.
  if (replyLang) bubble.setAttribute("lang", replyLang === "zh" ? "zh-CN" : "en");
  if (role === "assistant" && message.payload && "kind" in message.payload) {
    appendReply(bubble, message.payload as Answer, message.seq, context);
  }
  const agentCitations =
    role === "agent" ? (message.payload as { citations?: Citation[] } | undefined)?.citations : undefined;
  if (agentCitations?.length) bubble.append(citationList(agentCitations, context));
  return bubble;
}

/** A bubble for a reply still being streamed; the stored message replaces it. */
export function streamingView(context: ViewContext): HTMLElement {
  return h(
    "div",
    { class: "message streaming", "data-role": "assistant", "aria-busy": "true" },
    h("span", { class: "who" }, t(context, "assistant")),
    h("span", { class: "tokens" }),
  );
}

function appendReply(bubble: HTMLElement, answer: Answer, seq: number, context: ViewContext): void {
  if (answer.citations?.length) bubble.append(citationList(answer.citations, context));
  if (answer.options?.length && answer.kind === "clarify") {
    bubble.append(
      h(
        "div",
        { class: "choices", role: "group", "aria-label": t(context, "chooseOne") },
        ...answer.options.map((option) =>
          h("button", { type: "button", "data-xs": "option", onclick: () => context.say(option.title) }, option.title),
        ),
      ),
    );
  }
  if (answer.eligibility) bubble.append(eligibilityPrompt(answer.eligibility, context));
  if (answer.consent) bubble.append(consentPrompt(answer.consent, context));
  if (answer.form) bubble.append(formCard(answer.form, context));
  if (answer.kind === "answer" && seq > 0) bubble.append(feedbackBar(seq, context));
  if (context.mode === "elder") {
    bubble.append(
      h(
        "div",
        { class: "choices" },
        h("button", { type: "button", onclick: () => context.readAloud(answer.text) }, t(context, "readAloud")),
      ),
    );
  }
}

function citationList(citations: Citation[], context: ViewContext): HTMLElement {
  return h(
    "ul",
    { class: "citations", "aria-label": t(context, "sources") },
    ...citations.map((citation, index) =>
      h(
        "li",
        {},
        h(
          "a",
          {
            "data-xs": "citation",
            href: new URL(citation.url ?? `/guides/${citation.matterId}#${citation.section}`, context.origin).href,
            target: "_blank",
            rel: "noopener",
          },
          `[${index + 1}] ${citation.title}`,
        ),
      ),
    ),
  );
}

function feedbackBar(seq: number, context: ViewContext): HTMLElement {
  const bar = h("div", { class: "feedback", role: "group", "aria-label": t(context, "feedbackLabel") });
  const choose = (helpful: boolean) => {
    context.feedback(seq, helpful);
    bar.replaceChildren(h("span", {}, t(context, "thanks")));
    // 没用 also reaches the dialogue as chat text: it counts as a failed answer there.
    if (!helpful) context.say(CHAT_WORDS.unhelpful[context.lang]);
  };
  bar.append(
    h("button", { type: "button", "data-xs": "feedback-up", onclick: () => choose(true) }, t(context, "helpful")),
    h("button", { type: "button", "data-xs": "feedback-down", onclick: () => choose(false) }, t(context, "unhelpful")),
  );
  return bar;
}

/** Plain text with the guide paths in it turned into links on the server's origin. */
function linkify(text: string, origin: string): Array<string | HTMLElement> {
  return text
    .split(GUIDE_LINK)
    .map((part, index) =>
      index % 2 === 1 ? h("a", { href: new URL(part, origin).href, target: "_blank", rel: "noopener" }, part) : part,
    );
}
