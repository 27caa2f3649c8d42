"""The eval run: load suites, drive every case (concurrently) in-process or over HTTP, score, grade rubrics,
check the gate and write the run folder (per-case JSON, summary.json, summary.md, report.html)."""

from __future__ import annotations

import asyncio
import contextlib
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field
from tqdm import tqdm

from evals.cases import (
    SUITES_DIR,
    Case,
    Suite,
    SuiteFormatError,
    available_suites,
    load_suite_file,
    resolve_suite,
    safe_file_name,
)
from evals.driver import Transcript, run_conversation
from evals.gate import GATE_FILE, GateReport, evaluate_gate, load_gate
from evals.healthbench import JudgeClient, RubricResult, aggregate_rubrics, grade_case, judge_client, load_grader_prompt
from evals.metrics import CaseScore, Metric, rate
from evals.setup_hooks import run_setup
from evals.targets import Target, open_http, open_in_process

RUNS_DIR = Path(__file__).resolve().parent / "runs"
MAX_DEFAULT_WORKERS = 4


class RunOptions(BaseModel):
    suites: list[str] = Field(default_factory=list)  # names or JSONL paths; empty = every suite file
    model: str = "offline"
    judge_model: str | None = None
    judge_api_base: str | None = None
    judge_api_key: str | None = None
    base_url: str | None = None
    token: str | None = None
    # Conversations at once. None: 8 over HTTP or with a model (waiting on I/O), 1 in-process offline, where
    # turns are CPU-bound and concurrent writers only contend for the SQLite file.
    concurrency: int | None = None
    # Worker processes for in-process runs, each with its own assistant and database. None: one per core
    # (at most MAX_DEFAULT_WORKERS) offline, else 1.
    workers: int | None = None
    out_dir: Path | None = None
    gate_file: Path = GATE_FILE
    suites_dir: Path = SUITES_DIR
    limit: int | None = None  # at most this many cases per suite (quick smoke runs)
    case_timeout_s: float = 120.0
    progress: bool = True


class CaseRecord(BaseModel):
    suite: str
    case_id: str
    locale: str | None = None
    tags: list[str] = Field(default_factory=list)
    expected: dict[str, Any] = Field(default_factory=dict)
    passed: bool | None = None  # None: only rubric-graded
    score: float | None = None
    details: dict[str, Any] = Field(default_factory=dict)
    error: str | None = None
    duration_s: float = 0.0
    transcript: Transcript = Field(default_factory=Transcript)
    rubric: RubricResult | None = None


class SuiteResult(BaseModel):
    name: str
    path: str
    scorer: str
    cases: int = 0
    passed: int = 0
    errors: int = 0
    metrics: list[Metric] = Field(default_factory=list)
    tables: dict[str, Any] = Field(default_factory=dict)
    scores: list[float] = Field(default_factory=list)  # per-case scores, for the distribution chart
    failed_cases: list[str] = Field(default_factory=list)
    headline: str = "case_accuracy"


class RunSummary(BaseModel):
    run_id: str
    started_at: str
    finished_at: str = ""
    duration_s: float = 0.0
    target: str = ""
    model: str = "offline"
    judge_model: str | None = None
    grader_prompt: str | None = None
    git_commit: str | None = None
    suites: dict[str, SuiteResult] = Field(default_factory=dict)
    warnings: list[str] = Field(default_factory=list)
    gate: GateReport | None = None
    out_dir: str = ""


def _git_commit() -> str | None:
    try:
        done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, timeout=5,
                              cwd=Path(__file__).resolve().parent)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() or None


def _waits_on_io(options: RunOptions) -> bool:
    return bool(options.base_url or options.model != "offline" or options.judge_model)


def resolve_concurrency(options: RunOptions) -> int:
    if options.concurrency is not None:
        return options.concurrency
    return 8 if _waits_on_io(options) else 1


def resolve_workers(options: RunOptions) -> int:
    """Processes for in-process runs: offline turns are CPU-bound, so one process (and database) per core."""
    if options.workers is not None:
        return max(1, options.workers)
    return 1 if _waits_on_io(options) else max(1, min(os.cpu_count() or 1, MAX_DEFAULT_WORKERS))


