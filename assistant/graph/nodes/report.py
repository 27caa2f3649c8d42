"""The report capability: a lab report pasted or attached -> each result flagged, explained, and referred.

Flags, critical values and the referral are decided by `tools.reports` over the analyte catalogue; this module
only gathers the inputs (attachments and text), keeps the session's report history for trends, and builds the
response. The tools are imported on first use so that importing the graph stays cheap.
"""

from __future__ import annotations

import logging
from typing import Any

from assistant.graph.capability import Attachment, CapabilityRequest, CapabilityResponse, EscalationRequest
from assistant.reply import AnalyteResult, Locale, ReportInfo

log = logging.getLogger(__name__)

REPORT_KINDS = ("lab_report", "report", "lab")
REPORT_CONTENT_TYPES = ("application/pdf", "application/fhir+json", "application/json", "text/csv",
                        "text/tab-separated-values", "text/plain")
REPORT_SUFFIXES = (".pdf", ".json", ".csv", ".tsv", ".txt")
_SEX_WORDS = {"male": "male", "m": "male", "man": "male", "男": "male", "男性": "male",
              "female": "female", "f": "female", "woman": "female", "女": "female", "女性": "female"}


def _is_report_file(attachment: Attachment) -> bool:
    name = (attachment.filename or "").lower()
    content_type = attachment.content_type.split(";")[0].strip().lower()
    return (attachment.kind in REPORT_KINDS or content_type in REPORT_CONTENT_TYPES
            or name.endswith(REPORT_SUFFIXES))


def match(text: str, locale: Locale, attachments: list[Attachment]) -> float:
    """1.0 with a report file; by the number of recognised results in pasted text; low for anything else."""
    if any(_is_report_file(a) for a in attachments):
        return 1.0
    from tools.reports.parse_text import parse_text
    from tools.reports.vocabulary import clean_text, vocabulary

    if not text.strip():
        return 0.0
    results = parse_text(text).results
    # A catalogue test or a result with the lab's own range or flag counts fully; any other kept row by half.
    count = sum(1.0 if (r.code or r.ref or r.ref_qualitative or r.marker) else 0.5 for r in results)
    lowered = clean_text(text).lower()
    mentions_report = any(word in lowered for word in vocabulary().report_words)
    if count >= 3:
        return 0.95
    if count >= 2:
        return 0.85
    if count >= 1:
        return 0.75 if mentions_report else 0.6
    return 0.55 if mentions_report else 0.0


def _sex(request: CapabilityRequest, printed: str | None) -> Any:
    if printed:
        return printed
    for source in (request.understanding.slots, request.memory):
        value = source.get("sex") or source.get("gender")
        if isinstance(value, str) and value.strip().lower() in _SEX_WORDS:
            return _SEX_WORDS[value.strip().lower()]
    return None


def _read_inputs(request: CapabilityRequest) -> tuple[list[Any], list[str]]:
    """Every parsed report in the message (attachments first, then the text), and why any file failed."""
    from tools.reports import ReportParseError, parse_report

    reports: list[Any] = []
    problems: list[str] = []
    for attachment in request.attachments:
        try:
            parsed = parse_report(attachment.data, attachment.content_type, attachment.filename)
        except ReportParseError as error:
            problems.append(str(error))
            continue
        if parsed.results:
            reports.append(parsed)
        else:
            problems.append("no results found" if request.locale == "en" else "没有找到化验结果")
    if request.text.strip():
        try:
            parsed = parse_report(request.text)
        except ReportParseError as error:
            problems.append(str(error))
        else:
            if parsed.results:
                reports.append(parsed)
    return reports, problems


def _no_results(request: CapabilityRequest, problems: list[str]) -> CapabilityResponse:
    from tools.reports.advice import messages

    if problems:
        text = messages().say("unreadable_file", request.locale, reason="; ".join(problems))
    else:
        text = messages().say("ask_for_report", request.locale)
    return CapabilityResponse(route="report", text=text, flow=None)


def handle(request: CapabilityRequest) -> CapabilityResponse:
    from tools.reports import interpret
    from tools.reports.advice import compose_text, escalation_summary, referral_for
    from tools.reports.trends import attach_previous, memory_entry, merged_history

    reports, problems = _read_inputs(request)
    if not reports:
        return _no_results(request, problems)
    history: list[dict[str, Any]] = [e for e in request.memory.get("reports") or [] if isinstance(e, dict)]
    # Older reports first, so that a test repeated within this message shows its change too.
    reports.sort(key=lambda p: p.date or "9999")
    analytes: list[AnalyteResult] = []
    for parsed in reports:
        results = interpret(parsed, sex=_sex(request, parsed.sex), locale=request.locale)
        attach_previous(results, history, parsed.date)
        analytes.extend(results)
        history = merged_history(history, [e for r in results if (e := memory_entry(r, parsed.date))])
    critical = any(a.flag in ("LL", "HH") for a in analytes)
    emergency = request.config.emergency_number.get(request.locale, "120")
    escalate = None
    if critical:
        escalate = EscalationRequest(reason="critical_value", priority="high", requires_ack=True,
                                     summary=escalation_summary(analytes))
    return CapabilityResponse(
        route="report",
        text=compose_text(analytes, request.locale, emergency),
        report=ReportInfo(analytes=analytes, critical=critical),
        referral=referral_for(analytes),
        escalate=escalate,
        flow=None,
        facts={"analytes": [a.model_dump(include={"code", "name", "value", "unit", "flag", "ref_low", "ref_high",
                                                  "previous"}) for a in analytes]},
        memory={"reports": history},
    )
