"""The model layer: the only module that imports LiteLLM.

`offline` makes no call at all. Any other model string goes through a LiteLLM Router (built lazily on the first
call, LiteLLM imported with the local cost map so that nothing is fetched): the primary model, then each fallback
in order, each with a timeout and retries; when every model fails the caller keeps its deterministic result
("offline" is always the last fallback). Structured output is JSON validated against a pydantic schema with one
repair attempt. Providers differ in what they accept: `json_schema` (OpenAI), `json_object` with the schema inside
(llama.cpp's server), `json_object` alone, or nothing (the schema is then only in the prompt); a provider that
refuses a format is asked again with the next one down. Every call adds its tokens, cost and latency to a `Usage`.
Nothing the patient wrote is logged: log lines carry model names and exception types only.
"""

from __future__ import annotations

import json
import logging
import os
import re
import time
from collections.abc import AsyncIterator, Sequence
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ValidationError

from assistant.reply import Usage

log = logging.getLogger(__name__)

T = TypeVar("T", bound=BaseModel)
JsonMode = Literal["auto", "json_schema", "json_object", "prompt"]
# What to try next when a provider refuses a response_format (HTTP 400).
_WEAKER_MODE: dict[str, JsonMode] = {"json_schema": "json_object", "json_object": "prompt"}

_CHATTY_LOGGERS = ("LiteLLM", "LiteLLM Router", "LiteLLM Proxy", "openai", "openai._base_client", "httpx", "httpcore",
                   "aiohttp")
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
        # Keep patient text out of LiteLLM's own logs, callbacks and exception messages.
        litellm.turn_off_message_logging = True
        litellm.redact_messages_in_exceptions = True
        # These clients log whole request bodies (the patient's words) at DEBUG: never let those records out.
        for name in _CHATTY_LOGGERS:
            logging.getLogger(name).setLevel(logging.WARNING)
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
        first = exc.errors()[0]["msg"]
        raise ValueError(f"JSON does not match the schema: {exc.error_count()} error(s): {first}") from None


def split_model_base(configured: str) -> tuple[str, str | None]:
    """A fallback may name its own server: "openai/qwen@http://10.0.0.5:8000/v1" -> ("openai/qwen", "http://...")."""
    model, separator, rest = configured.partition("@http")
    return (model, "http" + rest) if separator else (configured, None)


def _refuses_format(exc: Exception) -> bool:
    """A provider error that may mean "this response_format is not supported": llama.cpp's server answers 500 to
    json_schema, others 400 or 422. Asking again with a weaker format is harmless if the cause was different."""
    name = type(exc).__name__
    return any(kind in name for kind in ("BadRequest", "UnprocessableEntity", "InternalServerError")) or getattr(
        exc, "status_code", None
    ) in (400, 422, 500)


