// Renders a Reply and stored messages as DOM. Text from the server is always inserted as text, never as HTML.

import { label, t } from "./i18n.js";

/** An element with attributes (class, data-*, aria-*, ...) and children (nodes or strings, null skipped). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "class") node.className = value;
    else if (name === "text") node.textContent = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

const EMERGENCY_LEVELS = ["emergency_ambulance", "emergency"];

/** Whether a reply must be shown as an emergency: the route, the triage level or the referral says so. */
export function isEmergency(reply) {
  return (
    reply.route === "emergency" ||
    EMERGENCY_LEVELS.includes(reply.triage && reply.triage.level) ||
    Boolean(reply.referral && reply.referral.needed && reply.referral.to === "emergency")
  );
}

function list(items, className) {
  if (!items || !items.length) return null;
  return el("ul", { class: className }, items.map((item) => el("li", { text: item })));
}

function section(className, title, ...children) {
  return el("section", { class: `card ${className}` }, el("h3", { text: title }), ...children);
}

function renderTriage(triage, locale) {
  const level = triage.level;
  if (!triage.final) {
    // While the interview goes on, one line: the level so far, and any warning sign already found.
    return el("div", { class: `card triage provisional level-${level}` },
      el("p", { class: "provisional-line" }, `${t("triage_provisional", {}, locale)}: `,
        el("span", { class: "level-badge", "data-level": level, text: label("level", level, locale) })),
      list(triage.red_flags, "red-flags"));
  }
  return section(
    `triage level-${level}${triage.final ? " final" : ""}`,
    triage.final ? t("triage", {}, locale) : t("triage_provisional", {}, locale),
    el("p", { class: "level-badge", "data-level": level },
      el("span", { class: "visually-hidden", text: `${t("level", {}, locale)}: ` }), label("level", level, locale)),
    triage.complaint ? el("p", {}, el("strong", { text: `${t("complaint", {}, locale)}: ` }), triage.complaint) : null,
    triage.red_flags && triage.red_flags.length ? el("h4", { text: t("red_flags", {}, locale) }) : null,
    list(triage.red_flags, "red-flags"),
    triage.reasons && triage.reasons.length ? el("h4", { text: t("reasons", {}, locale) }) : null,
    list(triage.reasons, "reasons"),
    triage.advice && triage.advice.length ? el("h4", { text: t("advice", {}, locale) }) : null,
    list(triage.advice, "advice"),
  );
}

function formatRange(low, high) {
  if (low !== null && low !== undefined && high !== null && high !== undefined) return `${low}–${high}`;
  if (low !== null && low !== undefined) return `≥ ${low}`;
  if (high !== null && high !== undefined) return `≤ ${high}`;
  return "";
}

// An arrow beside the flag's colour, so that the flag does not rely on colour alone.
const FLAG_MARKS = { N: "", L: "↓", H: "↑", LL: "↓↓", HH: "↑↑", indeterminate: "?" };

function renderReport(report, locale) {
  const analytes = report.analytes || [];
  const has = (field) => analytes.some((a) => a[field] !== null && a[field] !== undefined && a[field] !== "");
  // Columns that no row fills are left out (a first report has no previous values).
  const columns = [
    ["analyte", (a) => el("th", { scope: "row", text: a.name || a.code })],
    ["value", (a) => el("td", { class: "value", text: a.value ?? "" })],
    ["unit", (a) => el("td", { text: a.unit || "" })],
    ["reference", (a) => el("td", { text: formatRange(a.ref_low, a.ref_high) })],
    ["flag", (a) => el("td", { class: "flag", "data-flag": a.flag },
      `${FLAG_MARKS[a.flag] ?? ""} ${label("flag", a.flag, locale)}`.trim())],
    has("previous") ? ["previous", (a) => el("td", { text: a.previous ?? "" })] : null,
    has("explanation") ? ["explanation", (a) => el("td", { class: "explanation", text: a.explanation || "" })] : null,
  ].filter(Boolean);
  const rows = analytes.map((a) =>
    el("tr", { class: `flag-${a.flag}`, "data-code": a.code }, columns.map(([, cell]) => cell(a))));
  return section(
    `report${report.critical ? " critical" : ""}`,
    t("report", {}, locale),
    report.critical ? el("p", { class: "critical-banner", role: "alert", text: t("report_critical", {}, locale) }) : null,
    el("div", { class: "table-scroll" },
      el("table", { class: "lab-table" },
        el("thead", {}, el("tr", {}, columns.map(([key]) => el("th", { scope: "col", text: t(key, {}, locale) })))),
        el("tbody", {}, rows),
      ),
    ),
  );
}

