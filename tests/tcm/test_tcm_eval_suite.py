"""The eval suite's answer sets, driven through the capability exactly as the eval runner drives them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tcm_session import run_case

SUITE = Path(__file__).resolve().parents[2] / "evals" / "suites" / "tcm.jsonl"
CASES = [json.loads(line) for line in SUITE.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_suite_shape() -> None:
    assert len(CASES) >= 20
    assert {case["locale"] for case in CASES} == {"zh", "en"}
    assert len({case["id"] for case in CASES}) == len(CASES)
    for case in CASES:
        assert case["suite"] == "tcm"
        assert case["messages"] and case["answers"] and case["expected"]["primary"]


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_case_reaches_expected_judgments_within_runner_turns(case: dict) -> None:
    reply = run_case(case)
    assert reply.tcm is not None and reply.tcm.final, reply.text
    expected = case["expected"]
    assert reply.tcm.result["primary"] == expected["primary"]
    assert reply.tcm.result["judgments"] == expected["judgments"]
    for code, value in expected.get("scores", {}).items():
        assert reply.tcm.scores[code] == pytest.approx(value, abs=0.05)
    assert reply.referral is not None and reply.referral.to == "tcm_practitioner"
