"""Families of English phrasing closed after the outside batch S (our own sentences, not the batch's)."""

from __future__ import annotations

import pytest

from assistant.nlu.quantities import find_duration_hours, find_temperature_c
from tools.triage.red_flags import facts_from_text
from tools.triage.vignettes import split_of_message


def _split(text: str, locale: str = "en") -> str | None:
    return split_of_message(text, locale)


def _codes(text: str, locale: str = "en") -> set[str]:
    return {code for code, present in facts_from_text(text, locale).findings.items() if present}


@pytest.mark.parametrize(("text", "locale"), [
    ("I have decided that this weekend is when I end it all, I've sorted out my will", "en"),
    ("The time has come, tonight I'm going to go through with it", "en"),
    ("我已经下定决心了，今晚就结束自己", "zh"),
])
def test_a_decision_to_end_it_is_a_suicide_plan(text: str, locale: str) -> None:
    assert "suicide_plan" in _codes(text, locale)
    assert _split(text, locale) == "emergency"


def test_bringing_up_greenish_fluid_and_no_wind_is_a_bowel_obstruction() -> None:
    text = ("Grandad's tummy is bloated and sore, he keeps bringing up dark green fluid and hasn't pooed "
            "or even passed wind")
    assert {"green_vomit", "bowel_obstruction_signs"} <= _codes(text)
    assert _split(text) == "emergency"


@pytest.mark.parametrize("text", [
    "my wife on floor, eyes going up and foam from her mouth, please help",
    "brother all body is shaking since 6 minutes, he not answer me",
])
def test_a_fit_told_in_simple_words_is_a_seizure(text: str) -> None:
    assert "seizure" in _codes(text)
    assert _split(text) == "emergency"


def test_a_limb_with_a_new_bend_in_it_is_a_deformity() -> None:
    text = "My daughter fell off the climbing frame and her wrist has a sharp bend just above it"
    assert "fracture_sign" in _codes(text)
    assert _split(text) == "emergency"


def test_cannot_get_her_breath_and_a_grey_colour_are_read() -> None:
    codes = _codes("Nan keeps saying she can't catch her breath and she has an awful grey colour")
    assert {"breathless", "mottled_skin"} <= codes


def test_a_child_crying_about_an_ear_has_ear_pain() -> None:
    text = "My 3 year old keeps complaining about her left ear and she's got a temperature of 38.9"
    assert "ear_pain" in _codes(text)
    assert _split(text) == "doctor"


def test_back_pain_not_better_after_a_month_sees_a_gp() -> None:
    assert _split("Low back pain for about 5 weeks, no numbness, no fever, bladder fine") == "doctor"


_FADING = [
    "My son has a fever and little pinprick red dots on his tummy, but they go white when I press a glass on them",
    "Fever and pinprick spots on her legs, we did the glass test and they faded",
]
# the opposite findings: spots that do not fade, or no glass test told, keep the red flag
_NOT_FADING = [
    "My son has a fever and little pinprick red dots on his tummy that don't go white when I press a glass on them",
    "Fever and pinprick spots on her legs, some fade under a glass but a few do not",
    "Fever and pinprick spots on her legs",
]


def test_pinprick_spots_that_fade_under_a_glass_are_not_non_blanching_and_others_stay_an_emergency() -> None:
    for text in _FADING:
        assert "non_blanching_rash" not in _codes(text), text
        assert _split(text) != "emergency", text
    for text in _NOT_FADING:
        assert "non_blanching_rash" in _codes(text), text
        assert _split(text) == "emergency", text


@pytest.mark.parametrize(("text", "expected"), [
    ("chills and aching, 39.2 since lunch", 39.2),
    ("feeling shivery 38.7", 38.7),
    ("打寒颤 39.1", 39.1),
])
def test_a_bare_reading_after_a_feverish_symptom_is_a_temperature(text: str, expected: float) -> None:
    assert find_temperature_c(text) == expected
    assert find_temperature_c(text.replace(str(expected), f"{expected} kg")) is None  # a weight is not a reading


@pytest.mark.parametrize(("text", "locale"), [
    ("Our 7 month old's nappy area has gone red and sore, she's feeding and smiling as usual", "en"),
    ("宝宝7个月，尿布区发红，吃奶和精神都很好", "zh"),
])
def test_a_red_sore_nappy_area_is_a_self_care_rash(text: str, locale: str) -> None:
    assert "rash" in _codes(text, locale)
    assert "blood_in_urine" not in _codes(text, locale)
    assert _split(text, locale) == "self_care"


def test_an_age_after_little_one_is_not_a_duration() -> None:
    assert find_duration_hours("Our little one (11 months) has a runny nose") is None


def test_a_scald_bigger_than_both_hands_is_a_severe_burn() -> None:
    text = "Hot tea went over my 2 year old's leg, it's blistered and bigger than both of my palms"
    assert "severe_burn" in _codes(text)
    assert _split(text) == "emergency"
