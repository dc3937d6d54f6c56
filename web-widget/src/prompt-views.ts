import { h } from "./dom.ts";
import { CHAT_WORDS } from "./i18n.ts";
import type { ConsentRequest, Eligibility, FactInfo } from "./types.ts";
import { t, type ViewContext } from "./view-context.ts";

const UNIT_WORDS: Record<string, { zh: string; en: string }> = {
  months: { zh: "个月", en: " months" },
  years: { zh: "年", en: " years" },
  points: { zh: "分", en: " points" },
  yuan: { zh: "元", en: " yuan" },
  people: { zh: "人", en: " people" },
  days: { zh: "天", en: " days" },
};

/** Quick answers for the eligibility question asked, or the outcome once the check ends. */
export function eligibilityPrompt(eligibility: Eligibility, context: ViewContext): HTMLElement {
  const asked = eligibility.outcome === "undetermined" ? eligibility.missing[0] : undefined;
  if (asked) return quickAnswers(asked, context.fact(asked), context);
  const box = h(
    "div",
    { class: "outcome", "data-xs": "eligibility-outcome", "data-outcome": eligibility.outcome },
    eligibility.outcome === "eligible" ? t(context, "eligible") : t(context, "notEligible"),
  );
  if (eligibility.failed.length) {
    box.append(h("ul", {}, ...eligibility.failed.map((failure) => h("li", {}, failure.message))));
  }
  return box;
}

function quickAnswers(factName: string, fact: FactInfo | undefined, context: ViewContext): HTMLElement {
  const group = h("div", { class: "quick", "data-xs": "eligibility", "data-fact": factName });
  const type = fact?.type;
  if (type === "enum" && fact?.options) {
    group.append(
      h(
        "div",
        { class: "choices", role: "group", "aria-label": t(context, "chooseOne") },
        ...fact.options.map((option) => quickButton(option.label[context.lang], option.label.zh, context)),
      ),
    );
    return group;
  }
  if (!type || type === "boolean") {
    group.append(
      h(
        "div",
        { class: "choices", role: "group", "aria-label": t(context, "chooseOne") },
        quickButton(t(context, "yes"), (fact?.answers?.yes ?? CHAT_WORDS.yes)[context.lang], context),
        quickButton(t(context, "no"), (fact?.answers?.no ?? CHAT_WORDS.no)[context.lang], context),
      ),
    );
  }
  if (!type || type === "number" || type === "date") group.append(valueInput(factName, fact, context));
  return group;
}

function quickButton(label: string, said: string, context: ViewContext): HTMLElement {
  return h(
    "button",
    {
      type: "button",
      "data-xs": "quick-answer",
      "aria-label": said === label ? null : `${label}（${said}）`,
      onclick: () => context.say(said),
    },
    label,
  );
}

function valueInput(factName: string, fact: FactInfo | undefined, context: ViewContext): HTMLElement {
  const isDate = fact?.type === "date";
  const unit = fact?.unit ? UNIT_WORDS[fact.unit] : undefined;
  const unitWord = unit ? (factName === "age" && context.lang === "zh" ? "岁" : unit[context.lang]) : "";
  const label = fact ? fact.label[context.lang] : t(context, "numberLabel");
  const input = h("input", {
    type: isDate ? "date" : "number",
    inputmode: isDate ? null : "decimal",
    min: isDate ? null : "0",
    "aria-label": unitWord ? `${label}（${unitWord.trim()}）` : label,
    "data-xs": "quick-number",
  });
  const submit = () => {
    const value = input.value.trim();
    if (!value) {
      input.setAttribute("aria-invalid", "true");
      input.focus();
      return;
    }
    context.say(isDate ? value : `${value}${unitWord}`);
  };
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter") submit();
  });
  return h(
    "div",
    { class: "number" },
    input,
    unitWord ? h("span", { "aria-hidden": "true" }, unitWord.trim()) : null,
    h("button", { type: "button", "data-xs": "quick-submit", onclick: submit }, t(context, "answer")),
  );
}

/** The consent prompt: which profile fields would be read and why; agree/decline go as chat text. */
export function consentPrompt(consent: ConsentRequest, context: ViewContext): HTMLElement {
  const box = h(
    "div",
    { class: "card", "data-xs": "consent", role: "group", "aria-label": t(context, "consentTitle") },
    h("h3", {}, t(context, "consentTitle")),
    h("p", {}, consent.purpose),
    h("p", {}, t(context, "consentFields"), consent.fields.map((field) => field.label).join("、")),
  );
  const answer = (said: string) => {
    box.querySelectorAll("button").forEach((button) => {
      button.disabled = true;
    });
    context.say(said);
  };
  box.append(
    h(
      "div",
      { class: "choices" },
      h(
        "button",
        {
          type: "button",
          class: "primary",
          "data-xs": "consent-agree",
          onclick: () => answer(CHAT_WORDS.agree[context.lang]),
        },
        t(context, "agree"),
      ),
      h(
        "button",
        { type: "button", "data-xs": "consent-decline", onclick: () => answer(CHAT_WORDS.decline[context.lang]) },
        t(context, "decline"),
      ),
    ),
  );
  return box;
}
