"""emergency_reply: the fixed reply to a red flag or crisis language. No model call happens on this path."""

from __future__ import annotations

from typing import Any

from langgraph.runtime import Runtime

from assistant.graph.capability import CapabilityResponse, EscalationRequest
from assistant.graph.nodes.screen import EMERGENCY_LEVELS
from assistant.graph.state import Context, State
from assistant.reply import TRIAGE_LEVELS, Referral, TriageInfo
from prompts import load_bundle


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
    response = CapabilityResponse(
        route="emergency",
        text="\n\n".join(parts),
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
