"""Round BB: a drug list never says which drug suits a patient (refused); a word said alone as well as inside a
longer phrase counts ("医保" in "医保费" and in "医保还能用吗"); lay words for taking benefits twice, fetching drugs too
often, ignoring a request to explain, a charge never ordered, Chinese names of Medicare's enrollment periods and
waiting to hear back find their sections; a stemmed word no longer takes "filled a prescription" for dental work or
"lists a" for the class-A drug list."""

from __future__ import annotations

from pathlib import Path

from tools.insurance.answer import answer_question
from tools.insurance.terms import analyse_query


def _cited(answer: object) -> list[tuple[str, str]]:
    return [(c.doc_id, c.section) for c in answer.citations]  # type: ignore[attr-defined]


def _concepts(question: str) -> set[str | None]:
    return {u.concept for u in analyse_query(question)[1]}


def test_which_of_two_listed_drugs_suits_me_is_refused(corpus_index: Path) -> None:
    en = "My endocrinologist offered me dulaglutide or semaglutide. Which drug is better for my blood sugar?"
    zh = "医生让我在司美格鲁肽和度拉糖肽里选一个，哪个效果更好？"
    for question, locale in ((en, "en"), (zh, "zh")):
        answer = answer_question(question, locale, corpus_index)  # type: ignore[arg-type]
        assert not answer.answerable, question
        assert not answer.citations


def test_whether_a_listed_drug_is_covered_is_still_answered(corpus_index: Path) -> None:
    answer = answer_question("司美格鲁肽医保能报吗？", "zh", corpus_index)
    assert answer.answerable and answer.reason == "drug list"


def test_a_word_said_alone_counts_though_a_longer_phrase_holds_it_too() -> None:
    # "医保费" is a premium; "医保" alone asks about the insurance itself.
    assert "basic_medical_insurance" in _concepts("我刚退休，医保还有吗？医保费还要交吗？")
    assert "basic_medical_insurance" not in _concepts("医保费每年交多少？")


def test_unemployed_persons_insurance_is_the_unemployment_article(corpus_index: Path) -> None:
    question = "合同到期没续签，现在领着失业保险金，医保还有效吗？医保费得我自己交吗？"
    answer = answer_question(question, "zh", corpus_index)
    assert ("social_insurance_law_zh", "第四十八条") in _cited(answer)


def test_claiming_one_bill_from_two_schemes_finds_the_rule_against_it(corpus_index: Path) -> None:
    question = (
        "My employer enrolled me in employee insurance in Chengdu and my family also paid resident insurance for me. "
        "I got reimbursed twice for one operation. Is that a problem?"
    )
    assert "duplicate_benefits" in _concepts(question)
    answer = answer_question(question, "en", corpus_index)
    assert ("medical_security_fund_regulation_zh", "第十七条") in _cited(answer)


def test_direct_billing_suspended_for_too_many_prescriptions(corpus_index: Path) -> None:
    question = (
        "Shanghai insurance here. I refilled too many prescriptions and didn't cooperate when they asked me to "
        "explain, so my direct settlement was suspended. What now?"
    )
    concepts = _concepts(question)
    assert {"excess_dispensing", "uncooperative"} <= concepts and "dental_generic" not in concepts
    answer = answer_question(question, "en", corpus_index)
    assert ("shanghai_medical_security_regulation_2024_zh", "第五十三条") in _cited(answer)


def test_a_tooth_filling_is_still_dental() -> None:
    assert "dental_generic" in _concepts("Does Medicare pay for a filling at the dentist?")


def test_a_charge_never_ordered_on_the_summary_notice_is_fraud(corpus_index: Path) -> None:
    question = "My Medicare statement lists a hospital bed I never ordered. Who do I tell?"
    concepts = _concepts(question)
    assert "fraud" in concepts and "class_a" not in concepts
    answer = answer_question(question, "en", corpus_index)
    assert answer.answerable
    assert all(doc == "medicare_and_you_2025_en" for doc, _ in _cited(answer))
    assert "class_a" in _concepts("Is this drug on list A?")


def test_how_long_until_i_hear_back_is_not_a_case_status(corpus_index: Path) -> None:
    question = "Medicare refused to pay for my ambulance ride. How do I appeal it and how long before I hear back?"
    concepts = _concepts(question)
    assert "case_status" not in concepts and "hearing" not in concepts and "decision_wait" in concepts
    answer = answer_question(question, "en", corpus_index)
    assert ("medicare_and_you_2025_en", "If you have Original Medicare") in _cited(answer)
    assert "case_status" in _concepts("I appealed in March and still haven't heard back. Was it approved?")


def test_chinese_names_of_the_enrollment_periods_find_the_part_b_penalty(corpus_index: Path) -> None:
    question = "我妈在美国，当初的初始报名期没办Part B，后来在一般报名期才办上。这个罚金怎么算，交到什么时候？"
    concepts = _concepts(question)
    assert {"initial_enrollment_period", "general_enrollment_period"} <= concepts
    answer = answer_question(question, "zh", corpus_index)
    assert ("medicare_and_you_2025_en", "What's the Part B late enrollment penalty?") in _cited(answer)
