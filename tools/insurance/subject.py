"""The thing whose figure is asked: "how many dollars of IRMAA will be added" asks for an amount of IRMAA, which a
sentence gives only when it names IRMAA where the figure is, not when the figure is the income above which IRMAA is
charged ("If your income is above $106,000, you may pay IRMAA") or another amount beside it ("the standard premium
is $185").
"""

from __future__ import annotations

import re

from tools.insurance.scoring import LoadedIndex, unit_weight
from tools.insurance.terms import QueryUnit, normalize, tokenize

_CAPITALS = re.compile(r"\b[A-Z]{2,6}\b")
_YEAR = re.compile(r"(?:19|20)\d\d")
# Where one clause ends and another opens: punctuation and a condition word ("if", "when"): the figure of a
# condition is not the figure of what the main clause names.
_CLAUSE = re.compile(r"[,;，；。]|(?=\b(?:if|when|unless|once|until|after|before)\b)")


def asked_subject(units: list[QueryUnit], loaded: LoadedIndex, question: str) -> QueryUnit | None:
    """The most telling name of a specific thing in the part that asks: a term written in capitals ("IRMAA",
    "HSA", "SNF"), which names one program or charge; plain words ("spend", "一次") are too loose to place. None when
    the question asks about none, or names it only in its story."""
    capitals = {w.lower() for w in _CAPITALS.findall(question)}
    asked = [u for u in units if u.concept is None and u.factor >= 1.0 and u.label in capitals]
    if not asked:
        return None
    return max(asked, key=lambda u: unit_weight(loaded, u))


def subject_beside_figure(
    subject: QueryUnit, units: list[QueryUnit], figure: re.Pattern[str], sentence: str, heading: str
) -> bool:
    """The subject is named in the section's headings, or a clause of the sentence holds a figure and the subject or
    another plain word the question asks with ("at what income does one start paying IRMAA": the income)."""
    if subject.held_by(set(tokenize(heading)), normalize(heading)):
        return True
    words = [u for u in units if u.concept is None and u.factor >= 1.0 and not _YEAR.fullmatch(u.label)]
    for clause in _CLAUSE.split(normalize(sentence)):
        if not clause.strip() or not figure.search(clause):
            continue
        tokens = set(tokenize(clause))
        if subject.held_by(tokens, clause) or any(u.held_by(tokens, clause) for u in words):
            return True
    return False
