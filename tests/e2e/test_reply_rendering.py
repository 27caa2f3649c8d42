"""Every part of the Reply contract as the browser renders it (render.js), from replies built with the contract's
own pydantic models, so the pages keep up with `assistant/reply.py` whatever the capabilities answer today."""

from __future__ import annotations

import json
from typing import Any

from e2e_support import Pages

from assistant.reply import (
    AnalyteResult,
    Choice,
    Citation,
    EscalationInfo,
    Question,
    Referral,
    Reply,
    ReportInfo,
    TcmInfo,
    TriageInfo,
)


def full_reply() -> Reply:
    return Reply(
        message_id="m1",
        route="report",
        text="Two results are outside the reference range.\nOne is critical.",
        locale="en",
        question=Question(id="q1", prompt="Do you take potassium supplements?",
                          choices=[Choice(id="yes", label="Yes"), Choice(id="no", label="No")]),
        triage=TriageInfo(level="consultation_24", reasons=["Fever for 3 days"], red_flags=["Stiff neck"],
                          advice=["Drink fluids"], complaint="fever", final=True),
        report=ReportInfo(critical=True, analytes=[
            AnalyteResult(code="HGB", name="Haemoglobin", value=92, unit="g/L", ref_low=130, ref_high=175, flag="L",
                          explanation="Low haemoglobin can mean anaemia.", previous=101),
            AnalyteResult(code="K", name="Potassium", value=6.9, unit="mmol/L", ref_low=3.5, ref_high=5.3, flag="HH"),
            AnalyteResult(code="GLU", name="Glucose", value=5.1, unit="mmol/L", ref_low=3.9, ref_high=6.1, flag="N"),
            AnalyteResult(code="UPRO", name="Urine protein", value="+-", flag="indeterminate"),
        ]),
        tcm=TcmInfo(scores={"qi_deficiency": 62.5, "balanced": 40.0, "yang_deficiency": 120.0}, final=True, result={
            "score_kind": "transformed", "primary": "qi_deficiency", "primary_judgment": "yes",
            "judgments": {"qi_deficiency": "yes", "balanced": "no", "yang_deficiency": "tendency"},
            "constitutions": ["qi_deficiency"], "tendencies": ["yang_deficiency"], "warnings": [],
            "names": {"qi_deficiency": "Qi deficiency", "balanced": "Balanced", "yang_deficiency": "Yang deficiency"},
            "guidance": {"qi_deficiency": {"diet": "Eat warm, regular meals.", "sleep": "Keep regular hours.",
                                           "source": "guidance.yaml"}},
            "answers": {"q1": 3}, "profile": {"sex": "female"},
        }),
        citations=[Citation(doc_id="nhsa-2024", section="3.2",
                            quote="Outpatient costs above the deductible <b>are</b> paid.")],
        referral=Referral(needed=True, to="doctor", urgency="24h"),
        escalation=EscalationInfo(id="e1", reason="critical_value", priority="high"),
    )


def render(page: Any, reply: Reply, after: list[dict[str, Any]] | None = None) -> Any:
    """Renders `reply` in a transcript (then the messages `after` it); returns the reply's locator."""
    messages = [
        {"id": "p", "seq": 1, "sender": "patient", "text": "<img src=x onerror=alert(1)>", "payload": {},
         "created_at": "2026-01-01T00:00:00.123456"},
        {"id": "a", "seq": 2, "sender": "assistant", "text": reply.text, "payload": reply.model_dump(mode="json"),
         "created_at": "2026-01-01T00:00:01Z"},
        *(after or []),
    ]
    page.evaluate(
        """async (messages) => {
            const { renderTranscript } = await import('/web/render.js');
            window.chosen = [];
            const list = document.createElement('ol');
            list.id = 'rendered';
            list.className = 'messages';
            const onChoice = (c) => window.chosen.push(Array.isArray(c) ? c.map((x) => x.id) : c.id);
            list.append(...renderTranscript(messages, { onChoice }));
            document.querySelector('main').replaceChildren(list);
        }""",
        json.loads(json.dumps(messages)),
    )
    return page.locator("#rendered li.from-assistant").first


