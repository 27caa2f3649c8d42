"""Eval cases sent as files: FHIR R4 JSON, CSV/TSV (UTF-8 and GB18030), PDF with a text layer."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pdf_writer import make_pdf

LOINC = "http://loinc.org"
INTERP = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"
SNOMED = "http://snomed.info/sct"


def _quantity_obs(oid: str, loinc: str, text: str, value: float, unit: str, low: float | None = None,
                  high: float | None = None, interp: str | None = None, date: str = "2024-06-03T08:10:00+08:00",
                  ref_text: str | None = None) -> dict[str, Any]:
    obs: dict[str, Any] = {
        "resourceType": "Observation", "id": oid, "status": "final",
        "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category",
                                  "code": "laboratory"}]}],
        "code": {"coding": [{"system": LOINC, "code": loinc, "display": text}], "text": text},
        "effectiveDateTime": date,
        "valueQuantity": {"value": value, "unit": unit, "system": "http://unitsofmeasure.org", "code": unit},
    }
    if low is not None or high is not None or ref_text:
        ref: dict[str, Any] = {}
        if low is not None:
            ref["low"] = {"value": low, "unit": unit}
        if high is not None:
            ref["high"] = {"value": high, "unit": unit}
        if ref_text:
            ref["text"] = ref_text
        obs["referenceRange"] = [ref]
    if interp:
        obs["interpretation"] = [{"coding": [{"system": INTERP, "code": interp}]}]
    return obs


def _coded_obs(oid: str, loinc: str, text: str, code: str, display: str) -> dict[str, Any]:
    return {
        "resourceType": "Observation", "id": oid, "status": "final",
        "code": {"coding": [{"system": LOINC, "code": loinc}], "text": text},
        "valueCodeableConcept": {"coding": [{"system": SNOMED, "code": code, "display": display}], "text": display},
        "referenceRange": [{"text": "Negative"}],
    }


def fhir_bundle_cmp() -> dict[str, Any]:
    observations = [
        _quantity_obs("glu", "2345-7", "Glucose [Mass/volume] in Serum or Plasma", 131, "mg/dL", 74, 99, "H"),
        _quantity_obs("bun", "3094-0", "Urea nitrogen [Mass/volume] in Serum or Plasma", 15, "mg/dL", 6, 20, "N"),
        _quantity_obs("cr", "2160-0", "Creatinine [Mass/volume] in Serum or Plasma", 1.32, "mg/dL", 0.57, 1.0, "H"),
        _quantity_obs("na", "2951-2", "Sodium [Moles/volume] in Serum or Plasma", 141, "mmol/L", 134, 144),
        _quantity_obs("k", "2823-3", "Potassium [Moles/volume] in Serum or Plasma", 3.3, "mmol/L", 3.5, 5.2, "L"),
        _quantity_obs("alt", "1742-6", "Alanine aminotransferase", 30, "U/L", 0, 32),
        _quantity_obs("alb", "1751-7", "Albumin [Mass/volume] in Serum or Plasma", 3.2, "g/dL", 3.8, 4.9, "L"),
    ]
    patient: dict[str, Any] = {"resourceType": "Patient", "id": "p1", "gender": "female", "birthDate": "1961-02-03"}
    report: dict[str, Any] = {"resourceType": "DiagnosticReport", "id": "r1", "status": "final",
              "code": {"coding": [{"system": LOINC, "code": "24323-8"}]},
              "subject": {"reference": "Patient/p1"}, "effectiveDateTime": "2024-06-03",
              "result": [{"reference": f"Observation/{o['id']}"} for o in observations]}
    entries = [patient, report, *observations]
    return {"resourceType": "Bundle", "type": "collection",
            "entry": [{"fullUrl": f"urn:uuid:{e['id']}", "resource": e} for e in entries]}


def fhir_single_potassium() -> dict[str, Any]:
    obs = _quantity_obs("k1", "2823-3", "Potassium", 6.6, "mmol/L")
    return obs


def fhir_report_contained_urine() -> dict[str, Any]:
    contained = [
        _coded_obs("nit", "5802-4", "Nitrite [Presence] in Urine by Test strip", "10828004", "Positive"),
        _coded_obs("leu", "5799-2", "Leukocyte esterase [Presence] in Urine by Test strip", "10828004", "Positive"),
        _coded_obs("ket", "2514-8", "Ketones [Presence] in Urine by Test strip", "260385009", "Negative"),
        _coded_obs("glu", "25428-4", "Glucose [Presence] in Urine by Test strip", "260385009", "Negative"),
        _quantity_obs("sg", "5811-5", "Specific gravity of Urine by Test strip", 1.018, "1", 1.005, 1.030),
        _quantity_obs("ph", "5803-2", "pH of Urine by Test strip", 6.5, "[pH]", 5.0, 8.0),
    ]
    return {"resourceType": "DiagnosticReport", "id": "ua1", "status": "final",
            "code": {"coding": [{"system": LOINC, "code": "24356-8"}], "text": "Urinalysis complete panel"},
            "effectiveDateTime": "2024-07-01T09:00:00Z", "contained": contained,
            "result": [{"reference": f"#{o['id']}"} for o in contained]}


def fhir_bundle_units_no_ranges() -> dict[str, Any]:
    observations = [
        _quantity_obs("a1c", "4548-4", "Hemoglobin A1c", 53, "mmol/mol"),
        _quantity_obs("egfr", "33914-3", "eGFR", 48, "mL/min/{1.73_m2}"),
        _quantity_obs("hgb", "718-7", "Hemoglobin", 13.9, "g/dL"),
        _quantity_obs("plt", "777-3", "Platelets", 1250, "10*3/uL"),
        _quantity_obs("tsh", "3016-3", "TSH", 2.1, "mIU/L"),
    ]
    patient = {"resourceType": "Patient", "id": "p2", "gender": "male"}
    return {"resourceType": "Bundle", "type": "searchset",
            "entry": [{"resource": r} for r in [patient, *observations]]}


def fhir_bundle_chinese_text_codes() -> dict[str, Any]:
    """Observations coded only by Chinese text (no LOINC), as some hospital systems export them."""
    def text_obs(oid: str, text: str, value: float, unit: str, low: float, high: float) -> dict[str, Any]:
        return {"resourceType": "Observation", "id": oid, "status": "final", "code": {"text": text},
                "valueQuantity": {"value": value, "unit": unit},
                "referenceRange": [{"low": {"value": low}, "high": {"value": high}}]}

    observations = [
        text_obs("o1", "白细胞计数", 2.8, "10^9/L", 3.5, 9.5),
        text_obs("o2", "血红蛋白", 96, "g/L", 115, 150),
        text_obs("o3", "血小板计数", 145, "10^9/L", 125, 350),
        text_obs("o4", "谷丙转氨酶", 35, "U/L", 7, 40),
    ]
    return {"resourceType": "Bundle", "type": "collection", "entry": [{"resource": o} for o in observations]}


CSV_EN = """Test Name,Result,Units,Reference Range,Flag
Hemoglobin,10.2,g/dL,12.0-15.5,L
White Blood Cell Count,14.8,x10^3/uL,4.0-11.0,H
Platelet Count,245,x10^3/uL,150-450,
"Creatinine, Serum",0.7,mg/dL,0.5-1.1,
Ferritin,8,ng/mL,15-150,L
"Vitamin D, 25-Hydroxy",14,ng/mL,30-100,L
"""

CSV_ZH = """姓名,王某,性别,男
项目,缩写,结果,单位,参考范围,提示
谷丙转氨酶,ALT,156,U/L,9-50,↑
谷草转氨酶,AST,89,U/L,15-40,↑
总胆红素,TBIL,15.2,μmol/L,0-26,
葡萄糖,GLU,23.6,mmol/L,3.9-6.1,↑
甘油三酯,TG,1.2,mmol/L,<1.7,
"""

TSV_REORDERED = """Reference\tUnit\tValue\tName
3.5-5.3\tmmol/L\t3.1\tK
137-147\tmmol/L\t149\tNa
2.11-2.52\tmmol/L\t1.62\tCa
0.75-1.02\tmmol/L\t0.88\tMg
"""

CSV_NO_RANGES = """test,value,unit
Glucose,54,mg/dL
Creatinine,1.6,mg/dL
Hemoglobin,15.1,g/dL
Sodium,142,mEq/L
Potassium,4.0,mEq/L
Uric acid,9.1,mg/dL
"""

PDF_US_LINES = [
    "Quest Diagnostics                                   Patient: SMITH, ROBERT",
    "Sex: M        DOB: 1958-09-30        Collected: 2024-04-22 07:45",
    "Test Name                      Result     Flag   Reference Range   Units",
    "LIPID PANEL",
    "Cholesterol, Total             219        H      <200              mg/dL",
    "HDL Cholesterol                41                > OR = 40         mg/dL",
    "Triglycerides                  155        H      <150              mg/dL",
    "LDL-Cholesterol                146        H      <100              mg/dL (calc)",
    "HEMOGLOBIN A1c                 6.9        H      <5.7              % of total Hgb",
    "GLUCOSE                        141        H      65-99             mg/dL",
    "TSH                            1.82              0.40-4.50         mIU/L",
    "This test was performed at Quest Diagnostics. Page 1 of 1",
]

PDF_CBC_CRITICAL_LINES = [
    "City Hospital Laboratory - Hematology              Sex: Female",
    "Collected 2024-08-09",
    "WBC            1.2     LL    10^9/L     3.5-9.5",
    "Neutrophils#   0.3     L     10^9/L     1.8-6.3",
    "Hemoglobin     92      L     g/L        115-150",
    "Platelets      210           10^9/L     125-350",
    "CRITICAL VALUE CALLED TO DR. LEE",
]


def write_files(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    documents = {
        "fhir_bundle_cmp.json": fhir_bundle_cmp(),
        "fhir_observation_potassium.json": fhir_single_potassium(),
        "fhir_diagnosticreport_urinalysis.json": fhir_report_contained_urine(),
        "fhir_bundle_units_no_ranges.json": fhir_bundle_units_no_ranges(),
        "fhir_bundle_chinese_text.json": fhir_bundle_chinese_text_codes(),
    }
    for name, document in documents.items():
        (folder / name).write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (folder / "cbc_en.csv").write_text(CSV_EN, encoding="utf-8")
    (folder / "liver_zh_gbk.csv").write_bytes(CSV_ZH.encode("gb18030"))
    (folder / "electrolytes_reordered.tsv").write_text(TSV_REORDERED, encoding="utf-8")
    (folder / "chem_no_ranges.csv").write_text(CSV_NO_RANGES, encoding="utf-8")
    (folder / "lipids_us.pdf").write_bytes(make_pdf(PDF_US_LINES))
    (folder / "cbc_critical.pdf").write_bytes(make_pdf(PDF_CBC_CRITICAL_LINES))


def _attachment(filename: str, content_type: str) -> list[dict[str, str]]:
    return [{"kind": "file", "content_type": content_type, "filename": filename, "path": f"files/report/{filename}"}]


FILE_CASES: list[dict[str, Any]] = [
    {"id": "report-fhir-bundle-cmp-025", "locale": "en", "tags": ["fhir", "bundle", "interpretation"],
     "messages": ["Here are my results from the portal"],
     "attachments": _attachment("fhir_bundle_cmp.json", "application/fhir+json"),
     "flags": [("GLU", "H"), ("UREA", "N"), ("CREA", "H"), ("NA", "N"), ("K", "L"), ("ALT", "N"), ("ALB", "L")],
     "critical": False},
    {"id": "report-fhir-observation-critical-026", "locale": "en", "tags": ["fhir", "observation", "critical"],
     "attachments": _attachment("fhir_observation_potassium.json", "application/fhir+json"),
     "flags": [("K", "HH")], "critical": True},
    {"id": "report-fhir-contained-urine-027", "locale": "en", "tags": ["fhir", "diagnosticreport", "coded-values"],
     "messages": ["urine test results attached"],
     "attachments": _attachment("fhir_diagnosticreport_urinalysis.json", "application/json"),
     "flags": [("U-NIT", "H"), ("U-LEU", "H"), ("U-KET", "N"), ("U-GLU", "N"), ("U-SG", "N"), ("U-PH", "N")],
     "critical": False},
    {"id": "report-fhir-units-no-ranges-028", "locale": "en", "tags": ["fhir", "unit-conversion", "critical"],
     "attachments": _attachment("fhir_bundle_units_no_ranges.json", "application/fhir+json"),
     "flags": [("HBA1C", "H"), ("EGFR", "L"), ("HGB", "N"), ("PLT", "HH"), ("TSH", "N")], "critical": True},
    {"id": "report-fhir-chinese-text-029", "locale": "zh", "tags": ["fhir", "zh", "text-codes"],
     "messages": ["帮我看看这个报告"],
     "attachments": _attachment("fhir_bundle_chinese_text.json", "application/fhir+json"),
     "flags": [("WBC", "L"), ("HGB", "L"), ("PLT", "N"), ("ALT", "N")], "critical": False},
    {"id": "report-csv-en-030", "locale": "en", "tags": ["csv", "quoted-fields"],
     "attachments": _attachment("cbc_en.csv", "text/csv"),
     "flags": [("HGB", "L"), ("WBC", "H"), ("PLT", "N"), ("CREA", "N"), ("FERRITIN", "L"), ("VITD", "L")],
     "critical": False},
    {"id": "report-csv-zh-gbk-031", "locale": "zh", "tags": ["csv", "zh", "gb18030", "critical"],
     "messages": ["这是我的化验单"],
     "attachments": _attachment("liver_zh_gbk.csv", "text/csv"),
     "flags": [("ALT", "H"), ("AST", "H"), ("TBIL", "N"), ("GLU", "HH"), ("TG", "N")], "critical": True},
    {"id": "report-tsv-reordered-032", "locale": "en", "tags": ["tsv", "column-order", "critical"],
     "attachments": _attachment("electrolytes_reordered.tsv", "text/tab-separated-values"),
     "flags": [("K", "L"), ("NA", "H"), ("CA", "LL"), ("MG", "N")], "critical": True},
    {"id": "report-csv-no-ranges-033", "locale": "en", "tags": ["csv", "no-range", "unit-conversion"],
     "attachments": _attachment("chem_no_ranges.csv", "text/csv"),
     "flags": [("GLU", "L"), ("CREA", "H"), ("HGB", "N"), ("NA", "N"), ("K", "N"), ("UA", "H")], "critical": False},
    {"id": "report-pdf-us-lipids-034", "locale": "en", "tags": ["pdf", "us", "lipids"],
     "attachments": _attachment("lipids_us.pdf", "application/pdf"),
     "flags": [("TC", "H"), ("HDL-C", "N"), ("TG", "H"), ("LDL-C", "H"), ("HBA1C", "H"), ("GLU", "H"), ("TSH", "N")],
     "critical": False},
    {"id": "report-pdf-cbc-critical-035", "locale": "en", "tags": ["pdf", "critical", "cbc"],
     "messages": ["the lab called me about this, what does it mean?"],
     "attachments": _attachment("cbc_critical.pdf", "application/pdf"),
     "flags": [("WBC", "LL"), ("NEUT#", "L"), ("HGB", "L"), ("PLT", "N")], "critical": True},
]
