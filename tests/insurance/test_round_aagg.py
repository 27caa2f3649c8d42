"""Round AA/GG/CC: lay ways of saying what the documents answer, and questions they do not.

Whether one's own appeal will succeed is a case's outcome (refused); a late sign-up told as a story ("didn't sign up
until ...") with "pay extra" is the late enrollment penalty; a year told as when one's own cover ends ("lasts until
the end of 2026") is no year asked; health records used by a private insurer, a "window" to sign up, a card lent to
a relative who buys for herself, a spouse with no job, a caller asking for one's Medicare Number, a plan leaving
Medicare, a penalty to avoid, contesting a penalty, help with bathing and dressing in a 养老院, an employee share,
the ways to seek redress, the Yangtze River Delta demonstration zone, care in a foreign city, income and savings
(not a bill), a fine set as a range ("一万元以上五万元以下"), Social Security 退休金 (not a Chinese pension), and a
pointer for another figure of the same year.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.insurance.amounts import parse_amounts
from tools.insurance.answer import answer_question
from tools.insurance.evidence import ANY_FIGURE, figure_wanted
from tools.insurance.narrative import asked_year
from tools.insurance.terms import analyse_query

MEDICARE = "medicare_and_you_2025_en"
LAW = "social_insurance_law_zh"
FUND = "medical_security_fund_regulation_zh"
SHANGHAI = "shanghai_medical_security_regulation_2024_zh"


def _concepts(question: str) -> set[str | None]:
    return {u.concept for u in analyse_query(question)[1]}


def _cites(answer: object, doc_id: str, *sections: str) -> bool:
    cited = {(c.doc_id, c.section) for c in answer.citations}  # type: ignore[attr-defined]
    return any((doc_id, s) in cited for s in sections)


def test_whether_my_own_appeal_will_succeed_is_refused(corpus_index: Path) -> None:
    en = "My Part D plan turned down my request for a drug. If I appeal, will they overturn it?"
    zh = "医保中心拒绝了我的报销申请，我去申请行政复议能成功吗？"
    for question, locale in ((en, "en"), (zh, "zh")):
        answer = answer_question(question, locale, corpus_index)  # type: ignore[arg-type]
        assert not answer.answerable, question
        assert not answer.citations


def test_a_late_sign_up_told_as_a_story_asks_for_the_late_penalty(corpus_index: Path) -> None:
    question = ("I didn't sign up for Part B until two years after my Initial Enrollment Period ended. Do I have to "
                "pay more now, and for how long?")
    answer = answer_question(question, "en", corpus_index)
    assert answer.answerable and _cites(answer, MEDICARE, "What's the Part B late enrollment penalty?")


def test_a_year_told_as_when_my_own_cover_ends_is_not_the_year_asked(corpus_index: Path) -> None:
    assert asked_year("my cobra lasts until the end of 2026. can i wait until it ends to sign up?", "2025") is None
    question = "My COBRA lasts until the end of 2026. Can I wait until it ends to sign up for Part B without a penalty?"
    answer = answer_question(question, "en", corpus_index)
    cobra = ("Important! COBRA (Consolidated Omnibus Budget Reconciliation Act) coverage isn't considered coverage "
             "based on current employment and doesn't count as employer coverage for a Special Enrollment Period.")
    assert answer.answerable and _cites(answer, MEDICARE, cobra)


def test_health_records_used_by_a_private_insurer(corpus_index: Path) -> None:
    question = "Can a private insurer use my Shanghai medical insurance health records to pay out my claim?"
    assert {"data_claims", "commercial_insurance"} <= _concepts(question)
    answer = answer_question(question, "en", corpus_index)
    assert answer.answerable and _cites(answer, SHANGHAI, "第五十条")


def test_a_window_to_enroll_is_an_enrollment_period(corpus_index: Path) -> None:
    question = "I turn 65 in October. When does my window to enroll in Part A and Part B start and end?"
    assert "enrollment_period" in _concepts(question)
    answer = answer_question(question, "en", corpus_index)
    assert answer.answerable and _cites(answer, MEDICARE, "Initial Enrollment Period")


def test_a_card_lent_to_a_relative_who_buys_for_herself(corpus_index: Path) -> None:
    question = "我把医保卡借给我姐用，她拿去药店给自己买药，被查出来会怎样？"
    assert "proxy_purchase" not in _concepts(question)  # she buys for herself, not for another
    assert "lend_card" in _concepts("我把医保卡给我妈用了")
    answer = answer_question(question, "zh", corpus_index)
    assert answer.answerable and _cites(answer, FUND, "第四十一条")


def test_a_spouse_with_no_job_and_a_when_clause_that_asks_no_date(corpus_index: Path) -> None:
    question = ("My wife is a homemaker in China and my employer pays maternity insurance for me. When our baby is "
                "born, can her childbirth costs be covered?")
    assert figure_wanted(question) is None
    answer = answer_question(question, "en", corpus_index)
    assert answer.answerable and _cites(answer, LAW, "第五十四条")


def test_a_caller_asking_for_my_medicare_number(corpus_index: Path) -> None:
    question = "A man called me claiming to be from Medicare and asked for my Medicare Number. Was it safe to give it?"
    assert "identity_theft" in _concepts(question)
    answer = answer_question(question, "en", corpus_index)
    assert answer.answerable
    assert _cites(answer, MEDICARE, "How can I protect myself from fraud and medical identity theft?")


def test_a_plan_leaving_medicare_next_year(corpus_index: Path) -> None:
    question = ("My Medicare drug plan won't be participating in Medicare in the coming year. What can I do, and is "
                "there a deadline to choose another plan?")
    answer = answer_question(question, "en", corpus_index)
    assert answer.answerable
    assert _cites(answer, MEDICARE, "What are my rights if my plan stops participating in Medicare?")


def test_a_penalty_to_avoid_asks_for_the_time_allowed(corpus_index: Path) -> None:
    question = "My job-based coverage ended last month. How long do I have to enroll in Part B so I don't get a late " \
               "penalty?"
    answer = answer_question(question, "en", corpus_index)
    assert answer.answerable and _cites(answer, MEDICARE, "Special Enrollment Period")


def test_contesting_a_penalty_is_an_appeal_of_it(corpus_index: Path) -> None:
    question = ("I got a letter saying I owe a Part D late enrollment penalty, but I had creditable coverage from my "
                "old employer. Can I challenge it?")
    assert "appeal" in _concepts(question) and "appeal" in _concepts("Can I contest the penalty?")
    answer = answer_question(question, "en", corpus_index)
    assert answer.answerable
    assert _cites(answer, MEDICARE, "What if I don't agree with the late enrollment penalty?")


def test_help_with_bathing_and_dressing_in_a_home_for_the_elderly_is_long_term_care(corpus_index: Path) -> None:
    question = "我爸在美国有Medicare，想住养老院，主要是需要有人帮他洗澡穿衣的长期照护，Medicare 会付吗？"
    answer = answer_question(question, "zh", corpus_index)
    assert answer.answerable and _cites(answer, MEDICARE, "Paying for long-term care")


@pytest.mark.parametrize(
    ("question", "locale", "article"),
    [
        ("Does an employee share get withheld from payroll for maternity insurance in China?", "en", "第五十三条"),
        ("公司说工伤保险职工自己也要交，是真的吗？", "zh", "第三十三条"),
    ],
)
def test_an_employee_share_of_a_contribution(corpus_index: Path, question: str, locale: str, article: str) -> None:
    assert "premium" in _concepts(question)
    answer = answer_question(question, locale, corpus_index)  # type: ignore[arg-type]
    assert answer.answerable and _cites(answer, LAW, article)


def test_the_ways_an_employee_can_seek_redress(corpus_index: Path) -> None:
    question = "单位好几个月没给我交社保了，工资照扣，我作为员工有哪些途径可以维权？"
    answer = answer_question(question, "zh", corpus_index)
    assert answer.answerable and _cites(answer, LAW, "第八十二条", "第八十三条")


def test_the_yangtze_river_delta_demonstration_zone(corpus_index: Path) -> None:
    question = ("I live in Wujiang and often see doctors in Qingpu, in the Yangtze River Delta demonstration zone. "
                "Do I have to file before going?")
    assert {"yangtze_delta", "filing"} <= _concepts(question)
    answer = answer_question(question, "en", corpus_index)
    assert answer.answerable and _cites(answer, SHANGHAI, "第十条")


def test_care_in_a_foreign_city_is_care_abroad(corpus_index: Path) -> None:
    question = "I had an operation in a hospital in Paris while on holiday. Can my Chinese medical insurance " \
               "reimburse the bill?"
    answer = answer_question(question, "en", corpus_index)
    assert answer.answerable and _cites(answer, LAW, "第三十条")


def test_income_and_savings_are_not_a_bill(corpus_index: Path) -> None:
    question = "My income is about $18,000 a year and I have $9,000 in savings. Can I get Extra Help with my " \
               "Medicare drug costs?"
    assert parse_amounts(question).total is None
    answer = answer_question(question, "en", corpus_index)
    assert answer.answerable and _cites(answer, MEDICARE, "Get Extra Help paying your Medicare drug costs")


def test_a_fine_set_as_a_range_of_yuan_answers_how_much(corpus_index: Path) -> None:
    assert [m.group(0) for m in ANY_FIGURE.finditer("处一万元以上五万元以下的罚款")] == ["一万元", "五万元"]
    question = "上海的定点药店把本该医保付的钱让病人自己掏，药店要是这么做了，会被罚多少钱？"
    answer = answer_question(question, "zh", corpus_index)
    assert answer.answerable and _cites(answer, SHANGHAI, "第六十三条")


def test_social_security_retirement_benefits_are_no_chinese_pension(corpus_index: Path) -> None:
    question = "我妈在美国领 Social Security 退休金，下个月满65岁，Part A 和 Part B 会自动加入吗？卡什么时候寄到？"
    answer = answer_question(question, "zh", corpus_index)
    assert answer.answerable and _cites(answer, MEDICARE, "Will I get Part A and Part B automatically?")


def test_a_pointer_for_another_figure_of_the_same_year_does_not_defer(corpus_index: Path) -> None:
    question = "我妈的 Part C 是管药的吗？2025年药费自付的封顶是多少？"
    answer = answer_question(question, "zh", corpus_index)
    assert answer.answerable
    assert _cites(answer, MEDICARE, "Out-of-pocket limit on drug costs", "Lowering your prescription drug costs",
                  "How much do I pay?")