def test_every_part_of_a_reply_is_rendered(pages: Pages) -> None:
    from playwright.sync_api import expect

    page = pages.open("/", "render")
    item = render(page, full_reply())
    expect(item.locator(".reply-text")).to_have_text("Two results are outside the reference range.\nOne is critical.")
    # Question choices are buttons that answer with the choice's id.
    buttons = item.locator(".question button.choice")
    expect(buttons).to_have_count(2)
    expect(item.locator(".question legend")).to_have_text("Do you take potassium supplements?")
    buttons.nth(1).click()
    assert page.evaluate("window.chosen") == ["no"]
    # Triage card: the level in words, the reasons, warning signs and advice.
    triage = item.locator(".card.triage")
    expect(triage.locator(".level-badge")).to_contain_text("See a doctor within 24 hours")
    expect(triage.locator(".level-badge")).to_have_attribute("data-level", "consultation_24")
    expect(triage.locator(".red-flags li")).to_have_text(["Stiff neck"])
    expect(triage.locator(".reasons li")).to_have_text(["Fever for 3 days"])
    expect(triage.locator(".advice li")).to_have_text(["Drink fluids"])
    # Lab table: one row per analyte, flags highlighted with a class and written out with an arrow.
    rows = item.locator("table.lab-table tbody tr")
    expect(rows).to_have_count(4)
    expect(rows.nth(0)).to_have_class("flag-L")
    expect(rows.nth(0).locator(".flag")).to_have_text("↓ Low")
    expect(rows.nth(0)).to_contain_text("130–175")
    expect(rows.nth(0)).to_contain_text("101")
    expect(rows.nth(1)).to_have_class("flag-HH")
    expect(rows.nth(1).locator(".flag")).to_have_text("↑↑ Critically high")
    expect(rows.nth(2).locator(".flag")).to_have_text("Normal")
    expect(rows.nth(3).locator(".flag")).to_have_text("? Cannot tell")
    expect(item.locator(".critical-banner")).to_have_attribute("role", "alert")
    high = page.evaluate("getComputedStyle(document.querySelector('tr.flag-HH')).backgroundColor")
    normal = page.evaluate("getComputedStyle(document.querySelector('tr.flag-N')).backgroundColor")
    assert high != normal
    # TCM scores as a bar chart, widths proportional to the score and clamped to the track.
    bars = item.locator(".bar-chart .bar")
    expect(bars).to_have_count(3)
    widths = page.evaluate("[...document.querySelectorAll('.bar-fill')].map((b) => b.style.width)")
    assert widths == ["62.5%", "40%", "100%"]
    expect(bars.nth(0).locator(".bar-label")).to_have_text("Qi deficiency")
    expect(bars.nth(0)).to_have_class("bar primary")
    expect(bars.nth(2).locator(".judgment")).to_have_text("tendency")
    tcm_result = item.locator(".tcm-result")
    expect(tcm_result).to_contain_text("Main constitution")
    expect(tcm_result).to_contain_text("Qi deficiency (yes)")
    expect(tcm_result).to_contain_text("Tendencies")
    expect(tcm_result.locator(".guidance li")).to_have_text(
        ["Diet: Eat warm, regular meals.", "Sleep and routine: Keep regular hours."])
    expect(tcm_result).not_to_contain_text("female")  # answers and profile are not repeated back
    # Citations are expandable quotes; markup in a quote stays text.
    citation = item.locator("details.citation")
    expect(citation.locator("summary")).to_have_text("nhsa-2024 · 3.2")
    expect(citation.locator("blockquote")).to_be_hidden()
    citation.locator("summary").click()
    expect(citation.locator("blockquote")).to_have_text("Outpatient costs above the deductible <b>are</b> paid.")
    expect(item.locator(".referral")).to_contain_text("A doctor")
    expect(item.locator(".escalation-note")).to_contain_text("priority: High")
    # Patient text that looks like HTML is shown as text, never run or parsed.
    expect(page.locator("#rendered li.from-patient .message-text")).to_have_text("<img src=x onerror=alert(1)>")
    expect(page.locator("#rendered img")).to_have_count(0)
    # Stored times carry no zone (SQLite); they are UTC, shown in the reader's zone (the page runs in Shanghai).
    expect(page.locator("#rendered li.from-patient time")).to_have_text("1/1/2026, 8:00:00 AM")
    pages.screenshot(page, "full-reply")
    assert page.js_errors == []


