from __future__ import annotations

import pytest

from tools.insurance.amounts import RuleSet, compute, parse_amounts, parse_chinese_number


def test_parse_chinese_question() -> None:
    amounts = parse_amounts("住院花了2万，起付线1200，报销比例85%")
    assert (amounts.total, amounts.deductible, amounts.ratio) == (20000, 1200, 0.85)


def test_parse_chinese_numerals_and_cap() -> None:
    amounts = parse_amounts("住院费用五万元，起付标准一千二百元，报销百分之七十，封顶线3万")
    assert (amounts.total, amounts.deductible, amounts.ratio, amounts.cap) == (50000, 1200, 0.7, 30000)


def test_parse_english_coinsurance_is_the_patient_share() -> None:
    amounts = parse_amounts("My hospital bill was $3,000, the deductible is $257 and coinsurance is 20%")
    assert amounts.total == 3000 and amounts.deductible == 257
    assert amounts.ratio == pytest.approx(0.8)


def test_years_ages_and_bare_numbers_are_not_amounts() -> None:
    assert parse_amounts("how much is the part b premium in 2025").total is None
    assert parse_amounts("我今年65岁，住了3天院").total is None


def test_compute_shows_each_step_and_applies_the_cap() -> None:
    result = compute(parse_amounts("住院费用五万元，起付标准1200元，报销比例70%，封顶线3万"))
    assert result is not None
    assert result.fund_pays == 30000 and result.patient_pays == 20000  # 48,800 x 70% = 34,160 > cap
    assert any("34,160.00" in step.zh for step in result.steps)
    assert any("cap" in step.en for step in result.steps)


def test_class_b_self_paid_share_comes_off_first() -> None:
    result = compute(parse_amounts("花了10万，其中乙类药2万，乙类先自付10%，起付线1500，报销比例80%"))
    assert result is not None
    # (100000 - 2000 - 1500) x 80% = 77200
    assert result.fund_pays == 77200 and result.patient_pays == 22800


def test_missing_rules_come_from_a_plan_or_nothing_is_computed() -> None:
    amounts = parse_amounts("看门诊花了800块能报多少")
    assert compute(amounts) is None  # no ratio: never guessed
    plan = RuleSet(deductible=0, ratio=0.5, cap=500)
    result = compute(amounts, plan)
    assert result is not None and result.rule_source == "plan" and result.fund_pays == 400


def test_chinese_numbers() -> None:
    assert parse_chinese_number("一千二百") == 1200
    assert parse_chinese_number("八十五") == 85
    assert parse_chinese_number("十二") == 12
    assert parse_chinese_number("三点五") == 3.5
    assert parse_chinese_number("abc") is None


def test_spelling_correction_is_one_edit_and_long_words_only() -> None:
    from tools.insurance.spelling import correct_spelling
    from tools.insurance.terms import QueryUnit

    vocabulary = {"acupunctur": 3, "premium": 5, "part": 9}
    typo = QueryUnit(label="premuim", alternatives=["premuim"], token_groups=[["premuim"]])
    assert correct_spelling(vocabulary, typo).alternatives == ["premuim", "premium"]
    short = QueryUnit(label="parf", alternatives=["parf"], token_groups=[["parf"]])
    assert correct_spelling(vocabulary, short).alternatives == ["parf"]  # too short to guess
    far = QueryUnit(label="parking", alternatives=["parking"], token_groups=[["parking"]])
    assert correct_spelling(vocabulary, far).alternatives == ["parking"]
