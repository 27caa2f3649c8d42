"""Deterministic findings and slots from free text (zh and en, mixed), used by every turn's `understand` step."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from assistant.graph.capability import Finding
from assistant.nlu.matcher import Lexicon, Match
from assistant.nlu.normalize import symptom_text
from assistant.nlu.slots import find_slots
from assistant.reply import Locale

_PREGNANCY_IMPLIED = frozenset({"reduced_fetal_movement", "fluid_leaking", "contractions"})


def _never_pregnant(slots: dict[str, Any], code: str) -> bool:
    """A baby, a young child or a man: "宝宝下面流出黄水" is a discharge, not waters breaking. ("孩子" alone may be a
    grown daughter, and a baby that "hasn't moved" is the unborn one, so only a stated age or sex counts there.)"""
    if code == "reduced_fetal_movement":
        return False
    age = slots.get("age")
    young = isinstance(age, (int, float)) and not isinstance(age, bool) and age < 10
    return young or slots.get("sex") == "male" or slots.get("subject") in ("infant", "toddler", "father", "husband")


@lru_cache(maxsize=1)
def symptom_matcher() -> tuple[Lexicon, Lexicon]:
    """The symptom lexicon (tools/triage/data/symptoms.yaml) and its exclusions, compiled once."""
    from tools.triage.knowledge import known_words, symptom_lexicon  # lazy: keeps `import assistant.nlu` cheap

    lexicon = symptom_lexicon()
    terms = {code: [*entry.zh, *entry.en] for code, entry in lexicon.findings.items()}
    exclusions = {code: entry.exclude for code, entry in lexicon.findings.items() if entry.exclude}
    return Lexicon(terms, lexicon.spelling, known_words()), Lexicon(exclusions)


def find_matches(text: str) -> list[Match]:
    """Every lexicon match in the text, after exclusions ("hay fever" is not a fever)."""
    lexicon, exclusions = symptom_matcher()
    normalized = lexicon.correct_typos(symptom_text(text))  # the same text the matches' offsets refer to
    matches = lexicon.find(normalized, normalized=True)
    excluded = exclusions.find(normalized, normalized=True)
    kept = [m for m in matches
            if not any(x.code == m.code and x.start < m.end and m.start < x.end for x in excluded)]
    # a short term inside a longer one of the same code is the same mention ("嗽" in "不咳嗽")
    return [m for m in kept if not any(o is not m and o.code == m.code and o.start <= m.start and m.end <= o.end
                                       and (o.end - o.start) > (m.end - m.start) for o in kept)]


def extract_findings(text: str, locale: Locale | None = None) -> list[Finding]:
    """One finding per code: present when any mention is not negated (a denial never hides a mention)."""
    if not text or not text.strip():
        return []
    by_code: dict[str, Finding] = {}
    for match in sorted(find_matches(text), key=lambda m: m.start):
        current = by_code.get(match.code)
        if current is None or (current.present is False and not match.negated):
            by_code[match.code] = Finding(code=match.code, present=not match.negated, evidence=match.text)
    slots = find_slots(symptom_text(text))
    temperature = slots.get("temperature_c")
    # a measured 38°C or more is a fever, whatever the words said
    fever = by_code.get("fever")
    if isinstance(temperature, float) and temperature >= 38.0 and not (fever and fever.present):
        by_code["fever"] = Finding(code="fever", present=True, evidence=f"{temperature}°C")
    return list(by_code.values())


def extract_slots(text: str, locale: Locale | None = None) -> dict[str, Any]:
    """age (years, float), subject, sex, pregnant, pregnancy_weeks, postpartum, temperature_c, duration_hours,
    severity; only the slots the text states."""
    if not text or not text.strip():
        return {}
    slots = find_slots(symptom_text(text))
    for finding in extract_findings(text, locale):
        if finding.code == "pregnant":
            slots.setdefault("pregnant", finding.present)
        elif finding.code == "postpartum" and finding.present:
            slots.setdefault("postpartum", True)
        elif finding.code in _PREGNANCY_IMPLIED and finding.present and not _never_pregnant(slots, finding.code):
            slots["pregnant"] = True  # "the baby hasn't moved today", "my waters broke": only said in pregnancy
    if slots.get("pregnant") is True or slots.get("postpartum") is True:
        slots["sex"] = "female"
    return slots
