import { ChatClient } from "./chat-client.ts";
import { h } from "./dom.ts";
import { confirmDraft } from "./drafts-api.ts";
import { CHAT_WORDS } from "./i18n.ts";
import { messageView, streamingView } from "./message-view.ts";
import { type WidgetParts, widgetShell } from "./shell.ts";
import { speak } from "./speech.ts";
import { STYLES } from "./styles.ts";
import type { Answer, ChatMessage, FactInfo, FormDraft, Lang, Mode } from "./types.ts";
import { t, type ViewContext } from "./view-context.ts";

export interface WidgetOptions {
  origin: string;
  lang: Lang;
  mode: Mode;
  /** Position among the widgets of this page: keeps storage and placement apart. */
  index: number;
  /** The citizen's session token (`data-citizen-token`), given by the host portal's sign-in. */
  token?: string;
}

const OPEN_EVENT = "xiaoshen:open";

interface Entry {
  message: ChatMessage;
  element: HTMLElement;
}

/** One embedded widget: launcher + panel in its own open shadow root, with its own session. */
export class Widget implements ViewContext {
  lang: Lang;
  mode: Mode;
  readonly origin: string;
  private readonly host = document.createElement("div");
  private readonly root: ShadowRoot;
  private parts!: WidgetParts;
  private readonly client: ChatClient;
  private readonly entries: Entry[] = [];
  private readonly streaming = new Map<string, HTMLElement>();
  private facts: Record<string, FactInfo> | undefined;
  private factsLoading: Promise<void> | undefined;
  private awaitingReplies = 0;
  private unread = 0;
  private ticketId: string | undefined;
  private readonly fallbackStyle: HTMLStyleElement | undefined;

  constructor(private readonly options: WidgetOptions) {
    this.origin = options.origin;
    this.lang = options.lang;
    this.mode = options.mode;
    this.host.setAttribute("data-xiaoshen-widget", String(options.index));
    this.root = this.host.attachShadow({ mode: "open" });
    this.fallbackStyle = adoptStyles(this.root);
    this.client = new ChatClient(
      options.origin,
      `xiaoshen:${options.origin}:${options.index}`,
      {
        message: (message) => this.receive(message),
        token: (clientMessageId, token) => this.receiveToken(clientMessageId, token),
        status: (status) => this.announce(status === "online" ? "" : t(this, "offline")),
        error: (message) => this.announce(message),
      },
      options.token,
    );
    this.render();
    document.body.append(this.host);
    document.addEventListener(OPEN_EVENT, (event) => {
      if ((event as CustomEvent<number>).detail === this.options.index || this.parts.panel.hidden) return;
      this.parts.panel.hidden = true;
      this.parts.launcher.setAttribute("aria-expanded", "false");
    });
  }

  say(message: string): void {
    const text = message.trim();
    if (!text) return;
    const clientMessageId = this.client.send(text);
    this.awaitingReplies += 1;
    this.announce(t(this, "sending"));
    this.place({ seq: 0, role: "user", text, clientMessageId });
  }

  feedback(seq: number, helpful: boolean): void {
    this.client.feedback(seq, helpful);
  }

  fact(name: string): FactInfo | undefined {
    return this.facts?.[name];
  }

  confirmDraft = (draft: FormDraft, values: Record<string, string>) =>
    confirmDraft(this.client, this.origin, draft, values);

  readAloud(message: string): void {
    speak(message, this.lang);
  }

  /** Replies that arrived while the panel was closed (an agent's answer, say) show on the launcher. */
  private setUnread(count: number): void {
    this.unread = count;
    const launcher = this.parts.launcher;
    launcher.querySelector(".badge")?.remove();
    launcher.removeAttribute("aria-label");
    if (count === 0) return;
    launcher.append(h("span", { class: "badge", "aria-hidden": "true", "data-xs": "unread" }, String(count)));
    launcher.setAttribute("aria-label", `${t(this, "launcher")}（${count} ${t(this, "unread")}）`);
  }

  open(): void {
    this.setUnread(0);
    // Only one panel of the page is open at a time, so panels never cover another widget's launcher.
    document.dispatchEvent(new CustomEvent(OPEN_EVENT, { detail: this.options.index }));
    this.parts.panel.hidden = false;
    this.parts.launcher.setAttribute("aria-expanded", "true");
    this.client.connect();
    this.parts.input.focus();
  }

  close(): void {
    this.parts.panel.hidden = true;
    this.parts.launcher.setAttribute("aria-expanded", "false");
    this.parts.launcher.focus();
  }

