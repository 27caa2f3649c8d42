"""emergency_reply: the fixed reply to a red flag or crisis language. No model call happens on this path.

An insurance question asked beside a red flag gets its (template, cited) answer after the emergency advice.
"""

from __future__ import annotations

from typing import Any

from langgraph.runtime import Runtime

from assistant.graph.capabilities import available_capabilities
from assistant.graph.capability import CapabilityResponse, EscalationRequest
from assistant.graph.nodes.screen import EMERGENCY_LEVELS
from assistant.graph.state import Context, State
from assistant.reply import TRIAGE_LEVELS, Referral, TriageInfo
from prompts import load_bundle

# The insurance matcher's score for a message that asks an insurance question in so many words (see route.py).
INSURANCE_QUESTION = 0.7


def _insurance_answer(state: State, runtime: Runtime[Context]) -> CapabilityResponse | None:
    """The insurance answer to a question asked beside a red flag ("hit by a car, will insurance pay the bill"),
    or None. The emergency advice stays first and whole; the patient also gets what they asked, with citations."""
    from assistant.graph.nodes.capability_node import run_capability

    module = available_capabilities().get("insurance")
    turn = runtime.context.turn
    if module is None or (state.get("screen") or {}).get("crisis"):
        return None
    try:
        asks = float(module.match(turn.text, state["locale"], turn.attachments)) >= INSURANCE_QUESTION
    except Exception:  # a faulty matcher must not touch the emergency reply
        return None
    if not asks:
        return None
    answer = CapabilityResponse.model_validate(run_capability("insurance", state, runtime)["response"])
    return answer if answer.route == "insurance" else None


def emergency_reply(state: State, runtime: Runtime[Context]) -> dict[str, Any]:
    from guardrails.replies import crisis_reply

    locale = state["locale"]
    screen = state.get("screen") or {}
    config = runtime.context.config
    number = config.emergency_number.get(locale, config.emergency_number["en"])
    hits = [hit for hit in screen.get("red_flags", []) if hit.get("level") in EMERGENCY_LEVELS]
    texts = load_bundle("templates/emergency.yaml")
    parts: list[str] = []
    triage: TriageInfo | None = None
    reason = "red_flag"
    if screen.get("crisis"):
        reason = "self_harm"
        parts.append(crisis_reply(locale, config.crisis_lines.get(locale, []), number))  # type: ignore[arg-type]
    if hits:
        level = min((hit["level"] for hit in hits), key=TRIAGE_LEVELS.index)
        labels = [hit["label"].get(locale) or hit["label"].get("en", hit["id"]) for hit in hits]
        advice = [hit["advice"].get(locale) or hit["advice"].get("en", "") for hit in hits]
        advice = [line for line in dict.fromkeys(advice) if line]
        key = "ambulance" if level == "emergency_ambulance" else "emergency_department"
        parts.insert(
            0,
            texts.text(key, locale, number=number, findings="、".join(labels) if locale == "zh" else "; ".join(labels)),
        )
        parts.extend(advice)
        triage = TriageInfo(
            level=level,
            reasons=[texts.text("reason", locale, finding=label) for label in labels],
            red_flags=[hit["id"] for hit in hits],
            final=True,
            advice=advice,
        )
    answer = _insurance_answer(state, runtime) if hits else None
    if answer is not None:
        parts.append(answer.text)
    response = CapabilityResponse(
        route="emergency",
        text="\n\n".join(parts),
        citations=answer.citations if answer is not None else [],
        triage=triage,
        referral=Referral(needed=True, to="emergency", urgency="now"),
        escalate=EscalationRequest(reason=reason, priority="high", summary="; ".join(h["id"] for h in hits) or reason),
        facts={"level": triage.level if triage else None, "emergency_number": number},
    )
    flows = dict(state.get("flows") or {})
    flows.pop("triage", None)  # the emergency is the triage outcome; an interview in progress ends here
    return {
        "route": "emergency",
        "response": response.model_dump(),
        "text": response.text,
        "flows": flows,
        "active_flow": None if state.get("active_flow") == "triage" else state.get("active_flow"),
    }
