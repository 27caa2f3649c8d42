"""Round X (refusals): a count of time asked is given only in its unit (or a whole larger one) and beside the word it
counts for; a figure in a clause about another member of a group (Medicare Advantage's premium beside a mention of
Part B's) is not the asked member's figure."""

from __future__ import annotations

from pathlib import Path

from tools.insurance.answer import answer_question
from tools.insurance.asked_count import asked_count_unit, counted_for, figure_of_unit
from tools.insurance.terms import analyse_query


def test_a_count_is_given_in_its_unit_or_a_whole_larger_one() -> None:
    assert asked_count_unit("要分成多少个月发？") == "month"
    assert figure_of_unit("十五年", "month")
    assert not figure_of_unit("十五年", "day")
    assert not figure_of_unit("3 months", "year")


def test_the_word_a_count_is_asked_for() -> None:
    asking = "到底要分成多少个月发？"
    counted = counted_for(asking, analyse_query(asking)[1])
    assert counted is not None and counted.label == "分成"


def test_a_count_of_years_for_another_thing_is_refused(corpus_index: Path) -> None:
    # The handbook says only "for a certain amount of time"; "eligible for Part A for 2 years" counts eligibility.
    question = "I moved here from abroad. How many years must I work before I get premium-free Part A?"
    assert not answer_question(question, "en", corpus_index).answerable


def test_a_divisor_in_months_is_not_given_by_years_of_contributions(corpus_index: Path) -> None:
    question = "我爸快退休了，听说养老金是拿个人账户的钱来分，到底要分成多少个月发？"
    assert not answer_question(question, "zh", corpus_index).answerable


def test_a_figure_of_another_member_is_not_the_asked_ones(corpus_index: Path) -> None:
    # "Some Medicare Advantage Plans have a $0 premium (but you still may pay the Part B premium)".
    question = "My salary is around $120,000. On top of the $185 Part B premium, how much extra would they charge me?"
    answer = answer_question(question, "en", corpus_index)
    assert not answer.answerable
