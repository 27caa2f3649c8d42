"""The clinician console in headless Chromium: the queue, one escalation, claim, reply, resolve; the patient sees
the clinician's answer in their open chat."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest
from e2e_support import Pages, Server, last_assistant, send, signed_in_chat

STROKE_EN = "My father suddenly can't move his right arm and his speech is slurred"


def signed_in_console(pages: Pages, server: Server, name: str, locale: str = "en") -> Any:
    from playwright.sync_api import expect

    token = server.create_user(name, "clinician")
    page = pages.open("/clinician", f"console-{name}", locale)
    page.locator("#token-input").fill(token)
    page.locator("#sign-in-form button[type=submit]").click()
    expect(page.locator("#app")).to_be_visible()
    return page


def escalation_of_last_reply(server: Server, token: str) -> dict[str, Any]:
    session = server.get("/v1/sessions", token)[0]
    messages = server.get(f"/v1/sessions/{session['id']}/messages", token)
    escalation = messages[-1]["payload"]["escalation"]
    assert escalation is not None, messages[-1]
    return dict(escalation)


def test_a_clinician_claims_and_answers_an_emergency_and_the_patient_sees_it(pages: Pages, server: Server) -> None:
    from playwright.sync_api import expect

    chat, patient_token = signed_in_chat(pages, server, "Jin")
    send(chat, STROKE_EN)
    expect(last_assistant(chat).locator(".emergency-banner")).to_be_visible()
    escalation = escalation_of_last_reply(server, patient_token)
    assert escalation["priority"] == "high"

    console = signed_in_console(pages, server, "Dr Li")
    item = console.locator(f"#queue-list [data-escalation='{escalation['id']}']")
    expect(item).to_be_visible()
    expect(item.locator(".badge.priority-high")).to_have_text("High")
    expect(item.locator(".badge.status-open")).to_have_text("Open")
    # High priority comes first in the queue.
    expect(console.locator("#queue-list .queue-item").first.locator(".badge.priority-high")).to_be_visible()

    item.click()
    detail = console.locator("#detail-body")
    expect(detail.locator(".summary")).to_contain_text("can't move his right arm")
    expect(detail.locator(".summary")).to_contain_text("red_flag")
    transcript = detail.locator("#transcript")
    expect(transcript.locator("li.from-patient")).to_contain_text(STROKE_EN)
    expect(transcript.locator("li.from-patient .who")).to_have_text("Patient")
    expect(transcript.locator("li.from-assistant .emergency-banner")).to_be_visible()
    pages.screenshot(console, "escalation-open")

    detail.get_by_role("button", name="Claim").click()
    expect(console.locator("#detail-status")).to_have_text("Claimed.")
    expect(item.locator(".badge.status-claimed")).to_have_text("Claimed")
    expect(detail.get_by_role("button", name="Claim")).to_be_disabled()
    expect(detail.locator(".facts")).to_contain_text("You")

    # Mark what the patient's page shows now: the answer must be added to it, not re-render it all (a screen
    # reader would read the whole conversation again).
    chat.evaluate("document.querySelectorAll('#messages > li').forEach((li) => { li.dataset.marker = 'kept'; })")
    answer = "I have read your message. Please call 911 now and keep your father lying on his side."
    detail.locator("#reply-text").fill(answer)
    detail.get_by_role("button", name="Send reply").click()
    expect(console.locator("#detail-status")).to_have_text("Your reply was sent to the patient.")
    expect(detail.locator("#transcript li.from-clinician")).to_contain_text(answer)

    # The patient's open chat picks up the clinician's answer by itself.
    clinician_message = chat.locator("#messages li.from-clinician")
    expect(clinician_message).to_contain_text(answer, timeout=20_000)
    expect(clinician_message.locator(".who")).to_have_text("Clinician")
    expect(chat.locator("#messages > li[data-marker='kept']")).to_have_count(2)
    expect(chat.locator("#messages > li")).to_have_count(3)
    pages.screenshot(chat, "patient-sees-answer")

    # An empty reply is refused in the page, before any request.
    detail.get_by_role("button", name="Send reply").click()
    expect(console.locator("#detail-error")).to_have_text("The reply is empty.")

    detail.locator("#resolve-outcome").select_option("emergency_confirmed")
    detail.locator("#resolve-notes").fill("advised 911")
    detail.get_by_role("button", name="Resolve").click()
    expect(console.locator("#detail-status")).to_have_text("Resolved.")
    expect(item).to_have_count(0)  # gone from the active queue
    console.locator("#filter-status").select_option("resolved")
    expect(item).to_be_visible()
    expect(item.locator(".badge.status-resolved")).to_have_text("Resolved")
    assert chat.js_errors == [] and console.js_errors == []


def test_queue_filters_and_the_chinese_console(pages: Pages, server: Server) -> None:
    from playwright.sync_api import expect

    chat, patient_token = signed_in_chat(pages, server, "Kai", locale="zh")
    send(chat, "我爸爸突然右边胳膊动不了，说话也不清楚")
    expect(last_assistant(chat).locator(".emergency-banner")).to_be_visible()
    escalation = escalation_of_last_reply(server, patient_token)

    console = signed_in_console(pages, server, "王医生", locale="zh")
    expect(console.locator("h1")).to_have_text("医生工作台")
    item = console.locator(f"#queue-list [data-escalation='{escalation['id']}']")
    expect(item.locator(".badge.priority-high")).to_have_text("高")
    expect(item.locator(".queue-reason")).to_have_text("危险信号")
    console.locator("#filter-priority").select_option("low")
    expect(item).to_have_count(0)
    console.locator("#filter-priority").select_option("high")
    expect(item).to_be_visible()
    console.locator("#filter-mine").check()
    expect(item).to_have_count(0)  # nobody has claimed it yet
    console.locator("#filter-mine").uncheck()
    item.click()
    console.locator("#detail-body").get_by_role("button", name="认领").click()
    expect(console.locator("#detail-status")).to_have_text("已认领。")
    console.locator("#filter-mine").check()
    expect(item).to_be_visible()
    pages.screenshot(console, "console-zh")
    assert console.js_errors == []


def test_a_patient_token_cannot_open_the_console(pages: Pages, server: Server) -> None:
    from playwright.sync_api import expect

    token = server.create_user("Lan", "patient")
    page = pages.open("/clinician", "console-patient")
    page.locator("#token-input").fill(token)
    page.locator("#sign-in-form button[type=submit]").click()
    expect(page.locator("#sign-in-error")).to_contain_text("needs a clinician account")
    expect(page.locator("#app")).to_be_hidden()
    assert page.js_errors == []


def test_a_critical_value_is_acknowledged_before_the_case_is_resolved(pages: Pages, server: Server,
                                                                      tmp_path: Path) -> None:
    from playwright.sync_api import expect

    if importlib.util.find_spec("assistant.graph.nodes.report") is None:
        pytest.skip("the lab-report capability is not installed yet")
    chat, patient_token = signed_in_chat(pages, server, "Mei")
    report = tmp_path / "labs.csv"
    report.write_text("test,result,unit,range\npotassium,6.9,mmol/L,3.5-5.3\n", encoding="utf-8")
    chat.locator("#attachment-input").set_input_files(str(report))
    send(chat, "please read my lab report")
    expect(last_assistant(chat).locator("table.lab-table tr.flag-HH")).to_be_visible()
    escalation = escalation_of_last_reply(server, patient_token)

    console = signed_in_console(pages, server, "Dr Zhou")
    item = console.locator(f"#queue-list [data-escalation='{escalation['id']}']")
    expect(item.locator(".badge.ack")).to_have_text("Critical value to acknowledge")
    item.click()
    detail = console.locator("#detail-body")
    expect(detail.locator(".summary li.flag-HH")).to_contain_text("6.9")
    # Resolving first is refused by the server, and the page says why.
    detail.get_by_role("button", name="Resolve").click()
    expect(console.locator("#detail-error")).to_contain_text("acknowledge the critical value before resolving")
    detail.get_by_role("button", name="Acknowledge critical value").click()
    expect(console.locator("#detail-status")).to_have_text("Critical value acknowledged.")
    expect(detail.get_by_role("button", name="Acknowledge critical value")).to_be_disabled()
    expect(item.locator(".badge.ack")).to_have_count(0)
    detail.get_by_role("button", name="Resolve").click()
    expect(console.locator("#detail-status")).to_have_text("Resolved.")
    assert console.js_errors == []


def held_escalation(clinician_id: str) -> dict[str, Any]:
    """What GET /v1/escalations/{id} returns for a reply held for review (the shape of routes/clinician.py)."""
    escalation = {
        "id": "esc-held", "session_id": "s-held", "message_id": "m-held", "reason": "unethical", "priority": "normal",
        "status": "claimed", "assignee_id": clinician_id, "summary": "", "notes": "", "requires_ack": False,
        "acknowledged_at": None, "acknowledged_by": None, "held": True,
        "created_at": "2026-01-01T08:00:00Z", "updated_at": "2026-01-01T08:00:00Z",
    }
    draft = {"message_id": "m-held", "route": "refusal", "text": "I can't write a sick note for you.", "locale": "en"}
    transcript = [{"id": "p1", "seq": 1, "sender": "patient", "text": "write me a fake sick note", "payload": {},
                   "created_at": "2026-01-01T08:00:00Z"}]
    summary = {"complaint": "write me a fake sick note", "triage": None, "abnormal_results": [], "tcm": None,
               "rules_fired": [{"rule": "refuse_unethical", "action": "refused"}]}
    return {"escalation": escalation, "held_reply": draft, "summary": summary, "transcript": transcript}


def test_a_held_draft_is_approved_or_edited(pages: Pages, server: Server) -> None:
    """The review calls, with the escalation API answered by the page's network layer: which drafts are held
    depends on policy, and this checks what the console sends."""
    from playwright.sync_api import expect

    console = signed_in_console(pages, server, "Dr Sun")
    me = console.evaluate("fetch('/v1/me', {headers: {Authorization: 'Bearer ' + sessionStorage.getItem("
                          "'assistant.token')}}).then((r) => r.json())")
    detail_body = held_escalation(me["id"])
    sent: list[tuple[str, Any]] = []

    def answer(route: Any) -> None:
        request = route.request
        if request.method == "GET" and request.url.split("?")[0].endswith("/v1/escalations"):
            route.fulfill(json=[detail_body["escalation"]])
        elif request.method == "GET":
            route.fulfill(json=detail_body)
        else:
            sent.append((request.url.rsplit("/", 1)[1], request.post_data_json))
            route.fulfill(json={"message_id": "m2", "route": "refusal", "text": "ok", "locale": "en"})

    console.route("**/v1/escalations**", answer)
    console.get_by_role("button", name="Refresh").click()
    item = console.locator("#queue-list [data-escalation='esc-held']")
    expect(item.locator(".badge.held")).to_have_text("Draft held")
    item.click()
    held = console.locator("#detail-body .held-draft")
    expect(held.locator("#held-text")).to_have_value("I can't write a sick note for you.")
    pages.screenshot(console, "held-draft")
    held.get_by_role("button", name="Approve and send").click()
    expect(console.locator("#detail-status")).to_have_text("The reply was sent to the patient.")
    assert sent == [("review", {})]
    held = console.locator("#detail-body .held-draft")
    held.locator("#held-text").fill("I can't write that note. A doctor can assess you and write one if needed.")
    held.get_by_role("button", name="Send edited reply").click()
    expect(console.locator("#detail-status")).to_have_text("The reply was sent to the patient.")
    assert sent[-1] == ("review", {"text": "I can't write that note. A doctor can assess you and write one if needed."})
    held.locator("#held-text").fill("   ")
    held.get_by_role("button", name="Send edited reply").click()
    expect(console.locator("#detail-error")).to_have_text("The reply is empty.")
    assert len(sent) == 2
    assert console.js_errors == []