def load_suites(options: RunOptions) -> tuple[list[Suite], list[str]]:
    """The suites asked for (all files when none named); a missing one is a warning, a malformed one an error."""
    names = options.suites or available_suites(options.suites_dir)
    suites, warnings = [], []
    for name in names:
        path = resolve_suite(name, options.suites_dir)
        if path is None:
            warnings.append(f"suite {name!r} not found (no {options.suites_dir / (name + '.jsonl')}); skipped")
            continue
        suite = load_suite_file(path)
        if options.limit is not None:
            suite.cases = suite.cases[: options.limit]
        if not suite.cases:
            warnings.append(f"suite {suite.name!r} has no cases; skipped")
            continue
        if not suite.has_expectations and options.judge_model is None:
            warnings.append(f"suite {suite.name!r} is graded by rubric only and needs --judge-model; skipped")
            continue
        suites.append(suite)
    return suites, warnings


@contextlib.asynccontextmanager
async def prepared_work_dir(suites: list[Suite], warnings: list[str]) -> AsyncIterator[tuple[Path, Path]]:
    """A throw-away folder and the data folder in it, after the suites' setup hooks ran on it."""
    # On Linux keep it in memory-backed /dev/shm, where the database's commits cost no disk sync.
    shm = Path("/dev/shm")
    with tempfile.TemporaryDirectory(prefix="evals-", dir=shm if shm.is_dir() else None) as tmp:
        work_dir = Path(tmp)
        data_dir = work_dir / "data"
        data_dir.mkdir()
        warnings.extend(await run_setup([s.name for s in suites], data_dir))
        yield work_dir, data_dir


@contextlib.asynccontextmanager
async def open_target(options: RunOptions, suites: list[Suite], warnings: list[str]) -> AsyncIterator[Target]:
    if options.base_url:
        async with open_http(options.base_url, options.token) as target:
            yield target
        return
    async with prepared_work_dir(suites, warnings) as (work_dir, data_dir), \
            open_in_process(options.model, work_dir, data_dir) as target:
        yield target


async def run_case(
    target: Target, suite: Suite, case: Case, options: RunOptions, judge: JudgeClient | None
) -> CaseRecord:
    started = time.perf_counter()
    record = CaseRecord(suite=suite.name, case_id=case.id, locale=case.locale, tags=case.tags, expected=case.expected)
    try:
        await asyncio.wait_for(
            run_conversation(target, case, options.suites_dir, record.transcript), timeout=options.case_timeout_s
        )
    except TimeoutError:
        record.transcript.error = f"timed out after {options.case_timeout_s:g} s"
    record.error = record.transcript.error
    replies = record.transcript.replies
    if case.expected or not case.rubrics:
        scorer = suite.scorer
        score: CaseScore = scorer.score_case(scorer.expected_model.model_validate(case.expected), replies)
        record.passed, record.score, record.details = score.passed, score.score, score.details
        if record.error:
            record.passed = False
    if case.rubrics and judge is not None and options.judge_model and replies:
        exchanges = [(t.text or t.choice or "", t.reply.text) for t in record.transcript.turns if t.reply]
        record.rubric = await grade_case(judge, options.judge_model, case, exchanges)
        if record.score is None:
            record.score = record.rubric.score
    record.duration_s = time.perf_counter() - started
    return record


def summarise_suite(suite: Suite, records: list[CaseRecord]) -> SuiteResult:
    scorer = suite.scorer
    scored = [r for r in records if r.passed is not None]
    result = SuiteResult(name=suite.name, path=str(suite.path), scorer=scorer.name, cases=len(records),
                         passed=sum(bool(r.passed) for r in scored), errors=sum(r.error is not None for r in records),
                         headline=scorer.headline)
    if scored:
        aggregate = scorer.aggregate(
            [CaseScore(passed=bool(r.passed), score=r.score, details=r.details) for r in scored]
        )
        result.metrics.extend(aggregate.metrics)
        result.tables.update(aggregate.tables)
    graded = [(r.tags, r.rubric) for r in records if r.rubric is not None]
    if graded:
        rubric = aggregate_rubrics(graded)
        result.metrics.extend(rubric.metrics)
        result.tables.update(rubric.tables)
        if not scored:
            result.headline = "rubric_score"
    result.metrics.append(rate("pass_rate", result.passed, len(scored), "cases that passed every check"))
    result.metrics.append(rate("error_rate", result.errors, len(records), "cases that crashed or timed out",
                               higher_is_better=False))
    result.scores = [r.score for r in records if r.score is not None]
    result.failed_cases = [r.case_id for r in records if r.passed is False]
    return result


