"""The team's vignette suite: its shape. Its thresholds are the release gate's (tests/evals), which runs it through
the full graph; a second run through handle() here cost two minutes of a ten-minute test budget."""

from __future__ import annotations

from collections import Counter

from tools.triage.vignettes import load


def test_suite_is_big_balanced_and_bilingual() -> None:
    cases = load()
    assert len(cases) >= 100
    levels = Counter(case["expected"]["level"] for case in cases)
    assert set(levels) == {"emergency_ambulance", "emergency", "consultation_24", "consultation", "self_care"}
    assert min(levels.values()) >= 15
    locales = Counter(case["locale"] for case in cases)
    assert min(locales.values()) >= 0.4 * len(cases)
    assert len({case["id"] for case in cases}) == len(cases)

