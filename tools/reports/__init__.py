"""Lab-report interpretation: parse a report in any supported format, flag each result against the report's own
range or the analyte catalogue (data/analytes.yaml), and find critical values. Pure functions, data loaded lazily.

    parse_report(text_or_bytes, content_type=None, filename=None) -> ParsedReport
    interpret(parsed, sex=None, locale=None) -> list[AnalyteResult]
"""

from tools.reports.catalogue import by_code, catalogue, resolve_code
from tools.reports.interpret import flag_result, interpret
from tools.reports.models import ParsedReport, RawResult, ReportParseError
from tools.reports.parse import parse_report

__all__ = [
    "ParsedReport",
    "RawResult",
    "ReportParseError",
    "by_code",
    "catalogue",
    "flag_result",
    "interpret",
    "parse_report",
    "resolve_code",
]
