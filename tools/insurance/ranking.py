"""How much a section's headings and its document's title fit a question, beyond BM25 and coverage: factors that
`index.search` multiplies into a hit's score."""

from __future__ import annotations

import re

from tools.insurance.models import Section
from tools.insurance.scoring import LoadedIndex, names_other_member
from tools.insurance.terms import QueryUnit, load_glossary, normalize, tokenize


def title_bonus_by_doc(loaded: LoadedIndex, question_text: str) -> dict[str, float]:
    """A question that names a document ("医疗保障基金使用监督管理条例哪年实施") is about that document."""
    bonus: dict[str, float] = {}
    for doc_id, title in loaded.titles.items():
        core = re.sub(r"^中华人民共和国|[《》\s]", "", normalize(title))
        if len(core) >= 4 and core in question_text.replace(" ", ""):
            bonus[doc_id] = 1.5
    return bonus


OTHER_MEMBER_FACTOR = 0.5
DEFINITION_FACTOR = 1.6
# "What is X", "X是什么", "the difference between X and Y": the section that introduces X answers.
DEFINITION_QUESTION = re.compile(
    r"^\s*(?:what(?:'s| is| are)|whats|define|definition of|meaning of|explain)\b|\bdifference between\b|"
    r"\bwhat does .{1,40} mean\b|是什么|什么是|是啥|啥是|指什么|什么意思|的区别|有什么区别|有什么不同"
)
_INTRODUCING_HEADING = re.compile(r"^(?:what (?:is|are)\b|what's\b|how (?:does|do) .{1,60} work\b|about\b)")


def definition_bonus(section: Section, units: list[QueryUnit]) -> float:
    """A heading that introduces what the question asks to define ("How does Medigap work?", "What are Medicare
    Advantage Plans?") ranks higher for "what is X"."""
    label = normalize(section.label.split(" > ")[-1])
    if not _INTRODUCING_HEADING.match(label):
        return 1.0
    tokens = set(tokenize(label))
    return DEFINITION_FACTOR if any(u.concept and u.held_by(tokens, label) for u in units) else 1.0


def heading_fit(section: Section, units: list[QueryUnit]) -> float:
    """A section whose headings name only another member of a parallel group than the one asked about ("Medicare
    drug coverage (Part D)" for a question about Part B) ranks lower."""
    asked = {u.concept for u in units if u.concept}
    if not asked & {c for group in load_glossary().exclusive for c in group}:
        return 1.0
    heading = normalize(" ".join([*section.path, section.label]))
    tokens = set(tokenize(heading))
    held = {u.concept for u in units if u.concept and u.held_by(tokens, heading)}
    return OTHER_MEMBER_FACTOR if names_other_member(held, asked, heading) else 1.0


def label_bonus(section: Section, query_tokens: set[str]) -> float:
    """A heading that the question repeats word for word ("Initial Enrollment Period") is a strong sign."""
    label_tokens = set(tokenize(section.label))
    if not label_tokens:
        return 1.0
    return 1.0 + 0.3 * len(label_tokens & query_tokens) / len(label_tokens)
