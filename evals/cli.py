"""`python -m evals run | compare | list`: the command line of the eval framework."""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from evals.cases import SUITES_DIR, SuiteFormatError, available_suites, load_suite_file
from evals.gate import GATE_FILE
from evals.runner import RunOptions, RunSummary, run_evals


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m evals", description="Eval suites and the release gate.")
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="run suites and write a run folder")
    run.add_argument("--suite", action="append", default=[], metavar="NAME",
                     help="a suite in evals/suites or a path to a JSONL file (HealthBench files as they are); "
                          "repeat for several; default: every suite")
    run.add_argument("--model", default="offline", help="model under test, in-process runs (default: offline)")
    run.add_argument("--judge-model", default=os.environ.get("ASSISTANT_JUDGE_MODEL"),
                     help="LiteLLM model that grades rubric criteria (env ASSISTANT_JUDGE_MODEL)")
    run.add_argument("--judge-api-base", default=os.environ.get("ASSISTANT_JUDGE_API_BASE"))
    run.add_argument("--base-url", help="run against a server over HTTP instead of in-process")
    run.add_argument("--token", default=os.environ.get("ASSISTANT_EVAL_TOKEN"),
                     help="bearer token for --base-url (env ASSISTANT_EVAL_TOKEN)")
    run.add_argument("--concurrency", type=int,
                     help="conversations at once (default: 8 over HTTP or with a model, 1 in-process offline)")
    run.add_argument("--workers", type=int,
                     help="processes for in-process runs (default: one per core, up to 4, offline; else 1)")
    run.add_argument("--out", type=Path, help="run folder (default evals/runs/<time>-<model>)")
    run.add_argument("--gate", action="store_true", help="exit 1 when a gate threshold fails")
    run.add_argument("--gate-file", type=Path, default=GATE_FILE)
    run.add_argument("--suites-dir", type=Path, default=SUITES_DIR)
    run.add_argument("--limit", type=int, help="at most this many cases per suite")
    run.add_argument("--case-timeout", type=float, default=120.0, help="seconds per conversation")
    run.add_argument("--no-progress", action="store_true", help="no progress bar")

    compare = commands.add_parser("compare", help="list regressions of RUN_B against RUN_A")
    compare.add_argument("run_a", type=Path)
    compare.add_argument("run_b", type=Path)
    compare.add_argument("--tolerance", type=float, default=0.0, help="ignore metric changes up to this much")
    compare.add_argument("--fail-on-regression", action="store_true", help="exit 1 when anything regressed")

    listing = commands.add_parser("list", help="list and validate the suites")
    listing.add_argument("--suites-dir", type=Path, default=SUITES_DIR)
    return parser


def print_run_result(summary: RunSummary) -> None:
    for suite in summary.suites.values():
        headline = next((m for m in suite.metrics if m.name == suite.headline), None)
        value = "n/a" if headline is None or headline.value is None else f"{headline.value:.3f}"
        print(f"{suite.name:<12} {suite.cases:>4} cases  {suite.passed:>4} passed  {suite.errors:>3} errors  "
              f"{suite.headline} {value}")
    for warning in summary.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if summary.gate is not None:
        for check in summary.gate.failures:
            print(f"GATE FAIL {check.suite}.{check.metric} = {check.value:.3f}, needs {check.threshold}"
                  f"{' (' + check.why + ')' if check.why else ''}")
        print("gate: " + ("passed" if summary.gate.passed else "FAILED"))
    print(f"report: {summary.out_dir}/summary.md, {summary.out_dir}/report.html ({summary.duration_s:.1f} s)")


def command_run(args: argparse.Namespace) -> int:
    options = RunOptions(
        suites=args.suite, model=args.model, judge_model=args.judge_model, judge_api_base=args.judge_api_base,
        judge_api_key=os.environ.get("ASSISTANT_JUDGE_API_KEY"), base_url=args.base_url, token=args.token,
        concurrency=args.concurrency, workers=args.workers, out_dir=args.out, gate_file=args.gate_file,
        suites_dir=args.suites_dir, limit=args.limit, case_timeout_s=args.case_timeout, progress=not args.no_progress,
    )
    summary = asyncio.run(run_evals(options))
    print_run_result(summary)
    if args.gate and summary.gate is not None and not summary.gate.passed:
        return 1
    return 0


def command_compare(args: argparse.Namespace) -> int:
    from evals.compare import compare_runs, load_run, render_comparison

    summary_a, cases_a = load_run(args.run_a)
    summary_b, cases_b = load_run(args.run_b)
    comparison = compare_runs(summary_a, summary_b, cases_a, cases_b, tolerance=args.tolerance)
    print(render_comparison(comparison))
    return 1 if args.fail_on_regression and comparison.has_regressions else 0


def command_list(args: argparse.Namespace) -> int:
    status = 0
    for name in available_suites(args.suites_dir):
        try:
            suite = load_suite_file(args.suites_dir / f"{name}.jsonl")
        except SuiteFormatError as error:
            print(f"{name:<12} INVALID: {error}")
            status = 2
            continue
        kind = "rubric" if not suite.has_expectations else f"scorer {suite.scorer.name}"
        print(f"{name:<12} {len(suite.cases):>4} cases  {kind}")
    return status


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "run":
            return command_run(args)
        if args.command == "compare":
            return command_compare(args)
        return command_list(args)
    except (SuiteFormatError, FileNotFoundError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
