"""Units compare by meaning, ranges read in every printed form, unit guesses only where the magnitude is clear."""

from __future__ import annotations

import pytest

from tools.reports.catalogue import by_code
from tools.reports.models import RefRange
from tools.reports.units import infer_conversion, normalize_unit
from tools.reports.vocabulary import parse_range


@pytest.mark.parametrize(
    "spellings",
    [
        ["×10⁹/L", "10^9/L", "10*9/L", "x10E9/L", "10^9/l", "×10^9/L"],
        ["x10E3/uL", "10^3/µL", "10*3/uL", "K/uL", "10³/μL", "thou/uL"],
        ["μmol/L", "µmol/L", "umol/L", "umo1/L", "μmol/l"],
        ["mmol/L", "mmo1/L", "MMOL/L", "mmol/l."],
        ["uIU/mL", "mIU/L", "μIU/mL", "mU/L"],
        ["个/HP", "/HPF", "cells/hp"],
    ],
)
def test_unit_spellings_normalise_to_one_key(spellings: list[str]) -> None:
    assert len({normalize_unit(s) for s in spellings}) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3.5-5.5", RefRange(low=3.5, high=5.5)),
        ("3.5～5.5", RefRange(low=3.5, high=5.5)),
        ("3.5 -- 5.5", RefRange(low=3.5, high=5.5)),
        ("３．５－５．５", RefRange(low=3.5, high=5.5)),
        ("3.5一5.5", RefRange(low=3.5, high=5.5)),
        ("(0-40)", RefRange(low=0, high=40)),
        ("<5.0", RefRange(high=5.0, high_strict=True)),
        ("≤5.0", RefRange(high=5.0)),
        (">60", RefRange(low=60, low_strict=True)),
        ("> OR = 40", RefRange(low=40)),
        ("小于5.2", RefRange(high=5.2, high_strict=True)),
        ("1,000-4,000", RefRange(low=1000, high=4000)),
    ],
)
def test_printed_ranges_are_read(text: str, expected: RefRange) -> None:
    assert parse_range(text)[0] == expected


def test_qualitative_and_unreadable_ranges() -> None:
    assert parse_range("阴性") == (None, "negative")
    assert parse_range("Negative") == (None, "negative")
    assert parse_range("Not Estab.") == (None, None)
    assert parse_range("9-3") == (None, None)  # reversed: not a range


def test_strict_bounds_flag_the_limit_itself() -> None:
    assert RefRange(high=5.2, high_strict=True).classify(5.2) == "H"
    assert RefRange(low=1.0, high=5.2).classify(5.2) == "N"
    assert RefRange(low=60, low_strict=True).classify(60) == "L"


def test_unit_guess_uses_magnitude_and_the_readers_usual_unit() -> None:
    glucose, hemoglobin, potassium = by_code("GLU"), by_code("HGB"), by_code("K")
    assert glucose and hemoglobin and potassium
    reference = glucose.range_for(None)
    assert infer_conversion(glucose, 118, reference, "mg/dL").factor == pytest.approx(0.0555)  # type: ignore[union-attr]
    assert infer_conversion(glucose, 9.5, reference, "mg/dL").factor == 1.0  # type: ignore[union-attr]
    assert infer_conversion(hemoglobin, 65, hemoglobin.range_for(None), "g/dL").factor == 1.0  # type: ignore[union-attr]
    assert infer_conversion(potassium, 6.8, potassium.range_for(None)).factor == 1.0  # type: ignore[union-attr]
    assert infer_conversion(glucose, 100000, reference) is None  # hundred-fold off every reading
