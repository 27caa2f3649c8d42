"""escalate: record an escalation for the clinician queue; hold the reply for review when policy says so."""

from __future__ import annotations

from typing import Any, Literal

from langgraph.runtime import Runtime
from langgraph.types import interrupt

from assistant.graph.state import Context, State


def needs_escalation(state: State) -> Literal["escalate", "__end__"]:
    response = state.get("response") or {}
    replaced = any(event.get("action") == "replaced_output" for event in state.get("safety", []))
    return "escalate" if response.get("escalate") or replaced else "__end__"


def escalate(state: State, runtime: Runtime[Context]) -> dict[str, Any]:
    from guardrails.policy import load_policy

    response = state.get("response") or {}
    request = dict(response.get("escalate") or {"reason": "output_replaced", "priority": "normal", "summary": ""})
    priority, requires_review = load_policy().escalation_for(request["reason"])
    if request.get("priority") != "high":
        request["priority"] = priority
    held = response.get("route") != "emergency" and (
        requires_review or request["reason"] in runtime.context.review_reasons
    )
    request["held"] = held
    if not held:
        return {"escalation": request}
    # The patient gets a holding message; a clinician's approved or edited text resumes the turn.
    decision = interrupt({"reason": request["reason"], "draft": state.get("text", ""), "escalation": request})
    reviewed = str(decision.get("text") or state.get("text", "")) if isinstance(decision, dict) else str(decision)
    request["held"] = False
    return {"escalation": request, "reviewed_text": reviewed, "text": reviewed}
