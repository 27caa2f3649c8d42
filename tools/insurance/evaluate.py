"""Run the insurance eval suite straight through `answer_question` (no graph), for tests and quick checks.

The eval runner sets up the same way: ingest every document of corpora/ (and the drug list) into a fresh index
directory and pass it as the capability's data_dir + "/insurance".
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from tools.insurance.answer import answer_question
from tools.insurance.index import ingest
from tools.insurance.models import Answer

REPO_ROOT = Path(__file__).resolve().parents[2]
CORPORA_DIR = REPO_ROOT / "corpora"
SUITE_PATH = REPO_ROOT / "evals" / "suites" / "insurance.jsonl"
DRUG_LIST_FILE = "china_nrdl_2025.json"


def prepare_eval_index(index_dir: Path, corpora_dir: Path = CORPORA_DIR) -> None:
    """Ingest the real documents of corpora/ (every .md but SOURCES.md, and the drug list) into `index_dir`."""
    documents = sorted(p for p in corpora_dir.glob("*.md") if p.name != "SOURCES.md")
    ingest(documents, index_dir)
    drug_list = corpora_dir / DRUG_LIST_FILE
    if drug_list.is_file():
        ingest([drug_list], index_dir, doc_id=drug_list.stem)


class CaseResult(BaseModel):
    id: str
    expected_answerable: bool
    answerable: bool
    correct: bool
    cited: list[tuple[str, str]]
    reason: str


def load_cases(path: Path = SUITE_PATH) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def score_case(case: dict, answer: Answer) -> CaseResult:  # type: ignore[type-arg]
    """As evals/suites/FORMAT.md scores insurance: a gold section cited, or a refusal with no citation."""
    expected = case["expected"]
    cited = [(c.doc_id, c.section) for c in answer.citations]
    if expected["answerable"]:
        gold = {(s["doc_id"], s["section"]) for s in expected.get("sections", [])}
        correct = answer.answerable and any(c in gold for c in cited)
    else:
        correct = not answer.answerable and not cited
    return CaseResult(
        id=case["id"], expected_answerable=expected["answerable"], answerable=answer.answerable, correct=correct,
        cited=cited, reason=answer.reason,
    )


def run_suite(index_dir: Path, cases: list[dict]) -> list[CaseResult]:  # type: ignore[type-arg]
    results = []
    for case in cases:
        answer = answer_question(" ".join(case["messages"]), case["locale"], index_dir)
        results.append(score_case(case, answer))
    return results
