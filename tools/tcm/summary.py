"""The result of a completed questionnaire as data (Reply.tcm.result) and as text in the patient's language."""

from __future__ import annotations

from typing import Any

from tools.tcm.intake import render_intake
from tools.tcm.models import BALANCED, TYPE_ORDER, load_guidance, load_item_bank, load_messages
from tools.tcm.scoring import ScoreResult

GUIDANCE_AREAS = ("diet", "sleep", "exercise", "emotions")
MAX_GUIDED_TYPES = 3  # guidance for the primary type and up to two more present or tendency types


def type_name(code: str, locale: str) -> str:
    return load_item_bank().type_name(code, locale)


def guided_types(result: ScoreResult) -> list[str]:
    """Whose guidance to give: the primary type first, then other present types, then tendencies."""
    ordered: list[str] = []
    for code in [result.primary, *result.constitutions, *result.tendencies]:
        if code and code not in ordered:
            ordered.append(code)
    if not ordered:
        ordered = [BALANCED]
    return ordered[:MAX_GUIDED_TYPES]


def guidance_for(codes: list[str], locale: str) -> dict[str, dict[str, str]]:
    guidance = load_guidance()
    out: dict[str, dict[str, str]] = {}
    for code in codes:
        entry = guidance.types[code]
        out[code] = {area: getattr(entry, area).get(locale) for area in GUIDANCE_AREAS}
        out[code]["source"] = entry.source
    return out


def build_result(result: ScoreResult, locale: str, profile: dict[str, Any], answers: dict[str, int],
                 intake: dict[str, Any] | None) -> dict[str, Any]:
    """The JSON payload for Reply.tcm.result (see DESIGN.md, and the node's docstring for the keys)."""
    guidance = load_guidance()
    return {
        "form": result.form,
        "score_kind": "transformed" if result.form == "standard" else "raw",
        "judgments": dict(result.judgments),
        "primary": result.primary,
        "primary_judgment": result.primary_judgment,
        "constitutions": list(result.constitutions),
        "tendencies": list(result.tendencies),
        "warnings": list(result.warnings),
        "raw": dict(result.raw),
        "names": {code: type_name(code, locale) for code in TYPE_ORDER},
        "guidance": guidance_for(guided_types(result), locale),
        "guidance_reviewed": guidance.reviewed,
        "intake": intake or {},
        "profile": profile,
        "answers": dict(answers),
        "sources": {"questionnaire": load_item_bank().source, "guidance": guidance.source_default},
    }


def render_result(payload: dict[str, Any], scores: dict[str, float], locale: str) -> str:
    """The result text: judgment, scores, guidance, warnings, the referral, and the intake when given."""
    messages = load_messages()
    judgments: dict[str, str] = payload["judgments"]
    sep = "、" if locale == "zh" else ", "
    lines = [messages.get("result_title", locale)]
    primary = payload.get("primary")
    if primary is None:
        lines.append(messages.get("result_none", locale))
    else:
        prefix = messages.get(f"primary_prefix_{payload['primary_judgment']}", locale)
        lines.append(messages.get("result_primary", locale, judgment=prefix, name=type_name(primary, locale))
                     .replace("  ", " ").replace(": .", "."))
        others = [code for code in payload["constitutions"] if code != primary]
        if others:
            lines.append(messages.get("result_mixed", locale, names=sep.join(type_name(c, locale) for c in others)))
        tendencies = [code for code in payload["tendencies"] if code != primary]
        if tendencies:
            names = sep.join(type_name(c, locale) for c in tendencies)
            lines.append(messages.get("result_tendency", locale, names=names))
    kind = messages.get(f"score_kind_{payload['score_kind']}", locale)
    lines.append(messages.get("result_scores", locale, kind=kind))
    for code in TYPE_ORDER:
        judgment = messages.get(f"judgment_{judgments[code]}", locale)
        value = scores[code]
        shown = f"{value:.1f}".removesuffix(".0")
        lines.append(f"- {type_name(code, locale)}: {shown} ({judgment})")
    for warning in payload["warnings"]:
        key = "warning_contradictory" if warning.startswith("contradictory") else f"warning_{warning}"
        if key in messages.messages:
            lines.append(messages.get(key, locale))
    for code, areas in payload["guidance"].items():
        lines.append("")
        lines.append(messages.get("guidance_title", locale, name=type_name(code, locale)))
        for area in GUIDANCE_AREAS:
            lines.append(f"- {messages.get(f'guidance_{area}', locale)}: {areas[area]}")
    if payload.get("intake"):
        lines.append("")
        lines.append(messages.get("intake_title", locale))
        lines.extend(render_intake(payload["intake"], locale))
    lines.append("")
    lines.append(messages.get("referral", locale))
    return "\n".join(lines)
