"""check_output: a model-phrased reply must stay true to the decided result and carry its referral."""

from __future__ import annotations

import pytest

from assistant.graph.capability import CapabilityResponse
from assistant.reply import AnalyteResult, Citation, ReportInfo, TcmInfo, TriageInfo
from guardrails.output import check_output

EMERGENCY_EN = CapabilityResponse(
    route="triage",
    text="Chest pain with a cold sweat can be a heart attack. Call 911 now and do not drive yourself.",
    triage=TriageInfo(level="emergency_ambulance", final=True, red_flags=["heart_attack"]),
)
CONSULT_ZH = CapabilityResponse(
    route="triage",
    text="根据你的描述，建议24小时内到医院就诊。如果出现胸痛或呼吸困难，请立即拨打120。",
    triage=TriageInfo(level="consultation_24", final=True),
)
SELF_CARE_EN = CapabilityResponse(
    route="triage",
    text="This sounds like a mild cold. Rest, drink fluids, and see a doctor if it gets worse or lasts over 10 days.",
    triage=TriageInfo(level="self_care", final=True),
)
REPORT_EN = CapabilityResponse(
    route="report",
    text="Your ALT is 80 U/L, above the reference range 7-40 U/L. Please discuss it with your doctor.",
    report=ReportInfo(
        analytes=[AnalyteResult(code="ALT", name="ALT", value=80, unit="U/L", ref_low=7, ref_high=40, flag="H")]
    ),
)
CRITICAL_ZH = CapabilityResponse(
    route="report",
    text="血钾 6.8 mmol/L，属于危急值，请今天立即联系医生或去医院。",
    report=ReportInfo(
        analytes=[AnalyteResult(code="K", name="血钾", value=6.8, unit="mmol/L", ref_low=3.5, ref_high=5.3, flag="HH")],
        critical=True,
    ),
)
TCM_ZH = CapabilityResponse(
    route="tcm",
    text="你的主要体质是气虚质（62.5分）。调养建议请咨询中医师。",
    tcm=TcmInfo(scores={"qi_deficiency": 62.5}, final=True),
)
INSURANCE_ZH = CapabilityResponse(
    route="insurance",
    text="根据《中华人民共和国社会保险法》第二十八条，符合基本医疗保险药品目录的费用按规定支付。",
    citations=[Citation(doc_id="social_insurance_law_zh", section="第二十八条", quote="符合基本医疗保险药品目录")],
)
INSURANCE_REFUSED_EN = CapabilityResponse(
    route="insurance",
    text="The documents I have do not cover this question. Please ask your insurer.",
    facts={"answerable": False},
)

ALL_TEMPLATES = [
    EMERGENCY_EN,
    CONSULT_ZH,
    SELF_CARE_EN,
    REPORT_EN,
    CRITICAL_ZH,
    TCM_ZH,
    INSURANCE_ZH,
    INSURANCE_REFUSED_EN,
]


@pytest.mark.parametrize("response", ALL_TEMPLATES, ids=lambda r: r.route + ":" + r.text[:12])
def test_template_texts_pass(response: CapabilityResponse) -> None:
    locale = "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in response.text) else "en"
    result = check_output(response.text, response, locale)  # type: ignore[arg-type]
    assert result.ok, result.problems


@pytest.mark.parametrize(
    ("text", "response", "locale"),
    [
        ("This may be a heart attack. Please call 911 right away and don't drive.", EMERGENCY_EN, "en"),
        ("建议在24小时内去医院看医生；一旦胸痛，马上拨打120。", CONSULT_ZH, "zh"),
        ("A mild cold. Rest and fluids; if it gets worse, go to the emergency department.", SELF_CARE_EN, "en"),
        ("ALT 80 U/L is above the 7-40 range. Talk to your doctor about it.", REPORT_EN, "en"),
        ("你的体质以气虚质为主，62.5分，具体调理可以找中医师。", TCM_ZH, "zh"),
        ("依据《中华人民共和国社会保险法》第二十八条，目录内药品费用按规定支付。", INSURANCE_ZH, "zh"),
    ],
)
def test_faithful_rephrasing_passes(text: str, response: CapabilityResponse, locale: str) -> None:
    result = check_output(text, response, locale)  # type: ignore[arg-type]
    assert result.ok, result.problems


