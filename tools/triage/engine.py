"""The triage decision: which protocols apply, the level, its reasons, and the next most useful question.

Pure functions over `Facts` and the knowledge files; no conversation, no model. A level only ever comes from a
rule that holds on stated facts; an unknown never satisfies a rule and never lowers a level.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.reply import TRIAGE_LEVELS, Locale, TriageLevel, more_urgent
from tools.triage.facts import Facts, holds, possible, unknowns
from tools.triage.knowledge import protocols, questions_by_id, red_flag_rules, symptom_lexicon
from tools.triage.models import Condition, Protocol, QuestionSpec, Rule
from tools.triage.red_flags import EMERGENCY_LEVELS, RedFlagHit, evaluate_red_flags

MAX_QUESTIONS = 6
_FALLBACK_PROTOCOL = "general"


@dataclass
class Reason:
    level: TriageLevel
    text: dict[str, str]


@dataclass
class Assessment:
    level: TriageLevel
    protocols: list[Protocol]
    red_flags: list[RedFlagHit] = field(default_factory=list)
    reasons: list[Reason] = field(default_factory=list)

    @property
    def decided_by_red_flag(self) -> bool:
        return any(hit.level in EMERGENCY_LEVELS for hit in self.red_flags)


def _urgency(level: TriageLevel) -> int:
    """Higher is more urgent."""
    return len(TRIAGE_LEVELS) - TRIAGE_LEVELS.index(level)


def active_protocols(facts: Facts) -> list[Protocol]:
    """Protocols whose trigger findings are present (the fallback protocol when none is)."""
    found = [p for p in protocols().protocols if p.id != _FALLBACK_PROTOCOL and any(facts.has(t) for t in p.triggers)]
    if not found:
        found = [p for p in protocols().protocols if p.id == _FALLBACK_PROTOCOL]
    return found


def _label(code: str, locale: Locale) -> str:
    entry = symptom_lexicon().findings.get(code)
    return entry.label[locale] if entry else code


def describe_rule(rule: Rule, facts: Facts) -> dict[str, str]:
    """A rule's reason: its own text, or the labels of its present findings and the bounds it tested."""
    if rule.reason:
        return rule.reason
    cond = rule.when
    codes = [c for c in [*cond.all, *cond.any] if facts.has(c)]
    out: dict[str, str] = {}
    for locale in ("zh", "en"):
        parts = [_label(code, locale) for code in dict.fromkeys(codes)]
        parts += _bound_words(cond, facts, locale)
        joiner = "，" if locale == "zh" else ", "
        out[locale] = joiner.join(parts)
    return out


def _bound_words(cond: Condition, facts: Facts, locale: Locale) -> list[str]:
    zh = locale == "zh"
    words: list[str] = []
    age = facts.age()
    if cond.age_lt is not None or cond.age_gte is not None:
        if age is not None and age < 2:
            months = round(age * 12)
            words.append(f"{months}个月大" if zh else f"aged {months} months")
        elif age is not None:
            words.append(f"{age:g}岁" if zh else f"aged {age:g}")
        else:
            words.append("年龄因素" if zh else "age")
    temperature = facts.number("temperature_c")
    if cond.temp_gte is not None and temperature is not None:
        words.append(f"体温{temperature}°C" if zh else f"temperature {temperature}°C")
    duration = facts.number("duration_hours")
    if cond.duration_gte is not None and duration is not None:
        days = duration / 24
        words.append((f"持续约{days:.0f}天" if zh else f"for about {days:.0f} days") if days >= 1
                     else ("持续时间短" if zh else "for a short time"))
    if cond.pregnant or cond.pregnant_or_postpartum:
        words.append("孕期或产后" if zh else "in pregnancy or after birth")
    if cond.severity:
        words.append("程度严重" if zh and "severe" in cond.severity else "程度" if zh else
                     "severe" if "severe" in cond.severity else "severity")
    return words


