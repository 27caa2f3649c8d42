"""Families of English (and matching Chinese) phrasing closed after the outside batch T (our own sentences)."""

from __future__ import annotations

import pytest

from assistant.nlu.quantities import find_duration_hours, find_temperature_c
from tools.triage.red_flags import facts_from_text
from tools.triage.vignettes import split_of_message


def _codes(text: str, locale: str = "en") -> set[str]:
    return {code for code, present in facts_from_text(text, locale).findings.items() if present}


@pytest.mark.parametrize(("text", "hours"), [
    ("he has been poorly for 2 whole weeks", 336),
    ("the cough kept me up for 4 straight nights", 96),
    ("发烧整整两天，今天是三整天了", 72),
])
def test_a_count_with_full_or_whole_is_still_a_duration(text: str, hours: float) -> None:
    assert find_duration_hours(text) == hours


@pytest.mark.parametrize(("text", "temp"), [
    ("Hot and miserable since Monday (38.6-39.3 on the ear thermometer)", 39.3),
    ("All evening: 38.2 to 39.1, now 38.7", 39.1),
])
def test_a_bare_decimal_range_counts_at_its_top(text: str, temp: float) -> None:
    assert find_temperature_c(text) == temp


def test_a_toddler_fever_of_three_whole_days_sees_a_doctor() -> None:
    text = "My 3 year old son has had a fever for 3 whole days (38.8-39.2), calpol helps a bit, still drinking"
    assert split_of_message(text, "en") == "doctor"


@pytest.mark.parametrize(("text", "locale"), [
    ("Every so often I get a fluttery sensation in my chest, gone in a second, for a few weeks now. I'm 50", "en"),
    ("My chest does a little flip now and then, most days for a month, I'm 48 and otherwise well", "en"),
    ("这一个月胸口时不时扑腾一下，一下就过去了，48岁，其他都好", "zh"),
])
def test_a_flip_or_flutter_in_the_chest_is_palpitations(text: str, locale: str) -> None:
    assert "palpitations" in _codes(text, locale)
    assert split_of_message(text, locale) == "doctor"


@pytest.mark.parametrize("text", [
    "I've cut down on caffeine and sugar this month",
    "Cut out alcohol and cut my hair short last week",
])
def test_cutting_down_is_not_a_wound(text: str) -> None:
    assert "wound" not in _codes(text)


@pytest.mark.parametrize(("text", "locale"), [
    ("He's 10, asthmatic, and since this cold he needs his blue inhaler every 3 hours, talking fine", "en"),
    ("孩子9岁有哮喘，感冒后万托林每隔3个小时就要喷一次，说话还正常", "zh"),
])
def test_reliever_inhaler_needed_every_few_hours_is_a_same_day_asthma_review(text: str, locale: str) -> None:
    assert "wheeze" in _codes(text, locale)
    assert split_of_message(text, locale) == "doctor"


@pytest.mark.parametrize(("text", "locale"), [
    ("My periods have become much heavier this year and I'm worn out, I'm 46", "en"),
    ("For months I fill a super tampon within an hour on the heavy days, I am 41", "en"),
    ("这半年来例假的时候一个小时就要换一片卫生巾，总觉得累", "zh"),
])
def test_heavy_periods_in_lay_words_see_a_doctor(text: str, locale: str) -> None:
    assert "heavy_periods" in _codes(text, locale)
    assert split_of_message(text, locale) == "doctor"


@pytest.mark.parametrize(("text", "locale"), [
    ("On gliclazide, my morning sugar readings keep coming up at 8.5, otherwise I feel fine", "en"),
    ("Blood glucose around 11 mmol first thing in the mornings for a fortnight, feel ok", "en"),
    ("早上起床血糖一直9点几，吃着二甲双胍，感觉还好", "zh"),
])
def test_raised_fasting_or_morning_sugars_see_a_doctor(text: str, locale: str) -> None:
    assert "raised_sugar_test" in _codes(text, locale)
    assert split_of_message(text, locale) == "doctor"


@pytest.mark.parametrize(("text", "locale"), [
    ("9 weeks pregnant and sick every morning, but I can eat dry toast and I'm drinking fine", "en"),
    ("怀孕10周，每天早上起来就吐，但能吃点饼干，喝水没问题", "zh"),
])
def test_ordinary_morning_sickness_is_self_care(text: str, locale: str) -> None:
    assert "nausea" in _codes(text, locale)
    assert split_of_message(text, locale) == "self_care"


def test_a_red_hot_breast_while_feeding_is_mastitis_not_a_postnatal_emergency() -> None:
    text = "Breastfeeding my 4 week old, my left breast is swollen and tender on one side and I've a temp of 38.3"
    assert "mastitis" in _codes(text)
    assert split_of_message(text, "en") == "doctor"
