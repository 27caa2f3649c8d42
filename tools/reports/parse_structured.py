"""Reading results out of structured files: CSV/TSV (and JSON rows) with any column order, FHIR R4 JSON
(Bundle, DiagnosticReport, Observation), and PDF text layers."""

from __future__ import annotations

import csv
import io
import re
from typing import Any

from tools.reports.catalogue import by_loinc, choose
from tools.reports.headers import detect_locale, find_date
from tools.reports.models import ParsedReport, QualitativeResult, RawResult, RefRange, ReportParseError, Sex
from tools.reports.parse_text import first_value, name_matches, parse_text, read_tail
from tools.reports.vocabulary import clean_text, parse_marker, parse_number, parse_range, vocabulary

_HEADER_KEY = re.compile(r"[\s_\-.:：()（）/]+")


def _column_key(text: str) -> str:
    return _HEADER_KEY.sub("", clean_text(text).lower())


def _column_roles(header: list[str]) -> dict[str, int]:
    """Which column holds what, from the header cells; empty when the row is not a header."""
    wanted = {role: {_column_key(w) for w in words} for role, words in vocabulary().columns.items()}
    roles: dict[str, int] = {}
    for index, cell in enumerate(header):
        key = _column_key(cell)
        for role, words in wanted.items():
            if role not in roles and key in words:
                roles[role] = index
                break
    return roles if "value" in roles and ("name" in roles or "abbrev" in roles or "loinc" in roles) else {}


def result_from_fields(
    *,
    name: str = "",
    abbrev: str = "",
    loinc: str = "",
    value: str = "",
    unit: str = "",
    range_text: str = "",
    low: str = "",
    high: str = "",
    flag: str = "",
    date: str = "",
    section: str | None = None,
) -> RawResult | None:
    """One result from named fields (a table row); None when the row holds no result."""
    value_text = clean_text(value).strip()
    number, qualitative, start, end = first_value(value_text)
    if start < 0:
        return None
    tail_unit, tail_ref, tail_qual, tail_text, marker = read_tail(value_text[end:])
    parsed_value = parse_number(number.group(2)) if number else None
    unit = clean_text(unit).strip() or (tail_unit or "")
    ref, ref_qualitative = parse_range(range_text) if range_text.strip() else (tail_ref, tail_qual)
    if ref is None and (low.strip() or high.strip()):
        ref = RefRange(low=parse_number(low) if low.strip() else None,
                       high=parse_number(high) if high.strip() else None)
    if flag.strip():
        marker = parse_marker(flag) or _marker_in(flag) or marker
    analyte = by_loinc(loinc.strip() or None)
    if analyte is None:
        options = name_matches(abbrev) if abbrev.strip() else []
        options = options or (name_matches(name) if name.strip() else [])
        analyte = choose(options, unit=unit or None, value=parsed_value, qualitative=qualitative, section=section)
    label = (name or abbrev).strip()
    if analyte is None and not label:
        return None
    return RawResult(
        name=label or (analyte.code if analyte else ""),
        code=analyte.code if analyte else None,
        loinc=loinc.strip() or None,
        value=parsed_value,
        comparator=number.group(1) if number and number.group(1) else None,
        qualitative=qualitative,
        value_text=(number.group(0) if number else value_text[start:end]).strip(),
        unit=unit or None,
        ref=ref,
        ref_qualitative=ref_qualitative,
        ref_text=range_text.strip() or tail_text,
        marker=marker,
        date=find_date(date) if date else None,
    )


def _marker_in(text: str) -> Any:
    for token in clean_text(text).split():
        found = parse_marker(token)
        if found:
            return found
    return None


