"""Insurance Q&A scoring: a citation of a gold section for answerable questions, a refusal for the others.

A refusal cites nothing and says in words that the documents do not cover the question (route "refusal", or a
phrase from evals/data/refusal_markers.yaml). Sections match when the gold section is the cited one or stands
inside it as a whole unit ("第二十八条" inside "第二十八条第一款", never "Section 1" inside "Section 12").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, Field

from assistant.reply import Citation, Reply
from evals.metrics import CaseScore, SuiteScores, rate

MARKERS_FILE = Path(__file__).resolve().parent.parent / "data" / "refusal_markers.yaml"


class GoldSection(BaseModel):
    doc_id: str
    section: str


class Expected(BaseModel):
    answerable: bool
    sections: list[GoldSection] = Field(default_factory=list)


class RefusalMarkers(BaseModel):
    version: int
    source: str
    markers: dict[str, list[str]]


@lru_cache(maxsize=1)
def refusal_markers() -> tuple[str, ...]:
    data = RefusalMarkers.model_validate(yaml.safe_load(MARKERS_FILE.read_text(encoding="utf-8")))
    return tuple(normalise(m) for phrases in data.markers.values() for m in phrases)


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip().lower()


def section_matches(gold: str, cited: str) -> bool:
    """The gold section equals the cited one or appears in it not glued to more letters or digits."""
    gold_n, cited_n = normalise(gold), normalise(cited)
    if not gold_n:
        return False
    if gold_n == cited_n:
        return True
    pattern = r"(?<![0-9a-z])" + re.escape(gold_n) + r"(?![0-9a-z])"
    return re.search(pattern, cited_n) is not None


def citation_matches(citation: Citation, gold: GoldSection) -> bool:
    return normalise(citation.doc_id) == normalise(gold.doc_id) and section_matches(gold.section, citation.section)


def is_refusal(reply: Reply) -> bool:
    if reply.citations:
        return False
    if reply.route == "refusal":
        return True
    text = normalise(reply.text)
    return any(marker in text for marker in refusal_markers())


def score_case(expected: Expected, replies: Sequence[Reply]) -> CaseScore:
    last = replies[-1] if replies else None
    citations = last.citations if last else []
    matched = [c for c in citations if any(citation_matches(c, g) for g in expected.sections)]
    refused = is_refusal(last) if last else False
    passed = bool(matched) if expected.answerable else refused
    details = {
        "answerable": expected.answerable,
        "citations": [f"{c.doc_id}#{c.section}" for c in citations],
        "matched": len(matched),
        "cited": len(citations),
        "refused": refused,
    }
    return CaseScore(passed=passed, score=1.0 if passed else 0.0, details=details)


def aggregate(results: Sequence[CaseScore]) -> SuiteScores:
    rows = [r.details for r in results if "answerable" in r.details]
    answerable = [d for d in rows if d["answerable"]]
    unanswerable = [d for d in rows if not d["answerable"]]
    metrics = [
        rate("citation_accuracy", sum(d["matched"] > 0 for d in answerable), len(answerable),
             "answerable questions citing at least one gold section"),
        rate("citation_precision", sum(d["matched"] for d in answerable), sum(d["cited"] for d in answerable),
             "citations on answerable questions that are gold sections"),
        rate("unanswerable_refused", sum(d["refused"] for d in unanswerable), len(unanswerable),
             "questions the documents do not answer, declined without citations"),
        rate("answerable_refused_rate", sum(d["refused"] for d in answerable), len(answerable),
             "answerable questions declined", higher_is_better=False),
        rate("unanswerable_cited_rate", sum(d["cited"] > 0 for d in unanswerable), len(unanswerable),
             "unanswerable questions answered with citations anyway", higher_is_better=False),
    ]
    return SuiteScores(metrics=metrics)
