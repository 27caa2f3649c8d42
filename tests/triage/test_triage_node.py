"""The triage capability through its contract: match() and a multi-turn handle()."""

from __future__ import annotations

from assistant.graph.capability import (
    CapabilityConfig,
    CapabilityRequest,
    CapabilityResponse,
    Finding,
    Understanding,
)
from assistant.graph.nodes.triage import handle, match
from assistant.nlu import extract_findings, extract_slots
from assistant.reply import Locale


def _turn(text: str, locale: Locale = "en", flow: dict | None = None, choice: str | None = None,
          model_findings: list[Finding] | None = None, config: CapabilityConfig | None = None) -> CapabilityResponse:
    findings = extract_findings(text, locale) + (model_findings or [])
    request = CapabilityRequest(
        session_id="s1", text=text, choice=choice, locale=locale, flow=flow,
        understanding=Understanding(locale=locale, text=text, findings=findings, slots=extract_slots(text, locale)),
        config=config or CapabilityConfig(),
    )
    return handle(request)


def _run(first: str, answers: dict[str, str], locale: Locale = "en") -> tuple[CapabilityResponse, list[str]]:
    response = _turn(first, locale)
    asked: list[str] = []
    while response.question is not None:
        asked.append(response.question.id)
        assert len(asked) <= 8
        answer = answers.get(response.question.id)
        if answer is not None and answer in {c.id for c in response.question.choices}:
            response = _turn("", locale, response.flow, choice=answer)
        else:
            response = _turn(answer or ("不知道" if locale == "zh" else "I don't know"), locale, response.flow)
    return response, asked


def test_match_scores() -> None:
    assert match("I have a headache", "en", []) >= 0.7
    assert match("宝宝发烧了", "zh", []) >= 0.7
    assert match("hello", "en", []) < 0.3
    assert match("你好", "zh", []) < 0.3
    table = "ALT 80 U/L\nAST 60 U/L\nGGT 70 U/L\n肌酐 90 umol/L"
    assert match(table, "zh", []) < 0.3


def test_a_lab_report_with_results_beside_a_symptom_yields_to_reports() -> None:
    # The analyte comes from the reports catalogue (hemoglobin in g/dL was not in triage's own list).
    assert match("my lab report says hemoglobin 9.1 g/dL and I feel dizzy", "en", []) < 0.5
    assert match("化验单 血小板 30 牙龈出血", "zh", []) < 0.5
    # A test named without any result is part of a symptom story.
    assert match("查了血常规说是病毒感染，发烧三天", "zh", []) >= 0.7
    assert match("my lab report came back normal but my chest hurts", "en", []) >= 0.7


def test_emergency_ends_at_once_with_number_escalation_and_referral() -> None:
    response = _turn("my dad's face is drooping and his speech is slurred", "en")
    assert response.question is None and response.flow is None
    assert response.triage is not None and response.triage.final
    assert response.triage.level == "emergency_ambulance"
    assert "911" in response.text
    assert response.escalate is not None and response.escalate.priority == "high"
    assert response.escalate.reason == "red_flag"
    assert response.referral is not None and response.referral.to == "emergency"
    assert response.facts["level"] == "emergency_ambulance"
    assert response.triage.red_flags


def test_emergency_number_is_configurable_and_localised() -> None:
    config = CapabilityConfig(emergency_number={"zh": "120", "en": "999"})
    assert "999" in _turn("I can't breathe", "en", config=config).text
    assert "120" in _turn("嘴歪了，说话不清楚", "zh").text


def test_interview_asks_one_question_with_choices_and_keeps_state() -> None:
    response = _turn("宝宝发烧了", "zh")
    assert response.question is not None
    assert response.question.choices and any(c.id == "unknown" for c in response.question.choices)
    assert response.flow is not None and response.flow["pending"] == response.question.id
    assert response.triage is not None and response.triage.final is False
    assert response.route == "triage"


def test_choices_and_free_text_answers_drive_the_level() -> None:
    response, asked = _run("my baby has a fever", {"age": "under_3_months"})
    assert asked[0] == "age"
    assert response.triage is not None and response.triage.level == "emergency"

    response, _ = _run("my baby has a fever", {"age": "9 months", "fever_temp": "39.6"})
    assert response.triage is not None and response.triage.level == "consultation_24"


def test_dont_know_never_lowers_and_the_interview_ends() -> None:
    response, asked = _run("my stomach hurts", {})
    assert response.triage is not None and response.triage.final
    assert response.triage.level in ("consultation", "consultation_24")
    assert len(asked) <= 8


def test_an_answer_can_raise_to_emergency_and_stop() -> None:
    response, asked = _run("I have a headache", {"thunderclap_headache": "yes"})
    assert asked == ["thunderclap_headache"]
    assert response.triage is not None and response.triage.level == "emergency_ambulance"
    assert response.escalate is not None


def test_mild_cold_is_self_care_without_referral() -> None:
    response, _ = _run("runny nose and sneezing for 2 days, no fever", {})
    assert response.triage is not None and response.triage.level == "self_care"
    assert response.referral is not None and response.referral.needed is False
    assert response.escalate is None
    assert response.triage.advice


def test_model_findings_are_added_for_red_flags() -> None:
    model = [Finding(code="face_droop", present=True, evidence="面瘫", source="model")]
    response = _turn("我爸爸不太舒服", "zh", model_findings=model)
    assert response.triage is not None and response.triage.level == "emergency_ambulance"


def test_model_denial_does_not_hide_a_symptom() -> None:
    model = [Finding(code="chest_pain", present=False, source="model")]
    response = _turn("crushing chest pain", "en", model_findings=model)
    assert response.triage is not None and response.triage.level == "emergency_ambulance"


def test_red_flag_across_turns() -> None:
    first = _turn("I'm 30 weeks pregnant and have a headache", "en")
    assert first.question is not None
    second = _turn("my vision is blurry too", "en", first.flow)
    assert second.triage is not None and second.triage.level == "emergency"


def test_no_dose_and_no_diagnosis_in_text() -> None:
    for text in ("sore throat for 2 days, no fever", "I have a headache", "咳嗽三天了，不发烧"):
        response, _ = _run(text, {})
        assert "mg" not in response.text.lower()
        assert "毫克" not in response.text
        assert "not a diagnosis" in response.text or "不是诊断" in response.text


def test_odd_input_gives_a_reply_not_a_crash() -> None:
    for text in ("", "???", "asdfgh", "1234"):
        response = _turn(text, "en")
        assert response.route == "triage" and response.text
    response = _turn("blah", "en", {"findings": {}, "slots": {}, "asked": ["age"], "pending": "no_such_question"})
    assert response.text


def test_badly_typed_slots_from_the_understanding_step_are_ignored() -> None:
    request = CapabilityRequest(
        session_id="s1", text="I have a fever", locale="en",
        understanding=Understanding(locale="en", text="I have a fever",
                                    slots={"temperature_c": "very high", "age": "old", "pregnant": "maybe"}),
    )
    response = handle(request)
    assert response.route == "triage" and response.text