  /** Builds (or rebuilds, after a language or mode switch) the whole view from the messages. */
  private render(): void {
    const wasOpen = this.parts ? !this.parts.panel.hidden : false;
    const draft = this.parts?.input.value ?? "";
    this.parts = widgetShell(this, this.options.index, {
      toggle: () => (this.parts.panel.hidden ? this.open() : this.close()),
      close: () => this.close(),
      send: () => {
        this.say(this.parts.input.value);
        this.parts.input.value = "";
      },
      human: () => this.say(CHAT_WORDS.human[this.lang]),
      switchLang: () => this.switchTo(this.lang === "zh" ? "en" : "zh", this.mode, "lang"),
      switchMode: () => this.switchTo(this.lang, this.mode === "elder" ? "standard" : "elder", "mode"),
    });
    this.root.replaceChildren(...(this.fallbackStyle ? [this.fallbackStyle] : []), this.parts.wrapper);
    for (const entry of this.entries) {
      entry.element = messageView(entry.message, this);
      this.parts.log.append(entry.element);
    }
    this.parts.input.value = draft;
    this.scrollToEnd();
    this.showHandoff();
    this.setUnread(this.unread);
    if (wasOpen) this.parts.panel.hidden = false;
    this.parts.launcher.setAttribute("aria-expanded", String(wasOpen));
  }

  private switchTo(lang: Lang, mode: Mode, focus: "lang" | "mode"): void {
    this.lang = lang;
    this.mode = mode;
    this.render();
    (focus === "lang" ? this.parts.langToggle : this.parts.elderToggle).focus();
  }

  private receive(message: ChatMessage): void {
    const answer = message.payload as Answer | undefined;
    if (message.role !== "user") {
      for (const bubble of this.streaming.values()) bubble.remove();
      this.streaming.clear();
    }
    if (message.role === "assistant" && this.awaitingReplies > 0) {
      this.awaitingReplies -= 1;
      if (this.awaitingReplies === 0) this.announce("");
    }
    const ticketId = answer?.handoff?.ticketId ?? answer?.ticketId ?? undefined;
    if (ticketId) {
      this.ticketId = ticketId;
      this.showHandoff();
    }
    if (answer?.eligibility && !this.facts) void this.loadFacts();
    this.place(message);
    if (this.parts.panel.hidden && message.role !== "user") this.setUnread(this.unread + 1);
    if (this.mode === "elder" && message.role !== "user" && !this.parts.panel.hidden) {
      speak(message.text, answer?.lang ?? this.lang);
    }
  }

  private receiveToken(clientMessageId: string, token: string): void {
    let bubble = this.streaming.get(clientMessageId);
    if (!bubble) {
      bubble = streamingView(this);
      this.streaming.set(clientMessageId, bubble);
      this.parts.log.append(bubble);
    }
    bubble.querySelector(".tokens")?.append(token);
    this.scrollToEnd();
  }

  /** Puts a message in seq order; a stored copy of an optimistic bubble takes its place. */
  private place(message: ChatMessage): void {
    const optimistic = message.clientMessageId
      ? this.entries.find(
          (entry) => entry.message.clientMessageId === message.clientMessageId && entry.message.role === "user",
        )
      : undefined;
    if (optimistic && message.role === "user") {
      this.entries.splice(this.entries.indexOf(optimistic), 1);
      optimistic.element.remove();
    }
    const entry: Entry = { message, element: messageView(message, this) };
    const next = message.seq > 0 ? this.entries.find((other) => other.message.seq > message.seq) : undefined;
    if (next) {
      this.entries.splice(this.entries.indexOf(next), 0, entry);
      next.element.before(entry.element);
    } else {
      this.entries.push(entry);
      this.parts.log.append(entry.element);
    }
    this.scrollToEnd();
  }

  private async loadFacts(): Promise<void> {
    this.factsLoading ??= fetch(`${this.origin}/widget/facts.json`)
      .then((response) => response.json() as Promise<Record<string, FactInfo>>)
      .then((facts) => {
        this.facts = facts;
        // Eligibility prompts drawn before the facts arrived get their proper quick answers now.
        for (const entry of this.entries) {
          if (!(entry.message.payload as Answer | undefined)?.eligibility) continue;
          const element = messageView(entry.message, this);
          entry.element.replaceWith(element);
          entry.element = element;
        }
      })
      .catch(() => undefined);
    await this.factsLoading;
  }

  private showHandoff(): void {
    const banner = this.parts.handoff;
    if (!this.ticketId) return;
    banner.hidden = false;
    banner.textContent = `${t(this, "handoff")}${this.ticketId}`;
    banner.setAttribute("data-ticket", this.ticketId);
  }

  private announce(message: string): void {
    this.parts.status.textContent = message;
  }

  private scrollToEnd(): void {
    this.parts.log.scrollTop = this.parts.log.scrollHeight;
  }
}

/** Constructable stylesheets where supported: they also pass a strict CSP on the host page. */
function adoptStyles(root: ShadowRoot): HTMLStyleElement | undefined {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLES);
    root.adoptedStyleSheets = [sheet];
    return undefined;
  } catch {
    const style = document.createElement("style");
    style.textContent = STYLES;
    return style;
  }
}
