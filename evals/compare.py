"""Compare two runs: metrics that got worse, cases that passed before and fail now, gate checks newly failing."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, Field

from evals.runner import RunSummary


class MetricChange(BaseModel):
    suite: str
    metric: str
    before: float
    after: float

    @property
    def delta(self) -> float:
        return self.after - self.before


class Comparison(BaseModel):
    run_a: str
    run_b: str
    metric_regressions: list[MetricChange] = Field(default_factory=list)
    metric_improvements: list[MetricChange] = Field(default_factory=list)
    case_regressions: list[str] = Field(default_factory=list)  # "suite/case_id"
    case_fixes: list[str] = Field(default_factory=list)
    gate_regressions: list[str] = Field(default_factory=list)
    missing_suites: list[str] = Field(default_factory=list)

    @property
    def has_regressions(self) -> bool:
        return bool(self.metric_regressions or self.case_regressions or self.gate_regressions)


def load_run(path: Path) -> tuple[RunSummary, dict[str, bool | None]]:
    """A run's summary and the pass/fail of every case ("suite/case_id"), from its folder or summary.json."""
    folder = path if path.is_dir() else path.parent
    summary_file = folder / "summary.json"
    if not summary_file.is_file():
        raise FileNotFoundError(f"{path} is not an eval run folder (no summary.json)")
    summary = RunSummary.model_validate_json(summary_file.read_text(encoding="utf-8"))
    outcomes: dict[str, bool | None] = {}
    for case_file in sorted((folder / "cases").glob("*/*.json")):
        data = json.loads(case_file.read_text(encoding="utf-8"))
        outcomes[f"{data['suite']}/{data['case_id']}"] = data.get("passed")
    return summary, outcomes


def compare_runs(
    a: RunSummary, b: RunSummary, cases_a: dict[str, bool | None], cases_b: dict[str, bool | None],
    tolerance: float = 0.0,
) -> Comparison:
    """Regressions of B against A. A metric regresses when it moves the wrong way by more than `tolerance`."""
    result = Comparison(run_a=a.run_id, run_b=b.run_id)
    for name, suite_a in a.suites.items():
        suite_b = b.suites.get(name)
        if suite_b is None:
            result.missing_suites.append(name)
            continue
        after = {m.name: m for m in suite_b.metrics}
        for metric in suite_a.metrics:
            other = after.get(metric.name)
            if metric.value is None or other is None or other.value is None:
                continue
            change = MetricChange(suite=name, metric=metric.name, before=metric.value, after=other.value)
            worse = -change.delta if metric.higher_is_better else change.delta
            if worse > tolerance:
                result.metric_regressions.append(change)
            elif worse < -tolerance:
                result.metric_improvements.append(change)
    for key, passed_a in sorted(cases_a.items()):
        passed_b = cases_b.get(key)
        if passed_a is True and passed_b is False:
            result.case_regressions.append(key)
        elif passed_a is False and passed_b is True:
            result.case_fixes.append(key)
    if a.gate is not None and b.gate is not None:
        passing_a = {(c.suite, c.metric) for c in a.gate.checks if c.status == "pass"}
        result.gate_regressions = [f"{c.suite}.{c.metric} ({c.threshold})" for c in b.gate.failures
                                   if (c.suite, c.metric) in passing_a]
    return result


def render_comparison(comparison: Comparison) -> str:
    lines = [f"Comparing {comparison.run_a} (A) -> {comparison.run_b} (B)"]

    def section(title: str, items: list[str]) -> None:
        lines.append(f"\n{title}: {len(items)}")
        lines.extend(f"  - {item}" for item in items)

    section("Gate checks newly failing", comparison.gate_regressions)
    section("Metrics worse", [f"{c.suite}.{c.metric}: {c.before:.3f} -> {c.after:.3f} ({c.delta:+.3f})"
                              for c in comparison.metric_regressions])
    section("Cases that passed in A and fail in B", comparison.case_regressions)
    section("Metrics better", [f"{c.suite}.{c.metric}: {c.before:.3f} -> {c.after:.3f} ({c.delta:+.3f})"
                               for c in comparison.metric_improvements])
    section("Cases fixed", comparison.case_fixes)
    if comparison.missing_suites:
        section("Suites in A but not in B", comparison.missing_suites)
    lines.append("\nREGRESSIONS FOUND" if comparison.has_regressions else "\nNo regressions.")
    return "\n".join(lines)
