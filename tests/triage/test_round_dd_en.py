"""Families of English phrasing closed after the outside batch DD, on our own sentences: an older parent newly
calling people by the wrong name or asking what day it is, a set night with everything ready, a hot tender patch
that has outgrown the pen line, a reading written before the word fever, pus on the tonsils, hair coming out in
handfuls; and the look-alikes: thoughts of not wanting to live with no plan or intent (an urgent GP, not 999),
panic-like episodes that peak and pass, a leg gone dead after kneeling taken for a stroke, muscle soreness after
leg day, a spot before a party, misspelt hiccups and a red nappy area."""

from __future__ import annotations

import pytest

from assistant.nlu.temperature import find_temperature_c
from tools.triage.red_flags import facts_from_text, find_red_flags
from tools.triage.vignettes import split_of_message


def _codes(text: str, locale: str = "en") -> set[str]:
    return {code for code, present in facts_from_text(text, locale).findings.items() if present}


def _flags(text: str) -> set[str]:
    return {hit.id for hit in find_red_flags(text, "en")}


@pytest.mark.parametrize("text", [
    "Grandma is 86 and since teatime she keeps calling me by my aunt's name, she was fine this morning",
    "My father-in-law (80) kept asking us what day it was all evening and called my husband the wrong name",
    "Grandad (82) has been mixing up all the grandkids' names since lunch and thinks it's 1975",
    "Mum's 79, since her nap she doesn't know what month it is and is calling the carer by her sister's name",
])
def test_new_confusion_in_an_older_person_is_the_confusion_flag(text: str) -> None:
    assert "confusion" in _flags(text)


@pytest.mark.parametrize("text", [
    "Mum always calls me by my sister's name, has done for years. Anyway I've got a cold",
    "So tired after night shifts that I don't know what day it is, just a bit of a headache",
])
def test_habitual_name_mix_ups_and_tired_self_talk_are_not_confusion(text: str) -> None:
    assert "confusion" not in _codes(text)


@pytest.mark.parametrize("text", [
    "I've made my mind up, today is the day. I've got everything I need sorted, please don't call anyone",
    "I've got everything I need and tonight's the night. I just wanted someone to know",
])
def test_a_set_night_with_everything_ready_is_a_suicide_plan(text: str) -> None:
    assert "suicide_plan" in _flags(text)


def test_a_big_night_out_is_not_a_suicide_plan() -> None:
    assert "suicide_plan" not in _codes("Tonight is the night we celebrate, I've got a bit of a sore throat though")


@pytest.mark.parametrize("text", [
    "Graze on my knee from Sunday, now a red patch about the size of a fist that's hot and sore, and it's spread "
    "past the pen line",
    "Cat scratch on my wrist, now a pink patch that's warm to the touch and tender, and it's grown bigger than when "
    "I marked round it last night",
])
def test_a_hot_tender_patch_outgrowing_its_pen_line_is_a_skin_infection_for_a_doctor(text: str) -> None:
    assert {"skin_infection", "spreading_redness"} <= _codes(text)
    assert split_of_message(text, "en") == "doctor"


@pytest.mark.parametrize(("text", "celsius"), [
    ("the 39.4 fever has come back tonight", 39.4),
    ("he's been running a 101.8 temperature overnight", 38.8),
    ("a 38 fever and a cough", 38.0),
])
def test_a_reading_written_before_the_fever_word_is_the_temperature(text: str, celsius: float) -> None:
    assert find_temperature_c(text) == celsius


def test_an_age_before_the_temperature_word_is_not_a_reading() -> None:
    assert find_temperature_c("my husband is 40 temperature wise he seems fine") is None


@pytest.mark.parametrize("text", [
    "My 12 year old has a sore throat, her tonsils are covered in white patches and her glands are up, no cough",
    "Sore throat for 2 days with yellow spots on my tonsils and a fever, not coughing at all",
])
def test_pus_on_the_tonsils_with_fever_or_glands_and_no_cough_is_for_a_doctor(text: str) -> None:
    assert "tonsil_exudate" in _codes(text)
    assert split_of_message(text, "en") == "doctor"


def test_hair_coming_out_in_handfuls_for_months_is_for_a_doctor() -> None:
    text = "For about 4 months my hair comes out in handfuls when I brush it, 41F"
    assert "hair_loss" in _codes(text)
    assert split_of_message(text, "en") == "doctor"


@pytest.mark.parametrize("text", [
    "I keep thinking my family would be better off without me, but I don't have a plan and I'd never act on it",
    "Low for weeks and sometimes I wish I was dead. I have no intention of doing anything, I just need to talk",
])
def test_thoughts_without_a_plan_or_intent_go_to_a_doctor_the_same_day(text: str) -> None:
    assert "no_suicide_intent" in _codes(text)
    assert split_of_message(text, "en") == "doctor"


@pytest.mark.parametrize("text", [
    "I want to kill myself, I have no plan yet but it's all I think about",
    "I wish I was dead. I have no plans to act but I've saved up my tablets",
])
def test_thoughts_with_a_plan_yet_to_come_or_means_stay_an_emergency(text: str) -> None:
    assert split_of_message(text, "en") == "emergency"


def test_panic_like_episodes_that_peak_and_pass_are_not_breathlessness_or_doom() -> None:
    text = ("30F, I get these attacks where my heart pounds, I'm sure I'm dying and can't catch my breath, they come "
            "on out of nowhere, peak within minutes and then pass. Heart tests were normal.")
    assert not {"breathless", "feeling_of_doom"} & _codes(text)
    assert split_of_message(text, "en") == "doctor"


def test_a_foot_gone_dead_after_sitting_on_it_is_not_a_stroke() -> None:
    text = ("Am I having a stroke?? I was sitting on my foot on the sofa for ages and it went dead and tingly, "
            "it's back to normal now after a few minutes")
    assert "stroke" not in _flags(text)
    assert split_of_message(text, "en") == "self_care"


def test_a_stroke_fear_with_a_real_sign_stays_an_emergency() -> None:
    assert "stroke" in _flags("Am I having a stroke, my face is drooping on one side and my arm is weak")


def test_a_fall_at_the_gym_stays_a_possible_broken_bone() -> None:
    assert "fracture_sign" in _codes("At the gym I slipped off the step machine and now I can't walk on my ankle")


def test_muscle_soreness_after_leg_day_is_self_care() -> None:
    text = ("Did legs at the gym yesterday for the first time in ages, today I can't walk down the stairs, "
            "every muscle aches")
    assert "fracture_sign" not in _codes(text)
    assert split_of_message(text, "en") == "self_care"


@pytest.mark.parametrize(("text", "code"), [
    ("There's a huge spot on my chin and it's my wedding on Friday, it's red and sore, help", "acne"),
    ("Got the hicups for half an hour, any tricks to stop them?", "hiccups"),
    ("My 9 month old is sore in the nappy area, bright red but feeding well and no temperature", "rash"),
])
def test_everyday_complaints_are_found_and_stay_self_care(text: str, code: str) -> None:
    assert code in _codes(text)
    assert split_of_message(text, "en") == "self_care"
