"""What the patient reads about a report: each abnormal result in plain words, which results need a doctor and how
soon, and the referral that goes with it. Wording and policy numbers come from data/messages.yaml."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel

from assistant.reply import AnalyteResult, Referral
from tools.reports.models import Text

MESSAGES_PATH = Path(__file__).resolve().parent / "data" / "messages.yaml"
Urgency = Literal["critical", "marked", "abnormal", "indeterminate", "normal"]
CRITICAL_FLAGS = ("LL", "HH")
ABNORMAL_FLAGS = ("L", "H", "LL", "HH")


class Policy(BaseModel):
    marked_high_ratio: float
    marked_low_ratio: float


class Messages(BaseModel):
    source: str
    policy: Policy
    direction: dict[str, Text]
    change: dict[str, Text]
    text: dict[str, Text]

    def say(self, key: str, locale: str, **values: object) -> str:
        return self.text[key].get(locale).format(**values)


@lru_cache(maxsize=1)
def messages() -> Messages:
    with MESSAGES_PATH.open(encoding="utf-8") as handle:
        return Messages.model_validate(yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))


def _number(value: float | str | None) -> float | None:
    return value if isinstance(value, int | float) else None


def format_value(result: AnalyteResult) -> str:
    value = result.value
    shown = f"{value:g}" if isinstance(value, int | float) else str(value if value is not None else "?")
    return f"{shown} {result.unit}" if result.unit and isinstance(value, int | float) else shown


def format_range(result: AnalyteResult) -> str | None:
    low, high = result.ref_low, result.ref_high
    if low is not None and high is not None:
        return f"{low:g}-{high:g}"
    if high is not None:
        return f"<{high:g}"
    if low is not None:
        return f">{low:g}"
    return None


def display_name(result: AnalyteResult) -> str:
    if result.code.upper() in result.name.upper().replace(" ", ""):
        return result.name
    return f"{result.name} ({result.code})"


def is_marked(result: AnalyteResult) -> bool:
    """Far outside its range though not critical (see policy in messages.yaml)."""
    value = _number(result.value)
    if value is None:
        return False
    policy = messages().policy
    if result.flag == "H" and result.ref_high and value >= policy.marked_high_ratio * result.ref_high:
        return True
    return bool(result.flag == "L" and result.ref_low and value <= policy.marked_low_ratio * result.ref_low)


def urgency(results: list[AnalyteResult]) -> Urgency:
    flags = {r.flag for r in results}
    if flags & set(CRITICAL_FLAGS):
        return "critical"
    if any(is_marked(r) for r in results):
        return "marked"
    if flags & set(ABNORMAL_FLAGS):
        return "abnormal"
    if "indeterminate" in flags:
        return "indeterminate"
    return "normal"


def referral_for(results: list[AnalyteResult]) -> Referral:
    level = urgency(results)
    if level == "critical":
        return Referral(needed=True, to="emergency", urgency="now")
    if level == "marked":
        return Referral(needed=True, to="doctor", urgency="within_days")
    if level == "abnormal":
        return Referral(needed=True, to="doctor", urgency="within_weeks")
    if level == "indeterminate":
        return Referral(needed=True, to="doctor", urgency="routine")
    return Referral(needed=False)


def _trend(result: AnalyteResult, locale: str) -> str:
    now, before = _number(result.value), _number(result.previous)
    if now is None or before is None:
        return ""
    key = "same" if abs(now - before) <= 0.02 * max(abs(before), 1e-9) else ("up" if now > before else "down")
    return messages().say("trend", locale, previous=f"{before:g}", change=messages().change[key].get(locale))


def _line(result: AnalyteResult, locale: str) -> str:
    m = messages()
    positive = not isinstance(result.value, int | float) and result.flag == "H"
    direction = m.direction["positive" if positive else result.flag].get(locale)
    shown_range = format_range(result)
    key = "line" if shown_range else "line_no_range"
    text = m.say(key, locale, name=display_name(result), value=format_value(result), direction=direction,
                 range=shown_range, trend=_trend(result, locale), meaning=result.explanation or "")
    return text.rstrip()


def _joined(items: list[str], locale: str) -> str:
    return ("、" if locale == "zh" else ", ").join(items)


def compose_text(results: list[AnalyteResult], locale: str, emergency_number: str) -> str:
    """The whole reply: summary, critical warning, each abnormal result, the rest, advice and a disclaimer."""
    m = messages()
    abnormal = [r for r in results if r.flag in ABNORMAL_FLAGS]
    critical = [r for r in results if r.flag in CRITICAL_FLAGS]
    unclear = [r for r in results if r.flag == "indeterminate"]
    normal = [r for r in results if r.flag == "N"]
    parts = [m.say("intro", locale, total=len(results), abnormal=len(abnormal))]
    if critical:
        items = _joined([f"{display_name(r)} {format_value(r)}" for r in critical], locale)
        parts.append(m.say("critical", locale, items=items, emergency=emergency_number))
    if abnormal:
        parts.append(m.text["abnormal_header"].get(locale) + "\n" + "\n".join(_line(r, locale) for r in abnormal))
    if unclear:
        parts.append(m.say("indeterminate", locale, items=_joined([f"{display_name(r)} {format_value(r)}"
                                                                    for r in unclear], locale)))
    if normal:
        parts.append(m.say("normal", locale, items=_joined([display_name(r) for r in normal], locale)))
        trends = [f"{display_name(r)} {_trend(r, locale).lstrip('，;, ')}" for r in normal if _trend(r, locale)]
        if trends:
            parts.append(m.say("normal_trends", locale, items=_joined(trends, locale)))
    marked = [r for r in abnormal if r.flag not in CRITICAL_FLAGS and is_marked(r)]
    routine = [r for r in abnormal if r.flag not in CRITICAL_FLAGS and not is_marked(r)]
    if critical and (marked or routine):
        # The patient sees a doctor now anyway: the other abnormal results go to that same visit.
        parts.append(m.say("advice_with_critical", locale, items=_joined([display_name(r) for r in marked + routine],
                                                                          locale)))
        marked, routine = [], []
    if marked:
        parts.append(m.say("advice_marked", locale, items=_joined([display_name(r) for r in marked], locale)))
    if routine:
        parts.append(m.say("advice_abnormal", locale, items=_joined([display_name(r) for r in routine], locale)))
    if unclear:
        parts.append(m.text["advice_indeterminate"].get(locale))
    if not abnormal and not unclear:
        parts.append(m.text["advice_normal"].get(locale))
    parts.append(m.text["disclaimer"].get(locale))
    return "\n\n".join(parts)


def escalation_summary(results: list[AnalyteResult]) -> str:
    """For the clinician queue (English, with codes): the critical results."""
    items = [f"{r.code} {format_value(r)} ({r.flag}" + (f", ref {format_range(r)})" if format_range(r) else ")")
             for r in results if r.flag in CRITICAL_FLAGS]
    return "Critical lab values: " + "; ".join(items)
