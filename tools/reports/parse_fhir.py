"""FHIR R4 lab results: a Bundle, a DiagnosticReport (with contained or bundled Observations) or Observations.

Read per Observation: code (LOINC coding, else text), valueQuantity / valueCodeableConcept / valueString,
referenceRange (low, high, text; the one that applies to the patient's sex when several), interpretation, and
effectiveDateTime; components are read as results of their own.
"""

from __future__ import annotations

from typing import Any

from tools.reports.catalogue import by_loinc, choose
from tools.reports.models import Marker, ParsedReport, QualitativeResult, RawResult, RefRange, ReportParseError, Sex
from tools.reports.parse_structured import coded_result
from tools.reports.parse_text import name_matches
from tools.reports.vocabulary import parse_marker, parse_qualitative, parse_range

_INTERPRETATION: dict[str, Marker] = {"H": "H", "HU": "H", "L": "L", "LU": "L", "HH": "HH", "LL": "LL", "N": "N",
                                      "A": "A", "AA": "A", "POS": "A"}


def _resources(document: dict[str, Any]) -> list[dict[str, Any]]:
    kind = document.get("resourceType")
    if kind == "Bundle":
        found = []
        for entry in document.get("entry") or []:
            resource = entry.get("resource") if isinstance(entry, dict) else None
            if isinstance(resource, dict):
                found.extend(_resources(resource))
        return found
    contained = [r for r in document.get("contained") or [] if isinstance(r, dict)]
    return [document, *contained]


def _loinc(code: dict[str, Any]) -> str | None:
    for coding in code.get("coding") or []:
        if "loinc" in str(coding.get("system", "")).lower() and coding.get("code"):
            return str(coding["code"])
    return None


def _label(code: dict[str, Any]) -> str:
    if code.get("text"):
        return str(code["text"])
    for coding in code.get("coding") or []:
        if coding.get("display"):
            return str(coding["display"])
    for coding in code.get("coding") or []:
        if coding.get("code"):
            return str(coding["code"])
    return ""


def _qualitative(concept: dict[str, Any]) -> QualitativeResult | None:
    for coding in concept.get("coding") or []:
        found = coded_result(str(coding.get("code", ""))) or parse_qualitative(str(coding.get("display", "")))
        if found:
            return found
    return parse_qualitative(str(concept.get("text", ""))) if concept.get("text") else None


def _reference(ranges: list[dict[str, Any]], sex: Sex | None) -> tuple[RefRange | None, QualitativeResult | None, str]:
    chosen = None
    for candidate in ranges:
        applies = " ".join(
            str(c.get("code", "")) + " " + str(c.get("display", ""))
            for concept in candidate.get("appliesTo") or []
            for c in concept.get("coding") or []
        ).lower()
        if sex and sex in applies.split():
            chosen = candidate
            break
        if chosen is None and not ({"male", "female"} & set(applies.split()) and sex is None):
            chosen = candidate
    chosen = chosen or (ranges[0] if ranges else None)
    if chosen is None:
        return None, None, ""
    low = (chosen.get("low") or {}).get("value")
    high = (chosen.get("high") or {}).get("value")
    text = str(chosen.get("text") or "")
    if low is not None or high is not None:
        return RefRange(low=low, high=high), None, text
    if text:
        parsed, qualitative = parse_range(text)
        return parsed, qualitative, text
    return None, None, ""


def _marker(observation: dict[str, Any]) -> Marker | None:
    for concept in observation.get("interpretation") or []:
        for coding in concept.get("coding") or []:
            code = str(coding.get("code", "")).upper()
            if code in _INTERPRETATION:
                return _INTERPRETATION[code]
        if concept.get("text"):
            return parse_marker(str(concept["text"]))
    return None


def _result(item: dict[str, Any], sex: Sex | None, date: str | None) -> RawResult | None:
    code = item.get("code") or {}
    loinc = _loinc(code)
    label = _label(code)
    value: float | None = None
    unit: str | None = None
    qualitative: QualitativeResult | None = None
    comparator: str | None = None
    value_text = ""
    if isinstance(item.get("valueQuantity"), dict):
        quantity = item["valueQuantity"]
        if quantity.get("value") is None:
            return None
        value = float(quantity["value"])
        unit = quantity.get("unit") or quantity.get("code")
        comparator = quantity.get("comparator")
        value_text = f"{comparator or ''}{value:g}"
    elif isinstance(item.get("valueCodeableConcept"), dict):
        qualitative = _qualitative(item["valueCodeableConcept"])
        value_text = _label(item["valueCodeableConcept"])
    elif item.get("valueString") is not None:
        from tools.reports.parse_structured import result_from_fields

        return result_from_fields(name=label, loinc=loinc or "", value=str(item["valueString"]), date=date or "")
    elif isinstance(item.get("valueInteger"), int):
        value = float(item["valueInteger"])
        value_text = str(item["valueInteger"])
    if value is None and qualitative is None:
        return None
    ref, ref_qualitative, ref_text = _reference(item.get("referenceRange") or [], sex)
    analyte = by_loinc(loinc) or choose(name_matches(label), unit=unit, value=value, qualitative=qualitative,
                                        section=None)
    return RawResult(
        name=label or (analyte.code if analyte else "?"),
        code=analyte.code if analyte else None,
        loinc=loinc,
        value=value,
        comparator=comparator,
        qualitative=qualitative,
        value_text=value_text,
        unit=unit,
        ref=ref,
        ref_qualitative=ref_qualitative,
        ref_text=ref_text,
        marker=_marker(item),
        date=date,
    )


def _date(resource: dict[str, Any]) -> str | None:
    for key in ("effectiveDateTime", "issued"):
        if isinstance(resource.get(key), str) and len(resource[key]) >= 10:
            return str(resource[key])[:10]
    period = resource.get("effectivePeriod")
    if isinstance(period, dict) and isinstance(period.get("start"), str):
        return str(period["start"])[:10]
    return None


def parse_fhir(document: dict[str, Any]) -> ParsedReport:
    if document.get("resourceType") not in ("Bundle", "DiagnosticReport", "Observation"):
        raise ReportParseError(f"unsupported FHIR resource {document.get('resourceType')!r}")
    resources = _resources(document)
    sex: Sex | None = None
    for resource in resources:
        if resource.get("resourceType") == "Patient" and resource.get("gender") in ("male", "female"):
            sex = resource["gender"]
    report_date = next((_date(r) for r in resources if r.get("resourceType") == "DiagnosticReport" and _date(r)), None)
    results: list[RawResult] = []
    for resource in resources:
        if resource.get("resourceType") != "Observation":
            continue
        date = _date(resource) or report_date
        items = [resource, *[c for c in resource.get("component") or [] if isinstance(c, dict)]]
        for item in items:
            found = _result(item, sex, date)
            if found is not None:
                results.append(found)
    results.sort(key=lambda r: r.date or "")  # oldest first: a repeated test then shows its change
    dates = sorted({r.date for r in results if r.date})
    locale = "zh" if any("\u4e00" <= ch <= "\u9fff" for r in results for ch in r.name) else "en"
    return ParsedReport(format="fhir", results=results, sex=sex, date=report_date or (dates[-1] if dates else None),
                        locale=locale)