function scalar(value) {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(scalar).join(", ");
  if (typeof value === "object") {
    return Object.entries(value).map(([k, v]) => `${k}: ${scalar(v)}`).join("; ");
  }
  return String(value);
}

// Keys of TcmInfo.result (tools/tcm/summary.py build_result) shown to the patient; the rest is for clinicians and evals.
const TCM_AREAS = ["diet", "sleep", "exercise", "emotions"];

function renderTcmResult(result, name, locale) {
  const rows = [];
  const add = (key, value) => {
    if (value !== null && value !== undefined && value !== "" && !(Array.isArray(value) && !value.length)) {
      rows.push(el("dt", { text: t(key, {}, locale) }), el("dd", {}, value));
    }
  };
  if (result.primary) {
    add("tcm_primary", `${name(result.primary)}${result.primary_judgment ? ` (${label("judgment", result.primary_judgment, locale)})` : ""}`);
  }
  const others = (result.constitutions || []).filter((code) => code !== result.primary);
  add("tcm_mixed", others.map(name).join(locale === "zh" ? "、" : ", "));
  add("tcm_tendencies", (result.tendencies || []).filter((code) => code !== result.primary).map(name).join(locale === "zh" ? "、" : ", "));
  add("tcm_warnings", (result.warnings || []).length ? list(result.warnings.map(scalar), "warnings") : null);
  const guidance = Object.entries(result.guidance || {});
  add("tcm_guidance", guidance.length ? guidance.map(([code, areas]) => el("div", { class: "guidance" },
    el("strong", { text: name(code) }),
    el("ul", {}, TCM_AREAS.filter((area) => areas[area]).map((area) =>
      el("li", {}, el("span", { class: "area", text: `${label("area", area, locale)}: ` }), areas[area]))))) : null);
  if (!rows.length) {
    // A result of another shape: its simple values, as they are.
    for (const [key, value] of Object.entries(result)) {
      if (value !== null && typeof value !== "object") rows.push(el("dt", { text: key }), el("dd", { text: scalar(value) }));
    }
  }
  return rows.length ? el("dl", { class: "tcm-result" }, rows) : null;
}

function renderTcm(tcm, locale) {
  const result = tcm.result || {};
  const names = result.names || {};
  const name = (code) => names[code] || String(code).replaceAll("_", " ");
  const judgments = result.judgments || {};
  const entries = Object.entries(tcm.scores || {});
  // Transformed scores run 0-100; raw scores (a short form) are drawn against the highest one.
  const top = result.score_kind === "raw" ? Math.max(1, ...entries.map(([, score]) => Number(score) || 0)) : 100;
  const bars = entries.map(([code, score]) => {
    const width = Math.max(0, Math.min(100, ((Number(score) || 0) / top) * 100));
    const judgment = judgments[code];
    return el("li", { class: `bar${code === result.primary ? " primary" : ""}`, "data-type": code },
      el("span", { class: "bar-label", text: name(code) }),
      el("span", { class: "bar-track", "aria-hidden": "true" }, el("span", { class: "bar-fill", "data-width": width })),
      el("span", { class: "bar-value" }, Number(score).toFixed(1),
        judgment ? el("span", { class: `judgment judgment-${judgment}`, text: ` ${label("judgment", judgment, locale)}` }) : null),
    );
  });
  const node = section(
    "tcm",
    `${t("tcm", {}, locale)}${tcm.final ? "" : ` · ${t("tcm_in_progress", {}, locale)}`}`,
    entries.length ? el("h4", { text: t("tcm_scores", {}, locale) }) : null,
    entries.length ? el("ul", { class: "bar-chart", "aria-label": t("tcm_scores", {}, locale) }, bars) : null,
    renderTcmResult(result, name, locale),
  );
  // Widths are set through the CSSOM, which the page's content security policy allows (inline styles it does not).
  for (const fill of node.querySelectorAll(".bar-fill")) fill.style.width = `${fill.dataset.width}%`;
  return node;
}

