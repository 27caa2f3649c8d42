"""Red flags: free-standing emergencies in one message, or in everything known across an interview.

`find_red_flags(text)` is what the input screen of every turn calls; `evaluate_red_flags(facts)` is the same rule
set over the facts an interview has gathered. Rules live in data/red_flags.yaml, each with its source.
"""

from __future__ import annotations

from pydantic import BaseModel

from assistant.reply import TRIAGE_LEVELS, Locale, TriageLevel
from tools.triage.facts import Facts, evidence_for, holds
from tools.triage.knowledge import red_flag_rules


class RedFlagHit(BaseModel):
    id: str
    level: TriageLevel
    label: dict[str, str]
    advice: dict[str, str]
    evidence: str
    source: str


EMERGENCY_LEVELS: frozenset[TriageLevel] = frozenset({"emergency_ambulance", "emergency"})


def evaluate_red_flags(facts: Facts) -> list[RedFlagHit]:
    """Every red flag whose condition holds on the facts, most urgent first."""
    hits: list[RedFlagHit] = []
    for flag in red_flag_rules().red_flags:
        for condition in flag.when:
            if holds(condition, facts):
                hits.append(RedFlagHit(id=flag.id, level=flag.level, label=flag.label, advice=flag.advice,
                                       evidence="; ".join(evidence_for(condition, facts)), source=flag.source))
                break
    hits.sort(key=lambda hit: TRIAGE_LEVELS.index(hit.level))
    return hits


def facts_from_text(text: str, locale: Locale | None = None) -> Facts:
    from assistant.nlu.findings import extract_findings, extract_slots

    facts = Facts()
    for finding in extract_findings(text, locale):
        facts.add(finding.code, finding.present, finding.evidence)
    facts.slots.update(extract_slots(text, locale))
    return facts


def find_red_flags(text: str, locale: Locale | None = None) -> list[RedFlagHit]:
    """Red flags stated in one message (zh, en or mixed), negation respected, most urgent first.

    Levels: emergency_ambulance and emergency mean stop and send to emergency care; a consultation_24 hit
    (a baby of 3-6 months at 39°C) means see a doctor today and is not a reason to end the turn.
    """
    if not isinstance(text, str):
        raise TypeError(f"find_red_flags expects text as str, got {type(text).__name__}")
    if not text.strip():
        return []
    return evaluate_red_flags(facts_from_text(text, locale))