def test_emergency_levels_get_the_emergency_treatment(pages: Pages) -> None:
    from playwright.sync_api import expect

    page = pages.open("/", "render-emergency", locale="zh")
    reply = Reply(message_id="m2", route="triage", text="请立即拨打120。", locale="zh",
                  triage=TriageInfo(level="emergency_ambulance", reasons=["胸痛伴出汗"], final=True),
                  referral=Referral(needed=True, to="emergency", urgency="now"))
    item = render(page, reply)
    expect(item).to_have_class("message from-assistant emergency")
    expect(item.locator(".emergency-banner")).to_contain_text("紧急情况")
    expect(item.locator(".level-badge")).to_contain_text("立即叫救护车")
    expect(item.locator(".referral")).to_contain_text("急诊")
    calm = Reply(message_id="m3", route="triage", text="可以先在家观察。", locale="zh",
                 triage=TriageInfo(level="self_care", final=True))
    item = render(page, calm)
    expect(item.locator(".emergency-banner")).to_have_count(0)
    expect(item.locator(".level-badge")).to_contain_text("可居家自我护理")
    # While the interview goes on the level is one line, marked provisional, with any warning sign found so far.
    asking = Reply(message_id="m6", route="triage", text="发烧几天了？", locale="zh",
                   question=Question(id="duration", prompt="发烧几天了？", choices=[Choice(id="1", label="1天")]),
                   triage=TriageInfo(level="consultation_24", reasons=["发热"], red_flags=["颈部僵硬"], final=False))
    item = render(page, asking)
    expect(item.locator(".card.triage.provisional .provisional-line")).to_contain_text("初步分诊")
    expect(item.locator(".card.triage .red-flags li")).to_have_text(["颈部僵硬"])
    expect(item.locator(".card.triage .reasons")).to_have_count(0)
    expect(item.locator(".question legend")).to_have_class("visually-hidden")  # the text already asks it
    assert page.js_errors == []


def test_a_minimal_reply_renders_only_its_text(pages: Pages) -> None:
    from playwright.sync_api import expect

    page = pages.open("/", "render-minimal")
    item = render(page, Reply(message_id="m4", route="general", text="Hello!", locale="en"))
    expect(item.locator(".reply-text")).to_have_text("Hello!")
    expect(item.locator(".card")).to_have_count(0)
    expect(item.locator(".question, .emergency-banner, .referral, .escalation-note")).to_have_count(0)
    assert page.js_errors == []


def test_a_report_without_previous_values_or_explanations_has_no_empty_columns(pages: Pages) -> None:
    from playwright.sync_api import expect

    page = pages.open("/", "render-report", locale="zh")
    reply = Reply(message_id="m5", route="report", text="结果如下。", locale="zh", report=ReportInfo(analytes=[
        AnalyteResult(code="GLU", name="空腹血糖", value=7.8, unit="mmol/L", ref_low=3.9, ref_high=6.1, flag="H"),
        AnalyteResult(code="TG", name="甘油三酯", value=1.2, unit="mmol/L", ref_high=1.7, flag="N"),
    ]))
    item = render(page, reply)
    expect(item.locator("table.lab-table thead th")).to_have_text(["项目", "结果", "单位", "参考范围", "提示"])
    expect(item.locator("tr.flag-H .flag")).to_have_text("↑ 偏高")
    expect(item.locator("tr.flag-N")).to_contain_text("≤ 1.7")
    expect(item.locator(".critical-banner")).to_have_count(0)
    assert page.js_errors == []


def test_a_multi_answer_question_toggles_choices_and_sends_them_together(pages: Pages) -> None:
    from playwright.sync_api import expect

    page = pages.open("/", "render-multi")
    question = Question(id="coating", prompt="What does the coating on your tongue look like?", multi=True,
                        choices=[Choice(id="thin", label="Thin"), Choice(id="thick", label="Thick"),
                                 Choice(id="yellow", label="Yellow")])
    item = render(page, Reply(message_id="m7", route="tcm", text="Next:", locale="en", question=question))
    send_button = item.get_by_role("button", name="Send selected")
    expect(send_button).to_be_disabled()
    item.get_by_role("button", name="Thick").click()
    item.get_by_role("button", name="Yellow").click()
    item.get_by_role("button", name="Thick").click()
    item.get_by_role("button", name="Thin").click()
    expect(item.get_by_role("button", name="Thin")).to_have_attribute("aria-pressed", "true")
    expect(item.get_by_role("button", name="Thick")).to_have_attribute("aria-pressed", "false")
    assert page.evaluate("window.chosen") == []  # nothing is sent until the patient says so
    send_button.click()
    assert page.evaluate("window.chosen") == [["thin", "yellow"]]
    # The stored answer (the ids as text) reads as the choices' labels in the transcript.
    answered = {"id": "p2", "seq": 3, "sender": "patient", "text": "thin yellow", "payload": {},
                "created_at": "2026-01-01T00:00:02Z"}
    plain = {"id": "p3", "seq": 4, "sender": "patient", "text": "constructor", "payload": {},
             "created_at": "2026-01-01T00:00:03Z"}
    render(page, Reply(message_id="m8", route="tcm", text="Next:", locale="en", question=question), [answered, plain])
    patient_texts = page.locator("#rendered li.from-patient .message-text")
    expect(patient_texts.nth(1)).to_have_text("Chose: Thin, Yellow")
    expect(patient_texts.nth(2)).to_have_text("constructor")
    assert page.js_errors == []
