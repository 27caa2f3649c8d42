"""The model layer against a fake OpenAI-compatible server: JSON modes, repair, fallbacks, streaming, accounting."""

from __future__ import annotations

import json
import logging
from typing import Any, Literal

import pytest
from pydantic import BaseModel

from assistant.llm import ModelClient, split_model_base
from assistant.reply import Usage
from bench.fake_openai import FakeModelServer

PATIENT_TEXT = "my secret symptom is a purple rash on my left knee"


class Intent(BaseModel):
    intent: Literal["triage", "other"]


def client(server: FakeModelServer, **kwargs: Any) -> ModelClient:
    return ModelClient("openai/fake", api_base=server.api_base, api_key="none", retries=0, timeout_s=5, **kwargs)


async def test_json_schema_refused_steps_down_to_json_object_with_schema() -> None:
    """llama.cpp's server refuses json_schema: the client asks again with the schema inside json_object."""
    with FakeModelServer(refuse_json_schema=True, responder=lambda body: '{"intent": "triage"}') as server:
        model = client(server, json_mode="json_schema")
        value, usage = await model.complete_json([{"role": "user", "content": "x"}], Intent)
        assert value == Intent(intent="triage")
        assert model.json_mode == "json_object" and usage.llm_calls == 2
        second = server.requests[-1]["response_format"]
        assert second["type"] == "json_object"
        assert second["schema"]["properties"]["intent"]["enum"] == ["triage", "other"]
        # The next call goes straight to the mode that works.
        await model.complete_json([{"role": "user", "content": "y"}], Intent)
        assert len(server.requests) == 3


async def test_prompt_only_mode_sends_no_response_format(fake_model: FakeModelServer) -> None:
    model = client(fake_model, json_mode="prompt")
    fake_model.responder = lambda body: 'Here you go: {"intent": "other"}'
    value, _ = await model.complete_json([{"role": "user", "content": "x"}], Intent)
    assert value == Intent(intent="other")
    assert "response_format" not in fake_model.requests[0]
    assert "JSON schema" in fake_model.requests[0]["messages"][-1]["content"]


async def test_malformed_output_gets_one_repair_that_can_succeed(fake_model: FakeModelServer) -> None:
    answers = iter(['{"intent": "headache"}', '{"intent": "triage"}'])
    fake_model.responder = lambda body: next(answers)
    value, usage = await client(fake_model).complete_json([{"role": "user", "content": "x"}], Intent)
    assert value == Intent(intent="triage") and usage.llm_calls == 2
    repair_prompt = fake_model.requests[1]["messages"][-1]["content"]
    assert "not valid" in repair_prompt


async def test_malformed_output_twice_means_none(fake_model: FakeModelServer) -> None:
    fake_model.responder = lambda body: "I am sorry, I cannot do JSON {"
    value, usage = await client(fake_model).complete_json([{"role": "user", "content": "x"}], Intent)
    assert value is None and usage.llm_calls == 2 and len(fake_model.requests) == 2


async def test_fallback_server_answers_when_primary_is_down(fake_model: FakeModelServer) -> None:
    fake_model.responder = lambda body: "from the secondary"
    model = ModelClient("openai/primary", api_base="http://127.0.0.1:9/v1", api_key="none", retries=0, timeout_s=3,
                        fallbacks=[f"openai/secondary@{fake_model.api_base}", "offline"])
    assert model.fallbacks == [f"openai/secondary@{fake_model.api_base}"]  # "offline" is implied, always last
    text, usage = await model.complete_text([{"role": "user", "content": "x"}])
    assert text == "from the secondary" and usage.llm_calls == 2
    assert fake_model.requests[0]["model"] == "secondary"


async def test_every_model_down_means_offline_result() -> None:
    model = ModelClient("openai/primary", api_base="http://127.0.0.1:9/v1", api_key="none", retries=1, timeout_s=2,
                        fallbacks=["openai/other@http://127.0.0.1:9/v1"])
    text, usage = await model.complete_text([{"role": "user", "content": "x"}])
    assert text is None and usage.llm_calls == 4  # two models, each tried twice (one retry)
    value, _ = await model.complete_json([{"role": "user", "content": "x"}], Intent)
    assert value is None


def test_split_model_base_keeps_at_signs_of_model_names() -> None:
    assert split_model_base("openai/q@http://h:1/v1") == ("openai/q", "http://h:1/v1")
    assert split_model_base("vertex_ai/claude-3-sonnet@20240229") == ("vertex_ai/claude-3-sonnet@20240229", None)


async def test_streaming_yields_chunks_and_counts_tokens(fake_model: FakeModelServer) -> None:
    fake_model.responder = lambda body: "First sentence. Second one!"
    usage = Usage()
    chunks = [chunk async for chunk in client(fake_model).stream_text([{"role": "user", "content": "hello"}], usage)]
    assert "".join(chunks) == "First sentence. Second one!" and len(chunks) > 1
    assert usage.llm_calls == 1 and usage.prompt_tokens > 0 and usage.completion_tokens > 0
    assert fake_model.requests[0]["stream"] is True


async def test_streaming_from_a_dead_server_raises_model_error() -> None:
    from assistant.llm import ModelError

    model = ModelClient("openai/x", api_base="http://127.0.0.1:9/v1", api_key="none", retries=0, timeout_s=2)
    usage = Usage()
    with pytest.raises(ModelError):
        async for _ in model.stream_text([{"role": "user", "content": "x"}], usage):
            pass
    assert usage.llm_calls == 1


async def test_offline_streams_nothing() -> None:
    chunks = [chunk async for chunk in ModelClient("offline").stream_text([{"role": "user", "content": "x"}])]
    assert chunks == []


async def test_usage_adds_up_across_calls_of_a_turn(fake_model: FakeModelServer) -> None:
    fake_model.responder = lambda body: '{"intent": "other"}'
    usage = Usage()
    model = client(fake_model)
    await model.complete_json([{"role": "user", "content": "one"}], Intent, usage)
    first = usage.prompt_tokens
    await model.complete_text([{"role": "user", "content": "two"}], usage)
    assert usage.llm_calls == 2 and usage.prompt_tokens > first and usage.latency_ms > 0


async def test_cost_is_accounted_for_a_priced_model() -> None:
    model = ModelClient("openai/gpt-4o-mini", api_key="sk-test", mock_response='{"intent": "triage"}')
    value, usage = await model.complete_json([{"role": "user", "content": "my head hurts"}], Intent)
    assert value == Intent(intent="triage") and usage.cost_usd > 0


async def test_no_patient_text_in_logs(caplog: pytest.LogCaptureFixture, fake_model: FakeModelServer) -> None:
    caplog.set_level(logging.DEBUG)
    fake_model.responder = lambda body: json.dumps({"wrong": PATIENT_TEXT})  # echoes the patient, invalid twice
    await client(fake_model).complete_json([{"role": "user", "content": PATIENT_TEXT}], Intent)
    dead = ModelClient("openai/x", api_base="http://127.0.0.1:9/v1", api_key="none", retries=0, timeout_s=2)
    await dead.complete_text([{"role": "user", "content": PATIENT_TEXT}])
    assert caplog.records, "the failures should have been logged"
    assert "purple rash" not in caplog.text
