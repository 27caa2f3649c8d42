"""screen_input: the first node of every turn. Red flags and crisis language end the turn at once."""

from __future__ import annotations

from typing import Any, Literal

from langgraph.runtime import Runtime

from assistant.graph.state import Context, State
from assistant.nlu.language import detect_locale

EMERGENCY_LEVELS = ("emergency_ambulance", "emergency")


def turn_locale(state: State, runtime: Runtime[Context]) -> str:
    """The session's fixed locale, else the message's language, else the previous message's, else the default."""
    fixed = state.get("session_locale")
    if fixed:
        return fixed
    previous = state.get("last_locale") or runtime.context.default_locale
    return detect_locale(runtime.context.turn.text, default=previous)  # type: ignore[arg-type]


def screen_input(state: State, runtime: Runtime[Context]) -> dict[str, Any]:
    from guardrails.screen import screen_input as screen

    locale = turn_locale(state, runtime)
    text = runtime.context.turn.text
    result = screen(text, locale) if text.strip() else None  # type: ignore[arg-type]
    return {
        "locale": locale,
        "last_locale": locale,
        "screen": result.model_dump() if result is not None else {},
        "turns": state.get("turns", 0) + 1,
        "safety": [],
        "escalation": None,
        "reviewed_text": None,
        "prompt_version": "template",
    }


def is_emergency(screen: dict[str, Any]) -> bool:
    if screen.get("crisis"):
        return True
    return any(hit.get("level") in EMERGENCY_LEVELS for hit in screen.get("red_flags", []))


def after_screen(state: State) -> Literal["emergency_reply", "understand"]:
    return "emergency_reply" if is_emergency(state.get("screen") or {}) else "understand"
