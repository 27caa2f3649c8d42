"""Flags for parsed results: N / L / H, LL / HH for critical values, `indeterminate` when the numbers cannot say.

Order, for each result:
1. a qualitative result (negative, trace, +, ++) against the report's own qualitative reference, else the
   catalogue's normal results;
2. a number against the report's own range (the report's H/L marker is only a cross-check);
3. else against the catalogue's adult range (by sex; both sexes when unknown; US-style ranges for English
   reports, Chinese national standards otherwise) after converting to the canonical unit; a unit that cannot be
   reconciled gives `indeterminate`, never normal. With no usable range, the report's own marker is used;
4. critical limits from the catalogue always apply in canonical units, and a lab's own critical marker (HH/LL)
   is never downgraded.
"""

from __future__ import annotations

import re

from assistant.reply import AnalyteResult, Flag
from tools.reports.catalogue import by_code
from tools.reports.models import Analyte, Convention, ParsedReport, RawResult, RefRange, Sex, UnitConversion
from tools.reports.units import conversion_for, display_unit, infer_conversion, normalize_unit
from tools.reports.vocabulary import sex_from_word


def _convention(report_locale: str) -> Convention:
    """English reports are read against US-style default ranges, Chinese ones against the national standards."""
    return "us" if report_locale == "en" else "cn"


def _canonical_conversion(analyte: Analyte, result: RawResult) -> tuple[UnitConversion | None, bool]:
    """How to read the value in canonical units, and whether the unit was printed and recognised."""
    if result.unit and normalize_unit(result.unit):
        conversion = conversion_for(analyte, result.unit)
        if conversion is not None:
            return conversion, True
        return None, False
    if normalize_unit(analyte.unit) == "":
        return UnitConversion(factor=1.0), True
    return None, False


def _inferred(analyte: Analyte, result: RawResult, sex: Sex | None, locale: str) -> UnitConversion | None:
    """A conversion guessed from magnitudes, for a value printed without a (usable) unit."""
    reference = analyte.range_for(sex, _convention(locale))
    preferred = analyte.conventional_unit if locale == "en" else None
    if result.ref is not None and result.ref.low is not None and result.ref.high is not None:
        probe = (result.ref.low + result.ref.high) / 2 or result.ref.high
        guess = infer_conversion(analyte, probe, reference, preferred)
        if guess is not None:
            return guess
    if result.value is None:
        return None
    return infer_conversion(analyte, result.value, reference, preferred)


def _qualitative_flag(analyte: Analyte | None, result: RawResult) -> Flag:
    if result.ref_qualitative is not None:
        return "N" if result.qualitative == result.ref_qualitative else "H"
    if analyte is None:
        return _marker_flag(result) or "indeterminate"
    normal = set(analyte.normal_results) if analyte.kind == "qualitative" else {"negative"}
    return "N" if result.qualitative in normal else "H"


def _marker_flag(result: RawResult) -> Flag | None:
    if result.marker in ("H", "L", "HH", "LL"):
        return result.marker
    return None


def _numeric_flag(
    analyte: Analyte | None, result: RawResult, sex: Sex | None, locale: str
) -> tuple[Flag, float | None, UnitConversion | None]:
    """The flag before critical limits, the value in canonical units when known, and the conversion used."""
    assert result.value is not None
    canonical: float | None = None
    conversion: UnitConversion | None = None
    recognised = False
    if analyte is not None:
        conversion, recognised = _canonical_conversion(analyte, result)
        if conversion is None and not (result.unit and normalize_unit(result.unit)):
            conversion = _inferred(analyte, result, sex, locale)
            recognised = conversion is not None
        if conversion is not None:
            canonical = conversion.to_canonical(result.value)
    if result.ref is not None and result.ref.known:
        return result.ref.classify(result.value), canonical, conversion
    if analyte is None:
        return _marker_flag(result) or "indeterminate", None, None
    if not recognised or conversion is None or canonical is None:
        return "indeterminate", canonical, None
    reference = analyte.range_for(sex, _convention(locale))
    if reference is None or not reference.known:
        return _marker_flag(result) or "indeterminate", canonical, conversion
    flag: Flag = reference.classify(canonical)
    by_sex = analyte.sex_ranges(_convention(locale))
    # Sex unknown and the value is abnormal for one sex only: the lab, which knows the patient, decides.
    if (flag == "N" and sex is None and result.marker in ("H", "L") and by_sex is not None
            and result.marker in (by_sex[0].classify(canonical), by_sex[1].classify(canonical))):
        flag = result.marker
    return flag, canonical, conversion


