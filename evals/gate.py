"""The release gate: thresholds per suite and metric (evals/gate.yaml) checked against a run's metrics."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, Field, model_validator

from evals.metrics import Metric

GATE_FILE = Path(__file__).resolve().parent / "gate.yaml"


class Threshold(BaseModel):
    min: float | None = None
    max: float | None = None
    why: str = ""

    @model_validator(mode="after")
    def _one_bound(self) -> Threshold:
        if self.min is None and self.max is None:
            raise ValueError("a threshold needs `min` or `max`")
        return self

    def describe(self) -> str:
        parts = []
        if self.min is not None:
            parts.append(f">= {self.min:g}")
        if self.max is not None:
            parts.append(f"<= {self.max:g}")
        return " and ".join(parts)

    def holds(self, value: float) -> bool:
        # A tiny tolerance: rates like 49/50 are floats, thresholds are written as decimals.
        eps = 1e-9
        return (self.min is None or value >= self.min - eps) and (self.max is None or value <= self.max + eps)


class GateFile(BaseModel):
    version: int
    defaults: dict[str, Threshold] = Field(default_factory=dict)
    suites: dict[str, dict[str, Threshold]] = Field(default_factory=dict)


GateStatus = Literal["pass", "fail", "no_data"]


class GateCheck(BaseModel):
    suite: str
    metric: str
    threshold: str
    value: float | None
    status: GateStatus
    why: str = ""


class GateReport(BaseModel):
    checks: list[GateCheck] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    @property
    def passed(self) -> bool:
        return all(c.status != "fail" for c in self.checks)

    @property
    def failures(self) -> list[GateCheck]:
        return [c for c in self.checks if c.status == "fail"]


def load_gate(path: Path = GATE_FILE) -> GateFile:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ValueError(f"gate file {path} cannot be read: {error}") from error
    return GateFile.model_validate(raw)


def evaluate_gate(
    gate: GateFile,
    metrics_by_suite: Mapping[str, Iterable[Metric]],
    selected: Iterable[str],
    existing: Iterable[str],
) -> GateReport:
    """Check every threshold of the suites that ran. `selected` are the suites asked for in this run and
    `existing` the suite files found; a gated suite with no file yet is skipped with a warning."""
    report = GateReport()
    selected_set, existing_set = set(selected), set(existing)
    for suite in sorted(gate.suites):
        if suite not in existing_set:
            report.warnings.append(f"gate: suite {suite!r} has no file yet; its thresholds are skipped")
    for suite, metrics in sorted(metrics_by_suite.items()):
        if suite not in selected_set:
            continue
        by_name = {m.name: m for m in metrics}
        thresholds = {**gate.defaults, **gate.suites.get(suite, {})}
        for name, threshold in thresholds.items():
            metric = by_name.get(name)
            value = metric.value if metric is not None else None
            if value is None:
                status: GateStatus = "no_data"
                if name not in gate.defaults:
                    report.warnings.append(f"gate: {suite}.{name} has no data in this run")
            else:
                status = "pass" if threshold.holds(value) else "fail"
            report.checks.append(GateCheck(suite=suite, metric=name, threshold=threshold.describe(), value=value,
                                           status=status, why=threshold.why))
    return report
