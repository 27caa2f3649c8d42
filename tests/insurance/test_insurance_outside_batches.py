"""Outside-written question batches kept under evals/stress/ (not in the gated suite, for the release-gate test's
time budget), held here through the insurance functions: every unanswerable question refused, and at least 90% of
the answerable ones answered with a gold citation. A batch joins once its fix round is done."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.insurance.evaluate import load_cases, run_suite

STRESS = Path(__file__).resolve().parents[2] / "evals" / "stress"
OUTSIDE_BATCHES = sorted(STRESS.glob("insurance_outside_*.jsonl"))


def test_there_are_outside_batches() -> None:
    assert OUTSIDE_BATCHES, f"no insurance_outside_*.jsonl under {STRESS}"


@pytest.mark.parametrize("path", OUTSIDE_BATCHES, ids=lambda p: p.stem)
def test_outside_batch_meets_the_target(corpus_index: Path, path: Path) -> None:
    results = run_suite(corpus_index, load_cases(path))
    answerable = [r for r in results if r.expected_answerable]
    not_refused = [(r.id, r.cited) for r in results if not r.expected_answerable and not r.correct]
    assert not not_refused
    failed = [(r.id, r.cited) for r in answerable if not r.correct]
    assert (len(answerable) - len(failed)) / len(answerable) >= 0.9, failed