def assess(facts: Facts) -> Assessment:
    """The level from red flags and every active protocol: the most urgent wins."""
    hits = evaluate_red_flags(facts)
    active = active_protocols(facts)
    level: TriageLevel = "self_care"
    reasons: list[Reason] = []
    for hit in hits:
        level = more_urgent(level, hit.level)
        reasons.append(Reason(hit.level, hit.label))
    for protocol in active:
        matched = [rule for rule in protocol.rules if holds(rule.when, facts)]
        reassured = [rule for rule in protocol.reassuring if holds(rule.when, facts)]
        if reassured:
            floor = max((r.level for r in reassured), key=_urgency)
            reasons.append(Reason(floor, describe_rule(reassured[0], facts)))
        else:
            floor = protocol.base
            reasons.append(Reason(floor, _base_reason(protocol, floor)))
        level = more_urgent(level, floor)
        for rule in matched:
            level = more_urgent(level, rule.level)
            reasons.append(Reason(rule.level, describe_rule(rule, facts)))
    # The reasons are those that decided the level; a "no warning signs" base reason never sits beside a red flag.
    deciding = [r for r in reasons if r.level == level] or sorted(reasons, key=lambda r: -_urgency(r.level))[:1]
    return Assessment(level=level, protocols=active, red_flags=hits, reasons=_dedupe(deciding))


def _base_reason(protocol: Protocol, level: TriageLevel) -> dict[str, str]:
    if level in EMERGENCY_LEVELS or level == "consultation_24":
        return {"zh": f"{protocol.label['zh']}需要尽快由医生评估",
                "en": f"{protocol.label['en']} needs prompt assessment"}
    return {"zh": f"{protocol.label['zh']}，目前没有发现危险信号",
            "en": f"{protocol.label['en']}, with no warning signs found so far"}


def _dedupe(reasons: list[Reason]) -> list[Reason]:
    seen: set[str] = set()
    out = []
    for reason in reasons:
        key = reason.text.get("en", "")
        if key and key not in seen:
            seen.add(key)
            out.append(reason)
    return out


def _candidate_questions(active: list[Protocol]) -> list[QuestionSpec]:
    bank = questions_by_id()
    ordered: list[QuestionSpec] = []
    for protocol in sorted(active, key=lambda p: -_urgency(p.base)):
        for qid in protocol.questions:
            if bank[qid] not in ordered:
                ordered.append(bank[qid])
    return ordered


def _raising_conditions(facts: Facts, assessment: Assessment) -> list[Condition]:
    """Conditions (protocol rules and red flags) that would make the level more urgent than it is now."""
    now = _urgency(assessment.level)
    out = [rule.when for p in assessment.protocols for rule in p.rules if _urgency(rule.level) > now]
    # A red flag is worth asking about only when part of it is already there (a present finding), or when it
    # depends on slots alone (an infant's age and temperature).
    out += [cond for flag in red_flag_rules().red_flags if _urgency(flag.level) > now for cond in flag.when
            if not cond.codes() or any(facts.has(code) for code in cond.codes())]
    return [cond for cond in out if possible(cond, facts)]


_PREGNANCY_RELEVANT = frozenset({"abdominal_pain", "pregnancy", "bleeding_emergency", "gynae"})


def _pregnancy_plausible(facts: Facts, active: list[Protocol]) -> bool:
    """Ask about pregnancy only of a woman of child-bearing age (or of someone unknown with belly pain or
    bleeding), never of a man or a child."""
    low, high = facts.age_range()
    if facts.slots.get("subject") in ("infant", "toddler", "child", "father", "husband", "grandparent"):
        return False
    if high < 12 or low > 55:
        return False
    sex = facts.slots.get("sex")
    return sex == "female" or (sex is None and any(p.id in _PREGNANCY_RELEVANT for p in active))


def next_question(facts: Facts, assessment: Assessment, asked: list[str]) -> QuestionSpec | None:
    """The first question (in protocol order) that could still raise the level; None when nothing could."""
    if assessment.level in EMERGENCY_LEVELS or len(asked) >= MAX_QUESTIONS:
        return None
    raising = _raising_conditions(facts, assessment)
    if not raising:
        return None
    needed: set[str] = set()
    for cond in raising:
        needed |= unknowns(cond, facts)
    for question in _candidate_questions(assessment.protocols):
        if question.id in asked:
            continue
        if question.id == "pregnant" and not _pregnancy_plausible(facts, assessment.protocols):
            continue
        if question.slot and question.slot in facts.slots:
            continue
        if question.informs() & needed:
            return question
    return None
