"""Run the insurance eval suite straight through `answer_question` (no graph), for tests and quick checks.

The eval runner sets up the same way: ingest every document of corpora/ (and the drug list) into a fresh index
directory and pass it as the capability's data_dir + "/insurance". Scoring is the suite scorer's
(evals/scorers/insurance.py): a gold section matches the cited one or stands inside it as a whole unit.

    python -m tools.insurance.evaluate [SUITE.jsonl ...] [-q]

prints accuracy, the answered-with-a-gold-citation rate, the refusal rate on unanswerable cases and every miss
with what was cited (the default suite is evals/suites/insurance.jsonl).
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from evals.scorers.insurance import section_matches
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
    """As evals/suites/FORMAT.md scores insurance: a gold section cited, or a refusal with no citation.

    A gold section matches as in the suite's scorer: the cited label or one standing in it as a whole unit (the
    drug "二甲双胍" in "西药部分 134 二甲双胍（口服常释剂型）")."""
    expected = case["expected"]
    cited = [(c.doc_id, c.section) for c in answer.citations]
    if expected["answerable"]:
        gold = [(s["doc_id"], s["section"]) for s in expected.get("sections", [])]
        correct = answer.answerable and any(
            doc == gold_doc and section_matches(gold_section, section)
            for doc, section in cited
            for gold_doc, gold_section in gold
        )
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


def main(argv: list[str] | None = None) -> int:
    """`python -m tools.insurance.evaluate [suite.jsonl ...]`: accuracy, refusals and every miss with its citations."""
    import argparse
    import tempfile

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("paths", nargs="*", type=Path, default=[SUITE_PATH])
    parser.add_argument("-q", "--quiet", action="store_true", help="numbers only, no misses")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        index_dir = Path(tmp)
        prepare_eval_index(index_dir)
        for path in args.paths:
            cases = load_cases(path)
            results = run_suite(index_dir, cases)
            answerable = [r for r in results if r.expected_answerable]
            unanswerable = [r for r in results if not r.expected_answerable]
            correct = sum(r.correct for r in results)
            print(f"{path}: {len(results)} cases")
            print(f"  accuracy {correct / max(len(results), 1):.3f} ({correct}/{len(results)})")
            ok_a = sum(r.correct for r in answerable)
            print(f"  answered with a gold citation {ok_a / max(len(answerable), 1):.3f} ({ok_a}/{len(answerable)})")
            ok_u = sum(r.correct for r in unanswerable)
            print(f"  unanswerable refused {ok_u / max(len(unanswerable), 1):.3f} ({ok_u}/{len(unanswerable)})")
            if args.quiet:
                continue
            by_id = {c["id"]: c for c in cases}
            for r in results:
                if r.correct:
                    continue
                case = by_id[r.id]
                gold = [f"{s['doc_id']}#{s['section']}" for s in case["expected"].get("sections", [])]
                print(f"  MISS {r.id} [{case['locale']}] {' '.join(case['messages'])}")
                print(f"       gold {gold or 'refusal'}; answered={r.answerable} ({r.reason})")
                print(f"       cited {[f'{d}#{s}' for d, s in r.cited]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
