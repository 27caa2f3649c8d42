"""Writes evals/suites/report.jsonl and its files (evals/suites/files/report/). Run from the repository root:

    .venv/bin/python tests/reports/build_eval_suite.py

Every expected flag was decided by reading the report as a clinician would (the report's own range first, the
catalogue's adult range and critical limits otherwise), not by running the code.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_cases_files import FILE_CASES, write_files  # noqa: E402
from eval_cases_text import TEXT_CASES  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SUITE = ROOT / "evals" / "suites" / "report.jsonl"


def case_line(case: dict[str, Any]) -> dict[str, Any]:
    expected = {"analytes": [{"code": c, "flag": f} for c, f in case["flags"]], "critical": case["critical"]}
    line: dict[str, Any] = {"id": case["id"], "suite": "report", "locale": case["locale"]}
    if case.get("messages"):
        line["messages"] = case["messages"]
    if case.get("attachments"):
        line["attachments"] = case["attachments"]
    line["expected"] = expected
    line["tags"] = case.get("tags", [])
    return line


def main() -> None:
    write_files(ROOT / "evals" / "suites" / "files" / "report")
    cases = [*TEXT_CASES, *FILE_CASES]
    ids = [c["id"] for c in cases]
    assert len(ids) == len(set(ids)), "duplicate case ids"
    SUITE.write_text("".join(json.dumps(case_line(c), ensure_ascii=False) + "\n" for c in cases), encoding="utf-8")
    print(f"wrote {len(cases)} cases to {SUITE}")


if __name__ == "__main__":
    main()
