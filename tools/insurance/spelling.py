"""Spelling correction for English question words against the indexed documents' own vocabulary."""

from __future__ import annotations

from tools.insurance.terms import QueryUnit


def _edit_distance_at_most_one(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1 or a == b:
        return a == b
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        # one substitution, or two neighbours swapped ("recieve")
        return len(diffs) == 1 or (len(diffs) == 2 and diffs[1] == diffs[0] + 1 and a[diffs[0]] == b[diffs[1]]
                                   and a[diffs[1]] == b[diffs[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def correct_spelling(vocabulary: dict[str, int], unit: QueryUnit) -> QueryUnit:
    """An English word no document has, one typo away from a word they have ("reimbursment"), gets that word as
    an alternative. Short words are left alone: too many real words are one letter apart."""
    if unit.concept is not None or any(vocabulary.get(a) for a in unit.alternatives):
        return unit
    word = unit.alternatives[0]
    if len(word) < 5 or not word.isascii() or not word.isalpha():
        return unit
    for candidate in vocabulary:
        if candidate[0] == word[0] and candidate.isascii() and _edit_distance_at_most_one(word, candidate):
            return unit.model_copy(
                update={"alternatives": [word, candidate], "token_groups": [[word], [candidate]]}
            )
    return unit
