// The clinician console: the escalation queue with filters, and one escalation with its summary, transcript,
// held draft and actions (claim, reply, approve or edit, acknowledge, resolve).

import { ApiError, api, saveToken, savedToken } from "./api.js";
import { currentLocale, label, t, translatePage } from "./i18n.js";
import { wireSignIn } from "./signin.js";
import { el, renderTranscript, timeOf } from "./render.js";

const QUEUE_POLL_MS = 10000;
const OUTCOMES = ["resolved", "referred", "emergency_confirmed", "no_action"];

const state = { user: null, queue: [], selectedId: null, detail: null, busy: false };
const $ = (id) => document.getElementById(id);

function describeError(error) {
  if (error instanceof ApiError && error.status === 0) return t("network_error");
  return t("error_prefix") + (error && error.message ? error.message : String(error));
}

function showError(id, message) {
  $(id).textContent = message || "";
}

// --- sign-in ----------------------------------------------------------------------------------------

async function signIn(token) {
  saveToken(token);
  let user;
  try {
    user = await api("GET", "/v1/me");
  } catch (error) {
    saveToken("");
    showError("sign-in-error", error.status === 401 ? t("token_rejected") : describeError(error));
    return;
  }
  if (user.role !== "clinician" && user.role !== "admin") {
    saveToken("");
    const error = $("sign-in-error");
    error.replaceChildren(t("wrong_role"), " ", el("a", { href: "/", text: t("open_chat") }));
    return;
  }
  state.user = user;
  showError("sign-in-error", "");
  $("sign-in").hidden = true;
  $("app").hidden = false;
  $("sign-out").hidden = false;
  renderWho();
  await loadQueue();
}

function signOut() {
  saveToken("");
  Object.assign(state, { user: null, queue: [], selectedId: null, detail: null });
  $("app").hidden = true;
  $("sign-out").hidden = true;
  $("sign-in").hidden = false;
  $("who").textContent = "";
  $("token-input").value = "";
}

function renderWho() {
  $("who").textContent = state.user ? t("signed_in_as", { name: state.user.name }) : "";
}

// --- the queue ----------------------------------------------------------------------------------------

function queueQuery() {
  const params = new URLSearchParams({ status_filter: $("filter-status").value });
  if ($("filter-priority").value) params.set("priority", $("filter-priority").value);
  if ($("filter-reason").value) params.set("reason", $("filter-reason").value);
  if ($("filter-mine").checked) params.set("mine", "true");
  return `/v1/escalations?${params}`;
}

async function loadQueue() {
  try {
    state.queue = await api("GET", queueQuery());
    showError("queue-error", "");
  } catch (error) {
    showError("queue-error", describeError(error));
    return;
  }
  addUnknownReasons(state.queue.map((e) => e.reason));
  renderQueue();
}

/** Reasons the server uses that the filter does not list yet become options too. */
function addUnknownReasons(reasons) {
  const select = $("filter-reason");
  const known = new Set([...select.options].map((o) => o.value));
  for (const reason of reasons) {
    if (known.has(reason)) continue;
    known.add(reason);
    select.append(el("option", { value: reason, text: label("reason", reason) }));
  }
}

function badges(escalation) {
  return [
    el("span", { class: `badge priority-${escalation.priority}`, text: label("priority", escalation.priority) }),
    el("span", { class: `badge status-${escalation.status}`, text: label("status", escalation.status) }),
    escalation.held ? el("span", { class: "badge held", text: t("held_badge") }) : null,
    escalation.requires_ack && !escalation.acknowledged_at ? el("span", { class: "badge ack", text: t("ack_needed") }) : null,
  ];
}

