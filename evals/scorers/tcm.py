"""TCM constitution scoring: the primary type, the yes / tendency / no judgment per type, and the scores.

The keys (type names, judgment words) are whatever the capability defines; we compare them as given, after
trimming and lower-casing, and read them from `reply.tcm.result` ("primary", "judgments") and `reply.tcm.scores`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, Field

from assistant.reply import Reply
from evals.metrics import CaseScore, SuiteScores, rate

# Converted scores are 0-100; a difference under this counts as the same score (rounding in the display).
SCORE_TOLERANCE = 0.5


class Expected(BaseModel):
    primary: str | None = None
    judgments: dict[str, str] = Field(default_factory=dict)
    scores: dict[str, float] = Field(default_factory=dict)


def _norm(value: Any) -> str:
    return str(value).strip().lower()


def observed_result(replies: Sequence[Reply]) -> tuple[dict[str, Any], dict[str, float], bool]:
    """The result and scores of the last reply that had TCM output (prefer a final one)."""
    with_tcm = [r.tcm for r in replies if r.tcm is not None]
    if not with_tcm:
        return {}, {}, False
    chosen = next((t for t in reversed(with_tcm) if t.final), with_tcm[-1])
    return chosen.result, chosen.scores, chosen.final


def score_case(expected: Expected, replies: Sequence[Reply]) -> CaseScore:
    result, scores, final = observed_result(replies)
    raw_judgments = result.get("judgments") or {}
    judgments = {_norm(k): _norm(v) for k, v in raw_judgments.items()} if isinstance(raw_judgments, dict) else {}
    judgment_rows = []
    for key, want in expected.judgments.items():
        got = judgments.get(_norm(key))
        judgment_rows.append({"type": key, "expected": want, "observed": got, "correct": got == _norm(want)})
    score_rows = []
    for key, want_score in expected.scores.items():
        got_score = scores.get(key)
        ok = got_score is not None and abs(got_score - want_score) <= SCORE_TOLERANCE
        score_rows.append({"type": key, "expected": want_score, "observed": got_score, "correct": ok})
    primary_seen = result.get("primary")
    primary_ok = None if expected.primary is None else _norm(primary_seen or "") == _norm(expected.primary)
    checks: list[bool] = [bool(r["correct"]) for r in judgment_rows] + [bool(r["correct"]) for r in score_rows]
    if primary_ok is not None:
        checks.append(primary_ok)
    passed = bool(checks) and all(checks)
    details = {
        "final": final,
        "primary_expected": expected.primary,
        "primary_observed": primary_seen,
        "primary_correct": primary_ok,
        "judgments": judgment_rows,
        "scores": score_rows,
    }
    return CaseScore(passed=passed, score=sum(checks) / len(checks) if checks else 0.0, details=details)


def aggregate(results: Sequence[CaseScore]) -> SuiteScores:
    rows = [r.details for r in results if "judgments" in r.details]
    judgments = [j for d in rows for j in d["judgments"]]
    scores = [s for d in rows for s in d["scores"]]
    primaries = [d for d in rows if d["primary_correct"] is not None]
    metrics = [
        rate("judgment_accuracy", sum(j["correct"] for j in judgments), len(judgments),
             "constitution types judged yes / tendency / no as expected"),
        rate("primary_accuracy", sum(bool(d["primary_correct"]) for d in primaries), len(primaries),
             "the primary constitution type"),
        rate("score_accuracy", sum(s["correct"] for s in scores), len(scores),
             f"converted scores within {SCORE_TOLERANCE} of the expected"),
        rate("case_accuracy", sum(r.passed for r in results), len(results), "cases with every check right"),
        rate("completion_rate", sum(bool(d["final"]) for d in rows), len(rows), "questionnaires that finished"),
    ]
    return SuiteScores(metrics=metrics)
