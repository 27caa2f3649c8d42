"""Coverage of the part of a story-first question that asks ("My brother fell off the scaffolding after lunch ...
His foreman says it's automatically a work injury. Is that true when he was drunk?").

The story's words dilute whole-question coverage, so the section about what is asked looks off-topic. The asking
sentences, with the sentence before them when they name too little to stand alone ("真的是这样吗？": it asks about
the claim just told), are what the answer must be about; a section that holds most of them, and some of the
story, is on topic.
"""

from __future__ import annotations

import re

from tools.insurance.models import Hit
from tools.insurance.narrative import _ASKING
from tools.insurance.related import section_index
from tools.insurance.scoring import LoadedIndex, unit_coverage
from tools.insurance.terms import QueryUnit, analyse_query, load_glossary

# Coverage of the asking part that makes a section on topic: stricter than for the whole question (MIN_COVERAGE),
# as the asking part has fewer words and a section holds a larger share of them by chance.
MIN_ASKING_COVERAGE = 0.5
# ... and the share of the whole question it must still hold: the story is not all beside the point.
MIN_STORY_COVERAGE = 0.2
# Asking sentences with fewer topic units than this refer back to the story ("Is that right?", "这样合法吗？").
MIN_STANDALONE_UNITS = 4
# Concepts that name the kind of figure asked ("how long", "多久": a duration), not a topic.
FIGURE_KIND_CONCEPTS = frozenset({"duration"})
# The share of its weight a story concept keeps beside the asking part: it may be what the asking part refers to.
STORY_CONCEPT_FACTOR = 0.5
_SENTENCE_END = re.compile(r"(?<=[.?!。？！])\s*")


def asking_sentences(question: str) -> str | None:
    """The sentences from the first that asks to the end, with the one before when they refer back to it; None
    when the question is one sentence or asks from its start (no story to leave out)."""
    sentences = [s for s in _SENTENCE_END.split(question.strip()) if s.strip()]
    # A question mark marks the asking sentence where the patient writes one; the question words only without.
    marked = [i for i, s in enumerate(sentences) if re.search(r"[?？]", s)]
    unmarked = [i for i, s in enumerate(sentences) if _ASKING.search(s.strip().lower())]
    first = (marked or unmarked)[0] if marked or unmarked else None
    if first is None or first == 0:
        return None
    asking = sentences[first:]
    topic = [u for u in analyse_query(" ".join(asking))[1] if u.weight is None]
    if len(topic) < MIN_STANDALONE_UNITS:
        if first == 1:
            return None  # the one sentence it refers back to is all the story
        asking = sentences[first - 1 :]
    return " ".join(asking)


def asking_units(question: str) -> list[QueryUnit]:
    """The query units of the asking part of a story-first question; [] when the question has no story. The kind
    of figure asked ("how long") is what a section's figure gives, not a topic word it must hold."""
    part = asking_sentences(question)
    units = analyse_query(part)[1] if part else []
    return [u for u in units if u.concept not in FIGURE_KIND_CONCEPTS] or units


def story_concepts(question: str, asked: list[QueryUnit], leave_out: frozenset[str] = frozenset()) -> list[QueryUnit]:
    """The glossary concepts of the whole question that the asking units do not name (nor leave_out), at
    STORY_CONCEPT_FACTOR of their weight: what "it" and "that" may refer back to ("I skipped Part B ... how long
    would I pay it?"). Context concepts (a relative, a trip) and the story's plain words are left out."""
    held = {u.concept for u in asked if u.concept} | {u.label for u in asked} | set(leave_out)
    return [
        u.model_copy(update={"factor": u.factor * STORY_CONCEPT_FACTOR})
        for u in analyse_query(question)[1]
        if u.concept and u.weight is None and u.concept not in held and u.label not in held
    ]


def referred_members(question: str, asked: list[QueryUnit]) -> list[QueryUnit]:
    """The parallel things (Part B, not Part D; 职工医保, not 居民医保) the story names for a group the asking part
    names no member of: "I skipped Part B ... how is the penalty figured?" asks for Part B's penalty."""
    if not asking_sentences(question):
        return []
    named = {u.concept for u in asked if u.concept}
    groups = [set(g) for g in load_glossary().exclusive if not named & set(g)]
    return [u for u in story_concepts(question, asked) if any(u.concept in g for g in groups)]


def with_asking_coverage(hits: list[Hit], question: str, loaded: LoadedIndex) -> list[Hit]:
    """Each hit with its coverage raised to that of the asking part, where the section holds that part well and
    some of the whole question too. The story's concepts count where they help: a section that holds what the
    asking part refers back to is the more on topic, one that does not is judged on the asking part alone."""
    asked = asking_units(question)
    if not asked:
        return hits
    referred = asked + story_concepts(question, asked)
    raised: list[Hit] = []
    for hit in hits:
        index = section_index(loaded, hit)
        if index is not None and hit.coverage >= MIN_STORY_COVERAGE:
            coverage = max(unit_coverage(loaded, index, asked), unit_coverage(loaded, index, referred))
            if coverage >= MIN_ASKING_COVERAGE and coverage > hit.coverage:
                hit = hit.model_copy(update={"coverage": coverage})
        raised.append(hit)
    return raised
