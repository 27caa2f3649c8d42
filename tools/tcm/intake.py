"""The four-diagnostic intake: understanding an answer to one intake question, and showing the findings.

Findings are stored as {question_id: {"section", "values": [option ids], "text": free text or None}} or
{question_id: {"section", "skipped": True}}; they never change the questionnaire scores.
"""

from __future__ import annotations

import re
from typing import Any

from tools.tcm.answers import clean, command
from tools.tcm.models import IntakeQuestion, RespondentSex, load_intake, load_messages

_HAN = re.compile(r"[\u4e00-\u9fff]")
_NEGATION = re.compile(r"(没有|没|不|无|not|no|never)\s*$")
_TOKEN_SPLIT = re.compile(r"[\s,;/、|]+")
EXCLUSIVE_OPTIONS = {"none", "normal"}  # "nothing unusual" only counts when no other option was named
MAX_FREE_TEXT = 500


def intake_questions(sex: RespondentSex | None) -> list[IntakeQuestion]:
    """The intake questions for this patient, in order (menstruation only for women)."""
    return [q for q in load_intake().questions if q.sex is None or q.sex == sex]


def question_by_id(question_id: str) -> IntakeQuestion:
    for question in load_intake().questions:
        if question.id == question_id:
            return question
    raise KeyError(f"unknown intake question {question_id!r}")


def _word_hit(text: str, word: str) -> bool:
    """`word` occurs in `text` and is not directly negated ("没有头痛" does not select headache)."""
    word = clean(word)
    ascii_word = word.isascii()
    for match in re.finditer(re.escape(word), text):
        if ascii_word:
            before = text[match.start() - 1] if match.start() else " "
            after = text[match.end()] if match.end() < len(text) else " "
            if before.isalnum() or (after.isalnum() and len(word) < 4):
                continue
        if not _NEGATION.search(text[max(0, match.start() - 6):match.start()]):
            return True
    return False


def _fragments(label: str) -> list[str]:
    """The parts of an option label, each usable alone: "偏淡、发白" -> ["偏淡", "发白"]; "Pale, whitish" -> both."""
    parts = re.split(r"[、，,（）()]|\s+or\s+", label.lower())
    return [part.strip() for part in parts if len(part.strip()) >= (2 if _HAN.search(part) else 4)]


def parse_intake_answer(question: IntakeQuestion, reply: str) -> dict[str, Any] | None:
    """The finding for `reply`, or None when it is not understood. "skip" / "不知道" records a skipped finding."""
    normal = clean(reply)
    if not normal:
        return None
    if command(reply, allow_substring=False) == "skip" or normal in ("skip", "跳过"):
        return {"section": question.section, "skipped": True}
    ids = [option.id for option in question.options]
    chosen: list[str] = []
    tokens = [token for token in _TOKEN_SPLIT.split(normal) if token]
    if tokens and all(token in ids or (token.isdigit() and 1 <= int(token) <= len(ids)) for token in tokens):
        for token in tokens:
            option_id = token if token in ids else ids[int(token) - 1]
            if option_id not in chosen:
                chosen.append(option_id)
    else:
        for option in question.options:
            words = [option.zh, option.en, *_fragments(option.zh), *_fragments(option.en), *option.words]
            if any(_word_hit(normal, word) for word in words if word):
                chosen.append(option.id)
        specific = [option_id for option_id in chosen if option_id not in EXCLUSIVE_OPTIONS]
        chosen = specific or chosen[:1]
    if not question.multi:
        chosen = chosen[:1]
    if question.free_text and (not chosen or len(normal) > 12):
        # Past illness and cause are kept in the patient's own words; options found are kept alongside.
        return {"section": question.section, "values": chosen, "text": reply.strip()[:MAX_FREE_TEXT]}
    if not chosen:
        return None
    return {"section": question.section, "values": chosen, "text": None}


def render_intake(findings: dict[str, Any], locale: str) -> list[str]:
    """Lines for the summary, grouped by section in the intake's order."""
    messages = load_messages()
    lines: list[str] = []
    current_section = ""
    for question in load_intake().questions:
        finding = findings.get(question.id)
        if finding is None:
            continue
        if question.section != current_section:
            current_section = question.section
            lines.append(messages.get(f"section_{current_section}", locale) + ":")
        label = question.label.get(locale)
        if finding.get("skipped"):
            value = messages.get("intake_skipped", locale)
        else:
            names = {option.id: option.label(locale) for option in question.options}
            parts = [names.get(option_id, option_id) for option_id in finding.get("values", [])]
            if finding.get("text"):
                parts.append(str(finding["text"]))
            value = "、".join(parts) if locale == "zh" else "; ".join(parts)
        lines.append(f"- {label}{'：' if locale == 'zh' else ': '}{value}")
    return lines
