"""How well one sentence of a section gives the figure a question asks for: the figure of the asked kind, beside
the name of the kind of amount asked, in a sentence (with its headings) about most of the question. Used by
selection.py to pick the section that answers a figure question, or to refuse one no sentence answers.
"""

from __future__ import annotations

import re

from tools.insurance.asked_count import asked_count_unit, counted_for, figure_of_unit
from tools.insurance.evidence import COUNT_TIME_FIGURE, figure_question_part, sentences_with_lists
from tools.insurance.models import Hit
from tools.insurance.scoring import (
    CROSS_LANGUAGE_WORD_FACTOR,
    LoadedIndex,
    asked_members,
    names_other_member,
    unit_weight,
)
from tools.insurance.subject import asked_subject, subject_beside_figure
from tools.insurance.terms import QueryUnit, covers, load_glossary, normalize, tokenize, word_pattern

# Where a condition opens inside a sentence ("$0 after you meet your Part A deductible"): the amount named in the
# condition is not the one the figure gives.
_CLAUSE_BREAK = re.compile(r"\b(?:after|until|once|before|unless|if|when|while|except)\b|之后|以后|以前|之前|前提下")
# Where a clause of its own opens inside a sentence: punctuation, an aside in brackets, a contrast ("$0 premium (but
# you still may pay the Part B premium)": the figure is Medicare Advantage's, not Part B's).
_MEMBER_CLAUSE = re.compile(r"[,;，；()（）]|\bbut\b|但是?")
PENALTY_CONCEPTS = frozenset({"penalty", "late_penalty", "late_fee"})
CAP_CONCEPT = "cap"
# A penalty the patient wants to avoid ("how long do I have to sign up without getting hit with a late penalty?",
# "多久之内报名才不会被罚"): the figure asked is the time allowed, not the penalty's amount.
_AVOIDED_PENALTY = re.compile(
    r"\b(?:without|avoid(?:ing)?|escape|dodge|so (?:i|we|he|she|they) (?:don't|won't|do not|will not))\b[^.?!,]{0,30}"
    r"\b(?:penalty|penalties|fine|fines|surcharge)\b|\bno (?:late )?(?:enrollment )?penalty\b|\bpenalty[- ]free\b|"
    r"(?:不被|免于|避免|免得|以免|不用|不会)[^，。？?]{0,4}(?:罚|滞纳金)"
)


def avoided_penalty(question: str) -> bool:
    """The question names a penalty only as what the patient wants to avoid."""
    return _AVOIDED_PENALTY.search(normalize(question)) is not None


def referring_score(
    hit: Hit, units: list[QueryUnit], referred: list[QueryUnit], loaded: LoadedIndex, figure: re.Pattern[str],
    question: str,
) -> float:
    """The figure sentence's share of the asking part, or of it with the story concepts it may refer back to
    (referred: "He faked receipts ... how big a fine?" asks the fine for the fraud), whichever is more: the story
    counts where the sentence holds it, and never against a sentence that answers the asking part alone."""
    score = _figure_sentence_score(hit, units, loaded, figure, question)
    if referred:
        score = max(score, _figure_sentence_score(hit, units + referred, loaded, figure, question))
    return score