class ModelClient:
    """Calls one primary model with ordered fallbacks through a LiteLLM Router, each with a timeout and retries."""

    def __init__(
        self,
        model: str = "offline",
        *,
        api_base: str | None = None,
        api_key: str | None = None,
        fallbacks: Sequence[str] = (),
        timeout_s: float = 20.0,
        retries: int = 1,
        json_mode: JsonMode = "auto",
        mock_response: str | None = None,
        temperature: float = 0.0,
        max_tokens: int = 512,
    ) -> None:
        self.model = model
        self.api_base = api_base
        self.api_key = api_key
        self.fallbacks = [m for m in fallbacks if m and m != "offline" and m != model]
        self.timeout_s = timeout_s
        self.retries = retries
        self.json_mode: JsonMode = json_mode if json_mode != "auto" else self._default_json_mode()
        self.mock_response = mock_response
        self.temperature = temperature
        self.max_tokens = max_tokens
        self._router: Any = None

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
            json_mode=getattr(settings, "model_json_mode", "auto"),
        )

    def _default_json_mode(self) -> JsonMode:
        """A local OpenAI-compatible server (llama.cpp, vLLM) takes the schema inside json_object; hosted OpenAI
        takes json_schema; other providers get json_object and the schema in the prompt."""
        if self.api_base:
            return "json_object"
        if self.model.startswith(("openai/", "gpt-")) or self.model.startswith("azure/"):
            return "json_schema"
        return "json_object"

    # --- calls -------------------------------------------------------------------------------

    async def complete_text(
        self, messages: list[dict[str, str]], usage: Usage | None = None
    ) -> tuple[str | None, Usage]:
        """Plain text from the first model that answers; None when offline or every model failed."""
        usage = usage if usage is not None else Usage()
        if self.offline:
            return None, usage
        try:
            return await self._call(messages, usage, response_format=None), usage
        except ModelError as exc:
            log.warning("model call failed: %s", exc)
            return None, usage

    async def stream_text(self, messages: list[dict[str, str]], usage: Usage | None = None) -> AsyncIterator[str]:
        """Text chunks as the model writes them. Raises ModelError when no model answers or the stream breaks
        (the caller then keeps its template). Nothing is yielded when offline."""
        usage = usage if usage is not None else Usage()
        if self.offline:
            return
        router = self._get_router()
        started = time.perf_counter()
        kwargs = self._request_kwargs(messages, None)
        pieces: list[str] = []
        reported: Any = None
        answered = False
        try:
            stream = await router.acompletion(**kwargs, stream=True, stream_options={"include_usage": True})
            answered = True
            usage.llm_calls += self._attempts(stream)
            async for chunk in stream:
                reported = getattr(chunk, "usage", None) or reported
                choices = getattr(chunk, "choices", None) or []
                delta = getattr(choices[0], "delta", None) if choices else None
                text = getattr(delta, "content", None) if delta is not None else None
                if text:
                    pieces.append(text)
                    yield text
        except Exception as exc:  # any provider error, before or during the stream
            if not answered:
                usage.llm_calls += self._failed_attempts()
            raise ModelError(f"stream failed: {type(exc).__name__}") from None
        finally:
            usage.latency_ms += (time.perf_counter() - started) * 1000
            if answered:
                self._add_stream_tokens(usage, reported, messages, "".join(pieces))

    async def complete_json(
        self, messages: list[dict[str, str]], schema: type[T], usage: Usage | None = None
    ) -> tuple[T | None, Usage]:
        """A `schema` instance from the model, after at most one repair retry; None means: use the fallback."""
        usage = usage if usage is not None else Usage()
        if self.offline:
            return None, usage
        schema_text = json.dumps(schema.model_json_schema(), ensure_ascii=False)
        instruction = f"Reply with one JSON object only, matching this JSON schema: {schema_text}"
        prompt = [*messages, {"role": "system", "content": instruction}]
        try:
            output = await self._call_json(prompt, usage, schema)
        except ModelError as exc:
            log.warning("model call failed: %s", exc)
            return None, usage
        try:
            return parse_json_output(output, schema), usage
        except ValueError as first_error:
            repair = [
                *prompt,
                {"role": "assistant", "content": output[:2000]},
                {"role": "user", "content": f"That was not valid ({first_error}). Reply with the JSON object only."},
            ]
            try:
                output = await self._call_json(repair, usage, schema)
                return parse_json_output(output, schema), usage
            except (ModelError, ValueError) as exc:
                # The reason names the schema problem only, never the output (it may echo patient text).
                log.info("structured output rejected after repair: %s", str(exc).split(":")[0])
                return None, usage

    async def _call_json(self, messages: list[dict[str, str]], usage: Usage, schema: type[BaseModel]) -> str:
        """One structured call, stepping down json_schema -> json_object -> prompt when the provider refuses one."""
        while True:
            try:
                return await self._call(messages, usage, response_format=self._response_format(schema), strict=True)
            except _FormatRefused:
                weaker = _WEAKER_MODE.get(self.json_mode)
                if weaker is None:
                    raise ModelError("the provider refused the request") from None
                log.info("provider refused response_format %s; using %s", self.json_mode, weaker)
                self.json_mode = weaker

    def _response_format(self, schema: type[BaseModel]) -> dict[str, Any] | None:
        if self.json_mode == "json_schema":
            spec = {"name": schema.__name__, "schema": schema.model_json_schema()}
            return {"type": "json_schema", "json_schema": spec}
        if self.json_mode == "json_object":
            if self.api_base:
                # llama.cpp's server takes the schema inside json_object (and rejects json_schema).
                return {"type": "json_object", "schema": schema.model_json_schema()}
            return {"type": "json_object"}
        return None

    # --- the router --------------------------------------------------------------------------

    def _get_router(self) -> Any:
        """The LiteLLM Router: group "primary" then "fallback-1", "fallback-2"..., built on first use."""
        if self._router is None:
            litellm = _import_litellm()
            model_list: list[dict[str, Any]] = []
            for index, configured in enumerate([self.model, *self.fallbacks]):
                model, api_base = split_model_base(configured)
                params: dict[str, Any] = {"model": model, "timeout": self.timeout_s}
                if index == 0 and self.api_base:
                    params["api_base"] = self.api_base
                if index == 0 and self.api_key:
                    params["api_key"] = self.api_key
                if api_base:
                    params["api_base"] = api_base
                    # A local OpenAI-compatible server needs some key; the configured one is for the primary.
                    params.setdefault("api_key", "none")
                model_list.append({"model_name": self._group(index), "litellm_params": params})
            groups = [self._group(i) for i in range(1, len(model_list))]
            self._router = litellm.Router(
                model_list=model_list,
                fallbacks=[{"primary": groups}] if groups else [],
                num_retries=self.retries,
                timeout=self.timeout_s,
                # Cooldowns would turn one slow answer into minutes of refusals; the fallbacks cover failures.
                disable_cooldowns=True,
            )
        return self._router

    @staticmethod
    def _group(index: int) -> str:
        return "primary" if index == 0 else f"fallback-{index}"

    def _request_kwargs(self, messages: list[dict[str, str]], response_format: dict[str, Any] | None) -> dict[str, Any]:
        kwargs: dict[str, Any] = {
            "model": "primary",
            "messages": messages,
            "timeout": self.timeout_s,
            "temperature": self.temperature,
            "max_tokens": self.max_tokens,
        }
        if response_format is not None:
            kwargs["response_format"] = response_format
        if self.mock_response is not None:
            kwargs["mock_response"] = self.mock_response
        return kwargs

    def _failed_attempts(self) -> int:
        """How many requests a call that failed everywhere made: each model, each with its retries."""
        return (1 + max(self.retries, 0)) * (1 + len(self.fallbacks))

    def _attempts(self, response: Any) -> int:
        """How many requests an answered call made, from the Router's headers (fallbacks and retries tried)."""
        hidden = getattr(response, "_hidden_params", None) or {}
        headers = hidden.get("additional_headers") or {}
        fallbacks = int(headers.get("x-litellm-attempted-fallbacks") or 0)
        retries = int(headers.get("x-litellm-attempted-retries") or 0)
        return 1 + retries + fallbacks * (1 + max(self.retries, 0))

    async def _call(
        self, messages: list[dict[str, str]], usage: Usage, response_format: dict[str, Any] | None, strict: bool = False
    ) -> str:
        router = self._get_router()
        started = time.perf_counter()
        try:
            response = await router.acompletion(**self._request_kwargs(messages, response_format))
        except Exception as exc:  # any provider error: the Router already tried the fallbacks
            usage.latency_ms += (time.perf_counter() - started) * 1000
            if strict and response_format is not None and _refuses_format(exc):
                usage.llm_calls += 1
                raise _FormatRefused() from None
            usage.llm_calls += self._failed_attempts()
            tried = ", ".join([self.model, *self.fallbacks])
            raise ModelError(f"every model failed ({tried}): {type(exc).__name__}") from None
        usage.llm_calls += self._attempts(response)
        usage.latency_ms += (time.perf_counter() - started) * 1000
        token_usage = getattr(response, "usage", None)
        if token_usage is not None:
            usage.prompt_tokens += int(getattr(token_usage, "prompt_tokens", 0) or 0)
            usage.completion_tokens += int(getattr(token_usage, "completion_tokens", 0) or 0)
        usage.cost_usd += self._cost(response)
        content = response.choices[0].message.content
        return content or ""

    @staticmethod
    def _cost(response: Any) -> float:
        hidden = getattr(response, "_hidden_params", None) or {}
        if hidden.get("response_cost") is not None:
            return float(hidden["response_cost"] or 0.0)
        try:
            return float(_import_litellm().completion_cost(completion_response=response) or 0.0)
        except Exception:  # unknown local models have no price
            return 0.0

    def _add_stream_tokens(self, usage: Usage, reported: Any, messages: list[dict[str, str]], text: str) -> None:
        """Tokens of a streamed call: as the server reported them, else counted with LiteLLM's tokenizer."""
        if reported is not None and getattr(reported, "prompt_tokens", None):
            usage.prompt_tokens += int(reported.prompt_tokens or 0)
            usage.completion_tokens += int(getattr(reported, "completion_tokens", 0) or 0)
            return
        litellm = _import_litellm()
        try:
            usage.prompt_tokens += int(litellm.token_counter(model=self.model, messages=messages))
            usage.completion_tokens += int(litellm.token_counter(model=self.model, text=text)) if text else 0
        except Exception:  # a tokenizer that is not available locally: leave the count as it is
            pass


class _FormatRefused(Exception):
    """The provider refused a response_format: try a weaker one."""