function renderQueue() {
  const list = $("queue-list");
  // The queue refreshes itself: keep the keyboard focus on the same escalation across a refresh.
  const focused = document.activeElement && list.contains(document.activeElement)
    ? document.activeElement.dataset.escalation : null;
  list.replaceChildren();
  if (!state.queue.length) list.append(el("li", { class: "hint", text: t("empty_queue") }));
  for (const escalation of state.queue) {
    list.append(el("li", {},
      el("button", { type: "button", class: `queue-item priority-${escalation.priority}`, "data-escalation": escalation.id,
        "aria-current": escalation.id === state.selectedId ? "true" : null, onclick: () => openEscalation(escalation.id) },
        el("span", { class: "queue-reason", text: label("reason", escalation.reason) }),
        el("span", { class: "badges" }, badges(escalation)),
        el("span", { class: "queue-time", text: timeOf(escalation.created_at) }))));
  }
  if (focused) list.querySelector(`[data-escalation="${CSS.escape(focused)}"]`)?.focus();
}

// --- one escalation -------------------------------------------------------------------------------------

async function openEscalation(escalationId) {
  state.selectedId = escalationId;
  renderQueue();
  showError("detail-error", "");
  $("detail-status").textContent = "";
  try {
    state.detail = await api("GET", `/v1/escalations/${encodeURIComponent(escalationId)}`);
  } catch (error) {
    showError("detail-error", describeError(error));
    return;
  }
  renderDetail();
}

function assigneeText(escalation) {
  if (!escalation.assignee_id) return t("unassigned");
  return escalation.assignee_id === state.user.id ? t("you_assignee") : escalation.assignee_id;
}

function renderSummary(summary) {
  const rows = [];
  const add = (key, value) => rows.push(el("dt", { text: t(key) }), el("dd", {}, value ?? t("none")));
  add("complaint", summary.complaint);
  add("triage", summary.triage ? `${label("level", summary.triage.level)}${summary.triage.reasons?.length
    ? ` — ${summary.triage.reasons.join("; ")}` : ""}` : null);
  const abnormal = summary.abnormal_results || [];
  add("abnormal_results", abnormal.length ? el("ul", {}, abnormal.map((a) =>
    el("li", { class: `flag-${a.flag}`, text: `${a.name || a.code}: ${a.value ?? ""} ${a.unit || ""} (${label("flag", a.flag)})` })))
    : null);
  if (summary.tcm) add("tcm", Object.entries(summary.tcm.scores || {}).map(([k, v]) => `${k} ${v}`).join(", "));
  const rules = summary.rules_fired || [];
  add("rules_fired", rules.length ? rules.map((r) => `${r.rule} → ${r.action}`).join("; ") : null);
  return el("section", { class: "card summary" }, el("h3", { text: t("summary") }), el("dl", {}, rows));
}

function actionButton(key, handler, enabled = true) {
  return el("button", { type: "button", "data-action": key, disabled: !enabled || state.busy, onclick: handler, text: t(key) });
}

function renderHeldDraft(held) {
  const box = el("textarea", { id: "held-text", rows: 5, "aria-labelledby": "held-title" });
  box.value = held.text || "";
  return el("section", { class: "card held-draft" },
    el("h3", { id: "held-title", text: t("held_draft") }),
    el("p", { class: "hint", text: t("held_help") }),
    box,
    el("div", { class: "actions" },
      actionButton("approve", () => act("review", {}, "done_reviewed")),
      actionButton("send_edited", () => {
        const text = box.value.trim();
        if (!text) showError("detail-error", t("reply_empty"));
        else act("review", { text }, "done_reviewed");
      })));
}

