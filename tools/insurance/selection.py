"""Which retrieved sections support an answer, by rule: on-topic enough, about the place and year asked, holding
the figure asked for; or none, with the reason. A question in two parts may get a second section for its other
part, and an article that names another article for its rule or its penalty brings that one along (related.py).
"""

from __future__ import annotations

import re
from pathlib import Path

from assistant.reply import Locale
from tools.insurance.asking import (
    FIGURE_KIND_CONCEPTS,
    referred_members,
    story_concepts,
    with_asking_coverage,
)
from tools.insurance.evidence import (
    ANY_FIGURE,
    COUNT_TIME_FIGURE,
    PERCENT_FIGURE,
    TIME_FIGURE,
    Place,
    all_places,
    asking_part,
    asks_for_figure,
    document_answers_for,
    figure_question_part,
    figure_wanted,
    has_own_document,
    named_places,
    sentences_with_lists,
    split_sentences,
    told_first,
)
from tools.insurance.figure_sentence import (
    PENALTY_CONCEPTS,
    _unit_in,
    _weight_in,
    avoided_penalty,
    referring_score,
)
from tools.insurance.index import load_index, search
from tools.insurance.models import Hit
from tools.insurance.narrative import asked_year, newest_year
from tools.insurance.related import add_related, section_index
from tools.insurance.scoring import (
    LoadedIndex,
    section_covers,
    unit_coverage,
    unit_weight,
)
from tools.insurance.terms import (
    QueryUnit,
    analyse_query,
    load_glossary,
    normalize,
)

MIN_SCORE = 0.5  # BM25 (each question unit counted once) below which nothing in the documents is on topic
MIN_COVERAGE = 0.4  # share (IDF-weighted) of the question's units that the best section must hold
MIN_FIGURE_SENTENCE_COVERAGE = 0.4  # share of the question that the sentence holding the figure must cover
MIN_FIGURE_SECTION_COVERAGE = 0.35  # a section with a figure sentence may hold this little of a long question
NATIONAL_FOR_LOCAL_COVERAGE = 0.55  # coverage a national law needs to answer for a city with no document of its own
# ... or this much when it holds the question's most telling concept (its topic: "社保登记", not "申请")
NATIONAL_WITH_TOPIC_COVERAGE = 0.45
SECOND_CITATION_RATIO = 0.6  # a further section is cited when it scores at least this share of the best one
MAX_CITATIONS = 3
MIN_FIGURE_PART_UNITS = 2  # fewer topic words than this in the sentence that asks for a figure: read the whole
PLACE_DEPTH_FACTOR = 4  # how much deeper to look when a named place filters the documents
LOCAL_RATE_CONCEPTS = frozenset({"reimbursement_ratio"})  # "报销多少": a ratio each city sets
# Story concepts that do not count toward a figure's sentence: the kind of amount asked is the asking part's alone.
_NOT_REFERRED = frozenset(load_glossary().amount_concepts) | FIGURE_KIND_CONCEPTS


