"""Families closed after the outside batch W, second pass (our own sentences): a medical background told in passing
that was escalated as if it were happening now. Known epilepsy told as a seizure rate, a walking-distance limit of
chronic arthritis, a burning chest right after a tablet, a low sugar treated and back in range, night cramps in
pregnancy, pregnancy sickness that keeps fluids down, and a graze away from the feet in someone with diabetes. Each
keeps its red flag for the same thing happening now."""

from __future__ import annotations

import pytest

from tools.triage.red_flags import facts_from_text
from tools.triage.vignettes import split_of_message


def _codes(text: str, locale: str = "en") -> set[str]:
    return {code for code, present in facts_from_text(text, locale).findings.items() if present}


@pytest.mark.parametrize(("text", "locale"), [
    ("Epileptic since my teens, on lamotrigine. It was two absence seizures a year, lately it's more like one a "
     "fortnight. I come round normally each time.", "en"),
    ("My son has epilepsy and takes Keppra; he's been having three fits a week lately instead of one a month", "en"),
    ("我有癫痫，一直吃丙戊酸钠，以前半年发作一次，最近一个月发作了三次，每次都能醒过来", "zh"),
])
def test_known_seizures_coming_more_often_are_a_review_not_a_999_call(text: str, locale: str) -> None:
    assert "seizures_more_often" in _codes(text, locale)
    assert split_of_message(text, locale) == "doctor"
    # the red flag itself is untouched: a seizure happening now in known epilepsy
    assert split_of_message("He usually has one fit a month but today he's had a seizure and hasn't come round",
                            "en") == "emergency"
    long_fit = ("Mum has epilepsy and gets about three seizures a year. This one began at teatime, "
                "I've been timing it, twelve minutes and her arms are still jerking")
    assert split_of_message(long_fit, "en") == "emergency"


@pytest.mark.parametrize(("text", "locale"), [
    ("Hip osteoarthritis, slowly getting worse this year. I can't walk further than the corner shop now", "en"),
    ("My dad's arthritic knees mean he can't walk very far these days", "en"),
    ("膝关节退变好几年了，现在不能走路超过二十分钟", "zh"),
])
def test_a_chronic_walking_limit_is_not_a_broken_bone(text: str, locale: str) -> None:
    assert "fracture_sign" not in _codes(text, locale)
    assert "fracture_sign" in _codes("I can't walk more than a step since I fell off the ladder, my ankle is huge")


@pytest.mark.parametrize(("text", "locale"), [
    ("On risedronate weekly. I get a burning in my chest after taking the tablet and food feels sore going down", "en"),
    ("When I swallow my doxycycline capsules I get a burning behind my breastbone for a while", "en"),
    ("每次吃完骨质疏松的药片以后胸口烧得疼，咽东西有点疼", "zh"),
])
def test_a_burning_chest_after_a_tablet_is_not_chest_pain(text: str, locale: str) -> None:
    assert "chest_pain" not in _codes(text, locale)
    assert "chest_pain" in _codes("After taking my pills I got a burning in my chest and I'm sweating buckets")


@pytest.mark.parametrize("text", [
    "Type 2 on gliclazide, sugar dropped to 3.4 after gardening, had some jelly babies, now 7.2 and I feel fine",
    "I'm diabetic. Had a hypo at work, took glucose tablets, rechecked at 5.8 and I'm okay",
])
def test_a_treated_low_back_in_range_is_self_care(text: str) -> None:
    assert "symptom_relieved" in _codes(text)
    assert split_of_message(text, "en") == "self_care"


@pytest.mark.parametrize(("text", "locale"), [
    ("26 weeks pregnant and I keep getting cramps in my legs at night, stretching sorts them out", "en"),
    ("Pregnant (32 weeks), recurring calf cramps at night that go off after a minute", "en"),
])
def test_night_cramps_in_pregnancy_are_self_care(text: str, locale: str) -> None:
    assert split_of_message(text, locale) == "self_care"
    clot = "28 weeks pregnant, I keep getting cramp in my calf and my left calf is swollen and red"
    assert split_of_message(clot, "en") != "self_care"


@pytest.mark.parametrize(("text", "locale"), [
    ("9 weeks pregnant, sick most mornings for the past week but I'm keeping fluids down", "en"),
    ("怀孕八周，这几天早上恶心，前天吐过一回，不过喝水不吐", "zh"),
])
def test_pregnancy_sickness_that_keeps_fluids_down_is_self_care(text: str, locale: str) -> None:
    assert "keeping_fluids_down" in _codes(text, locale)
    assert split_of_message(text, locale) == "self_care"
    # outside pregnancy two days of vomiting is still a doctor; "can't keep fluids down" is the opposite
    assert split_of_message("I've been vomiting for 3 days, keeping some water down", "en") == "doctor"
    assert "keeping_fluids_down" not in _codes("I'm 10 weeks pregnant and can't keep fluids down")


@pytest.mark.parametrize(("text", "locale"), [
    ("I have type 2 diabetes and grazed my elbow on the wall, cleaned it up", "en"),
    ("儿子有1型糖尿病，骑车摔了一下膝盖擦破皮，已经不出血了", "zh"),
])
def test_a_graze_away_from_the_feet_in_diabetes_is_self_care(text: str, locale: str) -> None:
    assert split_of_message(text, locale) == "self_care"
    # the diabetic foot keeps its review (NICE NG19)
    assert split_of_message("I'm diabetic and grazed my foot on a rock at the beach", "en") == "doctor"
