"""Structured inputs: FHIR R4 (Bundle, DiagnosticReport, Observation), CSV/TSV in any column order and encoding,
JSON rows, PDF text layers; unreadable files give a clear error."""

from __future__ import annotations

import json

import pytest
from pdf_writer import make_pdf

from tools.reports import ReportParseError, interpret, parse_report


def flags(data: bytes | str, content_type: str | None = None, filename: str | None = None) -> dict[str, str]:
    return {a.code: a.flag for a in interpret(parse_report(data, content_type, filename))}


def observation(**fields: object) -> dict[str, object]:
    return {"resourceType": "Observation", "status": "final", **fields}


def test_fhir_observation_value_quantity_range_and_interpretation() -> None:
    obs = observation(
        code={"coding": [{"system": "http://loinc.org", "code": "1742-6"}], "text": "ALT"},
        valueQuantity={"value": 45, "unit": "U/L"},
        referenceRange=[{"low": {"value": 7}, "high": {"value": 56}}],
        interpretation=[{"coding": [{"code": "H"}]}],  # contradicts the numbers, which win
        effectiveDateTime="2024-01-02T10:00:00Z",
    )
    parsed = parse_report(json.dumps(obs).encode(), "application/fhir+json")
    assert parsed.format == "fhir" and parsed.results[0].date == "2024-01-02"
    assert flags(json.dumps(obs)) == {"ALT": "N"}


def test_fhir_bundle_with_patient_sex_and_report_references() -> None:
    hgb = observation(id="h", code={"coding": [{"system": "http://loinc.org", "code": "718-7"}]},
                      valueQuantity={"value": 12.5, "unit": "g/dL"})
    bundle = {"resourceType": "Bundle", "entry": [
        {"resource": {"resourceType": "Patient", "id": "p", "gender": "male"}},
        {"resource": {"resourceType": "DiagnosticReport", "id": "r", "result": [{"reference": "Observation/h"}]}},
        {"resource": hgb},
    ]}
    parsed = parse_report(json.dumps(bundle))
    assert parsed.sex == "male"
    assert flags(json.dumps(bundle)) == {"HGB": "L"}  # 125 g/L is low for a man, normal for a woman
    assert {a.code: a.flag for a in interpret(parsed, sex="female")} == {"HGB": "N"}


def test_fhir_coded_values_components_and_sex_specific_ranges() -> None:
    report = {"resourceType": "DiagnosticReport", "contained": [
        observation(id="n", code={"text": "Nitrite"},
                    valueCodeableConcept={"coding": [{"system": "http://snomed.info/sct", "code": "10828004"}]}),
        observation(id="c", code={"text": "Panel"}, component=[
            {"code": {"coding": [{"system": "http://loinc.org", "code": "2823-3"}]},
             "valueQuantity": {"value": 7.1, "unit": "mmol/L"}},
        ]),
        observation(id="u", code={"coding": [{"system": "http://loinc.org", "code": "3084-1"}]},
                    valueQuantity={"value": 400, "unit": "umol/L"},
                    referenceRange=[
                        {"high": {"value": 428}, "appliesTo": [{"coding": [{"code": "male"}]}]},
                        {"high": {"value": 357}, "appliesTo": [{"coding": [{"code": "female"}]}]},
                    ]),
        {"resourceType": "Patient", "gender": "female"},
    ]}
    assert flags(json.dumps(report)) == {"U-NIT": "H", "K": "HH", "UA": "H"}


def test_csv_any_column_order_quoted_fields_and_gb18030() -> None:
    csv_en = 'Flag,Units,Result,Test\nH,x10^3/uL,14.8,WBC\n,"mg/dL",0.9,"Creatinine, Serum"\n'
    assert flags(csv_en, "text/csv") == {"WBC": "H", "CREA": "N"}
    csv_zh = "项目,结果,单位,参考范围\n谷丙转氨酶,156,U/L,9-50\n葡萄糖,23.6,mmol/L,3.9-6.1\n".encode("gb18030")
    assert flags(csv_zh, filename="report.csv") == {"ALT": "H", "GLU": "HH"}
    tsv = "Name\tValue\tLow\tHigh\nK\t3.1\t3.5\t5.3\n"
    assert flags(tsv, "text/tab-separated-values") == {"K": "L"}


def test_csv_without_header_is_read_as_lines() -> None:
    assert flags("ALT,88,U/L,9-50\nAST,30,U/L,15-40\n", "text/csv") == {"ALT": "H", "AST": "N"}


def test_json_rows() -> None:
    rows = [{"test": "Glucose", "value": "54", "unit": "mg/dL"}, {"test": "Sodium", "value": 150, "range": "135-145"}]
    assert flags(json.dumps(rows)) == {"GLU": "L", "NA": "H"}


def test_pdf_text_layer() -> None:
    pdf = make_pdf(["Sex: Female", "Hemoglobin 92 L g/L 115-150", "Platelets 18 LL 10^9/L 125-350"])
    parsed = parse_report(pdf, "application/pdf", "r.pdf")
    assert parsed.format == "pdf" and parsed.sex == "female"
    assert {a.code: a.flag for a in interpret(parsed)} == {"HGB": "L", "PLT": "LL"}


@pytest.mark.parametrize(
    ("data", "content_type", "filename", "message"),
    [
        (b"%PDF-1.4 broken", "application/pdf", "x.pdf", "cannot read the PDF"),
        (make_pdf([]), "application/pdf", "x.pdf", "no text layer"),
        (b"\x89PNG\r\n", "image/png", "x.png", "images cannot be read"),
        (b'{"resourceType": ', "application/fhir+json", "x.json", "not valid JSON"),
        (b'{"resourceType": "Patient"}', "application/json", "x.json", "unsupported FHIR resource"),
        (b'{"hello": 1}', "application/json", "x.json", "neither FHIR nor"),
    ],
)
def test_unreadable_files_raise_a_clear_error(data: bytes, content_type: str, filename: str, message: str) -> None:
    with pytest.raises(ReportParseError, match=message):
        parse_report(data, content_type, filename)


def test_wrong_input_type_is_a_clear_error() -> None:
    with pytest.raises(ReportParseError, match="expected text or bytes"):
        parse_report(12345)  # type: ignore[arg-type]