def select_hits(question: str, locale: Locale, index_dir: Path, k: int = 8) -> tuple[list[Hit], str]:
    """The sections that support an answer, or ([], why not)."""
    # A figure may sit in a short article that ranks low on words alone: look further down for one.
    depth = max(k, 20) if asks_for_figure(question) else max(k, 12)
    places = _places_for_scheme(question, named_places(question))
    # A question naming a place is answered only by documents about it: look deeper so that sections of those
    # documents are not crowded out by others (an English question about China ranks the English handbook first).
    hits = search(index_dir, question, locale, depth * PLACE_DEPTH_FACTOR if places else depth)
    _, units = analyse_query(question)
    loaded = load_index(index_dir)
    figure = figure_wanted(question)
    # A province or city with no document of its own is answered from national laws only: not for its figures
    # (amounts, ratios, dates are set there), and only by a section that clearly holds the question.
    local = [p for p in places if p.within and not has_own_document(p, list(loaded.titles.values()))]
    only_national = bool(local) and len(local) == len(places)
    # A period the national law sets ("用人单位应当自用工之日起三十日内", when benefits stop) holds in every city;
    # amounts and ratios are set locally.
    if only_national and _asks_local_amount(figure, units):
        return [], f"place:{local[0].aliases[0]}"
    if places:
        # A question naming two places ("my Shanghai insurance, in Beijing") is answered by either's documents.
        hits = [
            h for h in hits
            if any(
                document_answers_for(place, h, loaded.doc_texts.get(h.doc_id, ""))
                and (place.doc_language is None or loaded.languages.get(h.doc_id) == place.doc_language)
                for place in places
            )
        ]
        if not hits:
            return [], f"place:{places[0].aliases[0]}"
        hits = hits[:depth]
    systems = {u.system for u in units if u.system}
    if systems == {"cn"} and any(
        loaded.languages.get(h.doc_id) == "zh" and h.coverage >= MIN_COVERAGE for h in hits
    ):
        # A question about Chinese schemes is answered from the Chinese documents only, never padded with Medicare.
        hits = [h for h in hits if loaded.languages.get(h.doc_id) == "zh"]
    elif _scheme_systems(units) == {"us"} and any(
        loaded.languages.get(h.doc_id) == "en" and h.coverage >= MIN_COVERAGE for h in hits
    ):
        # And the reverse: Medicare's rules are the handbook's, though the patient fell ill in Shanghai.
        hits = [h for h in hits if loaded.languages.get(h.doc_id) == "en"]
    if figure is not None:
        hits = [_figure_kind_held(h, units, loaded, figure) for h in hits]
    # A story-first question is on topic where the section holds what it asks, though not the story around it (a
    # figure must still stand in a sentence about the part that asks for it: _figure_sentence_score).
    hits = with_asking_coverage(hits, question, loaded)
    candidates = [h for h in hits if h.score >= MIN_SCORE]
    if only_national:
        # The topic is named where the question asks, not in the story ("just started a new job ... how long does
        # the company have"); the kind of figure asked is no topic.
        asked = {u.concept for u in analyse_query(asking_part(normalize(question)))[1]}
        concepts = [u for u in units if u.concept and u.weight is None and u.concept not in FIGURE_KIND_CONCEPTS]
        named = [u for u in concepts if u.concept in asked] or concepts or units
        topic = max(named, key=lambda u: unit_weight(loaded, u)) if named else None
        hits = [
            h for h in candidates
            if h.coverage >= NATIONAL_FOR_LOCAL_COVERAGE
            or (h.coverage >= NATIONAL_WITH_TOPIC_COVERAGE and topic is not None and section_covers(loaded, h, topic))
        ]
    else:
        hits = [h for h in candidates if h.coverage >= MIN_COVERAGE]
    if not hits:
        return [], "low score or coverage"
    # The year the question asks about (its latest: earlier ones are the patient's history, "my enrollment ended in
    # June 2021") must be in the text of the section that answers: the 2025 handbook does not answer for 2027.
    # Years the story tells as done ("I finally signed up in March 2025") are history.
    year = asked_year(normalize(question), newest_year(loaded.titles))
    if year is not None:
        # The year must be where the section speaks of the question ("coverage for 2026" does not answer for the
        # Part B premium in 2026).
        hits = [h for h in hits if _year_about_question(h, year, units)]
        if not hits:
            return [], f"year {year} not in documents"
    for unit in units:
        if unit.required:
            hits = [h for h in hits if section_covers(loaded, h, unit)]
            candidates = [h for h in candidates if section_covers(loaded, h, unit)]
            if not hits:
                return [], f"no section gives the {unit.concept} asked for"
    avoided = avoided_penalty(question)
    if figure is not None and figure not in (PERCENT_FIGURE, COUNT_TIME_FIGURE) and not avoided and {
        u.concept for u in units
    } & PENALTY_CONCEPTS:
        # "how much is the penalty", "how big is my penalty and how long do I pay it": a percentage, a multiple of
        # the amount involved or a period answers too (a count of years asked is answered by a count only).
        figure = ANY_FIGURE
    if figure is not None:
        # The question is on topic (a section passed); the figure may sit in a section that holds less of a long
        # question as a whole but has a sentence about it (judged by _figure_sentence_score), about the part of the
        # question that asks for it.
        figure_hits = hits + [h for h in candidates if MIN_FIGURE_SECTION_COVERAGE <= h.coverage < MIN_COVERAGE]
        figure_units = analyse_query(figure_question_part(question))[1] or units
        # The kind of figure asked ("how many days": a duration) is what the figure gives, not a topic to find.
        figure_units = [u for u in figure_units if u.concept not in FIGURE_KIND_CONCEPTS] or figure_units
        if avoided:
            # A penalty to avoid is the condition of the figure asked, not its kind.
            figure_units = [u for u in figure_units if u.concept not in PENALTY_CONCEPTS] or figure_units
        if len(figure_units) < MIN_FIGURE_PART_UNITS:
            # "What's the legal deadline for them to do it?": the sentence that asks says what only by pronouns;
            # what "it" is, the story before tells.
            figure_units = [u for u in units if u.concept not in FIGURE_KIND_CONCEPTS] or units
        figure_units = figure_units + referred_members(question, figure_units)
        referred = story_concepts(question, figure_units, _NOT_REFERRED) if told_first(question) else []
        chosen = _choose_by_figure(figure_hits, figure_units, loaded, figure, year, question, referred)
        if not chosen or _defers_figure(figure_hits, figure_units, loaded, figure, year):
            return [], "figure not in documents"
        # A section cited beside them must give the figure too.
        candidates = [
            h for h in candidates
            if referring_score(h, figure_units, referred, loaded, figure, question) >= MIN_FIGURE_SENTENCE_COVERAGE
        ]
    else:
        chosen = _choose(hits)
    return add_related(chosen, candidates, units, loaded, with_references=figure is None), "retrieved"


