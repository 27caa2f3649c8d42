// The patient chat: sign-in with a token, past sessions, a conversation with streaming replies and attachments.

import { ApiError, api, fileToAttachment, saveToken, savedToken, streamMessage } from "./api.js";
import { currentLocale, t, translatePage } from "./i18n.js";
import { wireSignIn } from "./signin.js";
import { el, isEmergency, renderReply, renderTranscript, timeOf } from "./render.js";

// The API's limits (settings.max_attachment_bytes and the 5 attachments of MessageIn).
const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
const MAX_ATTACHMENTS = 5;
// How often an open conversation looks for a clinician's reply.
const POLL_MS = 4000;
const SESSION_KEY = "assistant.session";

const state = { user: null, sessions: [], sessionId: null, messages: [], attachments: [], busy: false };
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
  try {
    state.user = await api("GET", "/v1/me");
  } catch (error) {
    saveToken("");
    showError("sign-in-error", error.status === 401 ? t("token_rejected") : describeError(error));
    return;
  }
  showError("sign-in-error", "");
  $("sign-in").hidden = true;
  $("app").hidden = false;
  $("sign-out").hidden = false;
  renderWho();
  await loadSessions();
  const remembered = sessionStorage.getItem(SESSION_KEY);
  const start = state.sessions.find((s) => s.id === remembered) || state.sessions[0];
  if (start) await openSession(start.id);
  else renderMessages();
  $("composer-text").focus();
}

function signOut() {
  saveToken("");
  sessionStorage.removeItem(SESSION_KEY);
  Object.assign(state, { user: null, sessions: [], sessionId: null, messages: [], attachments: [] });
  $("app").hidden = true;
  $("sign-out").hidden = true;
  $("sign-in").hidden = false;
  $("who").textContent = "";
  $("token-input").value = "";
  $("token-input").focus();
}

function renderWho() {
  const who = $("who");
  who.replaceChildren();
  if (!state.user) return;
  who.append(t("signed_in_as", { name: state.user.name }));
  if (state.user.role === "clinician" || state.user.role === "admin") {
    who.append(" · ", el("a", { href: "/clinician", text: t("open_console") }));
  }
}

// --- sessions ---------------------------------------------------------------------------------------

async function loadSessions() {
  try {
    state.sessions = await api("GET", "/v1/sessions");
  } catch (error) {
    showError("chat-error", describeError(error));
  }
  renderSessions();
}

function renderSessions() {
  const list = $("session-list");
  list.replaceChildren();
  if (!state.sessions.length) list.append(el("li", { class: "hint", text: t("no_sessions") }));
  for (const session of state.sessions) {
    const when = timeOf(session.created_at);
    const name = session.title || `${t("untitled_session")} · ${when}`;
    list.append(el("li", {},
      el("button", { type: "button", class: "session-button", "data-session": session.id,
        "aria-current": session.id === state.sessionId ? "true" : null, onclick: () => openSession(session.id), text: name })));
  }
}

async function openSession(sessionId) {
  state.sessionId = sessionId;
  sessionStorage.setItem(SESSION_KEY, sessionId);
  renderSessions();
  await refreshMessages(true);
}

async function newSession() {
  const session = await api("POST", "/v1/sessions", { locale: currentLocale() });
  state.sessions.unshift(session);
  await openSession(session.id);
  return session.id;
}

// --- the conversation ---------------------------------------------------------------------------------

async function refreshMessages(force = false) {
  if (!state.sessionId) return;
  const sessionId = state.sessionId;
  let messages;
  try {
    messages = await api("GET", `/v1/sessions/${encodeURIComponent(sessionId)}/messages`);
  } catch (error) {
    showError("chat-error", describeError(error));
    return;
  }
  if (sessionId !== state.sessionId) return;
  const previous = state.messages;
  const extends_ = previous.length > 0 && previous.every((m, i) => messages[i] && messages[i].id === m.id);
  const changed = messages.length !== previous.length || !extends_;
  state.messages = messages;
  if (force && !extends_) renderMessages();
  else if (changed || force) renderMessages(extends_ ? previous.length : 0);
}

/**
 * Shows state.messages. When the first `kept` are already on screen only the new ones are appended, so that
 * the live region announces just those (a clinician's answer, say) rather than the whole conversation again.
 */
function renderMessages(kept = 0) {
  const list = $("messages");
  for (const node of list.querySelectorAll(".pending")) node.remove();
  const nodes = renderTranscript(state.messages, { onChoice: state.busy ? null : (c) => sendChoice(c) });
  if (kept > 0 && list.children.length === kept) list.append(...nodes.slice(kept));
  else list.replaceChildren(...nodes);
  setBusy(state.busy);  // only the newest question's choices stay enabled
  $("empty-hint").hidden = state.messages.length > 0;
  list.lastElementChild?.scrollIntoView({ block: "end" });
}

function setBusy(busy) {
  state.busy = busy;
  $("send").disabled = busy;
  $("send").textContent = busy ? t("sending") : t("send");
  // Only the newest question can be answered; every choice waits while a message is on its way.
  const newest = [...document.querySelectorAll("#messages li.from-assistant")].at(-1);
  for (const button of document.querySelectorAll("#messages button.choice")) {
    button.disabled = busy || !newest || !newest.contains(button);
  }
}

