"""Families of English (and matching Chinese) phrasing closed after the outside batch U (our own sentences)."""

from __future__ import annotations

import pytest

from assistant.nlu.findings import symptom_matcher
from assistant.nlu.normalize import symptom_text
from assistant.nlu.quantities import find_temperature_c
from tools.triage.red_flags import facts_from_text
from tools.triage.vignettes import split_of_message


def _codes(text: str, locale: str = "en") -> set[str]:
    return {code for code, present in facts_from_text(text, locale).findings.items() if present}


@pytest.mark.parametrize(("text", "temp"), [
    ("the digital one under her arm says 38.1, she's grizzly", 38.1),
    ("Earache, 38.6, off my food since yesterday", 38.6),
    ("咳嗽，38.7，浑身酸", 38.7),
])
def test_a_reading_the_thermometer_says_or_a_listed_decimal_is_a_temperature(text: str, temp: float) -> None:
    assert find_temperature_c(text) == temp


def test_a_listed_weight_or_dose_is_not_a_temperature_but_a_listed_reading_is() -> None:
    assert find_temperature_c("she weighs 38.5kg, tall for her age") is None
    assert find_temperature_c("took it twice, 37.5 mg each") is None
    assert find_temperature_c("took it twice, 38.2 this morning") == 38.2


def test_a_young_baby_whose_thermometer_says_38_is_an_emergency() -> None:
    text = "My daughter is 6 weeks old, the thermometer under her arm says 38.1. Feeding fine. Can it wait?"
    assert split_of_message(text, "en") == "emergency"


@pytest.mark.parametrize(("text", "locale"), [
    ("Found grandad slumped in his chair, I keep calling him and rubbing his arm but his eyes won't open", "en"),
    ("爷爷倒在沙发上，怎么摇他眼睛也不睁", "zh"),
])
def test_eyes_that_stay_shut_when_shouted_at_or_shaken_is_unconscious(text: str, locale: str) -> None:
    assert "unconscious" in _codes(text, locale)
    assert split_of_message(text, locale) == "emergency"


def test_looked_is_a_word_not_a_typo_for_locked() -> None:
    lexicon, _ = symptom_matcher()
    assert "looked" in lexicon.correct_typos(symptom_text("her face looked odd"))


@pytest.mark.parametrize(("text", "locale", "code"), [
    ("On the phone his words just came out funny, it passed after 5 minutes", "en", "slurred_speech"),
    ("Gran's smile looked lopsided at lunch and now she seems fine, she's 80", "en", "face_droop"),
    ("外婆中午吃饭时嘴角看着有点往下耷拉，现在好了", "zh", "face_droop"),
])
def test_words_coming_out_wrong_or_a_droopy_looking_face_is_a_stroke_even_when_it_passed(
        text: str, locale: str, code: str) -> None:
    assert code in _codes(text, locale)
    assert split_of_message(text, locale) == "emergency"


@pytest.mark.parametrize(("text", "locale"), [
    ("A horsefly got my ankle yesterday and now a thin red line is running up towards my knee", "en"),
    ("脚踝被虫咬了，现在有一条红印子一直爬向膝盖", "zh"),
])
def test_a_red_line_tracking_up_from_a_bite_is_spreading_infection(text: str, locale: str) -> None:
    assert "spreading_redness" in _codes(text, locale)
    assert split_of_message(text, locale) == "doctor"


def test_only_having_had_a_few_wet_nappies_is_passing_less_urine() -> None:
    text = "Our 14 month old has had diarrhoea since yesterday and has only had 3 wet nappies today"
    assert "urine_less" in _codes(text)
    assert split_of_message(text, "en") == "doctor"


def test_blisters_coming_up_on_that_side_of_a_burning_pain_is_shingles() -> None:
    text = "I'm 66, stinging pain across the left side of my back since Friday, now a strip of red blisters " \
           "has appeared only on that side"
    assert "shingles" in _codes(text)
    assert split_of_message(text, "en") == "doctor"


@pytest.mark.parametrize(("text", "locale"), [
    ("My ankle joint is throbbing tonight and I can't even let the sheet rest on it. No fall.", "en"),
    ("大脚趾半夜疼醒，被子都不能碰", "zh"),
])
def test_not_bearing_the_bedclothes_on_a_joint_is_a_hot_inflamed_joint(text: str, locale: str) -> None:
    assert "hot_swollen_joint" in _codes(text, locale)
    assert split_of_message(text, locale) == "doctor"


def test_cooling_a_small_burn_under_the_cold_tap_is_not_drowning() -> None:
    text = "Splashed hot fat on the back of my hand making chips, one small blister, it's been under cold running " \
           "water for 20 minutes"
    assert "drowning" not in _codes(text)
    assert split_of_message(text, "en") == "self_care"


def test_sitting_on_the_floor_playing_is_not_a_long_lie() -> None:
    text = "Sat on the floor playing cards for 3 hours and my knees ache a bit now"
    assert "long_lie" not in _codes(text)
    assert "long_lie" in _codes("Mum slipped and was lying on the floor for 5 hours before I came")


def test_pauses_in_snoring_ending_in_a_gasp_are_sleep_apnoea_not_an_emergency() -> None:
    text = "My wife snores loudly and stops breathing for a few seconds before she gasps, she's tired all day"
    assert "not_breathing" not in _codes(text)
    assert split_of_message(text, "en") == "doctor"
    # without the snoring, a pause then a gasp stays an emergency (safety first)
    assert split_of_message("My baby stops breathing for a few seconds then gasps", "en") == "emergency"


def test_smelly_skin_between_the_toes_is_athletes_foot_not_an_infected_wound() -> None:
    text = "Soggy white skin between my toes that smells and itches, I go swimming a lot"
    assert "skin_infection" not in _codes(text)
    assert split_of_message(text, "en") == "self_care"