def _scheme_systems(units: list[QueryUnit]) -> set[str]:
    """The systems of the schemes a question names, without the places it names (上海 is where, not which scheme)."""
    place_ids = {p.id for p in all_places()}
    return {u.system for u in units if u.system and u.concept not in place_ids}


def _places_for_scheme(question: str, places: list[Place]) -> list[Place]:
    """A question naming only US schemes ("我爸有 Original Medicare，回国在上海住院了") asks what Medicare
    pays: a Chinese place in it is where the care was, which the handbook answers for ("Foreign travel"), so it
    filters nothing."""
    if not places or _scheme_systems(analyse_query(question)[1]) != {"us"}:
        return places
    chinese = {p.id for p in all_places() if p.doc_language == "zh"}
    return [p for p in places if p.id not in chinese and p.within not in chinese]


def _asks_local_amount(figure: re.Pattern[str] | None, units: list[QueryUnit]) -> bool:
    """The question asks for an amount or a ratio, which a city sets for itself: a money or percentage figure, or
    "how much/how many" about a kind of amount ("起付线是多少"). A period or a count the national law sets ("how many
    inspectors", "三十日内") holds in every city."""
    if figure is None or figure in (TIME_FIGURE, COUNT_TIME_FIGURE):
        return False
    if figure is not ANY_FIGURE:
        return True
    glossary = load_glossary()
    return any(u.concept in glossary.amount_concepts or u.concept in LOCAL_RATE_CONCEPTS for u in units)


# A sentence that sends the reader elsewhere for the figure ("You can find 2025 income and resource limits on
# Medicare.gov", "具体标准请登录...查询"): the document does not give it.
_POINTER = re.compile(
    r"\b(?:find|get|check|look up|see)\b[^.]{0,80}\b(?:on|at)\s+[a-z]+\.(?:gov|org|com)\b|"
    r"(?:请|可|可以)(?:登录|访问|查询|咨询)[^。]{0,30}(?:网站|网|官网|热线|经办机构)"
)
MIN_POINTER_COVERAGE = 0.6
# A pointer for the very year asked ("You can find 2025 income and resource limits on Medicare.gov") defers with
# less of the question in it: the year and the kind of figure are what the question turns on.
MIN_YEAR_POINTER_COVERAGE = 0.25


