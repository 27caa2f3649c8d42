"""A tiny OpenAI-compatible chat server for benchmarks and tests: it answers after a fixed latency.

It speaks just enough of `POST /v1/chat/completions` (plain and streamed) for LiteLLM's `openai/<name>` provider.
What it answers is up to a `responder(body) -> str`; the default one behaves like a careful model: it returns the
draft unchanged when asked to phrase one and `{"intent": "other", "findings": []}` when asked for JSON. Token
counts are estimated the same way for every caller (`estimate_tokens`), so that different systems compare fairly.

    with FakeModelServer(latency_ms=200) as server:
        ModelClient("openai/fake", api_base=server.api_base, api_key="none")
"""

from __future__ import annotations

import asyncio
import json
import re
import socket
import threading
import time
import uuid
from collections.abc import Callable
from typing import Any

ChatBody = dict[str, Any]
Responder = Callable[[ChatBody], str]

_DRAFT = re.compile(r"(?:Draft:|草稿：)\n(.*?)(?:\n\n(?:The reworded reply:|请输出改写后的回复：)|\Z)", re.DOTALL)


def estimate_tokens(text: str) -> int:
    """A provider-neutral estimate: about 4 characters per token for Latin text, 1 per Chinese character."""
    han = sum(1 for char in text if "\u3400" <= char <= "\u9fff")
    return han + max(0, (len(text) - han) // 4) + 1


def prompt_tokens(messages: list[dict[str, Any]], tools: list[Any] | None = None) -> int:
    text = "".join(str(message.get("content") or "") for message in messages)
    if tools:
        text += json.dumps(tools, ensure_ascii=False)
    return estimate_tokens(text) + 4 * len(messages)


def careful_responder(body: ChatBody) -> str:
    """Returns the draft for a phrasing request and an empty understanding for a JSON request."""
    if body.get("response_format") or any("JSON" in str(m.get("content", "")) for m in body.get("messages", [])[:1]):
        return json.dumps({"intent": "other", "findings": []})
    last = str(body.get("messages", [{}])[-1].get("content", ""))
    found = _DRAFT.search(last)
    return found.group(1).strip() if found else "OK."


class FakeModelServer:
    """Runs the server on a free 127.0.0.1 port in a background thread for the life of the `with` block."""

    def __init__(self, latency_ms: float = 0.0, responder: Responder = careful_responder,
                 refuse_json_schema: bool = False) -> None:
        self.latency_ms = latency_ms
        self.responder = responder
        self.refuse_json_schema = refuse_json_schema
        self.requests: list[ChatBody] = []
        self.port = _free_port()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: asyncio.AbstractServer | None = None
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @property
    def api_base(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def __enter__(self) -> FakeModelServer:
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("the fake model server did not start")
        return self

    def __exit__(self, *exc: object) -> None:
        if self._loop is not None:
            asyncio.run_coroutine_threadsafe(self._shutdown(), self._loop).result(10)
        self._thread.join(5)

    async def _shutdown(self) -> None:
        if self._server is not None:
            self._server.close()
        current = asyncio.current_task()
        tasks = [task for task in asyncio.all_tasks() if task is not current]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        asyncio.get_running_loop().call_soon(asyncio.get_running_loop().stop)

    def _run(self) -> None:
        self._loop = asyncio.new_event_loop()
        self._server = self._loop.run_until_complete(asyncio.start_server(self._connection, "127.0.0.1", self.port))
        self._ready.set()
        try:
            self._loop.run_forever()
        finally:
            self._loop.close()

    async def _connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                request_line = await reader.readline()
                if not request_line:
                    break
                headers: dict[str, str] = {}
                while (line := await reader.readline()) not in (b"\r\n", b"\n", b""):
                    name, _, value = line.decode("latin-1").partition(":")
                    headers[name.strip().lower()] = value.strip()
                body = await reader.readexactly(int(headers.get("content-length", "0") or 0))
                path = request_line.decode("latin-1").split(" ")[1] if b" " in request_line else ""
                await self._answer(path, body, writer)
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.CancelledError):
            pass
        finally:
            writer.close()

    async def _answer(self, path: str, raw: bytes, writer: asyncio.StreamWriter) -> None:
        if not path.endswith("/chat/completions"):
            _send_json(writer, 404, {"error": {"message": "not found"}})
            return
        body: ChatBody = json.loads(raw or b"{}")
        self.requests.append(body)
        await asyncio.sleep(self.latency_ms / 1000)
        response_format = body.get("response_format") or {}
        if self.refuse_json_schema and response_format.get("type") == "json_schema":
            _send_json(writer, 400, {"error": {"message": "response_format json_schema is not supported"}})
            return
        text = self.responder(body)
        usage = {"prompt_tokens": prompt_tokens(body.get("messages", [])), "completion_tokens": estimate_tokens(text)}
        usage["total_tokens"] = usage["prompt_tokens"] + usage["completion_tokens"]
        ident, model, created = f"chatcmpl-{uuid.uuid4().hex[:12]}", body.get("model", "fake"), int(time.time())
        if not body.get("stream"):
            message = {"role": "assistant", "content": text}
            _send_json(writer, 200, {"id": ident, "object": "chat.completion", "created": created, "model": model,
                                     "choices": [{"index": 0, "message": message, "finish_reason": "stop"}],
                                     "usage": usage})
            return
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n")
        pieces = re.findall(r"\S+\s*|\s+", text) or [""]
        for index, piece in enumerate(pieces):
            delta = {"role": "assistant", "content": piece} if index == 0 else {"content": piece}
            chunk = {"id": ident, "object": "chat.completion.chunk", "created": created, "model": model,
                     "choices": [{"index": 0, "delta": delta, "finish_reason": None}]}
            _send_chunk(writer, f"data: {json.dumps(chunk, ensure_ascii=False)}\n\n")
        final = {"id": ident, "object": "chat.completion.chunk", "created": created, "model": model,
                 "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}], "usage": usage}
        _send_chunk(writer, f"data: {json.dumps(final)}\n\n")
        _send_chunk(writer, "data: [DONE]\n\n")
        writer.write(b"0\r\n\r\n")
        await writer.drain()


def _send_json(writer: asyncio.StreamWriter, status: int, payload: dict[str, Any]) -> None:
    data = json.dumps(payload, ensure_ascii=False).encode()
    reason = {200: "OK", 400: "Bad Request", 404: "Not Found"}.get(status, "Error")
    writer.write(f"HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\nContent-Length: {len(data)}\r\n\r\n"
                 .encode() + data)


def _send_chunk(writer: asyncio.StreamWriter, text: str) -> None:
    data = text.encode()
    writer.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
