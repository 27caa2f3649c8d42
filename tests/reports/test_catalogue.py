"""The analyte catalogue is valid data: enough analytes, both languages, sources, coherent ranges and limits."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from tools.reports.catalogue import by_code, by_loinc, catalogue, load_catalogue, resolve_code
from tools.reports.units import conversion_for

REQUIRED_PANELS = {"cbc", "electrolytes", "kidney", "liver", "lipids", "glucose", "thyroid", "coagulation", "urine",
                   "inflammation"}


def test_catalogue_has_at_least_sixty_analytes_across_required_panels() -> None:
    analytes = catalogue().analytes
    assert len(analytes) >= 60
    assert {a.panel for a in analytes} >= REQUIRED_PANELS


@pytest.mark.parametrize("analyte", catalogue().analytes, ids=lambda a: a.code)
def test_every_analyte_is_bilingual_sourced_and_explained(analyte) -> None:  # type: ignore[no-untyped-def]
    assert analyte.name.zh and analyte.name.en and analyte.source.strip()
    assert analyte.high is not None and analyte.high.zh and analyte.high.en
    if analyte.kind == "quantitative" and analyte.low is None:
        reference = analyte.range_for(None)
        # Tests with no meaningful "low" must have no lower limit that could flag L.
        assert reference is None or not reference.low


@pytest.mark.parametrize("analyte", catalogue().analytes, ids=lambda a: a.code)
def test_critical_limits_lie_outside_the_normal_range(analyte) -> None:  # type: ignore[no-untyped-def]
    for sex, convention in [("male", "cn"), ("female", "cn"), ("male", "us"), ("female", "us")]:
        reference = analyte.range_for(sex, convention)
        if reference is None:
            continue
        if analyte.critical.low is not None and reference.low is not None:
            assert analyte.critical.low < reference.low
        if analyte.critical.high is not None and reference.high is not None:
            assert analyte.critical.high > reference.high


@pytest.mark.parametrize(
    ("name", "code"),
    [("谷丙转氨酶", "ALT"), ("SGPT", "ALT"), ("Hb", "HGB"), ("血色素", "HGB"), ("potassium", "K"), ("尿素氮", "UREA"),
     ("糖化血红蛋白", "HBA1C"), ("D-二聚体", "D-DIMER"), ("γ-GT", "GGT"), ("Lp(a)", "LPA"), ("hs-CRP", "HSCRP")],
)
def test_aliases_resolve_to_codes(name: str, code: str) -> None:
    assert resolve_code(name) == code


def test_lookup_by_loinc_including_secondary_codes() -> None:
    assert by_loinc("1742-6").code == "ALT"  # type: ignore[union-attr]
    assert by_loinc("14749-6").code == "GLU"  # type: ignore[union-attr]
    assert by_loinc("0000-0") is None


def test_conversion_factors_reach_the_canonical_unit() -> None:
    glucose, hba1c = by_code("GLU"), by_code("HBA1C")
    assert glucose is not None and hba1c is not None
    assert conversion_for(glucose, "mg/dL").to_canonical(126) == pytest.approx(7.0, abs=0.01)  # type: ignore[union-attr]
    assert conversion_for(hba1c, "mmol/mol").to_canonical(48) == pytest.approx(6.5, abs=0.05)  # type: ignore[union-attr]
    assert conversion_for(glucose, "furlongs") is None


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "analytes.yaml"
    path.write_text(body, encoding="utf-8")
    return path


ENTRY = """
- code: {code}
  panel: x
  name: {{zh: 甲, en: A}}
  unit: U/L
  range: "{range}"
  source: "{source}"
"""


def test_bad_catalogue_is_rejected_with_a_message(tmp_path: Path) -> None:
    duplicate = "version: '1'\nanalytes:" + ENTRY.format(code="A", range="1-2", source="s") * 2
    with pytest.raises(ValidationError, match="duplicate analyte code A"):
        load_catalogue(_write(tmp_path, duplicate))
    no_source = "version: '1'\nanalytes:" + ENTRY.format(code="A", range="1-2", source=" ")
    with pytest.raises(ValidationError, match="source is required"):
        load_catalogue(_write(tmp_path, no_source))
    bad_range = "version: '1'\nanalytes:" + ENTRY.format(code="A", range="high", source="s")
    with pytest.raises(ValueError, match="cannot read range"):
        load_catalogue(_write(tmp_path, bad_range))
