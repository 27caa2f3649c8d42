"""Candidate sections and the weight of filler: a long asking clause does not make the story before it part of the
question; grammar words ("真的", "只要", "就是") carry no topic; a question naming a place looks deep enough for
that place's documents; a section holding nearly all of the question is looked at however low its words rank.
All questions here are the team's own."""

from __future__ import annotations

from pathlib import Path

from tools.insurance.answer import answer_question
from tools.insurance.index import HIGH_COVERAGE, search
from tools.insurance.terms import analyse_query, narrative_spans, plain_question


def _story(question: str) -> list[str]:
    text = plain_question(question)
    return [text[a:b] for a, b in narrative_spans(text)]


def test_only_a_short_asking_clause_asks_about_the_clause_before_it() -> None:
    # "这种情况医院会被怎么处理" is a full question of its own: the clause before it stays the story.
    story = _story("我昨天陪朋友去看病，看到收费员把别人的药记到我朋友账上，这种情况医院会被怎么处理？")
    assert any("收费员" in s for s in story)
    # "对不对" is short: it asks about the clause before it.
    story = _story("我周末在家修水管划伤了手，公司说不算工伤，对不对？")
    assert not any("公司" in s for s in story)


def test_grammar_words_are_not_topics() -> None:
    _, units = analyse_query("就是想问一下，只要是在外地看病，医保真的一分都不管吗？")
    labels = {u.label for u in units}
    assert not labels & {"就是", "只要", "真的", "一分", "不管"}


def test_an_english_question_about_china_reaches_the_chinese_regulations(corpus_index: Path) -> None:
    answer = answer_question(
        "In China, if a clinic bills the insurance fund for treatments nobody received, what happens to the clinic?",
        "en", corpus_index,
    )
    assert answer.answerable
    assert all(not c.doc_id.startswith("medicare") for c in answer.citations)


def test_a_section_holding_most_of_the_question_is_kept_however_it_ranks(corpus_index: Path) -> None:
    question = "My doctor's office asked me to sign a notice that Medicare may not pay for a lab test. What is it?"
    hits = search(corpus_index, question, "en", 3)
    assert len(hits) >= 3
    # Beyond the k asked for, only sections that hold most of the question are added.
    assert all(h.coverage >= HIGH_COVERAGE for h in hits[3:])
    labels = [h.label for h in search(corpus_index, question, "en", 12)]
    assert any("Advance Beneficiary Notice" in label for label in labels)


def test_a_city_or_detail_not_in_the_documents_is_still_refused(corpus_index: Path) -> None:
    for question, locale in [
        ("在成都，职工医保的门诊报销比例是多少？", "zh"),
        ("In China, how much does a private dental insurance plan from Ping An cost per year?", "en"),
    ]:
        assert not answer_question(question, locale, corpus_index).answerable, question
