"""The report eval suite: well formed, every format present, and every case flagged exactly (every result, every
critical value), both through the tools directly and through the capability as the eval runner drives it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from assistant.graph.capability import Attachment, CapabilityRequest, Understanding
from assistant.graph.nodes import report
from tools.reports import interpret, parse_report

SUITES = Path(__file__).resolve().parents[2] / "evals" / "suites"
CASES = [json.loads(line) for line in (SUITES / "report.jsonl").read_text(encoding="utf-8").splitlines() if line]


def _inputs(case: dict[str, Any]) -> list[tuple[bytes | str, str | None, str | None]]:
    files = [((SUITES / a["path"]).read_bytes(), a["content_type"], a.get("filename"))
             for a in case.get("attachments", [])]
    return [*files, *[(m, None, None) for m in case.get("messages", [])]]


def _expected(case: dict[str, Any]) -> dict[str, str]:
    return {a["code"].upper(): a["flag"] for a in case["expected"]["analytes"]}


def test_suite_shape_and_formats() -> None:
    assert len(CASES) >= 30
    assert len({c["id"] for c in CASES}) == len(CASES)
    kinds = {a["content_type"] for c in CASES for a in c.get("attachments", [])}
    assert {"application/pdf", "text/csv", "application/fhir+json"} <= kinds
    assert {c["locale"] for c in CASES} == {"zh", "en"}
    assert sum(c["expected"]["critical"] for c in CASES) >= 8
    for case in CASES:
        assert case["suite"] == "report" and case["expected"]["analytes"]
        for attachment in case.get("attachments", []):
            assert (SUITES / attachment["path"]).is_file()


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_tools_flag_every_result_exactly(case: dict[str, Any]) -> None:
    flags: dict[str, str] = {}
    critical = False
    for data, content_type, filename in _inputs(case):
        for result in interpret(parse_report(data, content_type, filename)):
            flags[result.code.upper()] = result.flag
            critical = critical or result.flag in ("LL", "HH")
    assert flags == _expected(case)  # every expected result, nothing extra read from headers or footers
    assert critical == case["expected"]["critical"]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_capability_flags_every_result_as_the_runner_drives_it(case: dict[str, Any]) -> None:
    attachments = [Attachment(kind=a["kind"], content_type=a["content_type"], filename=a.get("filename"),
                              data=(SUITES / a["path"]).read_bytes()) for a in case.get("attachments", [])]
    messages = case.get("messages") or [""]
    memory: dict[str, Any] = {}
    flags: dict[str, str] = {}
    critical = False
    for index, text in enumerate(messages):
        request = CapabilityRequest(session_id=case["id"], text=text, locale=case["locale"], memory=memory,
                                    attachments=attachments if index == 0 else [],
                                    understanding=Understanding(locale=case["locale"]))
        response = report.handle(request)
        memory = {**memory, **response.memory}
        if response.report is not None:
            critical = critical or response.report.critical
            flags.update({a.code.upper(): a.flag for a in response.report.analytes})
            assert response.referral is not None
            assert (response.escalate is not None) == response.report.critical
    assert flags == _expected(case)
    assert critical == case["expected"]["critical"]
