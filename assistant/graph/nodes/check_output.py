"""check_output: a phrased reply must stay true to the decided result; otherwise the template is sent."""

from __future__ import annotations

from typing import Any

from langgraph.runtime import Runtime

from assistant.graph.capability import CapabilityResponse
from assistant.graph.nodes.compose import template_text
from assistant.graph.state import Context, State


def check_output(state: State, runtime: Runtime[Context]) -> dict[str, Any]:
    from guardrails.output import check_output as check
    from guardrails.policy import load_policy

    locale = state["locale"]
    response = CapabilityResponse.model_validate(state["response"])
    safety: list[dict[str, str]] = [*state.get("safety", [])]
    safety.extend((state.get("screen") or {}).get("events", []))
    safety.extend(response.facts.get("safety", []))
    text = state.get("text", "")
    template = template_text(state)
    update: dict[str, Any] = {}
    if text != template:
        verdict = check(text, response, locale)  # type: ignore[arg-type]
        if not verdict.ok:
            safety.extend(event.model_dump() for event in verdict.events)
            if not any(event.action == "replaced_output" for event in verdict.events):
                safety.append({"rule": "output_check", "action": "replaced_output"})
            update["text"] = template
            update["prompt_version"] = "template"
    if response.referral is None:
        required = load_policy().referral_for(response)
        if required is not None:
            response.referral = required
            update["response"] = response.model_dump()
    # Keep each event once, in order.
    unique = list({(event["rule"], event["action"]): event for event in safety}.values())
    update["safety"] = unique
    return update
