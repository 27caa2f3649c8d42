"""Every case of evals/suites/insurance.jsonl through the insurance functions, against the target."""

from __future__ import annotations

from pathlib import Path

from tools.insurance.evaluate import load_cases, run_suite


def test_suite_shape() -> None:
    cases = load_cases()
    assert len(cases) >= 60
    assert len({c["id"] for c in cases}) == len(cases)
    unanswerable = [c for c in cases if not c["expected"]["answerable"]]
    assert len(unanswerable) >= 15
    assert {c["locale"] for c in cases} == {"zh", "en"}
    # English questions over Chinese documents are part of the suite
    assert any(c["locale"] == "en" and any(s["doc_id"].endswith("_zh") for s in c["expected"]["sections"])
               for c in cases)


def test_suite_meets_the_target(corpus_index: Path) -> None:
    results = run_suite(corpus_index, load_cases())
    answerable = [r for r in results if r.expected_answerable]
    unanswerable = [r for r in results if not r.expected_answerable]
    correct = [r for r in answerable if r.correct]
    failed = [(r.id, r.cited) for r in answerable if not r.correct]
    assert len(correct) / len(answerable) >= 0.9, failed
    not_refused = [(r.id, r.cited) for r in unanswerable if not r.correct]
    assert not not_refused
