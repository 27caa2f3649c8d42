"""The report capability: match scores, the reply (flags, plain words, referral, escalation), trends, politeness."""

from __future__ import annotations

import json

from assistant.graph.capability import Attachment, CapabilityRequest, Understanding
from assistant.graph.nodes import report

CRITICAL_ZH = """姓名：张三 性别：女 采样日期：2024-03-05
白细胞计数(WBC) 12.5 ↑ 10^9/L 3.5-9.5
谷丙转氨酶 ALT 88 H U/L 7-40
血钾 6.9 ↑ mmol/L 3.5-5.3
血红蛋白 HGB 125 g/L 115-150"""


def request(text: str = "", locale: str = "zh", attachments: list[Attachment] | None = None,
            memory: dict | None = None) -> CapabilityRequest:
    return CapabilityRequest(session_id="s1", text=text, locale=locale, attachments=attachments or [],  # type: ignore[arg-type]
                             understanding=Understanding(locale=locale), memory=memory or {})  # type: ignore[arg-type]


def test_match_scores() -> None:
    pdf = Attachment(content_type="application/pdf", filename="r.pdf", data=b"%PDF")
    assert report.match("", "en", [pdf]) == 1.0
    assert report.match(CRITICAL_ZH, "zh", []) >= 0.9
    assert report.match("ALT 88, AST 76", "en", []) >= 0.8
    assert report.match("hello", "en", []) == 0.0
    assert report.match("头疼三天了，还发烧", "zh", []) < 0.3
    assert report.match("I have chest pain and my left arm hurts", "en", []) < 0.3
    assert 0.3 < report.match("can you read my lab report?", "en", []) < 0.8


def test_critical_report_escalates_and_refers_now() -> None:
    response = report.handle(request(CRITICAL_ZH))
    assert response.route == "report" and response.flow is None
    assert response.report is not None and response.report.critical
    assert {a.code: a.flag for a in response.report.analytes} == {"WBC": "H", "ALT": "H", "K": "HH", "HGB": "N"}
    assert response.escalate is not None
    assert (response.escalate.reason, response.escalate.priority, response.escalate.requires_ack) == (
        "critical_value", "high", True)
    assert "K 6.9" in response.escalate.summary
    assert response.referral is not None and response.referral.needed
    assert (response.referral.to, response.referral.urgency) == ("emergency", "now")
    assert "危急值" in response.text and "120" in response.text and "6.9" in response.text
    assert "不是诊断" in response.text
    assert {f["code"] for f in response.facts["analytes"]} == {"WBC", "ALT", "K", "HGB"}


def test_reply_never_tells_the_patient_what_they_have() -> None:
    response = report.handle(request("ALT 300 U/L 9-50\nAST 250 U/L 15-40", locale="en"))
    lowered = response.text.lower()
    assert "you have" not in lowered and "diagnos" in lowered  # only "not a diagnosis"
    assert response.referral is not None and response.referral.urgency == "within_days"  # 6x the upper limit


def test_abnormal_and_all_normal_referrals() -> None:
    abnormal = report.handle(request("Glucose 112 mg/dL 65-99", locale="en"))
    assert abnormal.escalate is None
    assert abnormal.referral is not None and (abnormal.referral.to, abnormal.referral.urgency) == ("doctor",
                                                                                                   "within_weeks")
    normal = report.handle(request("Sodium 140 mmol/L 135-145\nPotassium 4.2 mmol/L 3.5-5.1", locale="en"))
    assert normal.referral is not None and not normal.referral.needed
    assert normal.report is not None and not normal.report.critical
    assert "within the reference range" in normal.text.lower()


def test_no_results_gets_a_polite_request_in_the_patients_language() -> None:
    zh = report.handle(request("帮我看看化验单"))
    assert zh.report is None and zh.flow is None and "粘贴" in zh.text
    en = report.handle(request("can you read my lab report?", locale="en"))
    assert en.report is None and "pasting the text" in en.text.lower()


def test_unreadable_attachment_says_why() -> None:
    image = Attachment(content_type="image/jpeg", filename="photo.jpg", data=b"\xff\xd8\xff")
    response = report.handle(request("", locale="en", attachments=[image]))
    assert response.report is None and "images cannot be read" in response.text


def test_attachment_and_trend_across_turns() -> None:
    first = {"resourceType": "Observation", "code": {"coding": [{"system": "http://loinc.org", "code": "1742-6"}]},
             "valueQuantity": {"value": 96, "unit": "U/L"}, "effectiveDateTime": "2024-03-01"}
    attachment = Attachment(content_type="application/fhir+json", filename="a.json", data=json.dumps(first).encode())
    turn1 = report.handle(request(locale="en", attachments=[attachment]))
    assert turn1.memory["reports"] == [{"code": "ALT", "value": 96.0, "unit": "U/L", "date": "2024-03-01"}]
    turn2 = report.handle(request("2024-06-01 ALT 0.8 ukat/L", locale="en", memory=turn1.memory))
    assert turn2.report is not None
    [alt] = turn2.report.analytes
    assert alt.previous == 1.6  # 96 U/L in the new report's unit (ukat/L)
    assert "previously 1.6, down" in turn2.text
    assert len(turn2.memory["reports"]) == 2


def test_two_reports_in_one_message_show_the_change() -> None:
    old = Attachment(content_type="text/plain", filename="old.txt", data=b"2023-01-05\nTG 3.1 mmol/L <1.7")
    new = Attachment(content_type="text/plain", filename="new.txt", data=b"2024-01-05\nTG 2.0 mmol/L <1.7")
    response = report.handle(request(attachments=[new, old]))
    assert response.report is not None
    assert [(a.value, a.previous) for a in response.report.analytes] == [(3.1, None), (2.0, 3.1)]
    assert "上次 3.1，下降" in response.text


def test_repeated_test_within_one_report_shows_the_change() -> None:
    response = report.handle(request("3月 谷丙转氨酶 ALT 96 U/L (9-50)\n6月 谷丙转氨酶 ALT 48 U/L (9-50)"))
    assert response.report is not None
    assert [(a.value, a.previous, a.flag) for a in response.report.analytes] == [(96, None, "H"), (48, 96, "N")]


def test_garbage_attachments_get_a_polite_reply_not_a_crash() -> None:
    import random

    rng = random.Random(7)
    for content_type, filename in [("application/pdf", "x.pdf"), ("text/csv", "x.csv"), ("application/json", "x.json"),
                                   ("application/octet-stream", None), ("text/plain", "x.txt")]:
        data = bytes(rng.randrange(256) for _ in range(200))
        attachment = Attachment(content_type=content_type, filename=filename, data=data)
        response = report.handle(request(locale="en", attachments=[attachment]))
        assert response.route == "report" and response.flow is None and response.text
