"""Wraps a capability's `handle()` as a graph node: builds the request, keeps its flow and memory in state."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from langgraph.runtime import Runtime

from assistant.graph.capabilities import available_capabilities
from assistant.graph.capability import CapabilityRequest, CapabilityResponse, Understanding
from assistant.graph.nodes import general
from assistant.graph.state import Context, State
from prompts import load_bundle

log = logging.getLogger(__name__)

Handler = Callable[[CapabilityRequest], CapabilityResponse]


def _handler(name: str) -> Handler:
    if name == "general":
        return general.handle
    return available_capabilities()[name].handle  # type: ignore[no-any-return]


def run_capability(name: str, state: State, runtime: Runtime[Context]) -> dict[str, Any]:
    locale = state["locale"]
    turn = runtime.context.turn
    flows = dict(state.get("flows") or {})
    request = CapabilityRequest(
        session_id=runtime.context.session_id,
        text=turn.text,
        choice=turn.choice,
        attachments=turn.attachments,
        locale=locale,  # type: ignore[arg-type]
        flow=flows.get(name),
        understanding=Understanding.model_validate(state.get("understanding") or {"locale": locale}),
        config=runtime.context.config,
        memory=dict(state.get("memory") or {}),
        screen=dict(state.get("screen") or {}),
    )
    try:
        response = _handler(name)(request)
    except Exception:
        # A capability bug must not leave the patient without an answer, nor lose the saved flow.
        log.exception("capability %s failed", name)
        number = runtime.context.config.emergency_number.get(locale, "120")
        text = load_bundle("templates/general.yaml").text("error", locale, emergency=number)
        response = CapabilityResponse(route="general", text=text, flow=flows.get(name))
    if response.flow is None:
        flows.pop(name, None)
    else:
        flows[name] = response.flow
    # A flow left for another topic stays saved in `flows`; the patient resumes it by asking for it again.
    active = name if response.flow is not None and not response.flow.get("paused") else None
    memory = {**(state.get("memory") or {}), **response.memory}
    return {"response": response.model_dump(), "flows": flows, "active_flow": active, "memory": memory}


def make_capability_node(name: str) -> Callable[[State, Runtime[Context]], dict[str, Any]]:
    def node(state: State, runtime: Runtime[Context]) -> dict[str, Any]:
        return run_capability(name, state, runtime)

    node.__name__ = name
    return node


def refusal(state: State, runtime: Runtime[Context]) -> dict[str, Any]:
    """A request the guardrails refuse (dose, diagnosis demand, injection, unethical)."""
    from guardrails.replies import refusal_reply

    screen = state.get("screen") or {}
    locale = state["locale"]
    response = CapabilityResponse(route="refusal", text=refusal_reply(screen["kind"], locale))  # type: ignore[arg-type]
    return {"response": response.model_dump()}
