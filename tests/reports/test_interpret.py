"""Flag rules: the report's range wins over its marker, catalogue ranges after unit conversion, critical limits
always, unknown units never normal, sex-specific ranges."""

from __future__ import annotations

from tools.reports import interpret
from tools.reports.interpret import flag_result
from tools.reports.models import ParsedReport, RawResult, RefRange


def one(result: RawResult, sex: str | None = None, locale: str = "zh") -> str:
    return flag_result(result, sex, locale)[0]  # type: ignore[arg-type]


def test_report_range_wins_over_its_marker_and_over_the_catalogue() -> None:
    in_range_but_marked = RawResult(name="ALT", code="ALT", value=45, unit="U/L", ref=RefRange(low=9, high=50),
                                    marker="H")
    assert one(in_range_but_marked) == "N"
    # Catalogue says 9-50, this lab says 7-40: the lab's own range decides.
    assert one(RawResult(name="ALT", code="ALT", value=45, unit="U/L", ref=RefRange(low=7, high=40))) == "H"


def test_catalogue_range_after_unit_conversion_and_by_sex() -> None:
    creatinine = RawResult(name="Cr", code="CREA", value=1.0, unit="mg/dL")  # 88.4 umol/L
    assert one(creatinine, "male") == "N"
    assert one(creatinine, "female") == "H"
    assert one(creatinine) == "N"  # sex unknown: only what is abnormal for both sexes is flagged
    marked = creatinine.model_copy(update={"marker": "H"})
    assert one(marked) == "H"  # ... unless the lab, which knows the patient, marked it


def test_unknown_unit_is_indeterminate_never_normal() -> None:
    assert one(RawResult(name="GLU", code="GLU", value=5.6, unit="mg/L")) == "indeterminate"
    # With the report's own range the unit does not matter for the flag.
    assert one(RawResult(name="GLU", code="GLU", value=5.6, unit="mg/L", ref=RefRange(low=3.9, high=6.1))) == "N"


def test_critical_limits_apply_in_canonical_units_even_inside_a_wide_report_range() -> None:
    assert one(RawResult(name="K", code="K", value=6.5, unit="mmol/L", ref=RefRange(low=3.5, high=5.3))) == "HH"
    assert one(RawResult(name="GLU", code="GLU", value=600, unit="mg/dL")) == "HH"
    assert one(RawResult(name="GLU", code="GLU", value=40, unit="mg/dL")) == "LL"
    assert one(RawResult(name="HGB", code="HGB", value=6.5, unit="g/dL")) == "LL"
    assert one(RawResult(name="K", code="K", value=6.9, unit="mmol/L", ref=RefRange(low=3.5, high=8.0))) == "HH"


def test_a_labs_critical_marker_is_never_downgraded() -> None:
    result = RawResult(name="X", code="CRP", value=250, unit="mg/L", ref=RefRange(high=10), marker="HH")
    assert one(result) == "HH"


def test_unknown_analytes_keep_their_own_range_or_flag() -> None:
    assert one(RawResult(name="CA125", value=52, unit="U/mL", ref=RefRange(low=0, high=35))) == "H"
    assert one(RawResult(name="CA125", value=52, unit="U/mL", marker="L")) == "L"
    assert one(RawResult(name="CA125", value=52, unit="U/mL")) == "indeterminate"


def test_qualitative_results() -> None:
    assert one(RawResult(name="PRO", code="U-PRO", qualitative="positive", value_text="++")) == "H"
    assert one(RawResult(name="PRO", code="U-PRO", qualitative="negative", value_text="-")) == "N"
    assert one(RawResult(name="URO", code="U-URO", qualitative="trace", value_text="±")) == "N"
    assert one(RawResult(name="HBsAg", qualitative="negative", value_text="阴性")) == "indeterminate"
    assert one(RawResult(name="HBsAg", qualitative="negative", ref_qualitative="negative")) == "N"


def test_missing_unit_is_read_by_magnitude_in_the_reports_language() -> None:
    assert one(RawResult(name="GLU", code="GLU", value=118), locale="en") == "H"  # 118 mg/dL
    assert one(RawResult(name="GLU", code="GLU", value=5.4), locale="en") == "N"  # 5.4 mmol/L
    assert one(RawResult(name="BUN", code="UREA", value=18), locale="en") == "N"  # 18 mg/dL
    assert one(RawResult(name="K", code="K", value=6.8)) == "HH"


def test_interpret_fills_names_units_ranges_and_explanations_in_the_locale() -> None:
    results = [RawResult(name="Glucose", code="GLU", value=130, unit="mg/dL")]
    [result] = interpret(ParsedReport(format="text", results=results, locale="zh"))
    assert result.name == "葡萄糖" and result.unit == "mg/dL" and result.loinc == "2345-7"
    assert result.ref_high is not None and 105 < result.ref_high < 115  # 6.1 mmol/L shown in mg/dL
    assert result.flag == "H" and result.explanation and "血糖" in result.explanation
    [english] = interpret(ParsedReport(format="text", results=results, locale="en"))
    assert english.name == "Glucose" and "glucose" in (english.explanation or "").lower()
    assert (english.ref_low, english.ref_high) == (70, 99)  # an English report: US-style range
    [asked_in_zh] = interpret(ParsedReport(format="text", results=results, locale="en"), locale="zh")
    assert asked_in_zh.name == "葡萄糖" and (asked_in_zh.ref_low, asked_in_zh.ref_high) == (70, 99)


def test_english_reports_use_us_style_default_ranges() -> None:
    wbc = RawResult(name="WBC", code="WBC", value=10.2, unit="10^9/L")
    assert one(wbc, locale="zh") == "H"  # WS/T 405: 3.5-9.5
    assert one(wbc, locale="en") == "N"  # US: 4.0-11.0
    ldl = RawResult(name="LDL", code="LDL-C", value=100, unit="mg/dL")
    assert one(ldl, locale="en") == "H"  # US labs: <100 mg/dL (the bound itself is above it)
    assert one(ldl.model_copy(update={"value": 99}), locale="en") == "N"
    glucose = RawResult(name="GLU", code="GLU", value=70, unit="mg/dL")
    assert one(glucose, locale="en") == "N"  # exactly the lower bound, converted the same way as the value
