"""route: continue the flow in progress unless the patient clearly changes topic; else pick a capability."""

from __future__ import annotations

from typing import Any, Literal

from langgraph.runtime import Runtime

from assistant.graph.capabilities import available_capabilities
from assistant.graph.state import Context, State

RouteNode = Literal["triage", "report", "tcm", "insurance", "general", "refusal"]

# A capability must be at least this sure to take a new message...
START_THRESHOLD = 0.5
# ...and this sure to pull the patient out of a flow in progress (a paused flow can be resumed later).
SWITCH_THRESHOLD = 0.85
REFUSED_KINDS = ("injection", "unethical", "diagnosis", "dose")
# A dose or diagnosis question inside a symptom description still gets triage, with the refusal added.
TRIAGE_WITH_REFUSAL = ("dose", "diagnosis")
# Off-topic words ("book a flight to Shanghai") must not pull a message into a capability on a weak match.
OFF_TOPIC_OVERRIDE = 0.9
# The insurance matcher's score for explicit insurance words beside a symptom ("will Medicare pay for her pain
# medicines"): the patient asks who pays, so insurance answers. Emergencies never get here: the input screen's red
# flags end the turn before routing.
INSURANCE_EXPLICIT = 0.7


def match_scores(state: State, runtime: Runtime[Context]) -> dict[str, float]:
    turn = runtime.context.turn
    locale = state["locale"]
    scores: dict[str, float] = {}
    for name, module in available_capabilities().items():
        try:
            scores[name] = float(module.match(turn.text, locale, turn.attachments))
        except Exception:  # a faulty matcher must not break the turn
            scores[name] = 0.0
    understanding = state.get("understanding") or {}
    model_intent = (understanding.get("slots") or {}).get("model_intent")
    if model_intent in scores:
        scores[model_intent] = max(scores[model_intent], START_THRESHOLD + 0.05)
    if "triage" in scores and any(f.get("present") for f in understanding.get("findings", [])):
        scores["triage"] = max(scores["triage"], START_THRESHOLD)
    return scores


def choose_route(state: State, runtime: Runtime[Context]) -> dict[str, Any]:
    screen = state.get("screen") or {}
    scores = match_scores(state, runtime)
    active = state.get("active_flow")
    best = max(scores, key=lambda name: scores[name], default=None)
    best_score = scores.get(best, 0.0) if best else 0.0
    kind = screen.get("kind")
    if kind in REFUSED_KINDS:
        if kind in TRIAGE_WITH_REFUSAL and scores.get("triage", 0.0) >= START_THRESHOLD:
            return {"route": "triage"}
        return {"route": "refusal"}
    stays = runtime.context.turn.choice is not None or best == active or best_score < SWITCH_THRESHOLD
    if active and active in scores and stays:
        return {"route": active}
    if screen.get("out_of_scope") and best_score < OFF_TOPIC_OVERRIDE:
        return {"route": "general"}
    if best == "triage" and scores.get("insurance", 0.0) >= INSURANCE_EXPLICIT:
        return {"route": "insurance"}
    if best is not None and best_score >= START_THRESHOLD:
        return {"route": best}
    return {"route": "general"}


def after_route(state: State) -> RouteNode:
    return state["route"]  # type: ignore[return-value]
