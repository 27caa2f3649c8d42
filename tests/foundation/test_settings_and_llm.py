import pytest
from pydantic import BaseModel, ValidationError

from assistant.llm import ModelClient, parse_json_output
from assistant.settings import DEFAULT_SECRET, Settings


def test_production_refuses_default_secret() -> None:
    with pytest.raises(ValidationError, match="ASSISTANT_SECRET_KEY"):
        Settings(environment="production", secret_key=DEFAULT_SECRET)
    assert Settings(environment="production", secret_key="x" * 32).secret_key == "x" * 32


def test_settings_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSISTANT_MODEL", "openai/local")
    monkeypatch.setenv("ASSISTANT_DATABASE_URL", "postgresql://u@h:5432/db")
    monkeypatch.setenv("ASSISTANT_MODEL_FALLBACKS", '["openai/b"]')
    settings = Settings()
    assert settings.model == "openai/local" and not settings.offline
    assert settings.sqlalchemy_url == "postgresql+psycopg://u@h:5432/db"
    assert settings.model_fallbacks == ["openai/b"]


class Intent(BaseModel):
    intent: str
    confidence: float


def test_parse_json_output_accepts_fenced_and_embedded_json() -> None:
    assert parse_json_output('```json\n{"intent": "a", "confidence": 0.5}\n```', Intent).intent == "a"
    assert parse_json_output('Sure! {"intent": "b", "confidence": 1} hope it helps', Intent).intent == "b"
    with pytest.raises(ValueError, match="schema"):
        parse_json_output('{"intent": "c"}', Intent)
    with pytest.raises(ValueError, match="no JSON"):
        parse_json_output("no json here", Intent)


async def test_offline_makes_no_call() -> None:
    client = ModelClient("offline")
    value, usage = await client.complete_json([{"role": "user", "content": "hi"}], Intent)
    assert value is None and usage.llm_calls == 0


async def test_valid_json_from_mock_model() -> None:
    client = ModelClient(
        "openai/gpt-4o-mini", api_key="sk-test", mock_response='{"intent": "triage", "confidence": 0.9}'
    )
    value, usage = await client.complete_json([{"role": "user", "content": "my head hurts"}], Intent)
    assert value == Intent(intent="triage", confidence=0.9)
    assert usage.llm_calls == 1 and usage.completion_tokens > 0


async def test_invalid_json_is_repaired_once_then_falls_back() -> None:
    client = ModelClient("openai/gpt-4o-mini", api_key="sk-test", mock_response="I think it's triage")
    value, usage = await client.complete_json([{"role": "user", "content": "x"}], Intent)
    assert value is None
    assert usage.llm_calls == 2  # the first answer and one repair attempt, no more


async def test_timeout_falls_back_to_deterministic() -> None:
    """A server that accepts the connection and never answers: the call times out and the caller gets None."""
    import asyncio

    async def silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await asyncio.sleep(30)

    server = await asyncio.start_server(silent, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        client = ModelClient(
            "openai/slow", api_key="sk-test", api_base=f"http://127.0.0.1:{port}/v1", retries=0, timeout_s=0.5
        )
        value, usage = await asyncio.wait_for(client.complete_json([{"role": "user", "content": "x"}], Intent), 20)
        assert value is None and usage.llm_calls == 1
        text, _ = await asyncio.wait_for(client.complete_text([{"role": "user", "content": "x"}]), 20)
        assert text is None
    finally:
        server.close()


async def test_fallback_model_answers_when_primary_fails() -> None:
    client = ModelClient(
        "openai/broken",
        api_key="sk-test",
        api_base="http://127.0.0.1:9",
        fallbacks=["openai/backup"],
        retries=0,
        timeout_s=2,
    )
    # Only the fallback has a mock answer: the primary really fails to connect.
    calls: list[str] = []

    import assistant.llm as llm

    litellm = llm._import_litellm()
    real = litellm.acompletion

    async def fake(**kwargs):  # type: ignore[no-untyped-def]
        calls.append(kwargs["model"])
        if kwargs["model"] == "openai/backup":
            kwargs["mock_response"] = "backup says hi"
        return await real(**kwargs)

    litellm.acompletion = fake
    try:
        text, usage = await client.complete_text([{"role": "user", "content": "x"}])
    finally:
        litellm.acompletion = real
    assert calls == ["openai/broken", "openai/backup"]
    assert text == "backup says hi" and usage.llm_calls == 2


def test_logs_are_redacted() -> None:
    import logging

    from assistant.logs import RedactingFilter

    record = logging.LogRecord("t", logging.INFO, __file__, 1, "patient %s called from %s", ("x", "13812345678"), None)
    RedactingFilter().filter(record)
    assert "13812345678" not in record.getMessage()
    plain = logging.LogRecord("t", logging.INFO, __file__, 1, "turn took %d ms", (12,), None)
    RedactingFilter().filter(plain)
    assert plain.getMessage() == "turn took 12 ms"
