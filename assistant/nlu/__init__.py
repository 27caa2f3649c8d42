"""Deterministic language understanding. Heavy data loads lazily on first use."""

from __future__ import annotations

from typing import Any

from assistant.graph.capability import Finding
from assistant.reply import Locale


def extract_findings(text: str, locale: Locale | None = None) -> list[Finding]:
    from assistant.nlu.findings import extract_findings as _extract

    return _extract(text, locale)


def extract_slots(text: str, locale: Locale | None = None) -> dict[str, Any]:
    from assistant.nlu.findings import extract_slots as _extract

    return _extract(text, locale)


__all__ = ["extract_findings", "extract_slots"]
