"""Where eval conversations go: the assistant in this process, or a running server over HTTP.

Both speak the same `Reply` contract, so the driver and scorers do not care which one they talk to.
"""

from __future__ import annotations

import base64
import contextlib
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any, Protocol

import httpx

from assistant.graph.capability import Attachment
from assistant.reply import Reply


class TargetError(RuntimeError):
    """The assistant under test failed to answer (an HTTP error, a malformed reply)."""


class Target(Protocol):
    """A conversation partner: the in-process assistant, a server, or a fake in tests."""

    description: str

    async def create_session(self, locale: str | None) -> str: ...

    async def send(
        self, session_id: str, text: str | None, choice: str | None, attachments: list[Attachment]
    ) -> Reply: ...


class InProcessTarget:
    """The graph through `assistant.service.Assistant`, opened on a throw-away SQLite database."""

    def __init__(self, assistant: Any, description: str) -> None:
        self._assistant = assistant
        self.description = description

    async def create_session(self, locale: str | None) -> str:
        return str(await self._assistant.create_session(user_id=None, locale=locale))

    async def send(
        self, session_id: str, text: str | None, choice: str | None, attachments: list[Attachment]
    ) -> Reply:
        reply = await self._assistant.send(session_id, text=text, choice=choice, attachments=attachments)
        return reply if isinstance(reply, Reply) else Reply.model_validate(reply)


@contextlib.asynccontextmanager
async def open_in_process(model: str, work_dir: Path, data_dir: Path) -> AsyncIterator[InProcessTarget]:
    """Open the real assistant with `model`, its database under `work_dir` and its data in `data_dir`."""
    # Imported here: the service pulls in LangGraph, which only in-process runs need.
    from assistant.service import Assistant
    from assistant.settings import Settings

    settings = Settings(
        database_url=f"sqlite:///{work_dir / 'evals.sqlite3'}",
        model=model,
        data_dir=str(data_dir),
    )
    async with Assistant.open(settings) as assistant:
        yield InProcessTarget(assistant, f"in-process (model {model})")


class HttpTarget:
    """A running server: `POST /v1/sessions`, then `POST /v1/sessions/{id}/messages` per turn."""

    def __init__(self, client: httpx.AsyncClient, base_url: str) -> None:
        self._client = client
        self.description = f"HTTP {base_url}"

    async def _post(self, path: str, body: dict[str, Any]) -> Any:
        try:
            response = await self._client.post(path, json=body)
        except httpx.HTTPError as error:
            raise TargetError(f"POST {path} failed: {error}") from error
        if response.status_code >= 400:
            raise TargetError(f"POST {path} returned {response.status_code}: {response.text[:300]}")
        try:
            return response.json()
        except ValueError as error:
            raise TargetError(f"POST {path} did not return JSON: {response.text[:300]}") from error

    async def create_session(self, locale: str | None) -> str:
        data = await self._post("/v1/sessions", {"locale": locale} if locale else {})
        if not isinstance(data, dict) or "id" not in data:
            raise TargetError(f"POST /v1/sessions returned no id: {str(data)[:300]}")
        return str(data["id"])

    async def send(
        self, session_id: str, text: str | None, choice: str | None, attachments: list[Attachment]
    ) -> Reply:
        body: dict[str, Any] = {}
        if text is not None:
            body["text"] = text
        if choice is not None:
            body["choice"] = choice
        if attachments:
            body["attachments"] = [
                {
                    "kind": a.kind,
                    "content_type": a.content_type,
                    "filename": a.filename,
                    "data": base64.b64encode(a.data).decode("ascii"),
                }
                for a in attachments
            ]
        data = await self._post(f"/v1/sessions/{session_id}/messages", body)
        try:
            return Reply.model_validate(data)
        except ValueError as error:
            raise TargetError(f"the server's reply does not match the Reply contract: {error}") from error


@contextlib.asynccontextmanager
async def open_http(
    base_url: str, token: str | None, timeout_s: float = 120.0, transport: httpx.AsyncBaseTransport | None = None
) -> AsyncIterator[HttpTarget]:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    async with httpx.AsyncClient(
        base_url=base_url.rstrip("/"), headers=headers, timeout=timeout_s, transport=transport
    ) as client:
        yield HttpTarget(client, base_url)
