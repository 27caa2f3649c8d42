"""The team's vignette suite through handle(): the release gate for triage."""

from __future__ import annotations

from collections import Counter

from tools.triage.vignettes import load, run_case, summarise


def test_suite_is_big_balanced_and_bilingual() -> None:
    cases = load()
    assert len(cases) >= 100
    levels = Counter(case["expected"]["level"] for case in cases)
    assert set(levels) == {"emergency_ambulance", "emergency", "consultation_24", "consultation", "self_care"}
    assert min(levels.values()) >= 15
    locales = Counter(case["locale"] for case in cases)
    assert min(locales.values()) >= 0.4 * len(cases)
    assert len({case["id"] for case in cases}) == len(cases)


def test_gate_three_way_accuracy_and_no_under_triaged_emergency() -> None:
    summary = summarise([run_case(case) for case in load()])
    assert summary["under_triaged_emergencies"] == []
    assert summary["three_way"] >= 0.9
