"""The guardrails' own replies: the crisis protocol, refusals per request kind, and the out-of-scope answer.

Texts live in guardrails/data/replies.yaml (zh and en, validated on first use); this module only fills them in.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from assistant.reply import Locale
from guardrails.rules import DATA_DIR, RuleError
from guardrails.screen import RequestKind


class Bilingual(BaseModel):
    model_config = ConfigDict(extra="forbid")

    zh: str
    en: str

    def get(self, locale: Locale) -> str:
        return self.zh if locale == "zh" else self.en


class Refusals(BaseModel):
    model_config = ConfigDict(extra="forbid")

    dose: Bilingual
    diagnosis: Bilingual
    injection: Bilingual
    unethical: Bilingual


class ReplyTexts(BaseModel):
    model_config = ConfigDict(extra="forbid")

    source: str
    line_names: dict[str, Bilingual]
    crisis: Bilingual
    refusals: Refusals
    out_of_scope: Bilingual


@lru_cache(maxsize=1)
def reply_texts() -> ReplyTexts:
    path = DATA_DIR / "replies.yaml"
    try:
        raw: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
        texts = ReplyTexts.model_validate(raw)
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise RuleError(f"invalid reply file {path}: {exc}") from exc
    for locale in ("zh", "en"):
        if "{lines}" not in texts.crisis.get(locale) or "{emergency}" not in texts.crisis.get(locale):
            raise RuleError(f"{path}: the {locale} crisis text needs the {{lines}} and {{emergency}} placeholders")
    return texts


def _check_locale(locale: str) -> None:
    if locale not in ("zh", "en"):
        raise ValueError(f"locale must be 'zh' or 'en', got {locale!r}")


def crisis_reply(locale: Locale, crisis_lines: list[str], emergency_number: str) -> str:
    """The self-harm / harm-to-others reply: crisis numbers first, then support and who to contact.

    `crisis_lines` come from the runtime config (e.g. ["12356", "120"] or ["988", "911"]); known numbers are
    named. With no crisis line configured, the emergency number is listed so that a number always comes first.
    """
    _check_locale(locale)
    if not emergency_number or not str(emergency_number).strip():
        raise ValueError("emergency_number must be a non-empty string")
    texts = reply_texts()
    numbers = [str(number).strip() for number in crisis_lines if str(number).strip()] or [str(emergency_number)]
    lines = []
    for number in numbers:
        name = texts.line_names.get(number)
        if name is None:
            lines.append(f"- {number}")
        elif locale == "zh":
            lines.append(f"- {number}：{name.zh}")
        else:
            lines.append(f"- {number}: {name.en}")
    return texts.crisis.get(locale).format(lines="\n".join(lines), emergency=emergency_number)


def refusal_reply(kind: RequestKind, locale: Locale) -> str:
    """The polite refusal for a request kind: dose, diagnosis, injection or unethical."""
    _check_locale(locale)
    refusals = reply_texts().refusals
    if kind not in type(refusals).model_fields:
        raise ValueError(f"unknown refusal kind {kind!r}; expected one of dose, diagnosis, injection, unethical")
    text: Bilingual = getattr(refusals, kind)
    return text.get(locale)


def out_of_scope_reply(locale: Locale) -> str:
    """What the assistant says to an off-topic request: what it can do instead."""
    _check_locale(locale)
    return reply_texts().out_of_scope.get(locale)
