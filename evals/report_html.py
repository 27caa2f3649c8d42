"""A self-contained HTML report of a run: gate, per-suite score chart with 95% intervals, the triage confusion
matrix, score distributions and per-suite metric tables. Charts are inline SVG: no scripts, no downloads."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evals.cases import safe_file_name
from evals.report_md import format_interval, format_value
from evals.scorers.triage import THREE_WAY

if TYPE_CHECKING:
    from evals.runner import RunSummary, SuiteResult

STYLE = """
body{font-family:system-ui,-apple-system,"Noto Sans SC",sans-serif;margin:2rem;color:#222;max-width:70rem}
table{border-collapse:collapse;margin:.5rem 0 1rem}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}
th{background:#f3f3f3}.pass{color:#176f2c}.fail{color:#b00020;font-weight:bold}.nodata{color:#777}
.muted{color:#666;font-size:.9em}svg text{font-size:12px;font-family:inherit}
"""
BAR_COLOR = "#3b6fb6"
HIST_BINS = 10


def _bar_chart(summary: RunSummary) -> str:
    """One bar per suite: its headline metric, with the 95% interval as a whisker."""
    rows = []
    for suite in summary.suites.values():
        metric = next((m for m in suite.metrics if m.name == suite.headline), None)
        if metric is not None and metric.value is not None:
            rows.append((suite.name, metric.name, metric.value, metric.ci_low, metric.ci_high))
    if not rows:
        return "<p class=muted>No suite has a headline score.</p>"
    label_w, plot_w, row_h = 260, 420, 28
    height = row_h * len(rows) + 30
    parts = [f'<svg width="{label_w + plot_w + 60}" height="{height}" role="img" aria-label="per-suite scores">']
    for tick in (0, 0.25, 0.5, 0.75, 1.0):
        x = label_w + tick * plot_w
        parts.append(f'<line x1="{x}" y1="0" x2="{x}" y2="{height - 20}" stroke="#ddd"/>')
        parts.append(f'<text x="{x}" y="{height - 5}" text-anchor="middle">{tick:g}</text>')
    for i, (suite_name, name, value, low, high) in enumerate(rows):
        y = i * row_h + 4
        label = f"{escape(suite_name)} · {escape(name)}"
        parts.append(f'<text x="{label_w - 8}" y="{y + 15}" text-anchor="end">{label}</text>')
        width = max(0.0, min(1.0, value)) * plot_w
        parts.append(f'<rect x="{label_w}" y="{y}" width="{width:.1f}" height="{row_h - 10}" fill="{BAR_COLOR}"/>')
        if low is not None and high is not None:
            mid = y + (row_h - 10) / 2
            x1, x2 = label_w + low * plot_w, label_w + high * plot_w
            parts.append(f'<line x1="{x1:.1f}" y1="{mid}" x2="{x2:.1f}" y2="{mid}" stroke="#111" stroke-width="1.5"/>')
        label_x = label_w + max(value, high if high is not None else 0.0) * plot_w + 6
        parts.append(f'<text x="{label_x:.1f}" y="{y + 14}">{value:.3f}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _histogram(scores: list[float]) -> str:
    """Case scores in [0, 1] binned into tenths."""
    counts = [0] * HIST_BINS
    for score in scores:
        counts[min(HIST_BINS - 1, max(0, int(score * HIST_BINS)))] += 1
    peak = max(counts) or 1
    bar_w, plot_h = 22, 80
    parts = [f'<svg width="{bar_w * HIST_BINS + 40}" height="{plot_h + 34}" role="img" aria-label="score histogram">']
    for i, n in enumerate(counts):
        h = n / peak * plot_h
        x = 20 + i * bar_w
        parts.append(f'<rect x="{x}" y="{plot_h - h + 12:.1f}" width="{bar_w - 2}" height="{h:.1f}" fill="{BAR_COLOR}">'
                     f"<title>{i / HIST_BINS:.1f}–{(i + 1) / HIST_BINS:.1f}: {n}</title></rect>")
        if n:
            parts.append(f'<text x="{x + bar_w / 2 - 1}" y="{plot_h - h + 9:.1f}" text-anchor="middle">{n}</text>')
    parts.append(f'<text x="20" y="{plot_h + 28}">0</text>')
    parts.append(f'<text x="{20 + HIST_BINS * bar_w}" y="{plot_h + 28}" text-anchor="end">1</text>')
    parts.append("</svg>")
    return "".join(parts)


def _confusion(confusion: dict[str, Any]) -> str:
    columns, counts = confusion["columns"], confusion["counts"]
    peak = max((counts[r][c] for r in confusion["rows"] for c in columns), default=0) or 1
    head = "".join(f"<th>{escape(c)}</th>" for c in columns)
    body = []
    for row in confusion["rows"]:
        cells = []
        for column in columns:
            n = counts[row][column]
            # Green on the diagonal, amber within the same three-way class, red across classes; darker with more.
            hue = 130 if row == column else 45 if THREE_WAY.get(row) == THREE_WAY.get(column) else 0
            shade = 100 - int(45 * n / peak) if n else 100
            cells.append(f'<td style="background:hsl({hue},60%,{shade}%);text-align:center">{n}</td>')
        body.append(f"<tr><th>{escape(row)}</th>{''.join(cells)}</tr>")
    return f"<table><tr><th>expected \\ observed</th>{head}</tr>{''.join(body)}</table>"


def _suite_html(suite: SuiteResult) -> str:
    rows = "".join(
        f"<tr><td>{escape(m.name)} {'↑' if m.higher_is_better else '↓'}</td><td>{escape(format_value(m))}</td>"
        f"<td>{escape(format_interval(m))}</td><td class=muted>{escape(m.description)}</td></tr>"
        for m in suite.metrics
    )
    parts = [
        f"<h3 id='suite-{escape(suite.name)}'>{escape(suite.name)}</h3>",
        f"<p class=muted>{suite.cases} cases, {suite.passed} passed, {suite.errors} errors · scorer {suite.scorer}</p>",
        f"<table><tr><th>metric</th><th>value</th><th>95% CI</th><th>what</th></tr>{rows}</table>",
    ]
    if suite.tables.get("confusion"):
        parts += ["<h4>Triage confusion matrix</h4>", _confusion(suite.tables["confusion"])]
    if suite.tables.get("rubric_tags"):
        tag_rows = "".join(f"<tr><td>{escape(t)}</td><td>{v['score']:.3f}</td><td>{v['n']:g}</td></tr>"
                           for t, v in sorted(suite.tables["rubric_tags"].items()))
        parts += ["<h4>Rubric sub-scores</h4>",
                  f"<table><tr><th>tag</th><th>score</th><th>n</th></tr>{tag_rows}</table>"]
    if suite.scores:
        parts += ["<h4>Case score distribution</h4>", _histogram(suite.scores)]
    if suite.failed_cases:
        links = ", ".join(f"<a href='cases/{safe_file_name(suite.name)}/{safe_file_name(c)}.json'>{escape(c)}</a>"
                          for c in suite.failed_cases)
        parts.append(f"<p><b>Failed:</b> {links}</p>")
    return "".join(parts)


def _gate_html(summary: RunSummary) -> str:
    gate = summary.gate
    if gate is None:
        return ""
    verdict = "<span class=pass>PASSED</span>" if gate.passed else "<span class=fail>FAILED</span>"
    rows = "".join(
        f"<tr><td>{escape(c.suite)}</td><td>{escape(c.metric)}</td><td>{escape(c.threshold)}</td>"
        f"<td>{'n/a' if c.value is None else f'{c.value:.3f}'}</td>"
        f"<td class={'nodata' if c.status == 'no_data' else c.status}>{c.status}</td></tr>"
        for c in gate.checks
    )
    return (f"<h2>Gate: {verdict}</h2><table><tr><th>suite</th><th>metric</th><th>threshold</th><th>value</th>"
            f"<th>status</th></tr>{rows}</table>")


def render_html(summary: RunSummary) -> str:
    judge = f"{summary.judge_model} (prompt {summary.grader_prompt})" if summary.judge_model else "none"
    meta = (f"started {escape(summary.started_at)}, {summary.duration_s:.1f} s · commit "
            f"{escape(summary.git_commit or 'unknown')} · target {escape(summary.target)} · model "
            f"{escape(summary.model)} · judge {escape(judge)}")
    warnings = "".join(f"<li>{escape(w)}</li>" for w in summary.warnings)
    return "".join([
        f"<!doctype html><html lang=en><head><meta charset=utf-8><title>Eval run {escape(summary.run_id)}</title>",
        f"<style>{STYLE}</style></head><body><h1>Eval run {escape(summary.run_id)}</h1><p class=muted>{meta}</p>",
        _gate_html(summary),
        "<h2>Scores by suite</h2><p class=muted>Headline metric per suite; the line is the 95% interval.</p>",
        _bar_chart(summary),
        "<h2>Suites</h2>",
        "".join(_suite_html(s) for s in summary.suites.values()),
        f"<h2>Warnings</h2><ul>{warnings}</ul>" if warnings else "",
        "</body></html>",
    ])


def write_html(summary: RunSummary, path: Path) -> None:
    path.write_text(render_html(summary), encoding="utf-8")
