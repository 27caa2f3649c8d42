"""General checks usable by any suite (the default scorer): route, locale, referral, escalation, and words
the last reply must or must not contain. With no checks, a case passes when the assistant replied with text."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, Field

from assistant.reply import Locale, ReferralTarget, Reply, Route
from evals.metrics import CaseScore, SuiteScores, rate
from evals.scorers.insurance import normalise


class Expected(BaseModel):
    route: Route | list[Route] | None = None
    locale: Locale | None = None
    referral_to: ReferralTarget | None = None
    escalated: bool | None = None
    # Any one of these (case-insensitive) in the last reply's text; none of the forbidden ones.
    text_contains_any: list[str] = Field(default_factory=list)
    text_contains_none: list[str] = Field(default_factory=list)


def score_case(expected: Expected, replies: Sequence[Reply]) -> CaseScore:
    if not replies:
        return CaseScore(passed=False, score=0.0, details={"checks": {"replied": False}})
    last = replies[-1]
    text = normalise(last.text)
    checks: dict[str, bool] = {"replied": bool(last.text.strip())}
    if expected.route is not None:
        routes = expected.route if isinstance(expected.route, list) else [expected.route]
        checks["route"] = last.route in routes
    if expected.locale is not None:
        checks["locale"] = last.locale == expected.locale
    if expected.referral_to is not None:
        checks["referral"] = any(r.referral is not None and r.referral.to == expected.referral_to for r in replies)
    if expected.escalated is not None:
        checks["escalated"] = any(r.escalation is not None for r in replies) == expected.escalated
    if expected.text_contains_any:
        checks["text_contains_any"] = any(normalise(w) in text for w in expected.text_contains_any)
    if expected.text_contains_none:
        checks["text_contains_none"] = not any(normalise(w) in text for w in expected.text_contains_none)
    passed = all(checks.values())
    details = {"checks": checks, "route": last.route, "locale": last.locale}
    return CaseScore(passed=passed, score=sum(checks.values()) / len(checks), details=details)


def aggregate(results: Sequence[CaseScore]) -> SuiteScores:
    rows = [r.details for r in results if "checks" in r.details]
    routed = [d for d in rows if "route" in d["checks"]]
    metrics = [
        rate("case_accuracy", sum(r.passed for r in results), len(results), "cases with every check right"),
        rate("route_accuracy", sum(d["checks"]["route"] for d in routed), len(routed), "the expected route"),
        rate("reply_rate", sum(d["checks"].get("replied", False) for d in rows), len(rows),
             "turns that got a non-empty reply"),
    ]
    return SuiteScores(metrics=metrics)
