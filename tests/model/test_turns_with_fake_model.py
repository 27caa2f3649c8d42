"""Whole turns through the graph and the service with a fake model of known behaviour (fast, always run)."""

from __future__ import annotations

import re
from pathlib import Path

from model_turns import (
    EMERGENCY_EN,
    GREETING,
    INSURANCE_ZH,
    REPORT_EN,
    REPORT_ZH,
    VAGUE_EN,
    assistant_with,
    run_conversation,
    same_decision,
)

from assistant.graph.nodes.compose import phrase_prompt
from assistant.llm import ModelClient
from bench.fake_openai import FakeModelServer, careful_responder


def fake_client(server: FakeModelServer) -> ModelClient:
    return ModelClient("openai/fake", api_base=server.api_base, api_key="none", retries=0, timeout_s=5)


async def test_emergency_makes_no_model_call(tmp_path: Path, fake_model: FakeModelServer) -> None:
    async with assistant_with(fake_client(fake_model), tmp_path) as assistant:
        [reply] = await run_conversation(assistant, [EMERGENCY_EN])
    assert reply.route == "emergency" and reply.usage.llm_calls == 0 and fake_model.requests == []
    assert "911" in reply.text


async def test_careful_model_phrases_final_results_with_at_most_one_call(tmp_path: Path) -> None:
    messages = [REPORT_EN, REPORT_ZH, INSURANCE_ZH, GREETING]
    async with assistant_with(ModelClient("offline"), tmp_path / "offline") as assistant:
        offline = await run_conversation(assistant, messages)
    with FakeModelServer() as server:
        async with assistant_with(fake_client(server), tmp_path / "model") as assistant:
            phrased = await run_conversation(assistant, messages)
    for before, after in zip(offline, phrased, strict=True):
        assert same_decision(before, after)
        assert after.usage.llm_calls <= 1
        assert after.text == before.text  # the careful model returns the draft: every check passes
    assert [reply.prompt_version for reply in phrased] == [phrase_prompt().version] * 3 + ["template"]


async def test_a_model_that_changes_numbers_is_replaced_by_the_template(tmp_path: Path) -> None:
    def liar(body: dict) -> str:  # type: ignore[type-arg]
        return re.sub(r"\d+\.\d+", "5.5", careful_responder(body))

    async with assistant_with(ModelClient("offline"), tmp_path / "offline") as assistant:
        [offline] = await run_conversation(assistant, [REPORT_EN])
    with FakeModelServer(responder=liar) as server:
        async with assistant_with(fake_client(server), tmp_path / "model") as assistant:
            [reply] = await run_conversation(assistant, [REPORT_EN])
    # The patient gets the template, or a holding message where policy has a clinician review replaced output.
    assert reply.prompt_version == "template" and "5.5" not in reply.text
    assert reply.text == offline.text or (reply.escalation is not None and reply.escalation.reason == "output_replaced")
    assert any(event.action == "replaced_output" for event in reply.safety)
    assert same_decision(offline, reply)


async def test_understanding_is_asked_only_for_thin_readings(tmp_path: Path) -> None:
    with FakeModelServer() as server:
        async with assistant_with(fake_client(server), tmp_path) as assistant:
            [vague] = await run_conversation(assistant, [VAGUE_EN])
            assert vague.usage.llm_calls == 1
            assert "response_format" in server.requests[0]  # the JSON understanding call
            [report] = await run_conversation(assistant, [REPORT_EN])
            assert report.usage.llm_calls == 1 and "response_format" not in server.requests[-1]


async def test_stream_releases_checked_sentences_then_the_reply(tmp_path: Path) -> None:
    with FakeModelServer() as server:
        async with assistant_with(fake_client(server), tmp_path) as assistant:
            session = await assistant.create_session()
            events = [event async for event in assistant.stream(session, text=REPORT_EN)]
            emergency = [event async for event in assistant.stream(session, text=EMERGENCY_EN)]
    kinds = [kind for kind, _ in events]
    assert kinds[-1] == "reply" and kinds.count("delta") > 2 and set(kinds[:-1]) == {"delta"}
    reply = events[-1][1]
    assert "".join(text for kind, text in events if kind == "delta").strip() == reply.text
    assert reply.prompt_version == phrase_prompt().version
    assert emergency[-1][1].route == "emergency" and emergency[-1][1].usage.llm_calls == 0
    assert "".join(text for kind, text in emergency if kind == "delta") == emergency[-1][1].text
