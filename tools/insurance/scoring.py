"""How well a section matches a question: the loaded index, BM25 per question unit, unit weights and coverage.

A question is a list of units (tools.insurance.terms.QueryUnit): glossary concepts, whose terms are alternatives,
and plain words. Each unit scores once (its best alternative), weighs by how telling it is (IDF), and a section
covers the question by the IDF-weighted share of the units it holds.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import numpy as np

from tools.insurance.models import Hit, Section
from tools.insurance.terms import QueryUnit, covers, load_glossary, normalize, stem, tokenize


@dataclass
class LoadedIndex:
    titles: dict[str, str]
    languages: dict[str, str]
    sections: list[Section]
    section_tokens: list[set[str]]
    section_texts: list[str]  # normalised, for substring coverage
    doc_texts: dict[str, str]  # normalised whole documents, for the place check
    bm25: object
    doc_freq: dict[str, int] = field(default_factory=dict)
    phrase_freq: dict[str, int] = field(default_factory=dict)  # filled on demand: sections holding an en phrase
    positions: dict[tuple[str, str, str], int] = field(default_factory=dict)  # (doc_id, label, text) -> index
    unit_weights: dict[tuple[str, tuple[str, ...], tuple[str, ...], float], float] = field(default_factory=dict)

    def idf(self, token: str) -> float:
        return self._idf(self.doc_freq.get(token, 0))

    def _idf(self, freq: int) -> float:
        n = len(self.sections)
        return math.log(1 + (n - freq + 0.5) / (freq + 0.5))

    def alternative_freq(self, alternative: str) -> int:
        """Sections holding a term: its token count, or for an English phrase ("part a") the sections that hold it
        as coverage sees it (the phrase has no token of its own)."""
        freq = self.doc_freq.get(alternative, 0)
        if freq or " " not in alternative or re.search(r"[\u4e00-\u9fff]", alternative):
            return freq
        if alternative not in self.phrase_freq:
            self.phrase_freq[alternative] = sum(
                covers(alternative, tokens, text)
                for tokens, text in zip(self.section_tokens, self.section_texts, strict=True)
            )
        return self.phrase_freq[alternative]

    def alternative_idf(self, alternative: str) -> float:
        return self._idf(self.alternative_freq(alternative))


def unit_scores(loaded: LoadedIndex, units: list[QueryUnit]) -> np.ndarray:
    """BM25 of the question where each unit counts once: the best of its alternatives (synonyms, translations).

    Summing every synonym instead would favour sections that happen to use several words for one idea.
    """
    total = np.zeros(len(loaded.sections), dtype=np.float64)
    for unit in units:
        best = np.zeros(len(loaded.sections), dtype=np.float64)
        for group in unit.token_groups:
            known = [t for t in group if t in loaded.doc_freq]
            if not known:
                continue
            group_scores = np.asarray(loaded.bm25.get_scores(known), dtype=np.float64)  # type: ignore[attr-defined]
            if len(group) > 1:
                group_scores = group_scores / len(group)  # a phrase or a split word scores as one term
            best = np.maximum(best, group_scores)
        total += best
    return total


def unit_weight(loaded: LoadedIndex, unit: QueryUnit) -> float:
    """How telling a query unit is: the IDF of its commonest alternative that the corpus has (a concept is as
    common as its commonest wording); a fixed weight by part of speech when the corpus has none of them."""
    if unit.weight is not None:
        return unit.weight
    key = (unit.label, tuple(unit.alternatives), tuple(unit.parts), unit.unknown_weight)
    if key not in loaded.unit_weights:
        known = [loaded.alternative_idf(a) for a in unit.alternatives if loaded.alternative_freq(a)]
        if known:
            weight = min(known)
        elif unit.parts and all(loaded.alternative_freq(p) for p in unit.parts):
            weight = max(loaded.alternative_idf(p) for p in unit.parts)  # as telling as its rarest part
        else:
            weight = unit.unknown_weight
        loaded.unit_weights[key] = weight
    return loaded.unit_weights[key] * unit.factor


CROSS_LANGUAGE_WORD_FACTOR = 0.35


def _script(word: str) -> str:
    return "zh" if re.search(r"[\u4e00-\u9fff]", word) else "en"


def section_covers(loaded: LoadedIndex, hit: Hit, unit: QueryUnit) -> bool:
    """Whether the hit's section holds the unit (by the same test as coverage)."""
    tokens = set(tokenize(hit.text)) | set(tokenize(hit.label))
    text = normalize(f"{hit.label} {hit.text}")
    if unit.required:
        # The kind of answer asked for must be named as such: "claim status" as a phrase, not a section that says
        # "claim" in one place and "status" in another.
        return any(phrase_in(a, tokens, text) for a in unit.alternatives)
    return unit.held_by(tokens, text)


def phrase_in(alternative: str, tokens: set[str], text: str) -> bool:
    """An alternative in a text with the words of an English phrase next to each other (stemmed)."""
    words = re.findall(r"[a-z0-9]+", alternative)
    if len(words) < 2 or re.search(r"[\u4e00-\u9fff]", alternative):
        return covers(alternative, tokens, text)
    stems = [stem(w) for w in words]
    text_stems = [stem(w) for w in re.findall(r"[a-z0-9]+", text)]
    n = len(stems)
    return any(text_stems[i : i + n] == stems for i in range(len(text_stems) - n + 1))


def unit_coverage(
    loaded: LoadedIndex, section_index: int, units: list[QueryUnit], assume_held: frozenset[int] = frozenset()
) -> float:
    """The IDF-weighted share of the question's units that the section holds (units whose id() is in assume_held
    count as held)."""
    total = covered = 0.0
    tokens, text = loaded.section_tokens[section_index], loaded.section_texts[section_index]
    doc_language = loaded.languages.get(loaded.sections[section_index].doc_id, "zh")
    for unit in units:
        weight = unit_weight(loaded, unit)
        if unit.concept is None and _script(unit.label) != doc_language and any(
            loaded.doc_freq.get(a) for a in unit.alternatives
        ):
            # A plain word in the other language cannot appear in this document: it counts half, as a doubt.
            weight *= CROSS_LANGUAGE_WORD_FACTOR
        total += weight
        if id(unit) in assume_held or unit.held_by(tokens, text):
            covered += weight
    return covered / total if total else 0.0


def asked_members(asked: set[str]) -> list[set[str]]:
    """For each exclusive group the question picks members of (not all of them), the members it asks about."""
    picked = [asked & set(group) for group in load_glossary().exclusive]
    return [w for w, group in zip(picked, load_glossary().exclusive, strict=True) if w and w != set(group)]


def names_other_member(held: set[str] | set[str | None], asked: set[str], text: str) -> bool:
    """The text names a member of an exclusive group other than the one(s) the question asks about, and none of
    those: "$257 Part B deductible" for a question about Part A."""
    glossary = load_glossary()
    concepts = {c.id: c for c in glossary.concepts}
    for group in glossary.exclusive:
        wanted = asked & set(group)
        if not wanted or wanted == set(group):
            continue
        if wanted & held:
            continue
        others = [concepts[g] for g in group if g not in wanted]
        tokens = set(tokenize(text))
        if any(covers(normalize(t), tokens, text) for c in others for t in c.zh + c.en):
            return True
    return False
