"""Referral and escalation policy: which results need which referral; emergencies are never held."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from assistant.graph.capability import CapabilityResponse
from assistant.reply import AnalyteResult, Citation, Referral, ReportInfo, TcmInfo, TriageInfo
from guardrails.policy import POLICY_PATH, load_policy, load_policy_file
from guardrails.rules import RuleError


def triage(level: str, final: bool = True) -> CapabilityResponse:
    return CapabilityResponse(route="triage", text="t", triage=TriageInfo(level=level, final=final))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("response", "target", "urgency"),
    [
        (triage("emergency_ambulance"), "emergency", "now"),
        (triage("emergency", final=False), "emergency", "now"),
        (triage("consultation_24"), "doctor", "within_24h"),
        (triage("consultation"), "doctor", "soon"),
        (
            CapabilityResponse(
                route="report",
                text="t",
                report=ReportInfo(analytes=[AnalyteResult(code="K", name="K", value=6.8, flag="HH")], critical=True),
            ),
            "doctor",
            "now",
        ),
        (CapabilityResponse(route="tcm", text="t", tcm=TcmInfo(final=True)), "tcm_practitioner", "routine"),
        (CapabilityResponse(route="insurance", text="t", citations=[]), "insurer", "routine"),
        (CapabilityResponse(route="insurance", text="t", facts={"answerable": False}), "insurer", "routine"),
    ],
)
def test_results_require_their_referral(response: CapabilityResponse, target: str, urgency: str) -> None:
    referral = load_policy().referral_for(response)
    assert referral == Referral(needed=True, to=target, urgency=urgency)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "response",
    [
        triage("self_care"),
        triage("consultation", final=False),  # the interview is still going
        CapabilityResponse(route="tcm", text="t", tcm=TcmInfo(final=False)),
        CapabilityResponse(
            route="insurance", text="t", citations=[Citation(doc_id="law", section="第二十八条", quote="q")]
        ),
        CapabilityResponse(route="report", text="t", report=ReportInfo(critical=False)),
        CapabilityResponse(route="general", text="t"),
    ],
)
def test_results_without_a_required_referral(response: CapabilityResponse) -> None:
    assert load_policy().referral_for(response) is None


def test_an_insurance_question_in_progress_is_not_a_refusal() -> None:
    from assistant.reply import Question

    response = CapabilityResponse(route="insurance", text="t", question=Question(id="city", prompt="Which city?"))
    assert load_policy().referral_for(response) is None


def test_capability_referral_is_kept_when_policy_has_none() -> None:
    response = CapabilityResponse(route="general", text="t", referral=Referral(needed=True, to="specialist"))
    assert load_policy().referral_for(response) == Referral(needed=True, to="specialist")


def test_referral_rule_carries_reason_and_source() -> None:
    rule = load_policy().referral_rule_for(triage("emergency"))
    assert rule is not None and rule.id == "emergency_level" and rule.source


@pytest.mark.parametrize(
    ("reason", "priority", "review"),
    [
        ("red_flag", "high", False),
        ("self_harm", "high", False),
        ("critical_value", "high", False),
        ("unethical", "normal", True),
        ("injection_repeated", "normal", False),
        ("output_replaced", "normal", False),
        ("something_new", "normal", False),
    ],
)
def test_escalation_for(reason: str, priority: str, review: bool) -> None:
    assert load_policy().escalation_for(reason) == (priority, review)


def test_every_emergency_reason_is_never_held() -> None:
    reasons = load_policy().escalations.reasons
    assert all(not rule.requires_review for rule in reasons.values() if rule.emergency)
    assert reasons["self_harm"].emergency and reasons["red_flag"].emergency


def test_a_policy_that_holds_an_emergency_is_rejected(tmp_path: Path) -> None:
    data = yaml.safe_load(POLICY_PATH.read_text(encoding="utf-8"))
    data["escalations"]["reasons"]["self_harm"]["requires_review"] = True
    path = tmp_path / "policy.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(RuleError, match="never held"):
        load_policy_file(path)


def test_a_policy_rule_without_a_source_is_rejected(tmp_path: Path) -> None:
    data = yaml.safe_load(POLICY_PATH.read_text(encoding="utf-8"))
    del data["referrals"][0]["source"]
    path = tmp_path / "policy.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(RuleError, match="source"):
        load_policy_file(path)
