"""The clinician side: the escalation queue, review-before-send (interrupt/resume), audit, export and forget-me,
and an authorization matrix over every endpoint and role."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlmodel import Session, select

from assistant.api.app import create_app
from assistant.llm import ModelClient
from assistant.settings import Settings
from assistant.store.models import AuditEvent

STROKE_EN = "My father suddenly can't move his right arm and his speech is slurred"


class Client:
    def __init__(self, http: httpx.AsyncClient, app: Any) -> None:
        self.http = http
        self.app = app

    def user(self, name: str, role: str = "patient") -> dict[str, str]:
        _, token = self.app.state.assistant.create_user(name, role)
        return {"Authorization": f"Bearer {token}"}

    async def session_with(self, headers: dict[str, str], text: str) -> tuple[str, dict[str, Any]]:
        sid = (await self.http.post("/v1/sessions", json={}, headers=headers)).json()["id"]
        reply = (await self.http.post(f"/v1/sessions/{sid}/messages", json={"text": text}, headers=headers)).json()
        return sid, reply

    def audit_actions(self) -> list[str]:
        with Session(self.app.state.assistant.engine) as db:
            return [e.action for e in db.exec(select(AuditEvent)).all()]


async def open_client(settings: Settings, model: ModelClient | None = None) -> AsyncIterator[Client]:
    app = create_app(settings)
    if model is None:
        transport = httpx.ASGITransport(app=app)
        async with app.router.lifespan_context(app), httpx.AsyncClient(transport=transport, base_url="http://t") as h:
            yield Client(h, app)
        return
    from assistant.service import Assistant

    async with Assistant.open(settings, model=model) as service:
        app.state.assistant = service
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as http:
            yield Client(http, app)


@pytest.fixture
async def client(db_settings: Settings) -> AsyncIterator[Client]:
    async for c in open_client(db_settings):
        yield c


async def test_emergency_reaches_the_queue_and_a_clinician_answers(client: Client) -> None:
    alice, doctor = client.user("alice"), client.user("Dr Li", "clinician")
    sid, reply = await client.session_with(alice, STROKE_EN)
    escalation_id = reply["escalation"]["id"]
    queue = (await client.http.get("/v1/escalations", headers=doctor)).json()
    assert [e["id"] for e in queue] == [escalation_id] and queue[0]["priority"] == "high"
    detail = (await client.http.get(f"/v1/escalations/{escalation_id}", headers=doctor)).json()
    assert detail["summary"]["triage"]["level"] == "emergency_ambulance"
    assert detail["summary"]["complaint"].startswith("My father")
    assert [m["sender"] for m in detail["transcript"]] == ["patient", "assistant"]
    claimed = (await client.http.post(f"/v1/escalations/{escalation_id}/claim", headers=doctor)).json()
    assert claimed["status"] == "claimed"
    other = client.user("Dr Wang", "clinician")
    assert (await client.http.post(f"/v1/escalations/{escalation_id}/claim", headers=other)).status_code == 409
    answer = await client.http.post(
        f"/v1/escalations/{escalation_id}/reply", json={"text": "Please call 911 now."}, headers=doctor
    )
    assert answer.status_code == 201
    messages = (await client.http.get(f"/v1/sessions/{sid}/messages", headers=alice)).json()
    assert messages[-1]["sender"] == "clinician" and messages[-1]["text"] == "Please call 911 now."
    resolved = await client.http.post(
        f"/v1/escalations/{escalation_id}/resolve", json={"notes": "called back"}, headers=doctor
    )
    assert resolved.status_code == 200 and resolved.json()["status"] == "resolved"
    assert (await client.http.get("/v1/escalations", headers=doctor)).json() == []
    actions = client.audit_actions()
    assert {"read_escalation", "claim_escalation", "reply_to_patient", "resolve_escalation"} <= set(actions)
    # The clinician may read the escalated session (audited); a session without escalation stays private.
    assert (await client.http.get(f"/v1/sessions/{sid}/messages", headers=doctor)).status_code == 200
    assert "read_session" in client.audit_actions()
    private_sid, _ = await client.session_with(alice, "hello")
    assert (await client.http.get(f"/v1/sessions/{private_sid}", headers=doctor)).status_code == 404


async def test_acknowledge_only_what_needs_it(client: Client) -> None:
    alice, doctor = client.user("alice"), client.user("Dr Li", "clinician")
    _, reply = await client.session_with(alice, STROKE_EN)
    escalation_id = reply["escalation"]["id"]
    response = await client.http.post(f"/v1/escalations/{escalation_id}/acknowledge", headers=doctor)
    assert response.status_code == 409 and "nothing to acknowledge" in response.json()["detail"]
    assert (await client.http.post("/v1/escalations/nope/claim", headers=doctor)).status_code == 404


async def test_export_and_forget_me(client: Client) -> None:
    alice = client.user("alice")
    sid, _ = await client.session_with(alice, STROKE_EN)
    export = (await client.http.get("/v1/me/export", headers=alice)).json()
    assert export["sessions"][0]["id"] == sid and len(export["sessions"][0]["messages"]) == 2
    counts = (await client.http.delete("/v1/me", headers=alice)).json()
    assert counts == {"sessions": 1, "messages": 2, "escalations": 1}
    assert (await client.http.get("/v1/sessions", headers=alice)).status_code == 401  # tokens are gone
    saver = client.app.state.assistant.graph.checkpointer
    assert await saver.aget_tuple({"configurable": {"thread_id": sid}}) is None


async def test_review_before_send_holds_a_replaced_reply_until_approved(tmp_path: Path) -> None:
    """A model that writes a diagnosis and a dose: the output check replaces it, and with review configured for
    that reason the graph interrupts; the patient sees the clinician-approved text only."""
    settings = Settings(data_dir=tmp_path, model="openai/bad-model", review_reasons=["output_replaced"])
    bad_model = ModelClient(
        "openai/bad-model", api_key="sk-test", mock_response="You have meningitis. Take 800 mg ibuprofen every 4 hours."
    )
    async for client in open_client(settings, bad_model):
        alice, doctor = client.user("alice"), client.user("Dr Li", "clinician")
        # A final, phrasable result: the insurance arithmetic of a one-turn question.
        sid, reply = await client.session_with(alice, "住院花了2万元，起付线1200元，报销比例85%，医保能报多少？")
        assert "800 mg" not in reply["text"]
        assert reply["escalation"]["reason"] == "output_replaced"
        held_again = (
            await client.http.post(f"/v1/sessions/{sid}/messages", json={"text": "hi?"}, headers=alice)
        ).json()
        assert held_again["text"] == reply["text"]  # the holding message again, no new turn
        escalation_id = reply["escalation"]["id"]
        detail = (await client.http.get(f"/v1/escalations/{escalation_id}", headers=doctor)).json()
        assert detail["escalation"]["held"] is True and "800 mg" not in detail["held_reply"]["text"]
        assert (
            await client.http.post(f"/v1/escalations/{escalation_id}/resolve", json={}, headers=doctor)
        ).status_code == 409
        approved = await client.http.post(
            f"/v1/escalations/{escalation_id}/review", json={"text": "Hello! How can I help you today?"}, headers=doctor
        )
        assert approved.status_code == 200 and approved.json()["text"] == "Hello! How can I help you today?"
        messages = (await client.http.get(f"/v1/sessions/{sid}/messages", headers=alice)).json()
        assert messages[-1]["text"] == "Hello! How can I help you today?"
        assert (
            await client.http.post(f"/v1/escalations/{escalation_id}/review", json={}, headers=doctor)
        ).status_code == 409
        # The session is active again: the next turn runs the graph.
        nxt = (await client.http.post(f"/v1/sessions/{sid}/messages", json={"text": "thanks"}, headers=alice)).json()
        assert nxt["route"] == "general"


ENDPOINTS: list[tuple[str, str, dict[str, Any] | None]] = [
    ("GET", "/v1/users", None),
    ("POST", "/v1/users", {"name": "x", "role": "patient"}),
    ("POST", "/v1/users/{user}/tokens", None),
    ("DELETE", "/v1/users/{user}/tokens", None),
    ("GET", "/v1/escalations", None),
    ("GET", "/v1/escalations/{esc}", None),
    ("POST", "/v1/escalations/{esc}/claim", None),
    ("POST", "/v1/escalations/{esc}/reply", {"text": "hi"}),
    ("POST", "/v1/escalations/{esc}/acknowledge", None),
    ("POST", "/v1/escalations/{esc}/review", {}),
    ("POST", "/v1/escalations/{esc}/resolve", {}),
    ("GET", "/v1/sessions/{sid}", None),
    ("GET", "/v1/sessions/{sid}/messages", None),
    ("POST", "/v1/sessions/{sid}/messages", {"text": "hello"}),
]
# Who may do what: "ok" means any 2xx or a 409 about state (allowed, but not now).
ALLOWED = {
    "patient_owner": {"/v1/sessions/{sid}", "/v1/sessions/{sid}/messages"},
    "patient_other": set(),
    "clinician": {
        "/v1/escalations",
        "/v1/escalations/{esc}",
        "/v1/escalations/{esc}/claim",
        "/v1/escalations/{esc}/reply",
        "/v1/escalations/{esc}/acknowledge",
        "/v1/escalations/{esc}/review",
        "/v1/escalations/{esc}/resolve",
        "GET /v1/sessions/{sid}",
        "GET /v1/sessions/{sid}/messages",
    },
    "admin": {
        "/v1/users",
        "/v1/users/{user}/tokens",
        "/v1/escalations",
        "/v1/escalations/{esc}",
        "/v1/escalations/{esc}/claim",
        "/v1/escalations/{esc}/reply",
        "/v1/escalations/{esc}/acknowledge",
        "/v1/escalations/{esc}/review",
        "/v1/escalations/{esc}/resolve",
        "GET /v1/sessions/{sid}",
        "GET /v1/sessions/{sid}/messages",
    },
}


async def test_authorization_matrix(sqlite_settings: Settings) -> None:
    async for client in open_client(sqlite_settings):
        owner = client.user("owner")
        headers = {
            "patient_owner": owner,
            "patient_other": client.user("other"),
            "clinician": client.user("doc", "clinician"),
            "admin": client.user("root", "admin"),
            "anonymous": {},
        }
        sid, reply = await client.session_with(owner, STROKE_EN)
        target_user = client.app.state.assistant.create_user("target")[0].id
        ids = {"sid": sid, "esc": reply["escalation"]["id"], "user": target_user}
        for role, auth in headers.items():
            for method, template, body in ENDPOINTS:
                path = template.format(**ids)
                response = await client.http.request(method, path, json=body, headers=auth)
                allowed = role in ALLOWED and (template in ALLOWED[role] or f"{method} {template}" in ALLOWED[role])
                if role == "anonymous":
                    assert response.status_code == 401, (role, method, path)
                elif allowed:
                    assert response.status_code < 300 or response.status_code == 409, (
                        role,
                        method,
                        path,
                        response.text,
                    )
                else:
                    assert response.status_code in (403, 404), (role, method, path, response.status_code)
