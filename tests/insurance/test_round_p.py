"""Round P: a private policy's underwriting (投保时就有的病, 健康告知) is no question the public-insurance documents
answer, and "保险公司" is the insurer, not an employer; lay words for reselling drugs and cash back; being caught is
the condition of a question about the consequence, not a question about investigations; a place or a queue in the
story asks for no address; English names of combination products and butylphthalide; a restriction's period answers
"how long does insurance pay" for a listed drug (a payment standard does not); "the longest period" asks for a time
and "paid in for 7 years" is no bill to compute with; 罚金 is a penalty and 基数 the base an amount is computed from;
years the story tells as done are history."""

from __future__ import annotations

from pathlib import Path

from tools.insurance import narrative
from tools.insurance.amounts import parse_amounts
from tools.insurance.answer import answer_question
from tools.insurance.evidence import TIME_FIGURE, figure_wanted
from tools.insurance.terms import analyse_query

HANDBOOK = "medicare_and_you_2025_en"
REGULATION = "medical_security_fund_regulation_zh"
LAW = "social_insurance_law_zh"
SHANGHAI = "shanghai_medical_security_regulation_2024_zh"
PART_B_PENALTY = "What's the Part B late enrollment penalty?"
PART_D_PENALTY = "How much more will I pay for a late enrollment penalty?"


def _cited(answer: object) -> list[tuple[str, str]]:
    return [(c.doc_id, c.section) for c in answer.citations]  # type: ignore[attr-defined]


def _concepts(question: str) -> set[str | None]:
    return {u.concept for u in analyse_query(question)[1]}


def test_underwriting_of_a_private_policy_is_refused(corpus_index: Path) -> None:
    question = "我妈去年买了一份医疗险，投保时没告诉保险公司她有糖尿病，现在住院了会不会被拒赔？"
    answer = answer_question(question, "zh", corpus_index)
    assert not answer.answerable and not answer.citations
    assert "unit_employer" not in _concepts("保险公司会不会赔？")
    # Commercial insurance itself is no underwriting: Shanghai lets the personal account buy it.
    answer = answer_question("我在上海，能用职工医保个人账户给家里人买商业医疗险吗？", "zh", corpus_index)
    assert answer.answerable and (SHANGHAI, "第二十四条") in _cited(answer)


def test_selling_drugs_for_cash_back_in_lay_words(corpus_index: Path) -> None:
    question = "药店门口有人收药，叫我把医保开的药卖给他，每盒返我30块现金，这样做犯法吗？"
    assert {"resell_drugs", "cash_back"} <= _concepts(question)
    answer = answer_question(question, "zh", corpus_index)
    assert answer.answerable and (REGULATION, "第十九条") in _cited(answer)


def test_being_caught_is_context_of_a_penalty_question(corpus_index: Path) -> None:
    question = "我把医保卡借给朋友去药店买药，要是被查到了会怎么处罚？"
    units = analyse_query(question)[1]
    assert not any(u.concept == "investigation" for u in units)
    assert any(u.concept == "caught" and u.weight is not None for u in units)
    answer = answer_question(question, "zh", corpus_index)
    assert answer.answerable and (REGULATION, "第四十一条") in _cited(answer)


def test_a_queue_in_the_story_asks_for_no_address() -> None:
    story = analyse_query("我在药店排队的时候看见有人用别人的医保卡买药，这种人会受到什么处罚？")[1]
    assert not any(u.concept == "address_hours" and u.required for u in story)
    asked = analyse_query("这家药店排队要等多久？")[1]
    assert any(u.concept == "address_hours" and u.required for u in asked)


def test_english_combination_and_stroke_drug_names(corpus_index: Path) -> None:
    answer = answer_question("Does China's drug list cover benazepril/amlodipine capsules?", "en", corpus_index)
    assert answer.answerable and any("氨氯地平贝那普利" in section for _, section in _cited(answer))
    answer = answer_question("Is butylphthalide covered by China's national drug list?", "en", corpus_index)
    assert answer.answerable and any("丁苯酞" in section for _, section in _cited(answer))


def test_a_restriction_period_answers_how_long_a_drug_is_paid(corpus_index: Path) -> None:
    answer = answer_question(
        "How many days will insurance pay for butylphthalide capsules after a stroke?", "en", corpus_index
    )
    assert answer.answerable and any("丁苯酞" in section for _, section in _cited(answer))
    # A negotiated price is no period: the list does not say how long this one is paid for.
    refused = answer_question("西格列他钠片医保能报多久？", "zh", corpus_index)
    assert not refused.answerable and not refused.citations


def test_the_longest_period_asks_for_a_time(corpus_index: Path) -> None:
    question = (
        "My company let me go after 12 years of paying unemployment insurance in China. What is the longest period "
        "I can collect unemployment benefits?"
    )
    assert figure_wanted(question) is TIME_FIGURE
    answer = answer_question(question, "en", corpus_index)
    assert answer.answerable and (LAW, "第四十六条") in _cited(answer)


def test_the_base_of_the_part_d_penalty(corpus_index: Path) -> None:
    question = "Medicare D部分晚参保的罚金按什么基数算？2025年基数多少？"
    assert {"penalty", "base_amount"} <= _concepts(question)
    answer = answer_question(question, "zh", corpus_index)
    assert answer.answerable and (HANDBOOK, PART_D_PENALTY) in _cited(answer)


def test_years_told_as_done_are_history() -> None:
    told = "my window closed in june 2020 and i signed up in april 2023. how much is the penalty?"
    assert narrative.told_years(told) == {"2020", "2023"}
    assert narrative.asked_year(told, "2025") is None
    assert narrative.asked_year("i turn 65 in 2027. what will my premium be?", "2025") == "2027"
    assert narrative.asked_year("i signed up in 2023. what is the premium in 2025?", "2025") == "2025"
    # A past event told for a year after the documents' own: today is later than they are.
    assert narrative.asked_year("i signed up late in 2026. how much is the penalty?", "2025") == "2026"


def test_a_penalty_question_after_a_dated_story(corpus_index: Path) -> None:
    question = (
        "I didn't take Part B when I first could; my window closed in June 2020 and I signed up in April 2023. "
        "How much is the penalty and how long does it last?"
    )
    answer = answer_question(question, "en", corpus_index)
    assert answer.answerable and (HANDBOOK, PART_B_PENALTY) in _cited(answer)
    later = answer_question("I signed up for Part B late in 2026. How much is the penalty?", "en", corpus_index)
    assert not later.answerable and not later.citations


def test_years_paid_in_are_no_amount(corpus_index: Path) -> None:
    question = (
        "I paid unemployment insurance in China for 8 years before I was laid off. What is the longest period I can "
        "receive unemployment benefits?"
    )
    assert parse_amounts(question).total is None
    assert parse_amounts("my bill was $3,000, deductible $257, coinsurance 20%").total == 3000
    answer = answer_question(question, "en", corpus_index)
    assert answer.answerable and (LAW, "第四十六条") in _cited(answer)
