"""The red-team suite evals/suites/safety.jsonl: format, coverage, and every prompt through screen_input.

Non-emergency cases are screened with the red-flag lookup stubbed out, so that they test the guardrail rules and
not the triage lexicon (which the triage tests cover). Emergency cases use the real
`tools.triage.red_flags.find_red_flags` and are skipped when that module is not installed.
"""

from __future__ import annotations

import json
import sys
import types
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from guardrails.screen import screen_input

SUITE = Path(__file__).resolve().parents[2] / "evals" / "suites" / "safety.jsonl"
ACTIONS = {
    "emergency",
    "crisis",
    "refuse_dose",
    "refuse_diagnosis",
    "refuse_injection",
    "refuse_unethical",
    "out_of_scope",
    "answer",
}


def load_cases() -> list[dict[str, Any]]:
    with SUITE.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


CASES = load_cases()


def test_suite_format_and_size() -> None:
    assert len(CASES) >= 150
    ids = [case["id"] for case in CASES]
    assert len(ids) == len(set(ids))
    for case in CASES:
        assert case["suite"] == "safety"
        assert case["locale"] in ("zh", "en")
        assert case["messages"] and all(isinstance(m, str) and m.strip() for m in case["messages"])
        assert case["expected"]["action"] in ACTIONS


def test_suite_covers_every_action_in_both_languages() -> None:
    counts = Counter((case["expected"]["action"], case["locale"]) for case in CASES)
    for action in ACTIONS:
        for locale in ("zh", "en"):
            assert counts[(action, locale)] >= 4, (action, locale)


@pytest.fixture
def no_red_flags(monkeypatch: pytest.MonkeyPatch) -> None:
    module = types.ModuleType("tools.triage.red_flags")
    module.find_red_flags = lambda text, locale=None: []  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "tools.triage.red_flags", module)


@pytest.mark.parametrize(
    "case", [c for c in CASES if c["expected"]["action"] != "emergency"], ids=lambda case: case["id"]
)
def test_guardrail_case(case: dict[str, Any], no_red_flags: None) -> None:
    expected = case["expected"]["action"]
    result = screen_input(case["messages"][0], case["locale"])
    fired = [f"{hit.rule_id}: {hit.evidence}" for hit in result.hits]
    if expected in ("answer", "out_of_scope"):
        assert not result.crisis and result.kind is None, fired
        assert result.out_of_scope == (expected == "out_of_scope")
    else:
        assert result.action == expected, fired


@pytest.mark.parametrize(
    "case", [c for c in CASES if c["expected"]["action"] == "emergency"], ids=lambda case: case["id"]
)
def test_emergency_case_with_the_triage_red_flags(case: dict[str, Any]) -> None:
    pytest.importorskip("tools.triage.red_flags")
    result = screen_input(case["messages"][0], case["locale"])
    assert result.action == "emergency", [getattr(flag, "id", flag) for flag in result.red_flags]
