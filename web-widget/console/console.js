// The hotline console: sign in, live queue over socket.io (/agent), ticket view, suggestions, reply.
import { ApiError, createApi } from "./api.js";
import { check } from "./event-check.js";
import * as view from "./render.js";

const { $, el } = view;
const TOKEN_KEY = "xiaoshen.agent.token";
const ACTIVE = new Set(["new", "assigned", "in-progress"]);

const state = {
  token: sessionStorage.getItem(TOKEN_KEY),
  agent: null,
  socket: null,
  schema: null,
  tickets: new Map(),
  open: null,
  suggestions: null,
  citations: [],
  pendingReply: null,
};
const api = createApi(() => state.token);

// ---- validation of what the server sends (JSON Schema generated from the server's zod schemas)
async function loadSchema() {
  const response = await fetch("agent-events.schema.json");
  state.schema = await response.json();
}

function fits(schema, payload, name) {
  const problem = check(schema, payload, name);
  if (!problem) return true;
  console.warn("console: refused malformed data", problem);
  toast(`收到格式不正确的数据，已忽略（${name}）`);
  return false;
}
const fitsEvent = (name, payload) => fits(state.schema.events[name], payload, name);
const ticketSchema = () => state.schema.acks["ticket:open"].properties.ticket;
const suggestionsSchema = () => state.schema.acks.suggest.properties.suggestions;

// ---- feedback
let toastTimer;
function toast(text) {
  const node = $("toast");
  node.textContent = text;
  node.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => {
    node.hidden = true;
  }, 3500);
}

const ERROR_TEXT = {
  invalid_transition: "当前工单状态不允许此操作",
  not_assignee: "该工单不属于您",
  forbidden: "您的账号没有此权限",
  invalid_citation: "引用的指南章节不存在",
  rate_limited: "操作过于频繁，请稍后再试",
};
function showError(error) {
  if (error instanceof ApiError && error.status === 401) return signedOut("登录已失效，请重新登录");
  toast(ERROR_TEXT[error.code] ?? `操作失败：${error.message}`);
}

// ---- sign in / out
function showDesk(signedIn) {
  $("sign-in-view").hidden = signedIn;
  $("desk").hidden = !signedIn;
  $("who").hidden = !signedIn;
}

async function signIn(event) {
  event.preventDefault();
  $("sign-in-error").textContent = "";
  try {
    const session = await api.post("/api/agent/session", {
      username: $("username").value.trim(),
      password: $("password").value,
    });
    state.token = session.token;
    sessionStorage.setItem(TOKEN_KEY, session.token);
    $("password").value = "";
    connect();
  } catch (error) {
    $("sign-in-error").textContent =
      error.code === "invalid_credentials" ? "用户名或密码错误" : ERROR_TEXT[error.code] ?? "登录失败";
  }
}

function signedOut(reason) {
  state.socket?.disconnect();
  state.socket = null;
  state.token = null;
  state.open = null;
  sessionStorage.removeItem(TOKEN_KEY);
  showDesk(false);
  if (reason) $("sign-in-error").textContent = reason;
}

async function signOut() {
  await api.delete("/api/agent/session").catch(() => {});
  signedOut();
}

// ---- live channel
function connect() {
  const socket = window.io("/agent", { auth: { token: state.token }, transports: ["websocket"] });
  state.socket = socket;
  socket.on("connect", () => $("live").classList.add("on"));
  socket.on("disconnect", () => $("live").classList.remove("on"));
  socket.on("connect_error", (error) => {
    if (error.data?.code === "unauthenticated" || error.data?.code === "forbidden") signedOut("请使用坐席账号登录");
  });
  socket.on("queue:snapshot", (payload) => {
    if (!fitsEvent("queue:snapshot", payload)) return;
    state.agent = payload.agent;
    $("agent-name").textContent = `${payload.agent.displayName}（${payload.agent.username}）`;
    state.tickets = new Map(payload.tickets.map((ticket) => [ticket.id, ticket]));
    showDesk(true);
    renderQueue();
  });
  socket.on("ticket:upsert", (payload) => {
    if (!fitsEvent("ticket:upsert", payload)) return;
    state.tickets.set(payload.ticket.id, payload.ticket);
    renderQueue();
    if (state.open?.id === payload.ticket.id) void refreshOpen();
  });
  socket.on("ticket:message", (payload) => {
    if (!fitsEvent("ticket:message", payload)) return;
    if (state.open?.sessionId !== payload.sessionId) return;
    addMessage(payload.message);
  });
  socket.on("xs:error", (payload) => {
    if (fitsEvent("xs:error", payload)) toast(ERROR_TEXT[payload.code] ?? payload.message);
  });
}