function renderCitations(citations, locale) {
  return section(
    "citations",
    t("citations", {}, locale),
    citations.map((c) =>
      el("details", { class: "citation" },
        el("summary", { text: [c.doc_id, c.section].filter(Boolean).join(" · ") }),
        el("blockquote", { text: c.quote }),
      ),
    ),
  );
}

function renderReferral(referral, locale) {
  const parts = [label("referral", referral.to, locale)];
  if (referral.urgency) parts.push(`${t("urgency", {}, locale)}: ${label("urgency", referral.urgency, locale)}`);
  return el("p", { class: "referral" }, el("strong", { text: `${t("referral", {}, locale)}: ` }), parts.join(" · "));
}

/**
 * A question with its choices as buttons. A single-answer button answers at once: onChoice(choice). For a
 * multi-answer question the buttons toggle (aria-pressed) and a send button answers with onChoice([choices]).
 */
function renderQuestion(q, replyText, onChoice, locale) {
  const choices = q.choices || [];
  const picked = new Set();
  const send = q.multi ? el("button", { type: "button", class: "send-choices", disabled: true,
    text: t("send_selected", {}, locale), onclick: () => onChoice(choices.filter((c) => picked.has(c.id))) }) : null;
  const buttons = choices.map((choice) => {
    const button = el("button", { type: "button", class: "choice", "data-choice": choice.id, disabled: !onChoice,
      "aria-pressed": q.multi ? "false" : null, text: choice.label });
    if (onChoice) {
      button.addEventListener("click", () => {
        if (!q.multi) return onChoice(choice);
        if (picked.has(choice.id)) picked.delete(choice.id);
        else picked.add(choice.id);
        button.setAttribute("aria-pressed", String(picked.has(choice.id)));
        send.disabled = picked.size === 0;
      });
    }
    return button;
  });
  // The reply text usually asks the question already; the legend then only names the group for screen readers.
  const asked = replyText.includes(q.prompt);
  return el("fieldset", { class: `question${q.multi ? " multi" : ""}`, "data-question": q.id },
    el("legend", { class: asked ? "visually-hidden" : null, text: q.prompt }),
    buttons.length ? el("div", { class: "choices" }, buttons, onChoice ? send : null) : null,
    buttons.length && onChoice ? el("p", { class: "hint", text: t(q.multi ? "choose_many_hint" : "choose_hint", {}, locale) }) : null);
}

/**
 * The body of an assistant message: emergency banner, text, question, triage card, lab table, TCM chart,
 * citations, referral and escalation notice. `onChoice(choice)` is called by a choice button, when given.
 */
