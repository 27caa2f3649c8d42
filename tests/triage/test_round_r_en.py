"""Families of English phrasing closed after the outside batch R (our own sentences, not the batch's)."""

from __future__ import annotations

import pytest

from assistant.nlu.quantities import find_duration_hours
from tools.triage.red_flags import facts_from_text, find_red_flags
from tools.triage.vignettes import split_of_message


def _split(text: str) -> str | None:
    return split_of_message(text, "en")


def _codes(text: str) -> set[str]:
    return {code for code, present in facts_from_text(text, "en").findings.items() if present}


@pytest.mark.parametrize("text", [
    "My 2 year old has a fever and when I pushed a tumbler against the spots on his legs they did not go pale",
    "Baby of 9 months, hot all night, and now small purplish-red spots on her arms",
])
def test_glass_test_told_backwards_or_purple_red_spots_are_non_blanching(text: str) -> None:
    assert "non_blanching_rash" in _codes(text)
    assert _split(text) == "emergency"


@pytest.mark.parametrize("text", [
    "My husband has epilepsy, the fit began at 6:02 and it's 6:09 now and he is still jerking on the floor",
    "Six minutes now and he's still jerking, he has epilepsy",
])
def test_a_fit_still_going_is_a_seizure(text: str) -> None:
    assert "seizure" in _codes(text)
    assert _split(text) == "emergency"


@pytest.mark.parametrize("text", [
    "My mum is diabetic on insulin, the glucose monitor just shows LO and she only mumbles when I talk to her",
    "Grandad takes insulin, he's clammy and sweaty and I can hardly get him to open his eyes",
])
def test_a_hypo_with_reduced_consciousness_is_an_ambulance(text: str) -> None:
    assert any(hit.id == "severe_hypoglycaemia" for hit in find_red_flags(text, "en"))
    assert _split(text) == "emergency"


def test_stashing_pills_with_farewell_signs_is_a_suicide_plan() -> None:
    text = ("My flatmate has been saying goodbye to everyone today and she admitted she's been collecting her "
            "sleeping tablets for weeks")
    assert "suicide_means" in _codes(text)
    assert _split(text) == "emergency"


@pytest.mark.parametrize("text", [
    "Caught my finger on a box cutter, I can see something silvery white at the bottom of it",
    "Took a deep nick out of my palm with the bread knife, it's stopped bleeding now",
])
def test_a_cut_showing_white_tissue_or_a_deep_nick_is_a_deep_wound(text: str) -> None:
    assert "deep_wound" in _codes(text)
    assert _split(text) == "emergency"


def test_a_toddler_in_a_pill_organiser_is_a_poisoning() -> None:
    text = "Our 3 year old opened grandpa's pill organiser and two days are empty, she looks fine"
    assert "poisoning" in _codes(text)
    assert _split(text) == "emergency"


def test_writhing_with_loin_pain_is_severe() -> None:
    text = "Pain in my right side going to my groin since lunch, I've been writhing on the bathroom floor"
    assert facts_from_text(text, "en").slots.get("severity") == "severe"
    assert _split(text) == "emergency"


@pytest.mark.parametrize("text,code", [
    ("Woke with my big toe on fire, I can't even bear my sock on it", "hot_swollen_joint"),
    ("Type 1 diabetic, found an ulcer on the sole of my foot yesterday", "foot_ulcer"),
    ("My 5 year old keeps rubbing at her right ear and her temp is 38.7", "ear_pain"),
    ("Now and then I get a thud then a pause, worse after coffee", "palpitations"),
    ("The GP put me on flucloxacillin for a skin infection. This morning I woke up with hives on my arms",
     "medicine_reaction"),
    ("Got bitten by a tick on holiday. There's a red patch on my arm now with a paler centre, feel ok",
     "lyme_signs"),
])
def test_lay_descriptions_that_need_a_doctor(text: str, code: str) -> None:
    assert code in _codes(text)
    assert _split(text) == "doctor"


def test_coffee_is_not_a_cough() -> None:
    assert "cough" not in _codes("I drink a lot of coffee and my hands shake a bit")


def test_an_episode_length_is_not_the_complaint_length() -> None:
    hours = find_duration_hours("hips ache for the past year, stiff for 15 minutes in the mornings")
    assert hours is not None and hours >= 24 * 300


def test_blisters_where_the_pain_was_are_shingles_not_a_heart_attack() -> None:
    text = ("I'm 71, burning pain on the left of my chest for 3 days and now a band of tiny blisters has come "
            "up where the pain is")
    assert "shingles" in _codes(text)
    assert _split(text) == "doctor"


def test_a_tingle_then_a_blister_on_the_lip_is_a_cold_sore() -> None:
    text = "Tingling for a day and now a blister on my bottom lip, same as every year, feel fine"
    assert "numbness_tingling" not in _codes(text)
    assert _split(text) == "self_care"
