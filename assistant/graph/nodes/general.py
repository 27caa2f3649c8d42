"""The general capability: greetings, what the assistant can do, thanks, and a scoped refusal for the rest."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from assistant.graph.capability import Attachment, CapabilityRequest, CapabilityResponse
from assistant.nlu.normalize import normalize
from assistant.reply import Locale, SafetyEvent
from prompts import load_bundle

INTENTS_FILE = Path(__file__).with_name("general_intents.yaml")
SMALL_TALK_MAX_CHARS = 40


@lru_cache
def _intents() -> dict[str, dict[str, list[str]]]:
    with open(INTENTS_FILE, encoding="utf-8") as handle:
        data: dict[str, dict[str, list[str]]] = yaml.safe_load(handle)
    return data


def _contains(text: str, phrase: str) -> bool:
    if re.search(r"[a-z]", phrase):
        return re.search(rf"(?<![a-z]){re.escape(phrase)}(?![a-z])", text) is not None
    return phrase in text


def small_talk_intent(text: str) -> str | None:
    """greeting / capabilities / thanks / goodbye when the message is short small talk, else None."""
    norm = normalize(text)
    if not norm or len(norm) > SMALL_TALK_MAX_CHARS:
        return None
    # "capabilities" first: "hi, what can you do?" is a question, not only a greeting.
    for intent in ("capabilities", "thanks", "goodbye", "greeting"):
        phrases = _intents()[intent]
        if any(_contains(norm, phrase) for phrase in phrases["zh"] + phrases["en"]):
            return intent
    return None


def match(text: str, locale: Locale, attachments: list[Attachment]) -> float:
    return 0.6 if small_talk_intent(text) else 0.0


def handle(request: CapabilityRequest) -> CapabilityResponse:
    texts = load_bundle("templates/general.yaml")
    intent = request.understanding.intent or small_talk_intent(request.text)
    if intent in ("greeting", "capabilities", "thanks", "goodbye"):
        return CapabilityResponse(route="general", text=texts.text(intent, request.locale))
    if request.screen.get("out_of_scope") or not request.text.strip():
        return CapabilityResponse(
            route="refusal",
            text=texts.text("out_of_scope", request.locale),
            facts={"safety": [SafetyEvent(rule="scope", action="out_of_scope").model_dump()]},
        )
    # A health question that no capability takes: no advice outside the tools, but not a refusal either.
    return CapabilityResponse(route="general", text=texts.text("health_other", request.locale))
