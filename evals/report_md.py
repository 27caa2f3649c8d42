"""The Markdown summary of a run: gate result, every suite's metrics with 95% intervals, failures, warnings."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from evals.metrics import Metric

if TYPE_CHECKING:
    from evals.runner import RunSummary, SuiteResult

MAX_FAILED_LISTED = 30


def format_value(metric: Metric) -> str:
    if metric.value is None:
        return "n/a"
    if metric.kind == "count":
        return f"{metric.value:g} of {metric.n}"
    if metric.kind == "rate" and metric.count is not None:
        return f"{metric.value:.3f} ({metric.count:g}/{metric.n})"
    text = f"{metric.value:.3f}"
    if metric.std_error is not None:
        text += f" ± {metric.std_error:.3f} (se)"
    return text


def format_interval(metric: Metric) -> str:
    if metric.ci_low is None or metric.ci_high is None:
        return ""
    return f"[{metric.ci_low:.3f}, {metric.ci_high:.3f}]"


def _cell(text: Any) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _suite_section(suite: SuiteResult) -> list[str]:
    lines = [
        f"### {suite.name}",
        "",
        f"{suite.cases} cases, {suite.passed} passed, {suite.errors} errors (scorer {suite.scorer}, {suite.path})",
        "",
        "| metric | value | 95% CI | description |",
        "|---|---|---|---|",
    ]
    for m in suite.metrics:
        arrow = "↑" if m.higher_is_better else "↓"
        lines.append(f"| {m.name} {arrow} | {format_value(m)} | {format_interval(m)} | {_cell(m.description)} |")
    confusion = suite.tables.get("confusion")
    if confusion:
        lines += ["", "Triage confusion (rows: expected, columns: observed):", ""]
        columns = confusion["columns"]
        lines.append("| expected \\ observed | " + " | ".join(columns) + " |")
        lines.append("|---" * (len(columns) + 1) + "|")
        for row in confusion["rows"]:
            lines.append(f"| {row} | " + " | ".join(str(confusion["counts"][row][c]) for c in columns) + " |")
    tags = suite.tables.get("rubric_tags")
    if tags:
        lines += ["", "Rubric sub-scores by tag:", "", "| tag | score | examples |", "|---|---|---|"]
        lines += [f"| {_cell(t)} | {v['score']:.3f} | {v['n']:g} |" for t, v in sorted(tags.items())]
    if suite.tables.get("graders"):
        lines += ["", "Graded by: " + "; ".join(suite.tables["graders"])]
    if suite.failed_cases:
        listed = ", ".join(suite.failed_cases[:MAX_FAILED_LISTED])
        more = len(suite.failed_cases) - MAX_FAILED_LISTED
        lines += ["", f"Failed: {listed}" + (f" and {more} more" if more > 0 else "")]
    return [*lines, ""]


def render_markdown(summary: RunSummary) -> str:
    judge = f"{summary.judge_model} (prompt {summary.grader_prompt})" if summary.judge_model else "none"
    lines = [
        f"# Eval run {summary.run_id}",
        "",
        f"- started {summary.started_at}, took {summary.duration_s:.1f} s; commit {summary.git_commit or 'unknown'}",
        f"- target: {summary.target}; model under test: {summary.model}",
        f"- judge: {judge}",
        "",
    ]
    gate = summary.gate
    if gate is not None:
        verdict = "PASSED" if gate.passed else f"FAILED ({len(gate.failures)} failing)"
        lines += [f"## Gate: {verdict}", "", "| suite | metric | threshold | value | status |", "|---|---|---|---|---|"]
        for c in gate.checks:
            value = "n/a" if c.value is None else f"{c.value:.3f}"
            mark = {"pass": "pass", "fail": "**FAIL**", "no_data": "no data"}[c.status]
            lines.append(f"| {c.suite} | {c.metric} | {c.threshold} | {value} | {mark} |")
        lines.append("")
    lines += ["## Suites", ""]
    for suite in summary.suites.values():
        lines += _suite_section(suite)
    if summary.warnings:
        lines += ["## Warnings", ""] + [f"- {_cell(w)}" for w in summary.warnings] + [""]
    return "\n".join(lines)


def write_markdown(summary: RunSummary, path: Path) -> None:
    path.write_text(render_markdown(summary), encoding="utf-8")