def _apply_critical(flag: Flag, analyte: Analyte | None, canonical: float | None, result: RawResult) -> Flag:
    if analyte is not None and canonical is not None:
        limits = analyte.critical
        if limits.low is not None and canonical <= limits.low:
            return "LL"
        if limits.high is not None and canonical >= limits.high:
            return "HH"
    if result.marker == "HH" and flag in ("H", "indeterminate"):
        return "HH"
    if result.marker == "LL" and flag in ("L", "indeterminate"):
        return "LL"
    return flag


def _read(
    result: RawResult, sex: Sex | None, report_locale: str
) -> tuple[Flag, Analyte | None, float | None, UnitConversion | None]:
    analyte = by_code(result.code) if result.code else None
    if result.value is None:
        if result.qualitative is None:
            return "indeterminate", analyte, None, None
        return _qualitative_flag(analyte, result), analyte, None, None
    flag, canonical, conversion = _numeric_flag(analyte, result, sex, report_locale)
    return _apply_critical(flag, analyte, canonical, result), analyte, canonical, conversion


def flag_result(
    result: RawResult, sex: Sex | None = None, report_locale: str = "zh"
) -> tuple[Flag, Analyte | None, float | None]:
    """The flag of one result, its catalogue entry, and its value in canonical units when known.
    `report_locale` says which units a value printed without one most likely uses (SI for zh)."""
    flag, analyte, canonical, _ = _read(result, sex, report_locale)
    return flag, analyte, canonical


def _display_range(
    analyte: Analyte | None, result: RawResult, sex: Sex | None, conversion: UnitConversion | None, locale: str
) -> RefRange | None:
    """The range shown with the result: the report's own, else the catalogue's in the unit of the value."""
    if result.ref is not None and result.ref.known:
        return result.ref
    if analyte is None or conversion is None or conversion.offset:
        return None
    reference = analyte.range_for(sex, _convention(locale))
    return None if reference is None else reference.scaled(conversion.factor)


def _unit_name(analyte: Analyte, conversion: UnitConversion) -> str | None:
    """The name of the unit a value without one was read in (shown so that the patient sees the assumption)."""
    if (conversion.factor, conversion.offset) == (1.0, 0.0):
        return analyte.unit or None
    for name, candidate in analyte.units.items():
        if (candidate.factor, candidate.offset) == (conversion.factor, conversion.offset):
            return name
    return None


def _round(value: float | None) -> float | None:
    return None if value is None else float(f"{value:.4g}")


def explanation_for(analyte: Analyte | None, flag: Flag, locale: str) -> str | None:
    if analyte is None:
        return None
    text = analyte.high if flag in ("H", "HH") else analyte.low if flag in ("L", "LL") else None
    return text.get(locale) if text else None


def interpret(parsed: ParsedReport, sex: str | None = None, locale: str | None = None) -> list[AnalyteResult]:
    """One AnalyteResult per parsed result, flagged. `sex` ("male"/"female", also "M", "女", ...) overrides the sex
    printed on the report; `locale` is the language of names and explanations (default: the report's)."""
    sex = (sex_from_word(sex) if sex else None) or parsed.sex
    locale = locale or parsed.locale
    analytes: list[AnalyteResult] = []
    for result in parsed.results:
        flag, analyte, _, conversion = _read(result, sex, parsed.locale)
        shown = _display_range(analyte, result, sex, conversion, parsed.locale)
        value: float | str | None = result.value
        if value is None:
            value = result.value_text or result.qualitative
        elif result.comparator:
            value = f"{result.comparator}{result.value:g}"
        unit = display_unit(result.unit)
        if unit is None and analyte is not None and conversion is not None:
            unit = _unit_name(analyte, conversion)
        analytes.append(
            AnalyteResult(
                code=analyte.code if analyte else _unknown_code(result.name),
                name=(analyte.name.get(locale) if analyte else result.name),
                value=value,
                unit=unit,
                ref_low=_round(shown.low) if shown else None,
                ref_high=_round(shown.high) if shown else None,
                flag=flag,
                loinc=(analyte.loinc if analyte else result.loinc),
                explanation=explanation_for(analyte, flag, locale),
            )
        )
    return analytes


def _unknown_code(name: str) -> str:
    """A code for a test the catalogue lacks: its Latin abbreviation on a Chinese line ("癌胚抗原 CEA" -> "CEA"),
    else the name without spaces."""
    if re.search(r"[\u3400-\u9fff]", name):
        latin = re.findall(r"[A-Za-z][A-Za-z0-9\-/#%]*", name)
        if latin:
            return latin[-1].upper()
    return "".join(ch for ch in name.upper() if not ch.isspace())[:40] or "UNKNOWN"