def _defers_figure(
    hits: list[Hit], units: list[QueryUnit], loaded: LoadedIndex, figure: re.Pattern[str], year: str | None = None
) -> bool:
    """A section has a sentence with no figure that holds most of what is asked (or the year asked and some of
    it) and points elsewhere for it."""
    weights = {id(u): _weight_in(loaded, u, hits[0].doc_id) for u in units} if hits else {}
    total = sum(weights.values()) or 1.0
    for hit in hits:
        for sentence in split_sentences(hit.text):
            lowered = normalize(sentence)
            if figure.search(lowered) or not _POINTER.search(lowered):
                continue
            held = sum(weights[id(u)] for u in units if _unit_in(u, sentence))
            if held / total >= MIN_POINTER_COVERAGE:
                return True
            if year is not None and year in sentence:
                named = [u for u in units if u.label != year and _unit_in(u, sentence)]
                others = sum(weights[id(u)] for u in named)
                # It must point for the thing asked, not only for the same kind of figure ("2025 income ... limits"
                # is no pointer for the 2025 cap on drug costs).
                topic = [u for u in named if u.concept not in _NOT_REFERRED]
                if others / total >= MIN_YEAR_POINTER_COVERAGE and topic:
                    return True
    return False


def _figure_kind_held(hit: Hit, units: list[QueryUnit], loaded: LoadedIndex, figure: re.Pattern[str]) -> Hit:
    """The kind of figure asked ("how long", "多久之内": a duration) is held by a section that gives a figure of that
    kind ("三十日内"), though it names no word for it: its coverage counts that unit as held."""
    kinds = [u for u in units if u.concept in FIGURE_KIND_CONCEPTS]
    if not kinds or not figure.search(normalize(hit.text)):
        return hit
    index = section_index(loaded, hit)
    if index is None:
        return hit
    coverage = unit_coverage(loaded, index, units, frozenset(id(u) for u in kinds))
    return hit.model_copy(update={"coverage": max(hit.coverage, coverage)})


def _year_about_question(hit: Hit, year: str, units: list[QueryUnit]) -> bool:
    """A sentence of the section names the year and something else the question asks about."""
    topic = [u for u in units if u.label != year and u.weight is None and u.unknown_weight > 0]
    sentences = [s for s in sentences_with_lists(hit.text) if year in s]
    return any(_unit_in(u, sentence) for sentence in sentences for u in topic)


def _rank(hit: Hit) -> float:
    return hit.score * (0.5 + hit.coverage)


def _choose(hits: list[Hit]) -> list[Hit]:
    best = _rank(hits[0])
    chosen: list[Hit] = []
    for hit in hits:
        if _rank(hit) < best * SECOND_CITATION_RATIO or len(chosen) == MAX_CITATIONS:
            break
        if any(c.doc_id == hit.doc_id and c.label == hit.label for c in chosen):
            continue
        chosen.append(hit)
    return chosen


def _choose_by_figure(
    hits: list[Hit], units: list[QueryUnit], loaded: LoadedIndex, figure: re.Pattern[str], year: str | None,
    question: str, referred: list[QueryUnit],
) -> list[Hit]:
    """The sections with a sentence that gives the figure asked for, about most of the question."""
    hits = [h for h in hits if figure.search(normalize(h.text))]
    if not hits:
        return []
    # The best section is the one with a sentence holding both a figure and most of the question.
    # Half the weight on the best figure sentence, half on how well the whole section ranked.
    best_rank = max(_rank(h) for h in hits) or 1.0
    sentence_scores = {id(h): referring_score(h, units, referred, loaded, figure, question) for h in hits}
    # The figure must sit in a sentence about the question, not anywhere in the article.
    hits = [h for h in hits if sentence_scores[id(h)] >= MIN_FIGURE_SENTENCE_COVERAGE]
    if year is not None:
        hits = [h for h in hits if _year_about_question(h, year, units)]
    if not hits:
        return []
    figure_scores = {id(h): sentence_scores[id(h)] + _rank(h) / best_rank for h in hits}
    hits.sort(key=lambda h: -figure_scores[id(h)])
    top = figure_scores[id(hits[0])]
    return [h for h in hits[:MAX_CITATIONS] if figure_scores[id(h)] >= top * SECOND_CITATION_RATIO]
