// The public /v1 API with a bearer token. Errors become ApiError with the server's `detail` message.

const TOKEN_KEY = "assistant.token";

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

// The token lives in sessionStorage: it survives a reload but not closing the tab.
export function savedToken() {
  return sessionStorage.getItem(TOKEN_KEY) || "";
}

export function saveToken(token) {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

function headers(json) {
  const result = { Authorization: `Bearer ${savedToken()}`, Accept: "application/json" };
  if (json) result["Content-Type"] = "application/json";
  return result;
}

// Fired when the server rejects the token (revoked, say), so that the page can ask for a new one.
export const UNAUTHORIZED_EVENT = "assistant:unauthorized";

async function errorFrom(response) {
  if (response.status === 401) window.dispatchEvent(new CustomEvent(UNAUTHORIZED_EVENT));
  let detail = `HTTP ${response.status}`;
  try {
    const body = await response.json();
    if (body && typeof body.detail === "string") detail = body.detail;
  } catch {
    // Not JSON (a proxy's error page, say): keep the status line.
  }
  return new ApiError(response.status, detail);
}

/** Calls the API; returns the parsed JSON body, throws ApiError (status 0 when the server cannot be reached). */
export async function api(method, path, body) {
  let response;
  try {
    response = await fetch(path, {
      method,
      headers: headers(body !== undefined),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, "network");
  }
  if (!response.ok) throw await errorFrom(response);
  if (response.status === 204) return null;
  return response.json();
}

/** Splits a Server-Sent Events buffer into complete events; returns [events, the unfinished rest]. */
export function parseSse(buffer) {
  const events = [];
  const blocks = buffer.replaceAll("\r\n", "\n").split("\n\n");
  const rest = blocks.pop();
  for (const block of blocks) {
    let name = "message";
    const data = [];
    for (const line of block.split("\n")) {
      if (line.startsWith("event:")) name = line.slice(6).trim();
      else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
    }
    if (data.length) events.push({ name, data: JSON.parse(data.join("\n")) });
  }
  return [events, rest];
}

/**
 * Sends a message over the streaming endpoint. Calls onDelta(text) per chunk and resolves with the Reply;
 * rejects with ApiError on an HTTP error or an `error` event.
 */
export async function streamMessage(sessionId, message, onDelta) {
  let response;
  try {
    response = await fetch(`/v1/sessions/${encodeURIComponent(sessionId)}/messages/stream`, {
      method: "POST",
      headers: { ...headers(true), Accept: "text/event-stream" },
      body: JSON.stringify(message),
    });
  } catch {
    throw new ApiError(0, "network");
  }
  if (!response.ok) throw await errorFrom(response);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let reply = null;
  for (;;) {
    const { value, done } = await reader.read();
    buffer += decoder.decode(value || new Uint8Array(), { stream: !done });
    const [events, rest] = parseSse(done ? `${buffer}\n\n` : buffer);
    buffer = rest;
    for (const event of events) {
      if (event.name === "delta") onDelta(event.data.text || "");
      else if (event.name === "reply") reply = event.data;
      else if (event.name === "error") throw new ApiError(500, event.data.detail || "error");
    }
    if (done) break;
  }
  if (!reply) throw new ApiError(500, "the stream ended without a reply");
  return reply;
}

/** A File as the API's attachment object (base64 data). */
export function fileToAttachment(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(new ApiError(0, `cannot read ${file.name}`));
    reader.onload = () => {
      const url = String(reader.result);
      resolve({
        kind: "file",
        content_type: file.type || "application/octet-stream",
        filename: file.name,
        data: url.slice(url.indexOf(",") + 1),
      });
    };
    reader.readAsDataURL(file);
  });
}
