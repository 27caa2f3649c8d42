"""The model layer: the only module that imports LiteLLM.

`offline` makes no call at all. Any other model string goes through LiteLLM (imported lazily on the first
call, with the local cost map so that nothing is fetched at import). Structured output is JSON validated
against a pydantic schema with one repair retry; when that fails the caller keeps its deterministic result.
Every call adds its tokens, cost and latency to a `Usage`.
"""

from __future__ import annotations

import json
import logging
import os
import re
import time
from collections.abc import Sequence
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ValidationError

from assistant.reply import Usage

log = logging.getLogger(__name__)

T = TypeVar("T", bound=BaseModel)
JsonMode = Literal["json_schema", "json_object", "prompt"]

_JSON_BLOCK = re.compile(r"\{.*\}", re.DOTALL)
_litellm: Any = None


def _import_litellm() -> Any:
    """Import LiteLLM once, on first use (it takes seconds), never fetching the remote cost map."""
    global _litellm
    if _litellm is None:
        os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
        import litellm

        litellm.telemetry = False
        litellm.suppress_debug_info = True
        _litellm = litellm
    return _litellm


class ModelError(RuntimeError):
    """Every configured model failed for this call."""


def parse_json_output(text: str, schema: type[T]) -> T:
    """The first JSON object in `text`, validated against `schema` (raises ValueError with the reason)."""
    candidate = text.strip()
    if candidate.startswith("```"):
        candidate = candidate.strip("`").removeprefix("json").strip()
    try:
        data = json.loads(candidate)
    except json.JSONDecodeError:
        found = _JSON_BLOCK.search(candidate)
        if not found:
            raise ValueError("no JSON object in the output") from None
        try:
            data = json.loads(found.group(0))
        except json.JSONDecodeError as exc:
            raise ValueError(f"invalid JSON: {exc.msg}") from None
    try:
        return schema.model_validate(data)
    except ValidationError as exc:
        raise ValueError(f"JSON does not match the schema: {exc.error_count()} error(s): {exc.errors()[0]['msg']}") from None


class ModelClient:
    """Calls one primary model with ordered fallbacks, each with a timeout and retries."""

    def __init__(
        self,
        model: str = "offline",
        *,
        api_base: str | None = None,
        api_key: str | None = None,
        fallbacks: Sequence[str] = (),
        timeout_s: float = 20.0,
        retries: int = 1,
        json_mode: JsonMode = "json_object",
        mock_response: str | None = None,
        temperature: float = 0.0,
        max_tokens: int = 512,
    ) -> None:
        self.model = model
        self.api_base = api_base
        self.api_key = api_key
        self.fallbacks = [m for m in fallbacks if m and m != "offline"]
        self.timeout_s = timeout_s
        self.retries = retries
        self.json_mode: JsonMode = json_mode
        self.mock_response = mock_response
        self.temperature = temperature
        self.max_tokens = max_tokens

    @property
    def offline(self) -> bool:
        return self.model == "offline"

    @classmethod
    def from_settings(cls, settings: Any) -> ModelClient:
        return cls(
            settings.model,
            api_base=settings.model_api_base,
            api_key=settings.model_api_key,
            fallbacks=settings.model_fallbacks,
            timeout_s=settings.model_timeout_s,
            retries=settings.model_retries,
        )

    # --- calls -------------------------------------------------------------------------------

    async def complete_text(self, messages: list[dict[str, str]], usage: Usage | None = None) -> tuple[str | None, Usage]:
        """Plain text from the first model that answers; None when offline or every model failed."""
        usage = usage if usage is not None else Usage()
        if self.offline:
            return None, usage
        try:
            return await self._call(messages, usage, response_format=None), usage
        except ModelError as exc:
            log.warning("model call failed: %s", exc)
            return None, usage

    async def complete_json(
        self, messages: list[dict[str, str]], schema: type[T], usage: Usage | None = None
    ) -> tuple[T | None, Usage]:
        """A `schema` instance from the model, after at most one repair retry; None means: use the fallback."""
        usage = usage if usage is not None else Usage()
        if self.offline:
            return None, usage
        schema_text = json.dumps(schema.model_json_schema(), ensure_ascii=False)
        prompt = [*messages, {"role": "system", "content": f"Reply with one JSON object only, matching this JSON schema: {schema_text}"}]
        try:
            output = await self._call(prompt, usage, response_format=self._response_format(schema))
        except ModelError as exc:
            log.warning("model call failed: %s", exc)
            return None, usage
        try:
            return parse_json_output(output, schema), usage
        except ValueError as first_error:
            repair = [
                *prompt,
                {"role": "assistant", "content": output[:2000]},
                {"role": "user", "content": f"That was not valid ({first_error}). Reply again with only the JSON object."},
            ]
            try:
                output = await self._call(repair, usage, response_format=self._response_format(schema))
                return parse_json_output(output, schema), usage
            except (ModelError, ValueError) as exc:
                log.info("structured output rejected after repair: %s", exc)
                return None, usage

    def _response_format(self, schema: type[BaseModel]) -> dict[str, Any] | None:
        if self.json_mode == "json_schema":
            return {"type": "json_schema", "json_schema": {"name": schema.__name__, "schema": schema.model_json_schema()}}
        if self.json_mode == "json_object":
            # llama.cpp's server takes the schema inside json_object (and rejects json_schema).
            return {"type": "json_object", "schema": schema.model_json_schema()}
        return None

    async def _call(self, messages: list[dict[str, str]], usage: Usage, response_format: dict[str, Any] | None) -> str:
        litellm = _import_litellm()
        errors: list[str] = []
        for model in [self.model, *self.fallbacks]:
            kwargs: dict[str, Any] = {
                "model": model,
                "messages": messages,
                "timeout": self.timeout_s,
                "num_retries": self.retries,
                "temperature": self.temperature,
                "max_tokens": self.max_tokens,
            }
            if model == self.model:
                if self.api_base:
                    kwargs["api_base"] = self.api_base
                if self.api_key:
                    kwargs["api_key"] = self.api_key
            if response_format is not None:
                kwargs["response_format"] = response_format
            if self.mock_response is not None:
                kwargs["mock_response"] = self.mock_response
            started = time.perf_counter()
            try:
                response = await litellm.acompletion(**kwargs)
            except Exception as exc:  # any provider error: try the next model
                usage.llm_calls += 1
                usage.latency_ms += (time.perf_counter() - started) * 1000
                errors.append(f"{model}: {type(exc).__name__}")
                if response_format is not None and "BadRequest" in type(exc).__name__:
                    # The provider refuses this response_format: retry the same model with the prompt alone.
                    self.json_mode = "prompt"
                    return await self._call(messages, usage, response_format=None)
                continue
            usage.llm_calls += 1
            usage.latency_ms += (time.perf_counter() - started) * 1000
            token_usage = getattr(response, "usage", None)
            if token_usage is not None:
                usage.prompt_tokens += int(getattr(token_usage, "prompt_tokens", 0) or 0)
                usage.completion_tokens += int(getattr(token_usage, "completion_tokens", 0) or 0)
            try:
                usage.cost_usd += float(litellm.completion_cost(completion_response=response) or 0.0)
            except Exception:  # unknown local models have no price
                pass
            content = response.choices[0].message.content
            return content or ""
        raise ModelError("; ".join(errors) or "no model configured")
