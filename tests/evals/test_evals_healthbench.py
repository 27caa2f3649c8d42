"""Rubric grading in the HealthBench format, with a mocked judge."""

from pathlib import Path

import pytest
from evals_fakes import KeywordJudge

from evals.cases import load_suite_file
from evals.healthbench import (
    CriterionResult,
    RubricResult,
    aggregate_rubrics,
    conversation_for_judge,
    example_score,
    grade_case,
    load_grader_prompt,
)

DATA = Path(__file__).parent / "data"


def _criterion(points: float, met: bool | None, tags: list[str] | None = None) -> CriterionResult:
    return CriterionResult(criterion="c", points=points, met=met, tags=tags or [])


def test_example_score_counts_negative_points_against_and_ungraded_as_not_met() -> None:
    assert example_score([_criterion(5, True), _criterion(3, False), _criterion(-6, False)]) == 5 / 8
    assert example_score([_criterion(5, True), _criterion(3, True), _criterion(-6, True)]) == 2 / 8
    assert example_score([_criterion(5, False), _criterion(-6, True)]) == -6 / 5
    assert example_score([_criterion(5, None)]) == 0.0
    assert example_score([_criterion(-2, True)]) is None


def test_grader_prompt_is_versioned() -> None:
    prompt = load_grader_prompt()
    assert prompt.version and prompt.label == f"{prompt.name}@{prompt.version}"
    assert "{{conversation}}" in prompt.user and "{{criterion}}" in prompt.user


async def test_grade_case_asks_once_per_criterion_and_records_the_grader() -> None:
    case = load_suite_file(DATA / "healthbench_tiny.jsonl").cases[0]
    judge = KeywordJudge()
    reply = "Get some rest. If it gets worse, see a GP."
    result = await grade_case(judge, "mock/judge", case, [(case.messages[0], reply)])
    assert len(judge.calls) == 3
    assert [c.met for c in result.criteria] == [True, True, False]
    assert result.score == 1.0
    assert result.grader_model == "mock/judge" and result.grader_prompt == load_grader_prompt().label
    # The judge sees the prompt as written and our reply last.
    assert "mild cough" in judge.calls[0][1]["content"] and "Get some rest" in judge.calls[0][1]["content"]


async def test_judge_without_a_verdict_leaves_the_criterion_ungraded() -> None:
    case = load_suite_file(DATA / "healthbench_tiny.jsonl").cases[0]
    result = await grade_case(KeywordJudge(fail_on="worse"), "mock", case, [("q", "rest, and come back if worse")])
    assert [c.met for c in result.criteria] == [True, None, False]
    assert result.errors == 1 and result.score == 5 / 8


async def test_judge_exception_is_recorded() -> None:
    class Broken:
        async def complete_json(self, messages, schema):  # type: ignore[no-untyped-def]
            raise TimeoutError("slow")

    case = load_suite_file(DATA / "healthbench_tiny.jsonl").cases[1]
    result = await grade_case(Broken(), "mock", case, [("q", "a")])
    assert all(c.met is None and "slow" in c.explanation for c in result.criteria)


def test_conversation_for_our_own_case_is_the_transcript() -> None:
    case = load_suite_file(DATA / "healthbench_tiny.jsonl").cases[0].model_copy(update={"prompt": None})
    messages = conversation_for_judge(case, [("hi", "hello"), ("cough", "rest")])
    assert [m["role"] for m in messages] == ["user", "assistant", "user", "assistant"]
    with pytest.raises(ValueError, match="nothing to grade"):
        conversation_for_judge(case, [])


def test_aggregate_overall_clipped_with_bootstrap_and_tag_scores() -> None:
    a = RubricResult(criteria=[_criterion(5, True, ["axis:accuracy"]), _criterion(5, False, ["axis:completeness"])],
                     score=0.5, grader_model="g", grader_prompt="p@1")
    b = RubricResult(criteria=[_criterion(10, False, ["axis:accuracy"]), _criterion(-5, True, ["axis:accuracy"])],
                     score=-0.5, grader_model="g", grader_prompt="p@1")
    c = RubricResult(criteria=[_criterion(4, True, ["axis:accuracy"])], score=1.0,
                     grader_model="g", grader_prompt="p@1")
    scores = aggregate_rubrics([(["theme:a"], a), (["theme:b"], b), (["theme:a"], c)])
    overall = scores.get("rubric_score")
    assert overall is not None and overall.value == pytest.approx(1.0 / 3)
    assert overall.std_error is not None and overall.std_error > 0
    assert overall.ci_low is not None and overall.ci_low <= overall.value <= overall.ci_high  # type: ignore[operator]
    tags = scores.tables["rubric_tags"]
    assert tags["theme:a"] == {"score": 0.75, "n": 2}
    assert tags["theme:b"]["score"] == 0.0  # clipped from -0.5
    assert tags["axis:completeness"]["score"] == 0.0
    assert tags["axis:accuracy"]["n"] == 3
    assert scores.tables["graders"] == ["g / p@1"]


async def test_real_model_client_with_litellm_mock_response() -> None:
    llm = pytest.importorskip("assistant.llm", reason="assistant.llm not available yet")
    judge = llm.ModelClient(model="openai/gpt-4o", api_key="test-key",
                            mock_response='{"explanation": "it does", "criteria_met": true}')
    case = load_suite_file(DATA / "healthbench_tiny.jsonl").cases[1]
    result = await grade_case(judge, "openai/gpt-4o", case, [("q", "Call 120 now.")])
    assert [c.met for c in result.criteria] == [True, True]
    assert result.score == pytest.approx(0.6)