// ---- queue
function renderQueue() {
  const showDone = $("show-done").checked;
  const tickets = [...state.tickets.values()]
    .filter((ticket) => showDone || ACTIVE.has(ticket.status))
    .sort(
      (left, right) =>
        (left.urgency === "urgent" ? 0 : 1) - (right.urgency === "urgent" ? 0 : 1) ||
        right.createdAt.localeCompare(left.createdAt),
    );
  const items = tickets.map((ticket) => view.queueItem(ticket, ticket.id === state.open?.id));
  $("queue").replaceChildren(...(items.length ? items : [el("li", { class: "muted" }, "暂无待处理工单")]));
}

function onQueueClick(event) {
  const item = event.target.closest("[data-ticket-id]");
  if (item) void openTicket(item.dataset.ticketId);
}

// ---- ticket view
async function openTicket(ticketId) {
  try {
    // Opening over the socket also subscribes this console to the citizen's conversation.
    const ack = await state.socket.timeout(5000).emitWithAck("ticket:open", { ticketId });
    if (ack.error) throw new ApiError(400, ack.error.code, ack.error.message);
    if (!fits(ticketSchema(), ack.ticket, "ticket:open")) return;
    showTicket(ack.ticket, true);
    void loadSuggestions();
  } catch (error) {
    showError(error);
  }
}

async function refreshOpen() {
  try {
    const { ticket } = await api.get(`/api/tickets/${state.open.id}`);
    if (fits(ticketSchema(), ticket, "ticket")) showTicket(ticket, false);
  } catch (error) {
    showError(error);
  }
}

function showTicket(ticket, fresh) {
  state.open = ticket;
  if (fresh) {
    state.citations = [];
    $("reply-input").value = "";
    $("suggest-input").value = "";
    renderChips();
  }
  $("ticket").hidden = false;
  $("assist").hidden = false;
  $("ticket-title").textContent = `工单 ${ticket.id}`;
  $("ticket-facts").replaceChildren(...view.facts(ticket));
  $("ticket-summary").textContent = ticket.summary;
  $("conversation").replaceChildren(...ticket.messages.map(view.message));
  $("evidence").replaceChildren(...view.evidence(ticket));
  $("notes").replaceChildren(...view.notes(ticket));
  $("audit").replaceChildren(...view.audit(ticket));
  renderActions(ticket);
  renderQueue();
  scrollConversation();
}

function renderActions(ticket) {
  const buttons = ticket.actions.map((action) =>
    el("button", { type: "button", "data-console": `action-${action}`, onclick: () => act(action) }, view.ACTION_LABELS[action]),
  );
  if (ticket.status === "assigned" || ticket.status === "in-progress") {
    buttons.push(
      ticket.takeover
        ? el("button", { type: "button", class: "secondary", "data-console": "handback", onclick: handBack }, "交还小申")
        : el("button", { type: "button", class: "secondary", "data-console": "takeover", onclick: takeOver }, "接管对话"),
    );
  }
  $("ticket-actions").replaceChildren(...buttons);
}

function addMessage(message) {
  const list = $("conversation");
  if (list.querySelector(`[data-seq="${message.seq}"]`)) return;
  list.append(view.message(message));
  scrollConversation();
}

function scrollConversation() {
  const list = $("conversation");
  list.scrollTop = list.scrollHeight;
}

async function run(request) {
  try {
    const { ticket } = await request();
    if (ticket && fits(ticketSchema(), ticket, "ticket")) showTicket(ticket, false);
  } catch (error) {
    showError(error);
  }
}

