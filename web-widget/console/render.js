// DOM rendering of the console. Citizen text only ever goes through textContent (never HTML).

export const $ = (name) => document.querySelector(`[data-console="${name}"]`);

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export const STATUS_LABELS = {
  new: "待接单",
  assigned: "已接单",
  "in-progress": "处理中",
  resolved: "已办结",
  closed: "已关闭",
};
export const ACTION_LABELS = { assign: "接单", start: "开始处理", resolve: "办结", reopen: "重新处理", close: "关闭工单" };
const ROLE_LABELS = { user: "市民", assistant: "小申", agent: "坐席", system: "系统" };
const AUDIT_LABELS = {
  created: "创建工单",
  assign: "接单/分配",
  start: "开始处理",
  resolve: "办结",
  reopen: "重新处理",
  close: "关闭工单",
  note: "添加备注",
  reply: "回复市民",
  takeover: "接管对话",
  handback: "交还小申",
};
const REASON_LABELS = {
  complaint: "市民投诉",
  report: "市民举报",
  "urgent-safety": "紧急安全隐患",
  "case-dispute": "办件争议（退回、超期等）",
  "wage-arrears": "欠薪求助",
  "ask-person": "市民要求转人工",
  praise: "表扬",
  suggestion: "建议",
  "repeated-failure": "小申多次未能解答",
};
const OUTCOME_LABELS = { eligible: "符合条件", "not-eligible": "不符合条件", undetermined: "待确定" };

const time = (iso) => new Date(iso).toLocaleString("zh-CN", { hour12: false });

export function queueItem(ticket, selected) {
  return el(
    "li",
    {
      class: `queue-item ${ticket.urgency === "urgent" ? "urgent" : ""} ${selected ? "selected" : ""}`,
      "data-console": "queue-item",
      "data-ticket-id": ticket.id,
      "data-status": ticket.status,
      tabindex: 0,
      role: "button",
    },
    el(
      "div",
      { class: "row" },
      ticket.urgency === "urgent" ? el("span", { class: "badge urgent" }, "紧急") : null,
      el("span", { class: "badge" }, ticket.category),
      el("span", { class: `status ${ticket.status}` }, STATUS_LABELS[ticket.status]),
      el("span", { class: "time" }, time(ticket.createdAt)),
    ),
    el("p", { class: "line" }, ticket.summary),
    el(
      "div",
      { class: "row meta" },
      el("span", {}, ticket.id),
      ticket.district ? el("span", {}, ticket.district) : null,
      ticket.matterTitle ? el("span", {}, ticket.matterTitle) : null,
      ticket.assignee ? el("span", {}, `坐席 ${ticket.assignee}`) : null,
      ticket.takeover ? el("span", { class: "badge live" }, "人工接管中") : null,
    ),
  );
}

export function facts(ticket) {
  const entries = [
    ["类别", ticket.category],
    ["紧急程度", ticket.urgency === "urgent" ? "紧急" : "一般"],
    ["状态", STATUS_LABELS[ticket.status]],
    ["事项", ticket.matterTitle ?? ticket.matterId ?? "未识别"],
    ["区域", ticket.district ?? "未知"],
    ["承办坐席", ticket.assignee ?? "未分配"],
  ];
  return entries.flatMap(([term, value]) => [el("dt", {}, term), el("dd", {}, value)]);
}

export function message(entry) {
  return el(
    "li",
    { class: `message ${entry.role}`, "data-console": "message", "data-role": entry.role, "data-seq": entry.seq },
    el("span", { class: "who" }, entry.agent ? `${ROLE_LABELS[entry.role]}·${entry.agent}` : ROLE_LABELS[entry.role]),
    el("span", { class: "time" }, time(entry.createdAt)),
    el("p", {}, entry.text),
    entry.citations?.length ? el("ul", { class: "cites" }, entry.citations.map(citationItem)) : null,
  );
}

function citationItem(citation) {
  return el("li", {}, el("a", { href: citation.url ?? "#", target: "_blank", rel: "noopener" }, citation.title));
}

export function evidence(ticket) {
  const parts = [el("h4", {}, "升级原因"), el("p", {}, REASON_LABELS[ticket.reason] ?? ticket.reason)];
  parts.push(el("h4", {}, "引用的办事指南"));
  parts.push(
    ticket.citations.length ? el("ul", { class: "cites" }, ticket.citations.map(citationItem)) : el("p", {}, "无"),
  );
  if (ticket.eligibility) {
    const check = ticket.eligibility;
    parts.push(el("h4", {}, "条件预判"));
    parts.push(el("p", {}, `${check.matterId}：${OUTCOME_LABELS[check.outcome] ?? check.outcome}`));
    if (check.missing?.length) parts.push(el("p", {}, `尚缺信息：${check.missing.join("、")}`));
    if (check.failed?.length) parts.push(el("ul", {}, check.failed.map((failure) => el("li", {}, failure.message))));
  }
  if (ticket.form) {
    parts.push(el("h4", {}, `申请表草稿（${ticket.form.status}）`));
    parts.push(
      el(
        "table",
        { class: "form" },
        ticket.form.fields.map((field) => el("tr", {}, el("th", {}, field.label), el("td", {}, field.value ?? "—"))),
      ),
    );
  }
  return parts;
}

export function notes(ticket) {
  return ticket.notes.length
    ? ticket.notes.map((note) => el("li", {}, el("strong", {}, note.author), ` ${time(note.at)}：`, note.text))
    : [el("li", { class: "muted" }, "暂无备注")];
}

export function audit(ticket) {
  return ticket.audit.map((entry) =>
    el("li", {}, `${time(entry.at)} ${entry.actor} ${AUDIT_LABELS[entry.action] ?? entry.action}${entry.detail ? `（${entry.detail}）` : ""}`),
  );
}

export function suggestion(section, onInsert) {
  return el(
    "li",
    { class: "suggestion", "data-console": "suggestion" },
    el("a", { href: section.citation.url ?? "#", target: "_blank", rel: "noopener" }, section.citation.title),
    el("p", {}, section.excerpt),
    el("button", { type: "button", "data-console": "insert-suggestion", onclick: () => onInsert(section) }, "插入"),
  );
}

export function citationChip(citation, onRemove) {
  return el(
    "li",
    { class: "chip", "data-console": "reply-citation" },
    citation.title,
    el("button", { type: "button", "aria-label": `移除引用 ${citation.title}`, onclick: onRemove }, "×"),
  );
}