@pytest.mark.parametrize(
    ("text", "response", "locale", "rule"),
    [
        ("Take 325 mg of aspirin now and call 911.", EMERGENCY_EN, "en", "output.dose"),
        ("Give ibuprofen 10 mg/kg and call 911.", EMERGENCY_EN, "en", "output.dose"),
        ("布洛芬每次吃2片，24小时内去医院就诊。", CONSULT_ZH, "zh", "output.dose"),
        ("You have a heart attack. Call 911 now.", EMERGENCY_EN, "en", "output.diagnosis"),
        ("你得了肺炎，24小时内去医院就诊。", CONSULT_ZH, "zh", "output.diagnosis"),
        ("确诊为肺炎，24小时内就诊。", CONSULT_ZH, "zh", "output.diagnosis"),
        (
            "No need to worry, it's probably nothing. Call 911 only if it gets worse.",
            EMERGENCY_EN,
            "en",
            "output.deescalation",
        ),
        ("Call 911 now. If you prefer, wait and see for an hour.", EMERGENCY_EN, "en", "output.deescalation"),
        ("Please call an ambulance now.", EMERGENCY_EN, "en", "output.referral"),
        ("不用担心，在家休息即可，不需要就医。", CONSULT_ZH, "zh", "output.level"),
        ("建议立即去急诊，24小时内不要拖。", CONSULT_ZH, "zh", "output.level"),
        ("Your ALT is 85 U/L, see your doctor.", REPORT_EN, "en", "output.number"),
        ("Your ALT and AST are high, see your doctor.", REPORT_EN, "en", "output.test_name"),
        ("依据第三十条，目录内药品费用按规定支付。", INSURANCE_ZH, "zh", "output.citation"),
        ("血钾6.8 mmol/L，属于危急值。", CRITICAL_ZH, "zh", "output.referral"),
        ("你是气虚质，62.5分，多吃山药。", TCM_ZH, "zh", "output.referral"),
        ("The documents do not answer this.", INSURANCE_REFUSED_EN, "en", "output.referral"),
        ("血钾6.8 mmol/L，问题不大，下周再看医生。", CRITICAL_ZH, "zh", "output.deescalation"),
    ],
)
def test_unfaithful_replies_fail(text: str, response: CapabilityResponse, locale: str, rule: str) -> None:
    result = check_output(text, response, locale)  # type: ignore[arg-type]
    assert not result.ok
    assert rule in [event.rule for event in result.events], result.problems
    assert all(event.action == "replaced_output" for event in result.events)


def test_a_more_urgent_level_inside_a_conditional_is_safety_netting() -> None:
    text = "Rest at home with fluids. If you develop trouble breathing, call 911 or go to the emergency room."
    response = SELF_CARE_EN.model_copy(update={"text": "A mild cold. Rest and drink fluids. See a doctor if worse."})
    assert check_output(text, response, "en").ok


def test_a_more_urgent_level_as_a_statement_changes_the_level() -> None:
    result = check_output("Go to the emergency room now; see a doctor.", SELF_CARE_EN, "en")
    assert "output.level" in [event.rule for event in result.events]


def test_list_numbering_is_not_an_invented_number() -> None:
    text = "1. ALT 80 U/L is above 7-40.\n2. Talk to your doctor."
    assert check_output(text, REPORT_EN, "en").ok


def test_lab_units_are_not_doses() -> None:
    response = CapabilityResponse(
        route="report",
        text="LDL cholesterol 160 mg/dL is high; see a doctor.",
        report=ReportInfo(
            analytes=[AnalyteResult(code="LDL", name="LDL cholesterol", value=160, unit="mg/dL", flag="H")]
        ),
    )
    assert check_output("Your LDL cholesterol is 160 mg/dL, which is high. Please see a doctor.", response, "en").ok


def test_empty_or_overlong_reply_fails_and_bad_arguments_raise() -> None:
    assert not check_output("   ", REPORT_EN, "en").ok
    assert [e.rule for e in check_output("See your doctor. " * 1000, REPORT_EN, "en").events] == ["output.too_long"]
    with pytest.raises(ValueError, match="locale"):
        check_output("x", REPORT_EN, "fr")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="must be a str"):
        check_output(None, REPORT_EN, "en")  # type: ignore[arg-type]
