"""Test doubles for the eval framework: a scripted assistant target and a rule-based judge."""

from __future__ import annotations

import itertools
from typing import Any

from pydantic import BaseModel

from assistant.graph.capability import Attachment
from assistant.reply import (
    AnalyteResult,
    Choice,
    Citation,
    Question,
    Reply,
    ReportInfo,
    SafetyEvent,
    TriageInfo,
    Usage,
)

_ids = itertools.count(1)


def make_reply(**fields: Any) -> Reply:
    """A Reply with defaults for the fields a test does not care about."""
    fields.setdefault("route", "general")
    fields.setdefault("text", "ok")
    fields.setdefault("locale", "en")
    return Reply(message_id=f"m{next(_ids)}", **fields)


FEVER_QUESTION = Question(
    id="fever", prompt="Do you have a fever?", choices=[Choice(id="yes", label="Yes"), Choice(id="no", label="No")]
)


class FakeTarget:
    """A tiny keyword-driven assistant that speaks the Reply contract, with one multi-turn flow (cough)."""

    description = "fake assistant"

    def __init__(self) -> None:
        self.sessions: dict[str, list[tuple[str | None, str | None, list[Attachment]]]] = {}
        self.locales: dict[str, str | None] = {}

    async def create_session(self, locale: str | None) -> str:
        session_id = f"s{len(self.sessions) + 1}"
        self.sessions[session_id] = []
        self.locales[session_id] = locale
        return session_id

    async def send(
        self, session_id: str, text: str | None, choice: str | None, attachments: list[Attachment]
    ) -> Reply:
        history = self.sessions[session_id]
        history.append((text, choice, attachments))
        locale = self.locales[session_id] or "en"
        message = (text or "").lower()
        if "crash" in message:
            raise RuntimeError("boom")
        if "chest pain" in message or "胸痛" in message:
            return make_reply(route="emergency", text="Call 120 now.", locale=locale,
                              triage=TriageInfo(level="emergency_ambulance", final=True))
        if attachments:
            return make_reply(route="report", locale=locale, report=ReportInfo(critical=b"K 6.9" in attachments[0].data,
                              analytes=[AnalyteResult(code="ALT", name="ALT", value=88, flag="H"),
                                        AnalyteResult(code="K", name="K", value=6.9, flag="HH")]))
        if "dose" in message:
            return make_reply(route="refusal", locale=locale, safety=[SafetyEvent(rule="dose", action="refuse_dose")])
        if "cough" in message or "咳嗽" in message:
            return make_reply(route="triage", locale=locale, question=FEVER_QUESTION,
                              text="Rest and drink fluids. Do you have a fever?")
        if history and len(history) >= 2:
            # An answer to the fever question (a choice id, or free text).
            previous_asked = any("cough" in (t or "").lower() or "咳嗽" in (t or "") for t, _, _ in history[:-1])
            if previous_asked:
                level = "consultation" if choice == "yes" else "self_care"
                return make_reply(route="triage", locale=locale, triage=TriageInfo(level=level, final=True))
        if "deductible" in message:
            return make_reply(route="insurance", locale=locale, citations=[
                Citation(doc_id="medicare_en", section="Section 2", quote="...")])
        if "lottery" in message:
            return make_reply(route="insurance", locale=locale, text="The documents do not cover that question.")
        return make_reply(route="general", locale=locale, text="Hello! 你好", usage=Usage())


class KeywordJudge:
    """A judge that says a criterion is met when its first quoted word appears in the conversation."""

    def __init__(self, fail_on: str | None = None) -> None:
        self.calls: list[list[dict[str, Any]]] = []
        self.fail_on = fail_on

    async def complete_json(self, messages: list[dict[str, Any]], schema: type[BaseModel]) -> tuple[Any, Any]:
        self.calls.append(messages)
        user = messages[-1]["content"]
        conversation, _, criterion = user.partition("The rubric criterion")
        if self.fail_on and self.fail_on in criterion:
            return None, Usage()
        word = criterion.split("'")[1] if "'" in criterion else ""
        met = bool(word) and word.lower() in conversation.lower()
        return schema.model_validate({"explanation": f"looked for {word!r}", "criteria_met": met}), Usage()
