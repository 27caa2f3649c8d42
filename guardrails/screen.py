"""Input screening: what a patient's message asks for before any capability or model sees it.

`screen_input` is pure and deterministic (no model): it finds red flags (through the triage engineer's
`tools.triage.red_flags.find_red_flags`), crisis language (guardrails/data/crisis.yaml), and requests the assistant
declines (guardrails/data/requests.yaml): prescription doses, demands for a diagnosis, prompt injection and
unethical requests of the medical-ethics kind. It also gives a scope hint (guardrails/data/scope.yaml).

Precedence, most protective first (`InputScreen.action`):

1. crisis            self-harm / suicide / harming others. The crisis reply already carries the emergency
                     number, so it wins over red flags (an overdose "to end it" gets crisis lines *and* 120/911).
2. emergency         an emergency-level red flag: the turn ends with the emergency reply.
3. refuse_unethical  the harm is the request itself; it wins over any framing around it.
4. refuse_injection  a jailbreak wrapping a dose or diagnosis question is answered as the jailbreak it is.
5. refuse_dose       "soft": the lead answers with the dose refusal *and still lets triage run* on the
                     symptoms ("my 2-year-old has a fever, how much ibuprofen?" gets both).
6. refuse_diagnosis  "soft" as well: the refusal offers symptom assessment and triage continues.

`kind` reports the single request kind by the same order (unethical > injection > dose > diagnosis);
`kinds` lists every kind found. `events` lists every action that applies, most protective first.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any, Literal

from pydantic import BaseModel, Field

from assistant.reply import Locale, SafetyEvent
from guardrails.rules import DATA_DIR, RuleHit, RuleSet, load_rule_file, prepare_variants

logger = logging.getLogger(__name__)

RequestKind = Literal["dose", "diagnosis", "injection", "unethical"]
Action = Literal["crisis", "emergency", "refuse_unethical", "refuse_injection", "refuse_dose", "refuse_diagnosis"]

KIND_PRECEDENCE: tuple[RequestKind, ...] = ("unethical", "injection", "dose", "diagnosis")
ACTION_PRECEDENCE: tuple[Action, ...] = (
    "crisis",
    "emergency",
    "refuse_unethical",
    "refuse_injection",
    "refuse_dose",
    "refuse_diagnosis",
)
EMERGENCY_LEVELS = frozenset({"emergency_ambulance", "emergency"})
# Dose and diagnosis refusals are added to a normal answer; the others replace it.
SOFT_KINDS: frozenset[RequestKind] = frozenset({"dose", "diagnosis"})


class InputScreen(BaseModel):
    """What `screen_input` found in one message."""

    # RedFlagHit objects from tools.triage.red_flags (id, level, label, advice, evidence, source); typed loosely
    # so that importing guardrails does not import the triage package and its data.
    red_flags: list[Any] = Field(default_factory=list)
    crisis: bool = False
    kind: RequestKind | None = None
    kinds: list[RequestKind] = Field(default_factory=list)
    events: list[SafetyEvent] = Field(default_factory=list)
    # Hint for the router: the message is clearly about something other than health (weather, stocks, code).
    out_of_scope: bool = False
    # The rules that fired, with the words that made them fire (for the audit log and for debugging).
    hits: list[RuleHit] = Field(default_factory=list)

    @property
    def emergency(self) -> bool:
        return any(str(getattr(hit, "level", "")) in EMERGENCY_LEVELS for hit in self.red_flags)

    @property
    def action(self) -> Action | None:
        """The single most protective action, or None when the message may be answered normally."""
        actions = {event.action for event in self.events}
        return next((action for action in ACTION_PRECEDENCE if action in actions), None)

    @property
    def blocks_capability(self) -> bool:
        """Whether the turn must not go on to a capability (crisis, emergency, unethical, injection)."""
        return self.crisis or self.emergency or (self.kind is not None and self.kind not in SOFT_KINDS)


@lru_cache(maxsize=1)
def crisis_rules() -> RuleSet:
    return load_rule_file(DATA_DIR / "crisis.yaml")


@lru_cache(maxsize=1)
def request_rules() -> RuleSet:
    return load_rule_file(DATA_DIR / "requests.yaml")


@lru_cache(maxsize=1)
def scope_rules() -> RuleSet:
    return load_rule_file(DATA_DIR / "scope.yaml", lexicons_from=DATA_DIR / "requests.yaml")


def _red_flags(text: str, locale: Locale) -> list[Any]:
    # Imported here: the triage package loads its own data, and guardrails must stay cheap to import.
    try:
        from tools.triage.red_flags import find_red_flags
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("tools.triage"):
            logger.warning("tools.triage.red_flags is not available; red-flag screening is skipped")
            return []
        raise
    return list(find_red_flags(text, locale))


def screen_input(text: str, locale: Locale) -> InputScreen:
    """Screen one patient message. Pure and deterministic; an empty message screens clean.

    Raises TypeError when `text` is not a string and ValueError for an unknown locale.
    """
    if locale not in ("zh", "en"):
        raise ValueError(f"locale must be 'zh' or 'en', got {locale!r}")
    variants = prepare_variants(text)  # raises TypeError for a non-string
    if not variants[0].strip():
        return InputScreen()

    red_flags = _red_flags(text, locale)
    crisis_hits = crisis_rules().find(variants)
    request_hits = request_rules().find(variants)
    kinds = [kind for kind in KIND_PRECEDENCE if any(hit.kind == kind for hit in request_hits)]
    found_anything = bool(red_flags or crisis_hits or request_hits)
    out_of_scope = not found_anything and any(hit.kind == "off_topic" for hit in scope_rules().find(variants))

    events: list[SafetyEvent] = []
    if crisis_hits:
        events.append(SafetyEvent(rule=crisis_hits[0].rule_id, action="crisis"))
    for flag in red_flags:
        if str(getattr(flag, "level", "")) in EMERGENCY_LEVELS:
            events.append(SafetyEvent(rule=f"red_flag.{getattr(flag, 'id', 'unknown')}", action="emergency"))
    for kind in kinds:
        first = next(hit for hit in request_hits if hit.kind == kind)
        events.append(SafetyEvent(rule=first.rule_id, action=f"refuse_{kind}"))
    events.sort(key=lambda event: ACTION_PRECEDENCE.index(event.action))  # type: ignore[arg-type]

    return InputScreen(
        red_flags=red_flags,
        crisis=bool(crisis_hits),
        kind=kinds[0] if kinds else None,
        kinds=kinds,
        events=events,
        out_of_scope=out_of_scope,
        hits=[*crisis_hits, *request_hits],
    )
