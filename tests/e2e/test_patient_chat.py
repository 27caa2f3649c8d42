"""The patient chat in headless Chromium against a real server: sign-in, replies, emergencies, uploads, sessions."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
from e2e_support import Pages, Server, last_assistant, send, signed_in_chat

REPORT_CSV = "项目,结果,单位,参考范围\n血红蛋白,92,g/L,130-175\n血钾,6.9,mmol/L,3.5-5.3\n空腹血糖,5.1,mmol/L,3.9-6.1\n"


def test_sign_in_rejects_a_bad_token_and_accepts_a_good_one(pages: Pages, server: Server) -> None:
    from playwright.sync_api import expect

    page = pages.open("/", "chat")
    page.get_by_label("Access token").fill("not-a-real-token")
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator("#sign-in-error")).to_contain_text("invalid or has been revoked")
    expect(page.locator("#app")).to_be_hidden()
    token = server.create_user("Carol", "patient")
    page.get_by_label("Access token").fill(token)
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator("#who")).to_contain_text("Carol")
    # The token is kept for the tab: a reload stays signed in.
    page.reload()
    expect(page.locator("#who")).to_contain_text("Carol")
    page.get_by_role("button", name="Sign out").click()
    expect(page.locator("#sign-in")).to_be_visible()
    assert page.js_errors == []


def test_a_general_reply_streams_in_and_is_stored(pages: Pages, server: Server) -> None:
    from playwright.sync_api import expect

    page, token = signed_in_chat(pages, server, "Dave")
    expect(page.locator("#empty-hint")).to_be_visible()
    posted: list[str] = []
    page.on("request", lambda request: posted.append(request.url) if request.method == "POST" else None)
    send(page, "hello")
    reply = last_assistant(page)
    expect(reply.locator(".reply.route-general")).to_be_visible()
    expect(reply.locator(".reply-text")).not_to_be_empty()
    expect(page.locator("#messages li.from-patient").first).to_contain_text("hello")
    expect(page.locator("#composer-text")).to_have_value("")
    sessions = server.get("/v1/sessions", token)
    assert len(sessions) == 1 and sessions[0]["locale"] == "en"
    stored = server.get(f"/v1/sessions/{sessions[0]['id']}/messages", token)
    assert [m["sender"] for m in stored] == ["patient", "assistant"]
    expect(reply.locator(".reply-text")).to_have_text(stored[1]["text"])
    # The reply came over the Server-Sent Events endpoint, in a session the page created with the interface language.
    assert [url.split("/v1/")[1].split("/")[-1] for url in posted] == ["sessions", "stream"]
    pages.screenshot(page, "general")
    assert page.js_errors == []


def test_an_emergency_is_unmistakable(pages: Pages, server: Server) -> None:
    from playwright.sync_api import expect

    page, _ = signed_in_chat(pages, server, "Erin")
    send(page, "My father suddenly can't move his right arm and his speech is slurred")
    reply = last_assistant(page)
    expect(reply).to_have_class("message from-assistant emergency")
    banner = reply.locator(".emergency-banner")
    expect(banner).to_be_visible()
    expect(banner).to_have_attribute("role", "alert")
    expect(banner).to_contain_text("Call emergency services now")
    expect(reply.locator(".escalation-note")).to_contain_text("clinician has been notified")
    expect(reply.locator(".reply-text")).to_contain_text("911")
    pages.screenshot(page, "emergency")
    assert page.js_errors == []


def test_chinese_interface_and_an_emergency_in_chinese(pages: Pages, server: Server) -> None:
    from playwright.sync_api import expect

    page, _ = signed_in_chat(pages, server, "Fang", locale="zh")
    expect(page.locator("h1")).to_have_text("健康助手")
    expect(page.locator("#send")).to_have_text("发送")
    send(page, "我爸爸突然右边胳膊动不了，说话也不清楚")
    reply = last_assistant(page)
    expect(reply.locator(".emergency-banner")).to_contain_text("紧急情况")
    expect(reply.locator(".reply-text")).to_contain_text("120")
    # Switching the interface to English relabels it without reloading; the stored reply keeps its language.
    page.locator("#locale-select").select_option("en")
    expect(page.locator("#send")).to_have_text("Send")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(last_assistant(page).locator(".reply-text")).to_contain_text("120")
    pages.screenshot(page, "emergency-zh")
    assert page.js_errors == []


def test_past_sessions_can_be_reopened(pages: Pages, server: Server) -> None:
    from playwright.sync_api import expect

    page, token = signed_in_chat(pages, server, "Gao")
    send(page, "hello")
    expect(page.locator("#messages li.from-assistant")).to_have_count(1)
    page.get_by_role("button", name="New conversation").click()
    expect(page.locator("#messages li")).to_have_count(0)
    send(page, "what can you do")
    expect(page.locator("#messages li.from-assistant")).to_have_count(1)
    sessions = server.get("/v1/sessions", token)
    assert len(sessions) == 2
    expect(page.locator("#session-list .session-button")).to_have_count(2)
    first = page.locator(f"#session-list [data-session='{sessions[1]['id']}']")
    first.click()
    expect(first).to_have_attribute("aria-current", "true")
    expect(page.locator("#messages li.from-patient")).to_contain_text("hello")
    assert page.js_errors == []


def test_a_revoked_token_sends_the_patient_back_to_sign_in(pages: Pages, server: Server) -> None:
    from playwright.sync_api import expect

    page, token = signed_in_chat(pages, server, "Olga")
    server.revoke(token)
    send(page, "hello")
    expect(page.locator("#sign-in")).to_be_visible()
    expect(page.locator("#sign-in-error")).to_contain_text("invalid or has been revoked")
    assert page.evaluate("sessionStorage.getItem('assistant.token')") is None
    assert page.js_errors == []


def test_a_failed_send_keeps_the_text_and_shows_the_error(pages: Pages, server: Server) -> None:
    from playwright.sync_api import expect

    page, _ = signed_in_chat(pages, server, "Hana")
    send(page, "x" * 20_001)  # longer than the server accepts
    expect(page.locator("#chat-error")).to_contain_text("longer than")
    expect(page.locator("#composer-text")).to_have_value("x" * 20_001)
    expect(page.locator("#messages li")).to_have_count(0)
    assert page.js_errors == []


def test_a_lab_report_upload_shows_the_table_with_flags(pages: Pages, server: Server, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    page, token = signed_in_chat(pages, server, "Ivy", locale="zh")
    report = tmp_path / "化验单.csv"
    report.write_text(REPORT_CSV, encoding="utf-8")
    page.locator("#attachment-input").set_input_files(str(report))
    expect(page.locator("#attachment-list")).to_contain_text("化验单.csv")
    send(page, "帮我看看这个化验单")
    expect(page.locator("#messages li.from-assistant")).to_have_count(1)
    expect(page.locator("#attachment-list li")).to_have_count(0)
    sessions = server.get("/v1/sessions", token)
    stored = server.get(f"/v1/sessions/{sessions[0]['id']}/messages", token)
    assert stored[0]["payload"]["attachments"][0]["filename"] == "化验单.csv"
    assert stored[0]["payload"]["attachments"][0]["size"] == len(REPORT_CSV.encode())
    if importlib.util.find_spec("assistant.graph.nodes.report") is None:
        pytest.skip("the upload reached the server; the lab-report capability is not installed yet")
    reply = last_assistant(page)
    table = reply.locator("table.lab-table")
    expect(table).to_be_visible()
    expect(table.locator("tr.flag-L, tr.flag-LL").first).to_be_visible()  # haemoglobin 92 g/L is low
    expect(table.locator("tr.flag-HH")).to_contain_text("危急")  # potassium 6.9 mmol/L is critical
    expect(reply.locator(".critical-banner")).to_be_visible()
    pages.screenshot(page, "report")
    assert page.js_errors == []


def test_a_patient_answers_the_interview_with_buttons_and_reaches_a_triage_result(pages: Pages, server: Server) -> None:
    from playwright.sync_api import expect

    if importlib.util.find_spec("assistant.graph.nodes.triage") is None:
        pytest.skip("the triage interview is not installed yet")
    page, token = signed_in_chat(pages, server, "Nora")
    send(page, "I have had a headache for two days")
    final_card = page.locator("#messages li.from-assistant .card.triage.final")
    for _ in range(20):
        reply = last_assistant(page)
        expect(reply.locator(".reply")).to_be_visible()
        if final_card.count():
            break
        choices = reply.locator(".question button.choice")
        expect(choices.first).to_be_enabled()
        # Answer "no" (no warning sign) where offered; otherwise "don't know", otherwise the first choice.
        for preferred in ("[data-choice='no']", "[data-choice='unknown']", ""):
            button = reply.locator(f".question button.choice{preferred}")
            if button.count():
                break
        label = button.first.inner_text()
        count = page.locator("#messages li.from-assistant").count()
        button.first.click()
        expect(page.locator("#messages li.from-assistant")).to_have_count(count + 1)
        expect(page.locator("#messages li.from-patient").last).to_have_text(re.compile(f"Chose: {re.escape(label)}"))
    card = final_card.last
    expect(card).to_be_visible()
    expect(card.locator("h3")).to_have_text("Triage result")
    expect(card.locator(".level-badge")).not_to_be_empty()
    assert card.locator(".level-badge").get_attribute("data-level") in (
        "self_care", "consultation", "consultation_24")
    # Only the newest question can be answered: the buttons of earlier ones are disabled.
    expect(page.locator("#messages li.from-assistant").first.locator("button.choice").first).to_be_disabled()
    sessions = server.get("/v1/sessions", token)
    stored = server.get(f"/v1/sessions/{sessions[0]['id']}/messages", token)
    assert stored[-1]["payload"]["triage"]["final"] is True
    pages.screenshot(page, "triage-result")
    assert page.js_errors == []


def test_attachments_over_the_limits_are_refused_before_sending(pages: Pages, server: Server) -> None:
    from playwright.sync_api import expect

    page, _ = signed_in_chat(pages, server, "Pia")
    too_big = {"name": "scan.pdf", "mimeType": "application/pdf", "buffer": b"%PDF" + b"0" * (5 * 1024 * 1024)}
    page.locator("#attachment-input").set_input_files(files=[too_big])
    expect(page.locator("#chat-error")).to_contain_text("scan.pdf: The file is too large (limit 5 MB).")
    expect(page.locator("#attachment-list li")).to_have_count(0)
    small = [{"name": f"r{i}.csv", "mimeType": "text/csv", "buffer": b"a,b\n"} for i in range(6)]
    page.locator("#attachment-input").set_input_files(files=small)
    expect(page.locator("#attachment-list li")).to_have_count(5)
    expect(page.locator("#chat-error")).to_contain_text("At most 5 files per message.")
    page.get_by_role("button", name="Remove attachment: r0.csv").click()
    expect(page.locator("#attachment-list li")).to_have_count(4)
    expect(page.locator("#attachment-list")).not_to_contain_text("r0.csv")
    assert page.js_errors == []