def decode(data: bytes) -> str:
    """Text from bytes: UTF-8 (with or without BOM), else GB18030 (Chinese Excel exports), else Latin-1."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def parse_csv(text: str) -> ParsedReport:
    sample = "\n".join(text.splitlines()[:10])
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",\t;|")
    except csv.Error:
        dialect = csv.excel_tab if sample.count("\t") > sample.count(",") else csv.excel
    rows = [row for row in csv.reader(io.StringIO(text), dialect) if any(cell.strip() for cell in row)]
    roles: dict[str, int] = {}
    results: list[RawResult] = []
    header_text: list[str] = []
    section: str | None = None
    for row in rows:
        if not roles:
            roles = _column_roles(row)
            if not roles:
                header_text.append(" ".join(row))
            continue
        if _column_roles(row):
            continue  # a repeated header (several tables in one file)
        cells = {role: (row[i] if i < len(row) else "") for role, i in roles.items()}
        found = result_from_fields(
            name=cells.get("name", ""),
            abbrev=cells.get("abbrev", ""),
            loinc=cells.get("loinc", ""),
            value=cells.get("value", ""),
            unit=cells.get("unit", ""),
            range_text=cells.get("range", ""),
            low=cells.get("low", ""),
            high=cells.get("high", ""),
            flag=cells.get("flag", ""),
            date=cells.get("date", ""),
            section=section,
        )
        if found is not None:
            results.append(found)
        elif not cells.get("value", "").strip():
            header_text.append(" ".join(row))
            section = _section_word(" ".join(row)) or section
    if not roles:  # no header: read each row as a line of text
        flat = "\n".join("\t".join(row) for row in rows)
        return parse_text(flat, fmt="csv")
    sexes = [cells[roles["sex"]] for cells in rows if "sex" in roles and roles["sex"] < len(cells)]
    header = "\n".join(header_text)
    parsed = parse_text(header, fmt="csv")
    sex = parsed.sex or next((s for s in (_sex_of(x) for x in sexes) if s), None)
    date = parsed.date or next((r.date for r in results if r.date), None)
    return ParsedReport(format="csv", results=results, sex=sex, date=date, locale=_locale(text))  # type: ignore[arg-type]


def _section_word(text: str) -> str | None:
    lowered = text.lower()
    for section in ("urine", "blood"):
        if any(word in lowered for word in vocabulary().sections[section]):
            return section
    return None


def _sex_of(text: str) -> Sex | None:
    from tools.reports.vocabulary import sex_from_word

    return sex_from_word(text)


def _locale(text: str) -> str:
    return "zh" if detect_locale(text) == "zh" else "en"


def parse_json_rows(rows: list[Any]) -> ParsedReport:
    """A JSON list of result objects with table-like keys ({"test": ..., "value": ..., "unit": ...})."""
    results: list[RawResult] = []
    for row in rows:
        if not isinstance(row, dict):
            continue
        roles = _column_roles(list(row.keys()))
        if not roles:
            continue
        values = list(row.values())
        cells = {role: "" if values[i] is None else str(values[i]) for role, i in roles.items()}
        found = result_from_fields(
            name=cells.get("name", ""), abbrev=cells.get("abbrev", ""), loinc=cells.get("loinc", ""),
            value=cells.get("value", ""), unit=cells.get("unit", ""), range_text=cells.get("range", ""),
            low=cells.get("low", ""), high=cells.get("high", ""), flag=cells.get("flag", ""),
            date=cells.get("date", ""),
        )
        if found is not None:
            results.append(found)
    if not results:
        raise ReportParseError("the JSON file is neither FHIR nor a list of lab results")
    return ParsedReport(format="csv", results=results, locale=_locale(" ".join(r.name for r in results)))


def parse_pdf(data: bytes) -> ParsedReport:
    from pypdf import PdfReader  # imported here: only PDF uploads pay for it

    try:
        reader = PdfReader(io.BytesIO(data))
        text = "\n".join((page.extract_text() or "") for page in reader.pages)
    except Exception as error:  # pypdf raises many kinds for damaged files
        raise ReportParseError(f"cannot read the PDF file: {error}") from error
    if not text.strip():
        raise ReportParseError("the PDF has no text layer (a scanned image); please paste the results as text")
    return parse_text(text, fmt="pdf")


def coded_result(code: str) -> QualitativeResult | None:
    for result, codes in vocabulary().coded_results.items():
        if code in codes:
            return result
    return None
