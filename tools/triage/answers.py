"""Reading the patient's answer to an interview question: a choice id, or free text in zh or en."""

from __future__ import annotations

import re

from assistant.nlu.normalize import normalize
from assistant.nlu.quantities import find_age_years, find_duration_hours, find_temperature_c
from tools.triage.facts import Facts
from tools.triage.models import QuestionChoice, QuestionSpec

_UNKNOWN = re.compile(r"^\W*(?:i )?(?:don'?t|do not|dont|dunno|not sure|no idea|unsure|unknown|not certain|idk|"
                      r"can'?t tell|maybe|i'?m not sure|不知道|不清楚|不确定|说不清|不好说|不晓得|没注意|没量|"
                      r"不记得|忘了|也许|可能吧|unknown)")
_NO = re.compile(r"^\W*(?:no|nope|nah|not really|none|never|negative|n|neither|没有|没|无|不是|不会|不|否|都没有|"
                 r"沒有)(?:\W|$)")
_YES = re.compile(r"^\W*(?:yes|yeah|yep|yup|y|sure|correct|right|true|affirmative|i do|he does|she does|it does|"
                  r"they do|有|是|是的|对|对的|嗯|会|有的|有点|确实|好像有|是啊|恩)(?:\W|$|[a-z\u4e00-\u9fff])")

UNKNOWN_CHOICE = "unknown"


def finding_choices(question: QuestionSpec) -> list[QuestionChoice]:
    """The choices of a yes/no question about one finding (yes, no, don't know)."""
    assert question.finding is not None
    code = question.finding
    return [
        QuestionChoice(id="yes", label={"zh": "有", "en": "Yes"}, findings={code: True}),
        QuestionChoice(id="no", label={"zh": "没有", "en": "No"}, findings={code: False}),
        QuestionChoice(id=UNKNOWN_CHOICE, label={"zh": "不知道", "en": "I don't know"}),
    ]


def all_choices(question: QuestionSpec) -> list[QuestionChoice]:
    if question.kind == "finding":
        return finding_choices(question)
    unknown = QuestionChoice(id=UNKNOWN_CHOICE, label={"zh": "不知道", "en": "I don't know"})
    return [*question.choices, unknown]


def _apply_choice(choice: QuestionChoice, facts: Facts, evidence: str) -> None:
    for code, present in choice.findings.items():
        facts.answer(code, present, evidence)
    for name, value in choice.slots.items():
        facts.slots[name] = value


def _choice_from_text(question: QuestionSpec, text: str) -> QuestionChoice | None:
    norm = normalize(text)
    choices = all_choices(question)
    for choice in choices:
        if norm == choice.id.lower() or norm in (normalize(choice.label["zh"]), normalize(choice.label["en"])):
            return choice
    if question.kind == "finding":
        if _NO.search(norm):
            return choices[1]
        if _YES.search(norm):
            return choices[0]
        return None
    for choice in question.choices:
        if any(normalize(word) == norm or (len(word) > 2 and normalize(word) in norm) for word in choice.words):
            return choice
    return None


def _slot_from_text(question: QuestionSpec, text: str, facts: Facts) -> bool:
    """Free-text answers to slot questions: '38.5', '3 days', '70', '8个月'. True when a value was read."""
    norm = normalize(text)
    bare = re.fullmatch(r"\D{0,6}?(\d+(?:\.\d+)?)\D{0,6}", norm)
    if question.slot == "temperature_c":
        value = find_temperature_c(norm)
        if value is None and bare:
            number = float(bare.group(1))
            value = number if 34 <= number <= 44 else round((number - 32) * 5 / 9, 1) if 93 <= number <= 110 else None
        if value is not None:
            facts.slots["temperature_c"] = value
            facts.answer("fever", value >= 38.0, f"{value}°C")
            return True
    elif question.slot == "duration_hours":
        hours = find_duration_hours(norm)
        if hours is not None:
            facts.slots["duration_hours"] = hours
            return True
    elif question.slot == "age":
        age = find_age_years(norm)
        if age is None:
            months = re.search(r"(\d+)\s*(?:months?|个月|月)", norm)
            weeks = re.search(r"(\d+)\s*(?:weeks?|周)", norm)
            if months:
                age = int(months.group(1)) / 12
            elif weeks:
                age = int(weeks.group(1)) / 52
            elif bare and 0 < float(bare.group(1)) < 120:
                age = float(bare.group(1))
        if age is not None:
            facts.slots["age"] = round(age, 3)
            return True
    elif question.slot == "severity":
        score = re.search(r"(\d{1,2})", norm)
        if score and int(score.group(1)) <= 10:
            value = int(score.group(1))
            facts.slots["severity"] = "severe" if value >= 7 else "moderate" if value >= 4 else "mild"
            return True
    return False


def apply_answer(question: QuestionSpec, facts: Facts, *, choice: str | None, text: str) -> str:
    """Applies the answer to `facts`; returns how it was read: 'choice', 'text', 'unknown' or 'unread'.

    "I don't know" is always accepted and changes nothing: a missing answer never lowers the level.
    """
    evidence = (text or choice or "").strip()[:80]
    if choice:
        for option in all_choices(question):
            if option.id == choice:
                _apply_choice(option, facts, evidence)
                return "unknown" if option.id == UNKNOWN_CHOICE else "choice"
    if not text or not text.strip():
        return "unread"
    norm = normalize(text)
    if _UNKNOWN.search(norm):
        return "unknown"
    if question.kind == "choice" and _slot_from_text(question, text, facts):
        return "text"
    matched = _choice_from_text(question, text)
    if matched is not None:
        _apply_choice(matched, facts, evidence)
        return "unknown" if matched.id == UNKNOWN_CHOICE else "text"
    return "unread"
