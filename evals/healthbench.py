"""Rubric grading in the HealthBench format: a judge model grades each criterion of a case separately.

Example score = points of the met criteria (negatives included) / positive points; the overall score is the mean
clipped to [0, 1] with a bootstrap standard error; sub-scores by example tag and by criterion tag. Scores depend
on the grader, so its model and prompt version go with every result.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

import yaml
from pydantic import BaseModel, Field

from evals.cases import Case, RubricItem
from evals.metrics import Metric, SuiteScores, mean, rate
from evals.stats import bootstrap_interval, bootstrap_std_error, clipped_mean

PROMPT_FILE = Path(__file__).resolve().parent.parent / "prompts" / "evals" / "healthbench_grader.yaml"


class GraderPrompt(BaseModel):
    name: str
    version: str
    system: str
    user: str

    @property
    def label(self) -> str:
        return f"{self.name}@{self.version}"


class GraderVerdict(BaseModel):
    """The JSON the judge must return for one criterion."""

    explanation: str = ""
    criteria_met: bool


class JudgeClient(Protocol):
    """`assistant.llm.ModelClient`, or a fake in tests."""

    async def complete_json(self, messages: list[dict[str, Any]], schema: type[BaseModel]) -> tuple[Any, Any]: ...


class CriterionResult(BaseModel):
    criterion: str
    points: float
    tags: list[str] = Field(default_factory=list)
    met: bool | None = None  # None: the judge gave no valid verdict
    explanation: str = ""


class RubricResult(BaseModel):
    criteria: list[CriterionResult]
    score: float | None
    grader_model: str
    grader_prompt: str

    @property
    def errors(self) -> int:
        return sum(c.met is None for c in self.criteria)


@lru_cache(maxsize=4)
def load_grader_prompt(path: Path = PROMPT_FILE) -> GraderPrompt:
    return GraderPrompt.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


def judge_client(model: str, api_base: str | None = None, api_key: str | None = None) -> JudgeClient:
    """The project's model client (the only place that talks to LiteLLM), built lazily."""
    from assistant.llm import ModelClient

    return ModelClient(model=model, api_base=api_base, api_key=api_key, timeout_s=60, mock_response=None)  # type: ignore[no-any-return]


def conversation_text(messages: Sequence[dict[str, str]]) -> str:
    return "\n\n".join(f"[{m['role']}]\n{m['content']}" for m in messages)


def conversation_for_judge(case: Case, exchanges: Sequence[tuple[str, str]]) -> list[dict[str, str]]:
    """What the judge reads: a HealthBench prompt as written followed by our last reply; for our own cases the
    whole conversation as it happened. `exchanges` are (what the patient sent, what the assistant replied)."""
    if not exchanges:
        raise ValueError(f"case {case.id}: nothing to grade (no reply)")
    if case.prompt is not None:
        messages = [{"role": m.role, "content": m.content} for m in case.prompt]
        return [*messages, {"role": "assistant", "content": exchanges[-1][1]}]
    messages = []
    for sent, reply in exchanges:
        messages += [{"role": "user", "content": sent}, {"role": "assistant", "content": reply}]
    return messages


def example_score(criteria: Sequence[CriterionResult]) -> float | None:
    """Met points (negatives count against) over the positive points; None when nothing can be earned.
    A criterion the judge could not grade counts as not met."""
    possible = sum(c.points for c in criteria if c.points > 0)
    if possible <= 0:
        return None
    return sum(c.points for c in criteria if c.met) / possible


async def grade_criterion(
    judge: JudgeClient, prompt: GraderPrompt, conversation: str, item: RubricItem
) -> CriterionResult:
    user = (
        prompt.user.replace("{{conversation}}", conversation)
        .replace("{{criterion}}", item.criterion)
        .replace("{{points}}", f"{item.points:g}")
    )
    messages = [{"role": "system", "content": prompt.system}, {"role": "user", "content": user}]
    result = CriterionResult(criterion=item.criterion, points=item.points, tags=item.tags)
    try:
        verdict, _usage = await judge.complete_json(messages, GraderVerdict)
    except Exception as error:  # noqa: BLE001 - a failed judge call is an ungraded criterion, not a crash
        result.explanation = f"judge failed: {type(error).__name__}: {error}"
        return result
    if isinstance(verdict, GraderVerdict):
        result.met = verdict.criteria_met
        result.explanation = verdict.explanation
    else:
        result.explanation = "judge returned no valid verdict"
    return result


async def grade_case(
    judge: JudgeClient,
    grader_model: str,
    case: Case,
    exchanges: Sequence[tuple[str, str]],
    prompt: GraderPrompt | None = None,
    concurrency: int = 4,
) -> RubricResult:
    """Grade every rubric criterion of `case` (one judge call each) and the example score."""
    prompt = prompt or load_grader_prompt()
    conversation = conversation_text(conversation_for_judge(case, exchanges))
    gate = asyncio.Semaphore(concurrency)

    async def one(item: RubricItem) -> CriterionResult:
        async with gate:
            return await grade_criterion(judge, prompt, conversation, item)

    criteria = list(await asyncio.gather(*(one(item) for item in case.rubrics)))
    return RubricResult(
        criteria=criteria, score=example_score(criteria), grader_model=grader_model, grader_prompt=prompt.label
    )


def _tag_score(results: Sequence[tuple[list[str], RubricResult]], tag: str) -> tuple[float, int] | None:
    """Mean over examples of the score on this tag: all criteria of examples carrying it as an example tag, or
    only the criteria carrying it as a criterion tag."""
    scores: list[float] = []
    for example_tags, result in results:
        criteria = result.criteria if tag in example_tags else [c for c in result.criteria if tag in c.tags]
        score = example_score(criteria) if criteria else None
        if score is not None:
            scores.append(score)
    return (clipped_mean(scores), len(scores)) if scores else None


def aggregate_rubrics(results: Sequence[tuple[list[str], RubricResult]]) -> SuiteScores:
    """`results` pairs each graded example's tags with its rubric result."""
    scores = [r.score for _, r in results if r.score is not None]
    metrics: list[Metric] = []
    overall = clipped_mean(scores) if scores else None
    metrics.append(
        mean("rubric_score", overall, len(scores), bootstrap_interval(scores),
             "HealthBench score: mean example score clipped to [0, 1]", std_error=bootstrap_std_error(scores))
    )
    criteria = [c for _, r in results for c in r.criteria]
    metrics.append(rate("grading_error_rate", sum(c.met is None for c in criteria), len(criteria),
                        "criteria the judge could not grade", higher_is_better=False))
    example_tags = {t for tags, _ in results for t in tags}
    tags = sorted(example_tags | {t for _, r in results for c in r.criteria for t in c.tags})
    by_tag: dict[str, dict[str, float]] = {}
    for tag in tags:
        found = _tag_score(results, tag)
        if found is not None:
            by_tag[tag] = {"score": found[0], "n": found[1]}
    graders = sorted({f"{r.grader_model} / {r.grader_prompt}" for _, r in results})
    return SuiteScores(metrics=metrics, tables={"rubric_tags": by_tag, "graders": graders})
