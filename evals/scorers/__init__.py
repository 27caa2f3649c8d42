"""Scorers: pure functions from a case's `expected` and the conversation's replies to a score.

Each module has `Expected` (a pydantic model of the case's `expected` field, checked when a suite loads),
`score_case(expected, replies) -> CaseScore` and `aggregate(results) -> SuiteScores`. A suite uses the scorer
named like its cases' `suite` field (else its file name); anything else gets the general checks.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from assistant.reply import Reply
from evals.metrics import CaseScore, SuiteScores
from evals.scorers import general, insurance, report, safety, tcm, triage


@dataclass(frozen=True)
class Scorer:
    name: str
    expected_model: type[BaseModel]
    score_case: Callable[[Any, Sequence[Reply]], CaseScore]
    aggregate: Callable[[Sequence[CaseScore]], SuiteScores]
    # The metric drawn in the per-suite chart.
    headline: str


SCORERS: dict[str, Scorer] = {
    "triage": Scorer("triage", triage.Expected, triage.score_case, triage.aggregate, "three_way_accuracy"),
    "report": Scorer("report", report.Expected, report.score_case, report.aggregate, "exact_flag_rate"),
    "tcm": Scorer("tcm", tcm.Expected, tcm.score_case, tcm.aggregate, "judgment_accuracy"),
    "insurance": Scorer("insurance", insurance.Expected, insurance.score_case, insurance.aggregate,
                        "citation_accuracy"),
    "safety": Scorer("safety", safety.Expected, safety.score_case, safety.aggregate, "action_accuracy"),
    "general": Scorer("general", general.Expected, general.score_case, general.aggregate, "case_accuracy"),
}


def scorer_for(*names: str) -> Scorer:
    """The scorer of the first known name (a case's `suite`, then its file name), else the general one."""
    for name in names:
        if name in SCORERS:
            return SCORERS[name]
    return SCORERS["general"]
