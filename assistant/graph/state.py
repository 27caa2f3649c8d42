"""The turn graph's state (persisted per session by the checkpointer) and its runtime context (not persisted)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypedDict

from assistant.graph.capability import Attachment, CapabilityConfig
from assistant.llm import ModelClient
from assistant.reply import Usage


class State(TypedDict, total=False):
    # --- kept across turns --------------------------------------------------------------------
    session_locale: str | None  # fixed by the session, else None
    last_locale: str  # the language of the previous message (for "3" or a choice id)
    active_flow: str | None  # the capability whose multi-turn flow is in progress
    flows: dict[str, dict[str, Any]]  # each capability's saved flow (a paused TCM questionnaire survives a detour)
    memory: dict[str, Any]  # session memory shared with capabilities (e.g. earlier lab reports)
    turns: int
    # --- written afresh every turn -----------------------------------------------------------
    locale: str
    screen: dict[str, Any]  # guardrails.screen.InputScreen
    understanding: dict[str, Any]  # capability.Understanding
    route: str  # the capability node that handled the turn
    response: dict[str, Any]  # capability.CapabilityResponse
    text: str  # the reply text the patient reads
    safety: list[dict[str, str]]  # reply.SafetyEvent
    prompt_version: str
    escalation: dict[str, Any] | None  # capability.EscalationRequest plus "held" when a clinician must review
    reviewed_text: str | None  # a clinician's approved or edited text after review-before-send


@dataclass
class TurnInput:
    """What the patient sent this turn. Kept out of the state so that files never land in checkpoints."""

    text: str = ""
    choice: str | None = None
    attachments: list[Attachment] = field(default_factory=list)


@dataclass
class Context:
    """Runtime configuration for one turn (LangGraph `context`, never persisted)."""

    session_id: str
    turn: TurnInput
    model: ModelClient
    config: CapabilityConfig
    default_locale: str = "zh"
    model_phrasing: bool = True
    review_reasons: tuple[str, ...] = ()
    usage: Usage = field(default_factory=Usage)
