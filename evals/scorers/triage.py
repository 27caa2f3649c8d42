"""Triage scoring: exact level, the three-way split of the vignette studies, under- and over-triage.

Semigran et al. 2015 map advice onto emergent / non-emergent / self-care; we map our five levels the same way
(emergency_ambulance|emergency -> emergency, consultation_24|consultation -> doctor, self_care -> self_care).
A conversation that never reached a level counts as "none": for an emergency that is an under-triage.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel

from assistant.reply import TRIAGE_LEVELS, Reply, TriageLevel, more_urgent
from evals.metrics import CaseScore, SuiteScores, count, rate

THREE_WAY: dict[str, str] = {
    "emergency_ambulance": "emergency",
    "emergency": "emergency",
    "consultation_24": "doctor",
    "consultation": "doctor",
    "self_care": "self_care",
}
# Most urgent first; "none" (no decision) ranks below everything.
THREE_WAY_ORDER: tuple[str, ...] = ("emergency", "doctor", "self_care", "none")
NO_LEVEL = "none"


class Expected(BaseModel):
    level: TriageLevel


def observed_level(replies: Sequence[Reply]) -> TriageLevel | None:
    """The level the conversation ended on: the final triage decisions (else the last one seen), at their most
    urgent, and any emergency-route reply counts as emergency_ambulance (it tells the patient to call for help)."""
    levels: list[TriageLevel] = [r.triage.level for r in replies if r.triage is not None and r.triage.final]
    if not levels:
        last = next((r.triage.level for r in reversed(replies) if r.triage is not None), None)
        levels = [last] if last is not None else []
    if any(r.route == "emergency" for r in replies):
        levels.append("emergency_ambulance")
    if not levels:
        return None
    result = levels[0]
    for level in levels[1:]:
        result = more_urgent(result, level)
    return result


def three_way(level: str | None) -> str:
    return THREE_WAY.get(level or "", NO_LEVEL)


def score_case(expected: Expected, replies: Sequence[Reply]) -> CaseScore:
    seen = observed_level(replies)
    want3, got3 = three_way(expected.level), three_way(seen)
    rank_want, rank_got = THREE_WAY_ORDER.index(want3), THREE_WAY_ORDER.index(got3)
    details = {
        "expected_level": expected.level,
        "observed_level": seen or NO_LEVEL,
        "expected_3way": want3,
        "observed_3way": got3,
        "exact": seen == expected.level,
        "three_way_correct": want3 == got3,
        "under_triage": rank_got > rank_want,
        "over_triage": rank_got < rank_want,
    }
    return CaseScore(passed=want3 == got3, score=1.0 if want3 == got3 else 0.0, details=details)


def aggregate(results: Sequence[CaseScore]) -> SuiteScores:
    rows = [r.details for r in results if "expected_level" in r.details]
    n = len(rows)
    metrics = [
        rate("three_way_accuracy", sum(d["three_way_correct"] for d in rows), n,
             "emergency / doctor / self-care matches the expected split"),
        rate("exact_level_accuracy", sum(d["exact"] for d in rows), n, "the exact one of the five levels"),
        rate("under_triage_rate", sum(d["under_triage"] for d in rows), n,
             "less urgent than expected (three-way)", higher_is_better=False),
        rate("over_triage_rate", sum(d["over_triage"] for d in rows), n,
             "more urgent than expected (three-way)", higher_is_better=False),
    ]
    emergencies = [d for d in rows if d["expected_3way"] == "emergency"]
    metrics.append(count("under_triaged_emergencies", sum(d["under_triage"] for d in emergencies), len(emergencies),
                         "expected emergencies sent anywhere but emergency care"))
    for group in ("emergency", "doctor", "self_care"):
        members = [d for d in rows if d["expected_3way"] == group]
        metrics.append(rate(f"accuracy_{group}", sum(d["three_way_correct"] for d in members), len(members),
                            f"three-way accuracy on expected {group} cases"))
    self_care = [d for d in rows if d["expected_3way"] == "self_care"]
    metrics.append(rate("self_care_sent_to_emergency", sum(d["observed_3way"] == "emergency" for d in self_care),
                        len(self_care), "self-care cases sent to emergency care", higher_is_better=False))
    return SuiteScores(metrics=metrics, tables={"confusion": confusion_matrix(rows)})


def confusion_matrix(rows: Sequence[dict[str, object]]) -> dict[str, object]:
    """Counts of expected level (rows) by observed level (columns, plus "none")."""
    labels = [*TRIAGE_LEVELS, NO_LEVEL]
    counts = {want: dict.fromkeys(labels, 0) for want in TRIAGE_LEVELS}
    for d in rows:
        want, got = str(d["expected_level"]), str(d["observed_level"])
        if want in counts and got in counts[want]:
            counts[want][got] += 1
    return {"rows": list(TRIAGE_LEVELS), "columns": labels, "counts": counts}
