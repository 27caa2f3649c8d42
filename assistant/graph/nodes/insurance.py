"""The insurance capability: policy Q&A with clause citations, drug-class lookups and reimbursement arithmetic.

All decisions (what is cited, whether to refuse, every amount) are made by `tools.insurance`; this module only
routes and wraps the result. The tools are imported on first use so that importing the graph stays cheap.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from assistant.graph.capability import Attachment, CapabilityRequest, CapabilityResponse
from assistant.reply import Locale, Referral

ROUTING_FILE = Path(__file__).resolve().parents[3] / "tools" / "insurance" / "data" / "routing.yaml"
INDEX_SUBDIR = "insurance"


@lru_cache(maxsize=1)
def _routing() -> dict[str, Any]:
    return yaml.safe_load(ROUTING_FILE.read_text(encoding="utf-8"))


def _has_any(words: list[str], text: str) -> bool:
    from tools.insurance.terms import word_pattern

    for word in words:
        if re.search(r"[\u4e00-\u9fff]", word):
            if word in text:
                return True
        elif word_pattern(word).search(text):
            return True
    return False


def match(text: str, locale: Locale, attachments: list[Attachment]) -> float:
    """How sure (0..1) that the message asks an insurance question. A symptom without insurance words is triage."""
    from assistant.nlu.normalize import normalize

    lowered = normalize(text or "")
    if not lowered:
        return 0.0
    routing = _routing()
    strong = _has_any(routing["strong"]["zh"] + routing["strong"]["en"], lowered) or any(
        re.search(p, lowered) for p in routing["patterns"]
    )
    symptom = _has_any(routing["symptoms"]["zh"] + routing["symptoms"]["en"], lowered)
    if strong:
        return 0.7 if symptom else 0.9
    concepts = _insurance_concepts(lowered)
    if concepts:
        # Words of insurance rules (分解住院, 医疗救助, long-term care insurance...) without the obvious ones.
        return 0.3 if symptom else (0.75 if len(concepts) >= 2 else 0.6)
    if _mentions_listed_drug(lowered):
        return 0.15 if symptom else 0.5
    return 0.05 if symptom else 0.1


def _insurance_concepts(text: str) -> set[str]:
    """The specific (not generic) glossary concepts named in the text; plain substring and word tests, no jieba."""
    from tools.insurance.terms import load_glossary

    generic = set(_routing().get("generic_concepts", []))
    found: set[str] = set()
    for concept in load_glossary().concepts:
        if concept.id not in generic and _has_any([t.lower() for t in concept.zh + concept.en if len(t) >= 2], text):
            found.add(concept.id)
    return found


def _mentions_listed_drug(text: str) -> bool:
    """A drug name with a coverage word ("二甲双胍在目录里吗") is an insurance question even without 医保."""
    return bool(re.search(r"目录|covered|list|甲类|乙类|能报|报销", text))


def index_dir_for(request: CapabilityRequest) -> Path:
    return Path(request.config.data_dir) / INDEX_SUBDIR


def handle(request: CapabilityRequest) -> CapabilityResponse:
    """One turn: answer from the operator's documents (or the fictional sample plan), or refuse and refer."""
    from tools.insurance.answer import answer_question, msg

    question = (request.text or "").strip()
    try:
        answer = answer_question(question, request.locale, index_dir_for(request))
    except (OSError, ValueError) as exc:
        # A broken index must not crash the turn: refuse politely and say why in the facts.
        text = msg("refuse", request.locale)
        return CapabilityResponse(
            route="insurance", text=text, referral=Referral(needed=True, to="insurer", urgency="routine"),
            facts={"answerable": False, "error": str(exc), "numbers": [12393]}, flow=None,
        )
    facts: dict[str, Any] = {
        "answerable": answer.answerable,
        "numbers": answer.numbers,
        "citations": [{"doc_id": c.doc_id, "section": c.section} for c in answer.citations],
        "reason": answer.reason,
    }
    if answer.amounts is not None:
        facts["amounts"] = answer.amounts.model_dump(exclude={"steps"})
    if answer.drugs:
        facts["drugs"] = [{"name": d.name_zh, "class": d.drug_class, "section": d.label} for d in answer.drugs]
    referral = None if answer.answerable else Referral(needed=True, to="insurer", urgency="routine")
    return CapabilityResponse(
        route="insurance", text=answer.text, citations=answer.citations, referral=referral, facts=facts, flow=None,
    )
