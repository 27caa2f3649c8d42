"""Lab-report scoring: every listed analyte present with exactly its flag; critical reports always caught."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, Field

from assistant.reply import Flag, Reply
from evals.metrics import CaseScore, SuiteScores, rate

CRITICAL_FLAGS: frozenset[str] = frozenset({"LL", "HH"})


class ExpectedAnalyte(BaseModel):
    code: str
    flag: Flag


class Expected(BaseModel):
    analytes: list[ExpectedAnalyte] = Field(default_factory=list)
    critical: bool | None = None


def observed_flags(replies: Sequence[Reply]) -> tuple[dict[str, str], bool | None]:
    """Flags by upper-cased code over all replies (a later reply wins), and whether any report was critical."""
    flags: dict[str, str] = {}
    critical: bool | None = None
    for reply in replies:
        if reply.report is None:
            continue
        critical = bool(critical) or reply.report.critical
        for analyte in reply.report.analytes:
            flags[analyte.code.strip().upper()] = analyte.flag
    return flags, critical


def score_case(expected: Expected, replies: Sequence[Reply]) -> CaseScore:
    flags, critical = observed_flags(replies)
    analytes = []
    for item in expected.analytes:
        got = flags.get(item.code.strip().upper())
        analytes.append({"code": item.code, "expected": item.flag, "observed": got, "exact": got == item.flag})
    critical_ok = expected.critical is None or bool(critical) == expected.critical
    exact = sum(bool(a["exact"]) for a in analytes)
    passed = exact == len(analytes) and critical_ok and (critical is not None or not expected.analytes)
    details = {
        "analytes": analytes,
        "expected_critical": expected.critical,
        "observed_critical": critical,
        "report_seen": critical is not None,
    }
    score = (exact + critical_ok) / (len(analytes) + 1)
    return CaseScore(passed=passed, score=score, details=details)


def aggregate(results: Sequence[CaseScore]) -> SuiteScores:
    rows = [r.details for r in results if "analytes" in r.details]
    analytes = [a for d in rows for a in d["analytes"]]
    critical_analytes = [a for a in analytes if a["expected"] in CRITICAL_FLAGS]
    critical_cases = [d for d in rows if d["expected_critical"] is True]
    normal_cases = [d for d in rows if d["expected_critical"] is False]
    metrics = [
        rate("exact_flag_rate", sum(a["exact"] for a in analytes), len(analytes),
             "expected analytes reported with exactly the expected flag"),
        rate("case_accuracy", sum(r.passed for r in results), len(results),
             "cases with every flag exact and the critical call right"),
        rate("analyte_found_rate", sum(a["observed"] is not None for a in analytes), len(analytes),
             "expected analytes found in the report at all"),
        rate("critical_recall", sum(bool(d["observed_critical"]) for d in critical_cases), len(critical_cases),
             "critical reports marked critical"),
        rate("critical_flag_recall", sum(a["exact"] for a in critical_analytes), len(critical_analytes),
             "LL/HH analytes flagged exactly"),
        rate("critical_false_alarm_rate", sum(bool(d["observed_critical"]) for d in normal_cases), len(normal_cases),
             "non-critical reports marked critical", higher_is_better=False),
    ]
    return SuiteScores(metrics=metrics)
