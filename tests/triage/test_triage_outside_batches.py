"""Outside-written vignette batches kept under evals/stress/ (not in the gated suite, whose full-graph run would
grow past the release-gate test's time budget), held here to the issue's target through the triage functions:
at least 90% on the three-way split and no emergency under-triaged. A batch joins once its fix round is done."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.triage.vignettes import load, run_case, summarise

STRESS = Path(__file__).resolve().parents[2] / "evals" / "stress"
OUTSIDE_BATCHES = sorted(STRESS.glob("triage_outside_*.jsonl"))


def test_there_are_outside_batches() -> None:
    assert OUTSIDE_BATCHES, f"no triage_outside_*.jsonl under {STRESS}"


@pytest.mark.parametrize("path", OUTSIDE_BATCHES, ids=lambda p: p.stem)
def test_outside_batch_meets_the_target(path: Path) -> None:
    cases = load(path)
    assert len({case["id"] for case in cases}) == len(cases)
    summary = summarise([run_case(case) for case in cases])
    assert summary["under_triaged_emergencies"] == []
    assert summary["three_way"] >= 0.9, summary["under_triaged"] + summary["over_triaged"]
