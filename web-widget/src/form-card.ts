import { h } from "./dom.ts";
import type { StringKey } from "./i18n.ts";
import type { FormDraft, FormField } from "./types.ts";
import { t, type ViewContext } from "./view-context.ts";

const SOURCE_LABELS: Record<FormField["source"], StringKey> = {
  profile: "sourceProfile",
  conversation: "sourceConversation",
  citizen: "sourceCitizen",
  eligibility: "sourceEligibility",
};

let cardCount = 0;

/** The pre-filled draft as a reviewable card: every field editable, nothing sent before confirm. */
export function formCard(draft: FormDraft, context: ViewContext): HTMLElement {
  const id = `xs-form-${++cardCount}`;
  const card = h("form", { class: "card", "data-xs": "form", "data-draft": draft.draftId, "aria-labelledby": id });
  card.append(h("h3", { id }, t(context, "formTitle")));
  if (draft.status !== "draft") {
    card.append(...draft.fields.map((field) => readOnlyField(field, context)), statusLine(draft, context));
    return card;
  }
  card.append(h("p", {}, t(context, "formHint")));
  const inputs = new Map<string, HTMLInputElement>();
  for (const field of draft.fields) {
    const missing = draft.missing.includes(field.name) || !field.value;
    const input = h("input", {
      name: field.name,
      value: field.value ?? "",
      "data-xs": "form-field",
      "aria-required": missing ? "true" : null,
      "aria-describedby": `${id}-${field.name}`,
    });
    inputs.set(field.name, input);
    card.append(
      h(
        "label",
        { class: "field" },
        h(
          "span",
          {},
          field.label,
          " ",
          h(
            "small",
            { id: `${id}-${field.name}` },
            missing ? t(context, "missing") : `（${t(context, SOURCE_LABELS[field.source])}）`,
          ),
        ),
        input,
      ),
    );
  }
  const alert = h("p", { role: "alert", class: "status" });
  const confirm = h(
    "button",
    { type: "submit", class: "primary", "data-xs": "form-confirm" },
    t(context, "formConfirm"),
  );
  card.append(alert, confirm);
  card.addEventListener("submit", (event) => {
    event.preventDefault();
    confirm.disabled = true;
    const values = Object.fromEntries([...inputs].map(([name, input]) => [name, input.value.trim()]));
    context.confirmDraft(draft, values).then(
      (updated) => card.replaceWith(formCard(updated, context)),
      () => {
        alert.textContent = t(context, "formError");
        confirm.disabled = false;
      },
    );
  });
  return card;
}

function readOnlyField(field: FormField, context: ViewContext): HTMLElement {
  return h(
    "p",
    { class: "field" },
    h("span", {}, field.label, " ", h("small", {}, `（${t(context, SOURCE_LABELS[field.source])}）`)),
    field.value ?? "—",
  );
}

function statusLine(draft: FormDraft, context: ViewContext): HTMLElement {
  const key: StringKey = draft.status === "submitted" ? "formSubmitted" : "formConfirmed";
  return h("p", { class: "outcome", "data-xs": "form-status", "data-status": draft.status }, t(context, key));
}