def write_case(out_dir: Path, record: CaseRecord) -> None:
    folder = out_dir / "cases" / safe_file_name(record.suite)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{safe_file_name(record.case_id)}.json").write_text(record.model_dump_json(indent=2), encoding="utf-8")


async def _run_in_loop(
    options: RunOptions, suites: list[Suite], out_dir: Path, warnings: list[str], bar: tqdm,  # type: ignore[type-arg]
    target: Target | None,
) -> tuple[list[CaseRecord], str]:
    """Every case in this event loop, `concurrency` conversations at a time."""
    judge = judge_client(options.judge_model, options.judge_api_base, options.judge_api_key) \
        if options.judge_model else None
    records: list[CaseRecord] = []
    async with contextlib.AsyncExitStack() as stack:
        if target is None:
            target = await stack.enter_async_context(open_target(options, suites, warnings))
        limiter = asyncio.Semaphore(max(1, resolve_concurrency(options)))

        async def one(suite: Suite, case: Case, chosen: Target) -> None:
            async with limiter:
                record = await run_case(chosen, suite, case, options, judge)
            records.append(record)
            write_case(out_dir, record)
            bar.update(1)

        await asyncio.gather(*(one(s, c, target) for s in suites for c in s.cases))
        return records, target.description


async def run_evals(options: RunOptions, target: Target | None = None) -> RunSummary:
    """Run the suites and write the run folder. `target` replaces the in-process/HTTP assistant (tests)."""
    from evals.report_html import write_html
    from evals.report_md import write_markdown

    started = datetime.now(UTC)
    clock = time.perf_counter()
    label = "http" if options.base_url else options.model
    run_id = f"{started.strftime('%Y%m%dT%H%M%S.%fZ')}-{safe_file_name(label)}"
    out_dir = options.out_dir or RUNS_DIR / run_id
    out_dir.mkdir(parents=True, exist_ok=True)
    suites, warnings = load_suites(options)
    gate = load_gate(options.gate_file)
    # Over HTTP the server runs whatever model its operator configured; --model only applies in-process.
    model = f"as configured on {options.base_url}" if options.base_url else options.model
    summary = RunSummary(run_id=run_id, started_at=started.isoformat(timespec="seconds"), model=model,
                         judge_model=options.judge_model, git_commit=_git_commit(), out_dir=str(out_dir),
                         grader_prompt=load_grader_prompt().label if options.judge_model else None)
    total = sum(len(s.cases) for s in suites)
    workers = min(resolve_workers(options), total)
    bar = tqdm(total=total, desc="evals", unit="case", file=sys.stderr, disable=not options.progress or None)
    try:
        if target is None and not options.base_url and workers > 1:
            from evals.parallel import run_in_processes

            all_records, summary.target = await run_in_processes(options, suites, out_dir, warnings, bar, workers)
        else:
            all_records, summary.target = await _run_in_loop(options, suites, out_dir, warnings, bar, target)
    finally:
        bar.close()
    for suite in suites:
        order = {c.id: i for i, c in enumerate(suite.cases)}
        suite_records = sorted((r for r in all_records if r.suite == suite.name), key=lambda r: order[r.case_id])
        summary.suites[suite.name] = summarise_suite(suite, suite_records)
    summary.gate = evaluate_gate(
        gate,
        {name: s.metrics for name, s in summary.suites.items()},
        selected=summary.suites,
        existing=available_suites(options.suites_dir),
    )
    summary.warnings = warnings + summary.gate.warnings
    summary.finished_at = datetime.now(UTC).isoformat(timespec="seconds")
    summary.duration_s = round(time.perf_counter() - clock, 3)
    (out_dir / "summary.json").write_text(summary.model_dump_json(indent=2), encoding="utf-8")
    write_markdown(summary, out_dir / "summary.md")
    write_html(summary, out_dir / "report.html")
    return summary


__all__ = ["RunOptions", "RunSummary", "SuiteFormatError", "run_evals"]