export function renderReply(reply, { onChoice = null, textNode = null } = {}) {
  const locale = reply.locale || "zh";
  const emergency = isEmergency(reply);
  const body = el("div", { class: `reply route-${reply.route}${emergency ? " emergency" : ""}`, lang: locale === "zh" ? "zh-CN" : "en" });
  if (emergency) {
    body.append(el("p", { class: "emergency-banner", role: "alert" },
      el("span", { class: "emergency-icon", "aria-hidden": "true", text: "⚠" }),
      el("strong", { text: t("emergency_title", {}, locale) }), " — ", t("emergency_call", {}, locale)));
  }
  const text = textNode || el("p", { class: "reply-text" });
  if (!textNode) text.textContent = reply.text;
  body.append(text);
  if (reply.question) body.append(renderQuestion(reply.question, reply.text || "", onChoice, locale));
  if (reply.triage) body.append(renderTriage(reply.triage, locale));
  if (reply.report && reply.report.analytes && reply.report.analytes.length) body.append(renderReport(reply.report, locale));
  if (reply.tcm && (Object.keys(reply.tcm.scores || {}).length || reply.tcm.final)) body.append(renderTcm(reply.tcm, locale));
  if (reply.citations && reply.citations.length) body.append(renderCitations(reply.citations, locale));
  if (reply.referral && reply.referral.needed) body.append(renderReferral(reply.referral, locale));
  if (reply.escalation) {
    body.append(el("p", { class: "escalation-note", role: "status",
      text: t("escalated", { priority: label("priority", reply.escalation.priority, locale) }, locale) }));
  }
  if (reply.reviewed_by) body.append(el("p", { class: "reviewed", text: t("reviewed", {}, locale) }));
  return body;
}

/** A server timestamp in the reader's local time. Times without a zone are UTC (SQLite drops the zone). */
export function timeOf(iso) {
  if (!iso) return "";
  const zoned = /([zZ]|[+-]\d\d:?\d\d)$/.test(iso) ? iso : `${iso}Z`;
  const date = new Date(zoned);
  return Number.isNaN(date.getTime()) ? "" : date.toLocaleString();
}

/** One stored message (from GET .../messages) as a transcript entry. */
export function renderMessage(message, { onChoice = null, choiceLabels = {}, viewer = "patient" } = {}) {
  const sender = message.sender;
  const patientName = viewer === "patient" ? t("you") : t("patient");
  const who = sender === "patient" ? patientName : sender === "clinician" ? t("clinician") : t("assistant");
  const item = el("li", { class: `message from-${sender}`, "data-seq": message.seq, "data-sender": sender });
  item.append(el("p", { class: "meta" }, el("span", { class: "who", text: who }), " ",
    el("time", { datetime: message.created_at, text: timeOf(message.created_at) })));
  const payload = message.payload || {};
  if (sender === "assistant" && payload.route) {
    item.append(renderReply(payload, { onChoice }));
    if (isEmergency(payload)) item.classList.add("emergency");
  } else {
    // A clinician's message is labelled by its sender; the text prefix (payload.prefix) is for text-only clients.
    let text = message.text;
    if (sender === "patient" && payload.choice && text === payload.choice) {
      text = t("chose", { label: choiceLabels[payload.choice] || payload.choice });
    } else if (sender === "patient" && text) {
      // Answers to a multi-answer question travel as the choices' ids ("A B"): shown with their labels.
      const ids = text.trim().split(/[\s,;/、|]+/);
      if (ids.every((id) => Object.hasOwn(choiceLabels, id))) text = t("chose", { label: ids.map((id) => choiceLabels[id]).join(", ") });
    }
    item.append(el("p", { class: "message-text", text }));
    for (const file of payload.attachments || []) {
      item.append(el("p", { class: "attachment-chip" }, `📎 ${t("attachment")}: `, file.filename || file.content_type || ""));
    }
  }
  return item;
}

/**
 * Messages in order; a patient's choice is shown with the label of the question it answered. `viewer` is who
 * reads the transcript ("patient" sees "You", a clinician sees "Patient").
 */
export function renderTranscript(messages, { onChoice = null, viewer = "patient" } = {}) {
  let choiceLabels = {};
  const lastAssistant = [...messages].reverse().find((m) => m.sender === "assistant");
  return messages.map((message) => {
    const node = renderMessage(message, { onChoice: message === lastAssistant ? onChoice : null, choiceLabels, viewer });
    const question = message.sender === "assistant" && message.payload && message.payload.question;
    if (question) choiceLabels = Object.fromEntries((question.choices || []).map((c) => [c.id, c.label]));
    return node;
  });
}
