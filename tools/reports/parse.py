"""`parse_report`: one entry point for every input format (FHIR JSON, CSV/TSV, PDF, pasted zh/en text)."""

from __future__ import annotations

import json
from typing import Any

from tools.reports.models import ParsedReport, ReportParseError
from tools.reports.parse_fhir import parse_fhir
from tools.reports.parse_structured import _column_roles, decode, parse_csv, parse_json_rows, parse_pdf
from tools.reports.parse_text import parse_text

_TEXT_SUFFIXES = (".txt", ".text", ".md", ".log")


def _suffix(filename: str | None) -> str:
    return "" if not filename or "." not in filename else "." + filename.rsplit(".", 1)[-1].lower()


def _looks_like_csv(text: str) -> bool:
    """A header row that names a result column, in a file with delimiters."""
    import csv

    first = next((line for line in text.splitlines() if line.strip()), "")
    for delimiter in (",", "\t", ";"):
        if first.count(delimiter) >= 1 and _column_roles(next(csv.reader([first], delimiter=delimiter))):
            return True
    return False


def parse_report(
    text_or_bytes: str | bytes, content_type: str | None = None, filename: str | None = None
) -> ParsedReport:
    """Read a lab report in any supported format. Raises ReportParseError (with the reason) for a file that
    cannot be read; text without results gives a report with no results (format "empty")."""
    content_type = (content_type or "").split(";")[0].strip().lower()
    suffix = _suffix(filename)
    if isinstance(text_or_bytes, bytes | bytearray):
        data = bytes(text_or_bytes)
        if data.startswith(b"%PDF") or content_type == "application/pdf" or suffix == ".pdf":
            return parse_pdf(data)
        if content_type.startswith("image/") or suffix in (".png", ".jpg", ".jpeg", ".gif", ".heic", ".webp"):
            raise ReportParseError("images cannot be read yet (no OCR); please paste the results as text or upload "
                                   "a PDF, CSV or FHIR file")
        text = decode(data)
    elif isinstance(text_or_bytes, str):
        text = text_or_bytes
    else:
        raise ReportParseError(f"expected text or bytes, got {type(text_or_bytes).__name__}")
    text = text.lstrip("\ufeff")
    stripped = text.strip()
    if not stripped:
        return ParsedReport(format="empty")
    if stripped[0] in "{[" or "json" in content_type or suffix == ".json":
        try:
            document: Any = json.loads(stripped)
        except json.JSONDecodeError as error:
            if "json" in content_type or suffix == ".json":
                raise ReportParseError(f"the file is not valid JSON: {error.msg} (line {error.lineno})") from error
        else:
            if isinstance(document, dict) and "resourceType" in document:
                return parse_fhir(document)
            if isinstance(document, dict) and isinstance(document.get("results"), list):
                return parse_json_rows(document["results"])
            if isinstance(document, list):
                return parse_json_rows(document)
            raise ReportParseError("the JSON file is neither FHIR nor a list of lab results")
    if content_type in ("text/csv", "text/tab-separated-values") or suffix in (".csv", ".tsv") or (
        suffix not in _TEXT_SUFFIXES and _looks_like_csv(stripped)
    ):
        return parse_csv(stripped)
    parsed = parse_text(stripped)
    return parsed if parsed.results else parsed.model_copy(update={"format": "empty"})
