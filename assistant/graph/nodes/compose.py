"""compose: the reply text. The capability's template by default; the model's phrasing when configured."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import yaml
from langgraph.runtime import Runtime

from assistant.graph.state import Context, State
from prompts import PROMPTS_DIR

# Routes whose text is never rephrased: emergencies and refusals are fixed, reviewed texts.
FIXED_ROUTES = ("emergency", "refusal")


@lru_cache
def phrase_prompt() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((PROMPTS_DIR / "phrase.yaml").read_text(encoding="utf-8"))
    return data


def template_text(state: State) -> str:
    from guardrails.replies import refusal_reply

    response = state.get("response") or {}
    text = str(response.get("text", ""))
    screen = state.get("screen") or {}
    if screen.get("kind") == "dose" and response.get("route") == "triage":
        text = refusal_reply("dose", state["locale"]) + "\n\n" + text  # type: ignore[arg-type]
    return text


async def compose(state: State, runtime: Runtime[Context]) -> dict[str, Any]:
    draft = template_text(state)
    response = state.get("response") or {}
    context = runtime.context
    if context.model.offline or not context.model_phrasing or response.get("route") in FIXED_ROUTES or not draft:
        return {"text": draft, "prompt_version": "template"}
    prompt = phrase_prompt()
    locale = state["locale"]
    messages = [
        {"role": "system", "content": prompt["system"][locale]},
        {"role": "user", "content": prompt["user"][locale].format(draft=draft)},
    ]
    phrased, _ = await context.model.complete_text(messages, context.usage)
    if not phrased or not phrased.strip():
        return {"text": draft, "prompt_version": "template"}
    return {"text": phrased.strip(), "prompt_version": prompt["version"]}
