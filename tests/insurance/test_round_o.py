"""Round O: a count of hours is given only in hours; a table row is read with its header and the sentence that
introduces the table; "what are the <several words> limits" asks for an amount; the amount of a capitalised term
("IRMAA") is given only where that term is named beside the figure (not by a threshold in an "if" clause or by the
standard premium in the same section); a combination written "a/b" is that product, not its components."""

from __future__ import annotations

from pathlib import Path

from tools.insurance.answer import answer_question
from tools.insurance.evidence import HOUR_FIGURE, MONEY_FIGURE, figure_wanted, sentences_with_lists

HANDBOOK = "medicare_and_you_2025_en"
EXTRA_HELP = "Get Extra Help paying your Medicare drug costs"
PART_B_COST = "How much does Part B coverage cost?"


def _cited(answer: object) -> list[tuple[str, str]]:
    return [(c.doc_id, c.section) for c in answer.citations]  # type: ignore[attr-defined]


def test_how_many_hours_asks_for_hours() -> None:
    assert figure_wanted("每天能有几个小时的上门护理？") is HOUR_FIGURE
    assert figure_wanted("How many hours a day of home care does the plan give?") is HOUR_FIGURE
    assert not HOUR_FIGURE.search("暂停六个月以上一年以下")
    assert HOUR_FIGURE.search("每次服务1小时") and HOUR_FIGURE.search("up to 8 hours a day")


def test_hours_of_care_are_refused_when_the_regulation_gives_only_months(corpus_index: Path) -> None:
    question = "上海长期护理保险评估为四级的老人，每天能有几个小时的居家上门护理？"
    answer = answer_question(question, "zh", corpus_index)
    assert not answer.answerable
    question = "How many hours a day of home care does Shanghai's long-term care insurance give a level 4 person?"
    assert not answer_question(question, "en", corpus_index).answerable


def test_a_table_row_carries_its_header_and_lead_in() -> None:
    text = (
        "You may qualify if your yearly income and resources are below these limits in 2024:\n\n"
        "| | Yearly income | Resources |\n| --- | --- | --- |\n| Single person | less than $100 | less than $50 |\n"
    )
    rows = [s for s in sentences_with_lists(text) if "$100" in s]
    assert rows and "Yearly income" in rows[0] and "below these limits in 2024" in rows[0]


def test_a_figure_in_a_table_row_is_answered(corpus_index: Path) -> None:
    question = (
        "Per the table, what's the yearly income cutoff for a married person living with a spouse to get Extra Help?"
    )
    answer = answer_question(question, "en", corpus_index)
    assert answer.answerable and (HANDBOOK, EXTRA_HELP) in _cited(answer)


def test_what_are_the_long_named_limits_asks_for_an_amount(corpus_index: Path) -> None:
    question = "What are the 2025 Extra Help yearly income and resource limits for a widow living alone?"
    assert figure_wanted(question) is MONEY_FIGURE
    # The handbook's table is for 2024 and it sends the reader to Medicare.gov for 2025.
    assert not answer_question(question, "en", corpus_index).answerable


def test_the_amount_of_a_capitalised_charge_needs_that_charge_beside_the_figure(corpus_index: Path) -> None:
    question = "I file taxes as single. How many dollars of IRMAA a month get tacked onto Part B in 2025 for me?"
    answer = answer_question(question, "en", corpus_index)
    assert not answer.answerable


def test_the_income_at_which_a_capitalised_charge_starts_is_answered(corpus_index: Path) -> None:
    question = "Above what income does somebody who files individually begin to owe IRMAA on Part B in 2025?"
    answer = answer_question(question, "en", corpus_index)
    assert answer.answerable and (HANDBOOK, PART_B_COST) in _cited(answer)


def test_a_combination_written_with_a_slash_is_not_its_component(corpus_index: Path) -> None:
    question = "Does the Chinese reimbursement list cover sacubitril/valsartan for heart failure, and as which class?"
    answer = answer_question(question, "en", corpus_index)
    assert answer.answerable and answer.citations
    assert all("沙库巴曲缬沙坦" in c.section for c in answer.citations)
