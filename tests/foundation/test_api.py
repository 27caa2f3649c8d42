"""The HTTP API through the ASGI transport, on SQLite and on PostgreSQL."""

from __future__ import annotations

import base64
import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from assistant.api.app import create_app
from assistant.settings import Settings


class Api:
    def __init__(self, client: httpx.AsyncClient, app: Any) -> None:
        self.client = client
        self.app = app

    def user(self, name: str, role: str = "patient") -> dict[str, str]:
        user, token = self.app.state.assistant.create_user(name, role)
        return {"Authorization": f"Bearer {token}", "id": user.id}

    @staticmethod
    def h(user: dict[str, str]) -> dict[str, str]:
        return {"Authorization": user["Authorization"]}


@pytest.fixture
async def api(db_settings: Settings) -> AsyncIterator[Api]:
    app = create_app(db_settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            yield Api(client, app)


async def test_health_and_openapi(api: Api) -> None:
    assert (await api.client.get("/healthz")).json() == {"status": "ok"}
    ready = await api.client.get("/readyz")
    assert ready.status_code == 200 and ready.json()["status"] == "ready"
    schema = (await api.client.get("/openapi.json")).json()
    assert "/v1/sessions/{session_id}/messages" in schema["paths"]
    metrics = await api.client.get("/metrics")
    assert "assistant_http_requests_total" in metrics.text


async def test_conversation_over_http(api: Api) -> None:
    alice = api.user("alice")
    created = await api.client.post("/v1/sessions", json={}, headers=api.h(alice))
    assert created.status_code == 201
    sid = created.json()["id"]
    reply = await api.client.post(f"/v1/sessions/{sid}/messages", json={"text": "你好"}, headers=api.h(alice))
    assert reply.status_code == 200
    body = reply.json()
    assert body["route"] == "general" and body["locale"] == "zh"
    assert set(body) >= {
        "message_id",
        "route",
        "text",
        "locale",
        "question",
        "triage",
        "report",
        "tcm",
        "citations",
        "referral",
        "escalation",
        "safety",
        "usage",
    }
    messages = (await api.client.get(f"/v1/sessions/{sid}/messages", headers=api.h(alice))).json()
    assert [m["sender"] for m in messages] == ["patient", "assistant"]
    listed = (await api.client.get("/v1/sessions", headers=api.h(alice))).json()
    assert [s["id"] for s in listed] == [sid]


async def test_stream_sends_deltas_then_the_reply(api: Api) -> None:
    alice = api.user("alice")
    sid = (await api.client.post("/v1/sessions", json={}, headers=api.h(alice))).json()["id"]
    response = await api.client.post(
        f"/v1/sessions/{sid}/messages/stream", json={"text": "what can you do"}, headers=api.h(alice)
    )
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/event-stream")
    events = [block for block in response.text.split("\n\n") if block.strip()]
    kinds = [block.split("\n")[0].removeprefix("event: ") for block in events]
    assert kinds[-1] == "reply" and set(kinds[:-1]) == {"delta"}
    deltas = "".join(json.loads(b.split("\n")[1].removeprefix("data: "))["text"] for b in events[:-1])
    final = json.loads(events[-1].split("\n")[1].removeprefix("data: "))
    assert deltas == final["text"]


async def test_auth_is_required_and_checked(api: Api) -> None:
    assert (await api.client.post("/v1/sessions", json={})).status_code == 401
    wrong = {"Authorization": "Bearer not-a-token"}
    response = await api.client.post("/v1/sessions", json={}, headers=wrong)
    assert response.status_code == 401 and "token" in response.json()["detail"]


async def test_patient_cannot_read_or_write_another_patients_session(api: Api) -> None:
    alice, bob = api.user("alice"), api.user("bob")
    sid = (await api.client.post("/v1/sessions", json={}, headers=api.h(alice))).json()["id"]
    await api.client.post(f"/v1/sessions/{sid}/messages", json={"text": "hello"}, headers=api.h(alice))
    for method, path, payload in [
        ("GET", f"/v1/sessions/{sid}", None),
        ("GET", f"/v1/sessions/{sid}/messages", None),
        ("POST", f"/v1/sessions/{sid}/messages", {"text": "hi"}),
        ("POST", f"/v1/sessions/{sid}/messages/stream", {"text": "hi"}),
    ]:
        response = await api.client.request(method, path, json=payload, headers=api.h(bob))
        assert response.status_code == 404, (method, path)
    assert (await api.client.get("/v1/sessions", headers=api.h(bob))).json() == []
    # Bob's attempt stored nothing in Alice's session.
    messages = (await api.client.get(f"/v1/sessions/{sid}/messages", headers=api.h(alice))).json()
    assert len(messages) == 2


async def test_bad_input_gets_a_clear_4xx(api: Api) -> None:
    alice = api.user("alice")
    sid = (await api.client.post("/v1/sessions", json={}, headers=api.h(alice))).json()["id"]
    url = f"/v1/sessions/{sid}/messages"
    cases = [
        (await api.client.post(url, json={"text": ""}, headers=api.h(alice)), 422, "empty"),
        (await api.client.post(url, json={"text": "a" * 20_001}, headers=api.h(alice)), 422, "longer"),
        (
            await api.client.post(
                url, content=b"{not json", headers={**api.h(alice), "content-type": "application/json"}
            ),
            422,
            "invalid",
        ),
        (
            await api.client.post(
                url, content=b'{"text": "\xff\xfe"}', headers={**api.h(alice), "content-type": "application/json"}
            ),
            400,
            "invalid",
        ),
        (await api.client.post(url, json={"text": 5}, headers=api.h(alice)), 422, "text"),
        (await api.client.post(url, json={"attachments": [{"data": "%%%"}]}, headers=api.h(alice)), 422, "base64"),
        (await api.client.post(url, json={"choice": "zzz"}, headers=api.h(alice)), 422, "choice"),
        (
            await api.client.post("/v1/sessions/nope/messages", json={"text": "hi"}, headers=api.h(alice)),
            404,
            "not found",
        ),
        (await api.client.post("/v1/sessions", json={"locale": "fr"}, headers=api.h(alice)), 422, "locale"),
        (
            await api.client.post(
                url, content=b"x" * (11 * 1024 * 1024), headers={**api.h(alice), "content-type": "application/json"}
            ),
            413,
            "larger",
        ),
    ]
    for response, code, words in cases:
        assert response.status_code == code, (response.status_code, response.text[:200])
        assert words in response.json()["detail"].lower(), response.json()
    messages = (await api.client.get(url, headers=api.h(alice))).json()
    assert messages == []


async def test_attachment_round_trip_is_recorded(api: Api) -> None:
    alice = api.user("alice")
    sid = (await api.client.post("/v1/sessions", json={}, headers=api.h(alice))).json()["id"]
    data = base64.b64encode("项目,结果,单位\n".encode()).decode()
    response = await api.client.post(
        f"/v1/sessions/{sid}/messages",
        json={
            "text": "hello",
            "attachments": [{"kind": "file", "content_type": "text/csv", "filename": "r.csv", "data": data}],
        },
        headers=api.h(alice),
    )
    assert response.status_code == 200
    messages = (await api.client.get(f"/v1/sessions/{sid}/messages", headers=api.h(alice))).json()
    assert messages[0]["payload"]["attachments"][0]["filename"] == "r.csv"


async def test_roles_guard_admin_and_clinician_routes(api: Api) -> None:
    alice, admin = api.user("alice"), api.user("root", "admin")
    assert (await api.client.get("/v1/users", headers=api.h(alice))).status_code == 403
    assert (await api.client.get("/v1/escalations", headers=api.h(alice))).status_code == 403
    created = await api.client.post("/v1/users", json={"name": "Dr Li", "role": "clinician"}, headers=api.h(admin))
    assert created.status_code == 201
    doctor = {"Authorization": f"Bearer {created.json()['token']}"}
    assert (await api.client.get("/v1/escalations", headers=doctor)).status_code == 200
    bad_role = await api.client.post("/v1/users", json={"name": "x", "role": "god"}, headers=api.h(admin))
    assert bad_role.status_code == 422
