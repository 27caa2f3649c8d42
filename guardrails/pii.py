"""PII redaction for logs and audit events: ID numbers, phone numbers, e-mails, addresses and names.

    redact("我叫张三，电话13812345678，住在阳光小区3栋2单元501室")
    -> "我叫[NAME]，电话[PHONE]，住在[ADDRESS]"

Patterns live in guardrails/data/pii.yaml (each with its reason and source), applied in order to the original
text. Known names (the patient's and their relatives' names from the session) are replaced wherever they occur.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from guardrails.rules import DATA_DIR, RuleError

NAME_PLACEHOLDER = "[NAME]"
_LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z .'\-]*")


class PiiPattern(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    pattern: str
    replacement: str
    reason: str = Field(min_length=3)
    source: str = Field(min_length=3)

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, pattern: str) -> str:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"bad regex {pattern!r}: {exc}") from exc
        return pattern


class PiiRules(BaseModel):
    model_config = ConfigDict(extra="forbid")

    patterns: list[PiiPattern] = Field(min_length=1)


@lru_cache(maxsize=1)
def pii_rules() -> list[tuple[PiiPattern, re.Pattern[str]]]:
    path = DATA_DIR / "pii.yaml"
    try:
        raw: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
        rules = PiiRules.model_validate(raw)
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise RuleError(f"invalid PII rule file {path}: {exc}") from exc
    return [(rule, re.compile(rule.pattern)) for rule in rules.patterns]


def _name_pattern(name: str) -> re.Pattern[str] | None:
    name = " ".join(name.split())
    # One character would shred ordinary text (a Chinese surname is also a common word).
    if len(name) < 2:
        return None
    if _LATIN_NAME.fullmatch(name):
        return re.compile(rf"\b{re.escape(name)}\b", re.IGNORECASE)
    return re.compile(re.escape(name))


def redact(text: str, names: Iterable[str] = ()) -> str:
    """`text` with identifiers replaced by [ID], [PHONE], [EMAIL], [ADDRESS] and [NAME].

    `names` are names known for the session (patient, relatives); each is replaced wherever it occurs (Latin
    names whole-word and case-insensitive). Raises TypeError when `text` is not a string.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    if isinstance(names, str):
        names = [names]  # a single name passed as a string is one name, not its characters
    for rule, pattern in pii_rules():
        text = pattern.sub(rule.replacement, text)
    # Longest first, so that "Zhang San" is replaced before "Zhang".
    for name in sorted({n for n in names if isinstance(n, str)}, key=len, reverse=True):
        name_pattern = _name_pattern(name)
        if name_pattern is not None:
            text = name_pattern.sub(NAME_PLACEHOLDER, text)
    return text
