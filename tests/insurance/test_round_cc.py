"""Round CC: a dose or whether two drugs go together is a doctor's call (refused, though the list names both drugs);
why one's own claim was turned down and when one's own money comes are a case's status (refused); an amount asked by
its name ("what is the ... amount") is a money figure, which a city with no document sets; "how many of those years" is
a count of years that a penalty's multiple does not give; a plan or product named by brand in a Chinese question is
held only where a document names it; a Chinese question about US hospitals reads the handbook, and a Medicare question
naming a Chinese city as where the care was is answered from the handbook, not that city's rules."""

from __future__ import annotations

from pathlib import Path

from tools.insurance.answer import answer_question
from tools.insurance.evidence import COUNT_TIME_FIGURE, MONEY_FIGURE, figure_wanted


def _docs(answer: object) -> set[str]:
    return {c.doc_id for c in answer.citations}  # type: ignore[attr-defined]


def test_a_safe_dose_or_taking_two_drugs_together_is_refused(corpus_index: Path) -> None:
    en = "My wife is on metformin. Is it fine to take it together with aspirin, and what dosage would be safe?"
    zh = "我奶奶在吃阿司匹林，能和布洛芬一起吃吗？一次吃几片？"
    for question, locale in ((en, "en"), (zh, "zh")):
        answer = answer_question(question, locale, corpus_index)  # type: ignore[arg-type]
        assert not answer.answerable, question
        assert not answer.citations


def test_why_my_own_claim_was_denied_and_when_my_money_comes_is_refused(corpus_index: Path) -> None:
    en = "I sent in receipts for my hospital stay in Shanghai and my claim was declined. Why was it declined, and " \
         "when will I receive my refund?"
    zh = "我在上海交了手工报销材料，结果被退回了，为什么被退回？"
    for question, locale in ((en, "en"), (zh, "zh")):
        answer = answer_question(question, locale, corpus_index)  # type: ignore[arg-type]
        assert not answer.answerable, question


def test_an_amount_asked_by_its_name_is_money_and_a_city_without_documents_is_refused(corpus_index: Path) -> None:
    question = "My brother lost his job in Guangzhou. What is Guangzhou's monthly unemployment benefit amount?"
    assert figure_wanted(question) is MONEY_FIGURE
    answer = answer_question(question, "en", corpus_index)
    assert not answer.answerable and answer.reason.startswith("place:")


def test_how_many_of_those_years_is_a_count_of_years(corpus_index: Path) -> None:
    question = ("Someone told me Article 27 sets minimum contribution years before retirees stop paying medical "
                "insurance. Is it 30 years for men in Shanghai, and how many of those years must be paid in Shanghai "
                "itself?")
    assert figure_wanted(question) is COUNT_TIME_FIGURE
    assert not answer_question(question, "en", corpus_index).answerable


def test_a_plan_or_drug_named_by_brand_in_a_chinese_question_is_refused(corpus_index: Path) -> None:
    question = "我爸的处方药保险计划是 WellRx，Jardiance（恩格列净）在它的目录里每月自付多少？"
    answer = answer_question(question, "zh", corpus_index)
    assert not answer.answerable and answer.reason.startswith("product not in documents")


def test_a_chinese_question_about_a_us_hospital_reads_the_handbook(corpus_index: Path) -> None:
    question = "我爸在美国医院住了两晚，医院说他只是 observation（观察），不算住院，这样费用会不一样吗？"
    answer = answer_question(question, "zh", corpus_index)
    assert answer.answerable
    assert _docs(answer) == {"medicare_and_you_2025_en"}


def test_medicare_for_care_in_a_chinese_city_is_answered_from_the_handbook(corpus_index: Path) -> None:
    question = "我妈有 Original Medicare，回北京探亲时在北京急诊住院了，Medicare 会付这笔钱吗？"
    answer = answer_question(question, "zh", corpus_index)
    assert answer.answerable
    assert _docs(answer) == {"medicare_and_you_2025_en"}
