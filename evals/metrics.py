"""What scorers produce: a score per case and named metrics per suite, each with its interval."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from evals.stats import wilson_interval

MetricKind = Literal["rate", "count", "mean"]


class CaseScore(BaseModel):
    """One case's result: passed or not, a score in [0, 1] (or None when not scored), and what was seen."""

    passed: bool
    score: float | None = None
    details: dict[str, Any] = Field(default_factory=dict)


class Metric(BaseModel):
    """A suite-level number. `value` is None when no case could measure it (e.g. no critical case in the suite)."""

    name: str
    value: float | None
    kind: MetricKind = "rate"
    # For rates: `count` of `n`; for counts: `count` events among `n` cases; for means: `n` values.
    count: float | None = None
    n: int = 0
    ci_low: float | None = None
    ci_high: float | None = None
    std_error: float | None = None
    higher_is_better: bool = True
    description: str = ""


def rate(name: str, successes: int, total: int, description: str = "", higher_is_better: bool = True) -> Metric:
    """A proportion with its Wilson interval (value None when `total` is 0)."""
    interval = wilson_interval(successes, total)
    return Metric(
        name=name,
        value=successes / total if total else None,
        kind="rate",
        count=successes,
        n=total,
        ci_low=interval[0] if interval else None,
        ci_high=interval[1] if interval else None,
        higher_is_better=higher_is_better,
        description=description,
    )


def count(name: str, events: int, cases: int, description: str = "") -> Metric:
    """A number of bad events (lower is better), e.g. under-triaged emergencies."""
    return Metric(
        name=name,
        value=float(events),
        kind="count",
        count=events,
        n=cases,
        higher_is_better=False,
        description=description,
    )


def mean(
    name: str,
    value: float | None,
    n: int,
    interval: tuple[float, float] | None = None,
    description: str = "",
    higher_is_better: bool = True,
    std_error: float | None = None,
) -> Metric:
    return Metric(
        name=name,
        value=value,
        kind="mean",
        n=n,
        ci_low=interval[0] if interval else None,
        ci_high=interval[1] if interval else None,
        std_error=std_error,
        higher_is_better=higher_is_better,
        description=description,
    )


class SuiteScores(BaseModel):
    """A scorer's aggregate over a suite: metrics, plus tables for the report (e.g. a confusion matrix)."""

    metrics: list[Metric] = Field(default_factory=list)
    tables: dict[str, Any] = Field(default_factory=dict)

    def get(self, name: str) -> Metric | None:
        return next((m for m in self.metrics if m.name == name), None)
