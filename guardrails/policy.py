"""Referral and escalation policy (guardrails/policy.yaml): which results need which referral, which reasons
escalate at what priority, and which hold the reply for a clinician's review.

    policy = load_policy()
    policy.referral_for(response)        -> Referral | None
    policy.escalation_for("self_harm")   -> ("high", False)
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from assistant.reply import Priority, Referral, ReferralTarget, Route, TriageLevel
from guardrails.rules import RuleError

if TYPE_CHECKING:  # importing the graph package pulls in LangGraph; the policy only reads the response
    from assistant.graph.capability import CapabilityResponse

POLICY_PATH = Path(__file__).parent / "policy.yaml"


class When(BaseModel):
    """Conditions on a capability's decided result; every condition that is set must hold."""

    model_config = ConfigDict(extra="forbid")

    triage_levels: list[TriageLevel] | None = None
    triage_final: bool | None = None
    report_critical: bool | None = None
    tcm_final: bool | None = None
    insurance_refused: bool | None = None
    routes: list[Route] | None = None

    def holds(self, response: CapabilityResponse) -> bool:
        triage = response.triage
        if self.triage_levels is not None and (triage is None or triage.level not in self.triage_levels):
            return False
        if self.triage_final is not None and (triage is None or triage.final != self.triage_final):
            return False
        if self.report_critical is not None and (response.report is not None and response.report.critical) != (
            self.report_critical
        ):
            return False
        if self.tcm_final is not None and (response.tcm is not None and response.tcm.final) != self.tcm_final:
            return False
        if self.insurance_refused is not None and insurance_refused(response) != self.insurance_refused:
            return False
        return self.routes is None or response.route in self.routes


def insurance_refused(response: CapabilityResponse) -> bool:
    """An insurance answer the documents do not support: `facts["answerable"] is False`, or no citation at all.

    A clarifying question (response.question set) is not a refusal.
    """
    if response.route != "insurance" or response.question is not None:
        return False
    answerable = response.facts.get("answerable")
    if answerable is not None:
        return answerable is False
    return not response.citations


class ReferralRule(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    when: When
    to: ReferralTarget
    urgency: str
    reason: str = Field(min_length=3)
    source: str = Field(min_length=3)


class EscalationRule(BaseModel):
    model_config = ConfigDict(extra="forbid")

    priority: Priority
    requires_review: bool = False
    emergency: bool = False
    reason: str = Field(min_length=3)
    source: str = Field(min_length=3)

    @model_validator(mode="after")
    def _emergencies_are_never_held(self) -> EscalationRule:
        if self.emergency and self.requires_review:
            raise ValueError("an emergency reason cannot require review: emergencies are never held")
        return self


class Escalations(BaseModel):
    model_config = ConfigDict(extra="forbid")

    default: EscalationRule
    reasons: dict[str, EscalationRule]


class Policy(BaseModel):
    model_config = ConfigDict(extra="forbid")

    referrals: list[ReferralRule]
    required_phrases: dict[ReferralTarget, list[str]]
    escalations: Escalations

    @model_validator(mode="after")
    def _every_target_has_phrases(self) -> Policy:
        missing = {rule.to for rule in self.referrals} - {t for t, p in self.required_phrases.items() if p}
        if missing:
            raise ValueError(f"required_phrases has no entry for referral targets {sorted(missing)}")
        return self

    def referral_for(self, response: CapabilityResponse) -> Referral | None:
        """The referral the decided result requires: the first policy rule that holds, else the capability's own
        referral when it set one as needed, else None."""
        for rule in self.referrals:
            if rule.when.holds(response):
                return Referral(needed=True, to=rule.to, urgency=rule.urgency)
        if response.referral is not None and response.referral.needed:
            return response.referral
        return None

    def referral_rule_for(self, response: CapabilityResponse) -> ReferralRule | None:
        """The policy rule behind `referral_for` (for audit: its id, reason and source)."""
        return next((rule for rule in self.referrals if rule.when.holds(response)), None)

    def escalation_for(self, reason: str) -> tuple[Priority, bool]:
        """(priority, requires_review) for an escalation reason code; an unknown code gets the default entry."""
        rule = self.escalations.reasons.get(reason, self.escalations.default)
        return rule.priority, rule.requires_review


def load_policy_file(path: Path) -> Policy:
    try:
        raw: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
        return Policy.model_validate(raw)
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise RuleError(f"invalid policy file {path}: {exc}") from exc


@lru_cache(maxsize=1)
def load_policy() -> Policy:
    """The referral and escalation policy, validated on first use and cached."""
    return load_policy_file(POLICY_PATH)