/** Shows the patient's message at once and an assistant entry that fills as the reply streams in. */
function showPending(text) {
  const list = $("messages");
  const mine = el("li", { class: "message from-patient pending", "data-sender": "patient" },
    el("p", { class: "meta" }, el("span", { class: "who", text: t("you") })),
    el("p", { class: "message-text", text }));
  const streamed = el("p", { class: "reply-text streaming" });
  const theirs = el("li", { class: "message from-assistant pending", "data-sender": "assistant", "aria-busy": "true" },
    el("p", { class: "meta" }, el("span", { class: "who", text: t("assistant") })), streamed);
  list.append(mine, theirs);
  $("empty-hint").hidden = true;
  theirs.scrollIntoView({ block: "end" });
  return { mine, theirs, streamed };
}

async function send(message, shownText) {
  if (state.busy) return false;
  showError("chat-error", "");
  setBusy(true);
  let pending = null;
  try {
    const sessionId = state.sessionId || (await newSession());
    pending = showPending(shownText);
    const reply = await streamMessage(sessionId, message, (chunk) => {
      pending.streamed.textContent += chunk;
    });
    // Show the whole reply at once (the card, table, chart, ...), then reload the stored transcript.
    pending.theirs.replaceChildren(pending.theirs.firstChild, renderReply(reply));
    pending.theirs.removeAttribute("aria-busy");
    if (isEmergency(reply)) pending.theirs.classList.add("emergency");
    state.busy = false;
    await refreshMessages(true);
    return true;
  } catch (error) {
    pending?.mine.remove();
    pending?.theirs.remove();
    showError("chat-error", describeError(error));
    return false;
  } finally {
    setBusy(false);
  }
}

async function sendComposer(event) {
  event.preventDefault();
  const box = $("composer-text");
  const text = box.value.trim();
  if (!text && !state.attachments.length) return;
  let attachments;
  try {
    attachments = await Promise.all(state.attachments.map(fileToAttachment));
  } catch (error) {
    showError("chat-error", describeError(error));
    return;
  }
  const names = state.attachments.map((f) => `📎 ${f.name}`);
  const message = { text: text || null, attachments };
  box.value = "";
  const sent = await send(message, [text, ...names].filter(Boolean).join("\n"));
  if (sent) {
    state.attachments = [];
    renderAttachments();
  } else if (!box.value) {
    box.value = text;  // nothing was stored: give the patient their words back
  }
  box.focus();
}

/** One choice goes as `choice`; several (a multi-answer question) go as their ids in the text. */
function sendChoice(chosen) {
  if (Array.isArray(chosen)) {
    const label = chosen.map((c) => c.label).join(", ");
    return send({ text: chosen.map((c) => c.id).join(" ") }, t("chose", { label }));
  }
  return send({ choice: chosen.id }, t("chose", { label: chosen.label }));
}

// --- attachments -------------------------------------------------------------------------------------

function addAttachments(files) {
  for (const file of files) {
    if (state.attachments.length >= MAX_ATTACHMENTS) {
      showError("chat-error", t("too_many_attachments", { n: MAX_ATTACHMENTS }));
      break;
    }
    if (file.size > MAX_ATTACHMENT_BYTES) {
      showError("chat-error", `${file.name}: ${t("attachment_too_large", { mb: MAX_ATTACHMENT_BYTES / 1024 / 1024 })}`);
      continue;
    }
    state.attachments.push(file);
  }
  renderAttachments();
}

function renderAttachments() {
  const list = $("attachment-list");
  list.replaceChildren(...state.attachments.map((file, index) =>
    el("li", { class: "attachment-chip" }, `📎 ${file.name} `,
      el("button", { type: "button", class: "link", "aria-label": `${t("remove_attachment")}: ${file.name}`, text: "×",
        onclick: () => { state.attachments.splice(index, 1); renderAttachments(); } }))));
}

// --- start -------------------------------------------------------------------------------------------

function applyLocale() {
  translatePage();
  $("locale-select").value = currentLocale();
  setBusy(state.busy);
  renderWho();
  if (state.user) {
    renderSessions();
    renderMessages();
  }
}

function start() {
  wireSignIn({ applyLocale, signIn, signOut, isSignedIn: () => Boolean(state.user), showError });
  $("new-session").addEventListener("click", () => newSession().catch((e) => showError("chat-error", describeError(e))));
  $("refresh").addEventListener("click", () => refreshMessages(true));
  $("composer").addEventListener("submit", sendComposer);
  $("composer-text").addEventListener("keydown", (event) => {
    // Enter sends, Shift+Enter breaks the line; never while an input method is composing Chinese.
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) sendComposer(event);
  });
  $("attachment-input").addEventListener("change", (event) => {
    addAttachments([...event.target.files]);
    event.target.value = "";
  });
  setInterval(() => {
    if (state.user && state.sessionId && !state.busy && document.visibilityState === "visible") refreshMessages();
  }, POLL_MS);
  if (savedToken()) signIn(savedToken());
  else $("token-input").focus();
}

start();
