"""Helpers shared by the whole-conversation tests: run scripted conversations on an assistant with a given model
and compare what the code decided (which a model must never change)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from assistant.llm import ModelClient
from assistant.reply import Reply
from assistant.service import Assistant
from assistant.settings import Settings

EMERGENCY_EN = "My father suddenly can't move his right arm and his speech is slurred"
EMERGENCY_ZH = "我胸口压着疼了半小时，喘不上气，全身冒冷汗"
REPORT_EN = "My lab results: glucose 7.2 mmol/L (3.9-6.1), ALT 85 U/L (7-40)"
REPORT_ZH = "血常规结果：白细胞 12.5 ×10^9/L（3.5-9.5），血红蛋白 98 g/L（130-175），血小板 210 ×10^9/L（125-350）"
INSURANCE_ZH = "住院花了2万，能报多少？"
INSURANCE_EN = "I spent 20000 yuan in hospital, how much will insurance pay?"
GREETING = "你好"
VAGUE_EN = "been feeling kinda weird and off lately, not sure what it is"


@asynccontextmanager
async def assistant_with(model: ModelClient, data_dir: Path) -> AsyncIterator[Assistant]:
    data_dir.mkdir(parents=True, exist_ok=True)
    settings = Settings(data_dir=data_dir, database_url="", environment="test", model=model.model)
    async with Assistant.open(settings, model=model) as assistant:
        yield assistant


async def run_conversation(assistant: Assistant, messages: list[str]) -> list[Reply]:
    session = await assistant.create_session()
    return [await assistant.send(session, text=text) for text in messages]


def decided(reply: Reply) -> dict[str, Any]:
    """Everything in a reply that code decides: it must be the same whatever model phrased the text."""
    return {
        "route": reply.route,
        "locale": reply.locale,
        "triage": reply.triage.model_dump() if reply.triage else None,
        "report": reply.report.model_dump() if reply.report else None,
        "citations": [citation.model_dump() for citation in reply.citations],
        "referral": reply.referral.model_dump() if reply.referral else None,
        "question": reply.question.model_dump() if reply.question else None,
        "escalation": (reply.escalation.reason, reply.escalation.priority) if reply.escalation else None,
    }


def same_decision(offline: Reply, phrased: Reply) -> bool:
    """The decisions match; an escalation for a replaced output is the only thing a model may add."""
    left, right = decided(offline), decided(phrased)
    if right["escalation"] and right["escalation"][0] == "output_replaced" and left["escalation"] is None:
        right["escalation"] = None
    return left == right
