import { h } from "./dom.ts";
import { t, type ViewContext } from "./view-context.ts";

export interface WidgetParts {
  wrapper: HTMLElement;
  launcher: HTMLButtonElement;
  panel: HTMLElement;
  log: HTMLElement;
  input: HTMLInputElement;
  status: HTMLElement;
  handoff: HTMLElement;
  langToggle: HTMLButtonElement;
  elderToggle: HTMLButtonElement;
}

export interface ShellActions {
  toggle(): void;
  close(): void;
  send(): void;
  human(): void;
  switchLang(): void;
  switchMode(): void;
}

/** The launcher and the (hidden) panel: header toggles, hand-off banner, message log, composer. */
export function widgetShell(context: ViewContext, index: number, actions: ShellActions): WidgetParts {
  const elder = context.mode === "elder";
  // Launchers of several widgets sit side by side under the panels, so no panel ever covers one.
  const launcherRight = 20 + index * 200;
  const titleId = `xs-title-${index}`;
  const inputId = `xs-input-${index}`;
  const launcher = h(
    "button",
    {
      type: "button",
      class: "launcher",
      "data-xs": "launcher",
      "aria-expanded": "false",
      "aria-controls": "xs-panel",
      onclick: actions.toggle,
    },
    t(context, "launcher"),
  );
  launcher.style.right = `${launcherRight}px`;
  const langToggle = h(
    "button",
    {
      type: "button",
      "data-xs": "lang-toggle",
      lang: context.lang === "zh" ? "en" : "zh",
      "aria-label": t(context, "langToggleLabel"),
      onclick: actions.switchLang,
    },
    t(context, "langToggle"),
  );
  const elderToggle = h(
    "button",
    { type: "button", "data-xs": "elder-toggle", "aria-pressed": String(elder), onclick: actions.switchMode },
    t(context, "elderOn"),
  );
  const handoff = h("p", { class: "handoff", "data-xs": "handoff", role: "status", hidden: true });
  const log = h(
    "div",
    {
      class: "log",
      role: "log",
      "aria-live": "polite",
      "aria-relevant": "additions",
      "aria-labelledby": titleId,
      tabindex: "0",
    },
    h("div", { class: "message", "data-xs": "welcome", "data-role": "assistant" }, t(context, "welcome")),
  );
  const input = h("input", {
    id: inputId,
    type: "text",
    "data-xs": "input",
    autocomplete: "off",
    enterkeyhint: "send",
    maxlength: "2000",
    placeholder: t(context, "placeholder"),
  });
  const status = h("p", { class: "status", role: "status", "aria-live": "polite" });
  const composer = h(
    "form",
    {
      class: "composer",
      onsubmit: (event: Event) => {
        event.preventDefault();
        actions.send();
      },
    },
    h("label", { class: "sr-only", for: inputId }, t(context, "inputLabel")),
    input,
    h("button", { type: "submit", class: "primary", "data-xs": "send" }, t(context, "send")),
  );
  const panel = h(
    "section",
    {
      class: "panel",
      id: "xs-panel",
      role: "dialog",
      "aria-labelledby": titleId,
      hidden: true,
      lang: context.lang === "zh" ? "zh-CN" : "en",
    },
    h(
      "div",
      { class: "header" },
      h("h2", { id: titleId }, t(context, "title")),
      langToggle,
      elderToggle,
      h(
        "button",
        { type: "button", "data-xs": "close", "aria-label": t(context, "close"), onclick: actions.close },
        "×",
      ),
    ),
    handoff,
    log,
    status,
    composer,
    h(
      "div",
      { class: "actions" },
      h("button", { type: "button", "data-xs": "human", onclick: actions.human }, t(context, "human")),
    ),
  );
  const panelBottom = elder ? 100 : 84;
  panel.style.bottom = `${panelBottom}px`;
  // The header must stay on screen however short the window: the panel shrinks instead.
  panel.style.maxHeight = `calc(100vh - ${panelBottom + 12}px)`;
  panel.addEventListener("keydown", (event) => {
    if (event.key === "Escape") actions.close();
  });
  const wrapper = h(
    "div",
    { class: elder ? "xs elder" : "xs", lang: context.lang === "zh" ? "zh-CN" : "en" },
    launcher,
    panel,
  );
  return { wrapper, launcher, panel, log, input, status, handoff, langToggle, elderToggle };
}