def _figure_sentence_score(
    hit: Hit, units: list[QueryUnit], loaded: LoadedIndex, figure: re.Pattern[str], question: str = ""
) -> float:
    """The best share of the question held by one sentence of the section that gives the figure asked for.

    A sentence about a parallel thing (only Part B where Part A is asked) does not count, nor one where the kind of
    amount asked about (a deductible) is named only outside the clause that holds the figure."""
    glossary = load_glossary()
    asked = {u.concept for u in units if u.concept}
    amounts = [u for u in units if u.concept in glossary.amount_concepts]
    if any(u.concept != CAP_CONCEPT for u in amounts):
        # "免赔额最高是多少", "the maximum deductible": the cap qualifies the kind of amount asked, which must be
        # named beside the figure (a cap on other costs does not give it).
        amounts = [u for u in amounts if u.concept != CAP_CONCEPT]
    about_penalty = bool(asked & PENALTY_CONCEPTS)
    # The document's title counts for the place it is about ("上海"), or all of it when the question names the
    # document; its headings count for anything.
    places = set(glossary.places)
    heading = " ".join([*hit.path, hit.label])
    if question and names_document(hit.title, question):
        heading = f"{hit.title} {heading}"
    in_heading = {id(u) for u in units if _unit_in(u, heading) or (u.label in places and _unit_in(u, hit.title))}
    heading_held = {u.concept for u in units if id(u) in in_heading and u.concept}
    # A scheme the document's title names ("上海市医疗保障条例") is what every sentence of it is about.
    title_held = {u.concept for u in units if u.concept and _unit_in(u, hit.title)}
    weights = {id(u): _weight_in(loaded, u, hit.doc_id) for u in units}
    # What the sentence does not say but its headings do counts in full (the section is about it); what only the
    # rest of the section says counts half.
    context = sum(weights[id(u)] for u in units if id(u) in in_heading)
    elsewhere = {id(u) for u in units if _unit_in(u, hit.text)}
    subject = asked_subject(units, loaded, question)
    quoted = {m.group(0) for m in figure.finditer(normalize(question))}
    # A count of time asked is given in its unit, beside the word it counts for (asked_count.py).
    asking = figure_question_part(question) if question else ""
    count_unit = asked_count_unit(asking) if figure is COUNT_TIME_FIGURE else None
    counted = counted_for(asking, units) if figure is COUNT_TIME_FIGURE else None
    best = 0.0
    for sentence in sentences_with_lists(hit.text):
        lowered = normalize(sentence)
        # A figure the question itself quotes ("how much extra on top of the $185 premium") is not the one asked.
        figures = [f for f in (m.group(0) for m in figure.finditer(lowered)) if f not in quoted]
        if count_unit is not None:
            figures = [f for f in figures if figure_of_unit(f, count_unit)]
        if not figures:
            continue
        if counted is not None and not (_unit_in(counted, sentence) or _unit_in(counted, hit.label)):
            # A count of something else ("eligible for 2 years" where living 5 years is asked). Only the section's
            # own heading may name it: the chapter above is about much more.
            continue
        if not about_penalty and all("倍" in f for f in figures):
            continue  # a fine as a multiple of the amount involved answers only a question about a fine
        if subject is not None and not subject_beside_figure(subject, units, figure, sentence, heading):
            continue  # the figure is of something else than the thing asked about
        held = _held(units, sentence)
        if names_other_member(held, asked, lowered) or _figures_of_other_member(units, asked, figure, quoted, lowered):
            continue
        # The member asked about (Part A) must be named where the figure is: in the sentence or its headings.
        if any(not wanted & (held | heading_held | title_held) for wanted in asked_members(asked)):
            continue
        # The kind of amount asked may be named by the section's heading ("What's the Part A late enrollment
        # penalty?" over "your monthly premium may go up 10%").
        if amounts and not any(u.concept in heading_held or _figure_beside(u, figure, sentence) for u in amounts):
            continue
        in_sentence = [u for u in units if _unit_in(u, sentence) and id(u) not in in_heading]
        rest = [u for u in units if id(u) in elsewhere and u not in in_sentence and id(u) not in in_heading]
        covered = context + sum(weights[id(u)] for u in in_sentence) + 0.5 * sum(weights[id(u)] for u in rest)
        best = max(best, covered)
    total = sum(weights.values()) or 1.0
    return best / total


def _figures_of_other_member(
    units: list[QueryUnit], asked: set[str], figure: re.Pattern[str], quoted: set[str], sentence: str
) -> bool:
    """Every clause of the sentence that holds a figure names a member of a group other than the one asked, and
    not it: the asked member named only in another clause of the sentence does not own the figure."""
    clauses = [
        c for c in _MEMBER_CLAUSE.split(sentence)
        if any(m.group(0) not in quoted for m in figure.finditer(c))
    ]
    return bool(clauses) and all(names_other_member(_held(units, c), asked, c) for c in clauses)


def names_document(title: str, text: str) -> bool:
    """The question names the document by its title ("医疗保障基金使用监督管理条例哪年开始实施")."""
    core = re.sub(r"^中华人民共和国|[《》\s]", "", normalize(title))
    return len(core) >= 4 and core in normalize(text).replace(" ", "")


def _weight_in(loaded: LoadedIndex, unit: QueryUnit, doc_id: str) -> float:
    """A unit's weight, counted as in coverage: a plain word in the other language than the document weighs less."""
    weight = unit_weight(loaded, unit)
    language = loaded.languages.get(doc_id, "zh")
    script = "zh" if re.search(r"[\u4e00-\u9fff]", unit.label) else "en"
    if unit.concept is None and script != language:
        weight *= CROSS_LANGUAGE_WORD_FACTOR
    return weight


def _unit_in(unit: QueryUnit, text: str) -> bool:
    lowered = normalize(text)
    tokens = set(tokenize(text))
    return unit.held_by(tokens, lowered)


def _held(units: list[QueryUnit], text: str) -> set[str | None]:
    """The concepts of the question that a text names."""
    return {u.concept for u in units if u.concept and _unit_in(u, text)}


def _figure_beside(unit: QueryUnit, figure: re.Pattern[str], sentence: str) -> bool:
    """A figure and a name of the asked kind of amount in the same clause of the sentence."""
    for clause in _CLAUSE_BREAK.split(normalize(sentence)):
        if not clause or not figure.search(clause):
            continue
        tokens = set(tokenize(clause))
        if unit.held_by(tokens, clause) or _phrase_names_amount(unit, clause, tokens):
            return True
    return False


def _phrase_names_amount(unit: QueryUnit, clause: str, tokens: set[str]) -> bool:
    """A phrase names the kind of amount asked beside the figure ("you pay" for the patient's share), and the clause
    names no other kind of amount ("you pay a $185 premium" gives a premium)."""
    glossary = load_glossary()
    phrases = glossary.amount_phrases.get(unit.concept or "", [])
    if not any(word_pattern(p).search(clause.replace("’", "'")) for p in phrases):
        return False
    # A cap qualifies the share ("up to"), it is no other kind of amount.
    kinds = set(glossary.amount_concepts) - {unit.concept, CAP_CONCEPT}
    others = [c for c in glossary.concepts if c.id in kinds]
    return not any(covers(normalize(t), tokens, clause) for c in others for t in c.zh + c.en)