function renderActions(escalation) {
  const open = escalation.status !== "resolved";
  const reply = el("textarea", { id: "reply-text", rows: 3, "aria-labelledby": "reply-title" });
  reply.placeholder = t("reply_placeholder");
  const outcome = el("select", { id: "resolve-outcome" },
    OUTCOMES.map((o) => el("option", { value: o, text: label("outcome", o) })));
  const notes = el("input", { id: "resolve-notes", type: "text" });
  return el("section", { class: "card actions-card" },
    el("div", { class: "actions" },
      actionButton("claim", () => act("claim", undefined, "done_claimed"),
        open && escalation.assignee_id !== state.user.id),
      escalation.requires_ack
        ? actionButton("acknowledge", () => act("acknowledge", undefined, "done_acknowledged"), !escalation.acknowledged_at)
        : null),
    el("h3", { id: "reply-title", text: t("reply_to_patient") }),
    reply,
    el("div", { class: "actions" }, actionButton("send_reply", () => {
      const text = reply.value.trim();
      if (!text) showError("detail-error", t("reply_empty"));
      else act("reply", { text }, "done_replied");
    }, open)),
    el("h3", { text: t("resolve") }),
    el("div", { class: "resolve-row" },
      el("label", {}, `${t("outcome")} `, outcome),
      el("label", {}, `${t("notes")} `, notes),
      actionButton("resolve", () => act("resolve", { outcome: outcome.value, notes: notes.value }, "done_resolved"), open)));
}

function renderDetail() {
  const { escalation, held_reply: held, summary, transcript } = state.detail;
  const body = $("detail-body");
  const facts = el("dl", { class: "facts" },
    el("dt", { text: t("reason") }), el("dd", { text: label("reason", escalation.reason) }),
    el("dt", { text: t("priority") }), el("dd", { text: label("priority", escalation.priority) }),
    el("dt", { text: t("status") }), el("dd", { text: label("status", escalation.status) }),
    el("dt", { text: t("assignee") }), el("dd", { text: assigneeText(escalation) }),
    el("dt", { text: t("created") }), el("dd", { text: timeOf(escalation.created_at) }),
    escalation.requires_ack ? [el("dt", { text: t("acknowledge") }),
      el("dd", { text: escalation.acknowledged_at ? t("acknowledged") : t("ack_needed") })] : null);
  body.replaceChildren(...[
    el("header", { class: "detail-head" }, el("h3", { text: label("reason", escalation.reason) }), el("span", { class: "badges" }, badges(escalation))),
    facts,
    escalation.summary ? el("p", { class: "hint", text: escalation.summary }) : null,
    renderSummary(summary),
    held ? renderHeldDraft(held) : null,
    renderActions(escalation),
    el("section", { class: "card transcript" }, el("h3", { text: t("transcript") }),
      el("ol", { class: "messages", id: "transcript" }, renderTranscript(transcript, { viewer: "clinician" }))),
  ].filter(Boolean));
  $("detail-empty").hidden = true;
  body.hidden = false;
}

/** One action on the selected escalation, then the queue and the escalation are reloaded. */
async function act(action, body, doneKey) {
  if (state.busy || !state.selectedId) return;
  state.busy = true;
  showError("detail-error", "");
  $("detail-status").textContent = "";
  for (const button of document.querySelectorAll("#detail-body button")) button.disabled = true;
  const id = state.selectedId;
  try {
    await api("POST", `/v1/escalations/${encodeURIComponent(id)}/${action}`, body);
    state.busy = false;
    await Promise.all([loadQueue(), openEscalation(id)]);
    $("detail-status").textContent = t(doneKey);
  } catch (error) {
    state.busy = false;
    if (state.detail) renderDetail();
    showError("detail-error", describeError(error));
  }
}

// --- start -------------------------------------------------------------------------------------------

function applyLocale() {
  translatePage();
  $("locale-select").value = currentLocale();
  renderWho();
  for (const option of $("filter-reason").options) {
    if (option.value && !option.dataset.i18n) option.textContent = label("reason", option.value);
  }
  if (state.user) renderQueue();
  if (state.detail) renderDetail();
}

function start() {
  wireSignIn({ applyLocale, signIn, signOut, isSignedIn: () => Boolean(state.user), showError });
  $("refresh").addEventListener("click", loadQueue);
  $("filters").addEventListener("change", loadQueue);
  $("filters").addEventListener("submit", (event) => {
    event.preventDefault();
    loadQueue();
  });
  setInterval(() => {
    if (state.user && !state.busy && document.visibilityState === "visible") loadQueue();
  }, QUEUE_POLL_MS);
  if (savedToken()) signIn(savedToken());
  else $("token-input").focus();
}

start();
