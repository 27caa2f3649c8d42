"""Whole conversations with a real local model: SmolLM2-135M-Instruct behind llama-cpp-python's OpenAI-compatible
server, the assistant configured with `openai/smollm2` and its api_base, exactly as an operator would.

SmolLM2-135M is small and often wrong: it is here to prove that the guards hold, not that it phrases well. Every
conversation also runs offline; what the code decided (route, triage level, red flags, lab values and flags,
citations, referral) must be identical, and every number in the text must come from the decided result.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

import pytest
from model_turns import (
    EMERGENCY_EN,
    EMERGENCY_ZH,
    INSURANCE_EN,
    INSURANCE_ZH,
    REPORT_EN,
    REPORT_ZH,
    VAGUE_EN,
    assistant_with,
    run_conversation,
    same_decision,
)
from pydantic import BaseModel

from assistant.graph.nodes.compose import allowed_numbers, numbers_in, phrase_prompt
from assistant.llm import ModelClient
from assistant.reply import Reply

pytestmark = pytest.mark.model

# One session per message: where policy holds a replaced reply for review, the rest of that session waits for the
# clinician, which is not what these tests are about.
CONVERSATIONS: dict[str, list[str]] = {
    "emergency": [EMERGENCY_EN, EMERGENCY_ZH],
    "report": [REPORT_EN, REPORT_ZH],
    "insurance": [INSURANCE_ZH, INSURANCE_EN],
    "vague": [VAGUE_EN],
}


def smollm2_client(api_base: str, json_mode: Any = "auto") -> ModelClient:
    # A short answer budget keeps the module fast on 2 cores; replies longer than that are cut and then checked.
    return ModelClient("openai/smollm2", api_base=api_base, api_key="none", timeout_s=90, retries=0,
                       json_mode=json_mode, max_tokens=160)


class Strict(BaseModel):
    level: Literal["emergency", "self_care"]
    numbers: list[float]


async def _run_everything(api_base: str, data_dir: Path) -> dict[str, Any]:
    results: dict[str, Any] = {"offline": {}, "model": {}, "events": {}}
    async with assistant_with(ModelClient("offline"), data_dir / "offline") as assistant:
        for name, texts in CONVERSATIONS.items():
            results["offline"][name] = [(await run_conversation(assistant, [text]))[0] for text in texts]
    # With the model every turn goes through `stream`, as the SSE endpoint runs it.
    async with assistant_with(smollm2_client(api_base), data_dir / "model") as assistant:
        for name, texts in CONVERSATIONS.items():
            turns = []
            for text in texts:
                session = await assistant.create_session()
                turns.append([event async for event in assistant.stream(session, text=text)])
            results["events"][name] = turns
            results["model"][name] = [events[-1][1] for events in turns]
    # Malformed structured output: without a grammar (prompt mode) the small model rarely fits a strict schema.
    results["strict"] = await smollm2_client(api_base, json_mode="prompt").complete_json(
        [{"role": "user", "content": "Chest pain 7/10 for 2 hours. Classify."}], Strict)
    return results


@pytest.fixture(scope="module")
def runs(smollm2_api_base: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """Every conversation once offline and once with SmolLM2 (one event loop, one server)."""
    yield asyncio.run(_run_everything(smollm2_api_base, tmp_path_factory.mktemp("smollm2_runs")))


def pairs(runs: dict[str, Any], name: str) -> list[tuple[Reply, Reply]]:
    return list(zip(runs["offline"][name], runs["model"][name], strict=True))


def is_held_for_review(reply: Reply) -> bool:
    return reply.escalation is not None and reply.escalation.reason == "output_replaced"


def assert_grounded(offline: Reply, phrased: Reply) -> None:
    """Every number in the text is in the decided result; a phrasing that was replaced says so."""
    if phrased.prompt_version == "template":
        # The template, or a holding message where policy has a clinician review replaced output.
        assert phrased.text == offline.text or is_held_for_review(phrased)
        return
    assert phrased.prompt_version == phrase_prompt().version
    result: dict[str, Any] = {"report": phrased.report.model_dump() if phrased.report else None, "facts": {}}
    extra = numbers_in(phrased.text) - allowed_numbers(offline.text, result)
    assert not extra, f"numbers not in the result: {extra}"


def test_emergency_is_decided_by_the_red_flag_with_no_model_call(runs: dict[str, Any]) -> None:
    for offline, phrased in pairs(runs, "emergency"):
        assert phrased.route == "emergency" and same_decision(offline, phrased)
        assert phrased.usage.llm_calls == 0 and phrased.text == offline.text
        assert phrased.triage is not None and phrased.triage.level in ("emergency_ambulance", "emergency")


def test_lab_report_levels_and_numbers_are_unchanged(runs: dict[str, Any]) -> None:
    for offline, phrased in pairs(runs, "report"):
        assert phrased.route == "report" and same_decision(offline, phrased)
        assert phrased.report is not None and [a.flag for a in phrased.report.analytes] == [
            a.flag for a in offline.report.analytes  # type: ignore[union-attr]
        ]
        assert 1 <= phrased.usage.llm_calls <= 1
        assert_grounded(offline, phrased)


def test_insurance_citations_stay_valid(runs: dict[str, Any]) -> None:
    for offline, phrased in pairs(runs, "insurance"):
        assert phrased.route == "insurance" and same_decision(offline, phrased)
        assert phrased.citations and phrased.citations == offline.citations
        assert_grounded(offline, phrased)


def test_a_thin_reading_asks_the_model_once_and_keeps_the_turn_safe(runs: dict[str, Any]) -> None:
    [offline], [phrased] = runs["offline"]["vague"], runs["model"]["vague"]
    assert phrased.route in ("triage", "report", "tcm", "insurance", "general", "refusal")
    assert phrased.usage.llm_calls >= 1 and phrased.usage.prompt_tokens > 0
    if phrased.route == offline.route == "refusal":
        assert phrased.text == offline.text


def test_malformed_structured_output_is_survived(runs: dict[str, Any]) -> None:
    strict, usage = runs["strict"]
    assert strict is None or isinstance(strict, Strict)
    assert 1 <= usage.llm_calls <= 2  # the first answer and at most one repair, then the deterministic result


def test_streamed_sentences_are_grounded_and_end_with_the_reply(runs: dict[str, Any]) -> None:
    for name in ("report", "insurance"):
        for offline, events in zip(runs["offline"][name], runs["events"][name], strict=True):
            assert events[-1][0] == "reply" and all(kind == "delta" for kind, _ in events[:-1])
            reply: Reply = events[-1][1]
            result = {"report": reply.report.model_dump() if reply.report else None, "facts": {}}
            for _, sentence in events[:-1]:
                extra = numbers_in(sentence) - allowed_numbers(offline.text, result) - numbers_in(reply.text)
                assert not extra, sentence
            if reply.prompt_version != "template":
                assert "".join(text for _, text in events[:-1]).strip() == reply.text
