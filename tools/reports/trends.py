"""Trends across reports in one session: compact memory entries, and the previous value of a repeated test in the
current result's unit (converted through the canonical unit when the two reports use different units)."""

from __future__ import annotations

from typing import Any

from assistant.reply import AnalyteResult
from tools.reports.catalogue import by_code
from tools.reports.units import conversion_for, normalize_unit

MAX_ENTRIES = 300  # memory is persisted with the session; keep it bounded


def memory_entry(result: AnalyteResult, date: str | None) -> dict[str, Any] | None:
    if not isinstance(result.value, int | float):
        return None
    return {"code": result.code, "value": result.value, "unit": result.unit, "date": date}


def _in_unit(entry: dict[str, Any], code: str, unit: str | None) -> float | None:
    value = entry.get("value")
    if not isinstance(value, int | float):
        return None
    if normalize_unit(entry.get("unit")) == normalize_unit(unit):
        return float(value)
    analyte = by_code(code)
    if analyte is None:
        return None
    before, now = conversion_for(analyte, entry.get("unit")), conversion_for(analyte, unit)
    if before is None or now is None:
        return None
    return float(f"{now.from_canonical(before.to_canonical(float(value))):.4g}")


def attach_previous(results: list[AnalyteResult], history: list[dict[str, Any]], date: str | None) -> None:
    """Set `previous` on each result: from an earlier result of the same test in this report (a report listing
    repeated measurements, oldest first), else from the latest entry in the session's history. History entries of
    the same date are the same report sent again, so they are skipped."""
    earlier: list[dict[str, Any]] = []
    for result in results:
        entry = memory_entry(result, date)
        if entry is None:
            continue
        candidates = [(e, False) for e in reversed(earlier)] + [(e, True) for e in reversed(history)]
        for candidate, from_history in candidates:
            if str(candidate.get("code", "")).upper() != result.code.upper():
                continue
            if from_history and date and candidate.get("date") == date:
                continue
            previous = _in_unit(candidate, result.code, result.unit)
            if previous is not None:
                result.previous = previous
                break
        earlier.append(entry)


def merged_history(history: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """History plus new entries, without repeating an entry already kept, bounded in size."""
    seen = {(e.get("code"), e.get("value"), e.get("unit"), e.get("date")) for e in history}
    combined = list(history)
    for entry in new:
        key = (entry.get("code"), entry.get("value"), entry.get("unit"), entry.get("date"))
        if key not in seen:
            combined.append(entry)
            seen.add(key)
    return combined[-MAX_ENTRIES:]
