"""Round M/N: a list's lead-in ("In 2025, you pay:") names the patient's share for each item's figure; number words
and figure fillers ("three weeks", "per day", "once") are no topic; the drug list's agreement period answers when a
negotiated agreement ends; an answer kind named only in the story ("my doctor calls it") is not asked for; a count
the national regulation sets answers for a city with no document of its own (its amounts still do not)."""

from __future__ import annotations

from pathlib import Path

from tools.insurance.answer import answer_question
from tools.insurance.evidence import MONEY_FIGURE, figure_wanted
from tools.insurance.figure_sentence import _figure_beside
from tools.insurance.terms import analyse_query

HANDBOOK = "medicare_and_you_2025_en"
REGULATION = "medical_security_fund_regulation_zh"


def _cited(answer: object) -> list[tuple[str, str]]:
    return [(c.doc_id, c.section) for c in answer.citations]  # type: ignore[attr-defined]


def _coinsurance_unit():  # type: ignore[no-untyped-def]
    return next(u for u in analyse_query("住院每天自付多少钱？")[1] if u.concept == "coinsurance")


def test_you_pay_names_the_patients_share_beside_a_figure() -> None:
    unit = _coinsurance_unit()
    listed = "In each benefit period (2025), you pay: - Days 21-100: $209.50 each day."
    assert _figure_beside(unit, MONEY_FIGURE, listed)
    # "You pay" a premium gives a premium, not the share of a bill.
    assert not _figure_beside(unit, MONEY_FIGURE, "Most people pay the standard premium: you pay $185 each month.")


def test_a_daily_share_in_a_list_under_a_lead_in_is_answered(corpus_index: Path) -> None:
    question = "Medicare专业护理机构（skilled nursing facility）2025年第30天起每天要自付多少钱？"
    answer = answer_question(question, "zh", corpus_index)
    assert answer.answerable and (HANDBOOK, "Skilled nursing facility care") in _cited(answer)


def test_number_words_and_figure_fillers_are_no_topic() -> None:
    labels = {u.label for u in analyse_query(
        "Once he passes the first two weeks in the rehab place, what does he owe per day in 2025?"
    )[1]}
    assert not labels & {"once", "passes", "first", "two", "per"}
    assert "2025" in labels


def test_number_words_do_not_dilute_a_long_question(corpus_index: Path) -> None:
    answer = answer_question(
        "My husband will go to a skilled nursing facility after four days in hospital. In 2025, once he is past the "
        "first twenty days there, how much will he owe per day?", "en", corpus_index,
    )
    assert answer.answerable and (HANDBOOK, "Skilled nursing facility care") in _cited(answer)


def test_the_agreement_period_of_a_negotiated_drug_is_answered(corpus_index: Path) -> None:
    zh = answer_question("依苏帕格鲁肽α注射液的医保协议期到什么时候结束？", "zh", corpus_index)
    assert zh.answerable and any("依苏帕格鲁肽" in section for _, section in _cited(zh))
    assert "2027年12月31日" in zh.text
    en = answer_question("Is semaglutide injection (司美格鲁肽注射液) on China's list, and when does its negotiated "
                         "agreement expire?", "en", corpus_index)
    assert en.answerable and "2027" in en.text


def test_drug_figures_the_list_does_not_give_are_still_refused(corpus_index: Path) -> None:
    for question in [
        "依苏帕格鲁肽α注射液医保一年最多报多少钱？",  # no payment standard ("*")
        "依苏帕格鲁肽α注射液能连续用多久？",  # a time that is not the agreement's
    ]:
        answer = answer_question(question, "zh", corpus_index)
        assert not answer.answerable and not answer.citations


def test_an_answer_kind_named_only_in_the_story_is_not_required() -> None:
    units = analyse_query(
        "My doctor calls it chronic neck pain. Does Medicare pay for acupuncture for it?"
    )[1]
    assert not any(u.required for u in units)
    asked = analyse_query("My neck hurts. What number do I call for Medicare?")[1]
    assert any(u.concept == "contact" and u.required for u in asked)
    # A commercial product named in the story is still what the question is about.
    product = analyse_query("我买了泰康的百万医疗险，这次住院了，保险公司会赔吗？")[1]
    assert any(u.concept == "insurer_brand" and u.required for u in product)


def test_a_count_the_national_regulation_sets_answers_for_a_city_without_documents(corpus_index: Path) -> None:
    question = "我在南京开了家诊所，医保部门来检查只来了一个人，也没出示证件。检查人员至少要几个人？要出示什么？"
    answer = answer_question(question, "zh", corpus_index)
    assert answer.answerable and (REGULATION, "第二十九条") in _cited(answer)
    for question in ["南京职工医保住院起付线是多少？", "南京医保门诊报多少？"]:
        local = answer_question(question, "zh", corpus_index)
        assert not local.answerable and not local.citations


def test_a_dollar_amount_asked_is_a_money_figure(corpus_index: Path) -> None:
    assert figure_wanted("Tell me the dollar amount of the Part A deductible for his hospital stay.") is MONEY_FIGURE
    assert figure_wanted("How many dollars will my father's hospital deductible be?") is MONEY_FIGURE
    # The handbook names the Part A deductible only in a condition ("$0 after you meet your Part A deductible").
    answer = answer_question(
        "Tell me the dollar amount of the Part A deductible my father pays for a hospital stay in 2025.", "en",
        corpus_index,
    )
    assert not answer.answerable and not answer.citations
