"""Guardrails: input screening, output checks, referral policy and PII redaction (rules as data, see data/).

Modules load their rule files lazily on first use; `guardrails.warmup.warm_up()` loads all of them at once.
"""

from __future__ import annotations

from guardrails.warmup import warm_up

__all__ = ["warm_up"]