const act = (action) => run(() => api.post(`/api/tickets/${state.open.id}/transitions`, { action }));
const takeOver = () => run(() => api.post(`/api/tickets/${state.open.id}/takeover`));
const handBack = () => run(() => api.delete(`/api/tickets/${state.open.id}/takeover`));

async function addNote(event) {
  event.preventDefault();
  const text = $("note-input").value.trim();
  if (!text) return;
  await run(() => api.post(`/api/tickets/${state.open.id}/notes`, { text }));
  $("note-input").value = "";
}

// ---- suggestions and reply
let suggestTimer;
function onSuggestInput() {
  clearTimeout(suggestTimer);
  suggestTimer = setTimeout(() => void loadSuggestions($("suggest-input").value.trim()), 300);
}

async function loadSuggestions(query) {
  if (!state.open) return;
  const ticketId = state.open.id;
  try {
    const path = `/api/tickets/${ticketId}/suggestions${query ? `?q=${encodeURIComponent(query)}` : ""}`;
    const { suggestions } = await api.get(path);
    if (state.open?.id !== ticketId || !fits(suggestionsSchema(), suggestions, "suggestions")) return;
    state.suggestions = suggestions;
    const items = suggestions.sections.map((section) => view.suggestion(section, insertSection));
    $("suggestions").replaceChildren(...(items.length ? items : [el("li", { class: "muted" }, "未找到相关指南")]));
    $("draft").textContent = suggestions.draft;
  } catch (error) {
    showError(error);
  }
}

function citationIndex(citation) {
  const key = `${citation.matterId}#${citation.section}`;
  let index = state.citations.findIndex((known) => `${known.matterId}#${known.section}` === key);
  if (index < 0) index = state.citations.push(citation) - 1;
  return index + 1;
}

function insertSection(section) {
  const number = citationIndex(section.citation);
  insertAtCursor(`【${section.citation.title}】[${number}]\n${section.excerpt}\n`);
  renderChips();
}

function useDraft() {
  if (!state.suggestions) return;
  state.citations = [...state.suggestions.citations];
  $("reply-input").value = state.suggestions.draft;
  renderChips();
  $("reply-input").focus();
}

function insertAtCursor(text) {
  const input = $("reply-input");
  const start = input.selectionStart ?? input.value.length;
  const end = input.selectionEnd ?? start;
  const before = input.value.slice(0, start);
  const glue = before && !before.endsWith("\n") ? "\n" : "";
  input.value = `${before}${glue}${text}${input.value.slice(end)}`;
  input.focus();
}

function renderChips() {
  $("reply-citations").replaceChildren(
    ...state.citations.map((citation, index) =>
      view.citationChip(citation, () => {
        state.citations.splice(index, 1);
        renderChips();
      }),
    ),
  );
}

async function sendReply(event) {
  event.preventDefault();
  const text = $("reply-input").value.trim();
  if (!text || !state.open) return;
  // The same text resent (double click, retry) keeps its id, so the server posts it once.
  if (state.pendingReply?.text !== text) state.pendingReply = { text, id: crypto.randomUUID().replace(/-/g, "") };
  const button = $("reply-send");
  button.disabled = true;
  try {
    const citations = state.citations.map(({ matterId, section }) => ({ matterId, section }));
    const { message } = await api.post(`/api/tickets/${state.open.id}/replies`, {
      text,
      citations,
      clientMessageId: state.pendingReply.id,
    });
    addMessage(message);
    $("reply-input").value = "";
    state.citations = [];
    state.pendingReply = null;
    renderChips();
    toast("已发送给市民");
  } catch (error) {
    showError(error);
  } finally {
    button.disabled = false;
  }
}

// ---- start
async function start() {
  $("sign-in").addEventListener("submit", signIn);
  $("sign-out").addEventListener("click", signOut);
  $("queue").addEventListener("click", onQueueClick);
  $("queue").addEventListener("keydown", (event) => {
    if (event.key === "Enter") onQueueClick(event);
  });
  $("show-done").addEventListener("change", renderQueue);
  $("note-form").addEventListener("submit", addNote);
  $("suggest-input").addEventListener("input", onSuggestInput);
  $("use-draft").addEventListener("click", useDraft);
  $("reply-form").addEventListener("submit", sendReply);
  await loadSchema();
  if (state.token) connect();
}

void start();
