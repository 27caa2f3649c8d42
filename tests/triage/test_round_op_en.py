"""Families of English phrasing closed after the outside batches O and P (our own sentences, not the batches')."""

from __future__ import annotations

import pytest

from assistant.nlu.quantities import find_age_years
from tools.triage.red_flags import facts_from_text
from tools.triage.vignettes import split_of_message


def _split(text: str) -> str | None:
    return split_of_message(text, "en")


def _codes(text: str) -> set[str]:
    return {code for code, present in facts_from_text(text, "en").findings.items() if present}


@pytest.mark.parametrize("text", [
    "Since lunch a dark shadow has been creeping up from the bottom of my vision in the left eye, I'm 60",
    "Loads of little flashes in my right eye since last night and lots of black spots drifting about, age 52",
    "My sight in one eye looks like a veil is being pulled down over it, and there are new cobwebs and flashing",
])
def test_curtain_or_flashes_with_floaters_is_a_retinal_emergency(text: str) -> None:
    assert "retinal_detachment_signs" in _codes(text)
    assert _split(text) == "emergency"


@pytest.mark.parametrize("text", [
    "My son fell off his bike, his forearm has an obvious kink in it and he is sobbing, he is 9",
    "Slipped on ice onto my hand, the wrist looks like the back of a fork now, I'm 70",
])
def test_a_step_or_fork_shaped_limb_after_a_fall_is_a_fracture(text: str) -> None:
    assert "fracture_sign" in _codes(text)
    assert _split(text) == "emergency"


@pytest.mark.parametrize("text", [
    "Sliced my thumb on a tin lid, the cut gapes when I bend it and I think it's fat poking out",
    "The knife slipped and the edges of the wound gape apart, bleeding has slowed down",
])
def test_a_gaping_cut_showing_fat_needs_closing_today(text: str) -> None:
    assert "deep_wound" in _codes(text)
    assert "jaundice" not in _codes("I can see yellowish stuff in the cut on my hand")
    assert _split(text) == "emergency"


@pytest.mark.parametrize("text", [
    "Dad is 80, at breakfast his words were all in the wrong order and he kept using the wrong words",
    "My wife's left arm went lazy an hour ago and she's 66",
])
def test_muddled_word_order_or_a_lazy_arm_is_a_stroke(text: str) -> None:
    assert _codes(text) & {"slurred_speech", "one_sided_weakness"}
    assert _split(text) == "emergency"


@pytest.mark.parametrize("text", [
    "My 6 week old son has a cold and gives a little grunt each time he breathes out",
    "Baby is 3 months, the gaps between his ribs pull in when he breathes and he's snuffly",
])
def test_infant_grunting_or_recession_is_an_emergency(text: str) -> None:
    assert _codes(text) & {"grunting", "severe_breathless"}
    assert _split(text) == "emergency"


def test_back_ache_with_puffing_and_nausea_is_a_possible_heart_attack() -> None:
    text = ("I'm 66 and for an hour there's been an ache between my shoulder blades, I feel sick and the stairs "
            "make me puff")
    assert "breathless" in _codes(text)
    assert _split(text) == "emergency"


def test_pain_moving_from_the_navel_across_sentences_is_appendicitis() -> None:
    text = ("It was a dull ache around my navel at teatime. Overnight it moved down to the lower right and I'm off "
            "food, 30")
    assert "migrating_abdominal_pain" in _codes(text)
    assert _split(text) == "emergency"


def test_dental_swelling_with_a_mouth_that_will_not_open_is_an_emergency() -> None:
    text = "Bad tooth for days, now my cheek has swollen right up and I can hardly open my mouth, I'm 40"
    assert "trismus" in _codes(text)
    assert _split(text) == "emergency"


def test_something_flicking_into_the_eye_while_hammering_is_an_eye_injury() -> None:
    text = "I was strimming the hedge and something bounced up into my eye, it's watering"
    assert "eye_injury" in _codes(text)
    assert _split(text) == "emergency"


def test_notes_and_hoarded_tablets_with_going_through_with_it_is_a_suicide_plan() -> None:
    text = ("I've been stockpiling my tablets and wrote letters to everyone. I'm going to go through with it this "
            "weekend.")
    assert "suicide_plan" in _codes(text)
    assert _split(text) == "emergency"


def test_forum_style_age_here() -> None:
    assert find_age_years("34 here. burning in my chest after curry") == 34
    assert find_age_years("i counted 28 here and there") is None


def test_snoring_with_pauses_that_end_in_a_snort_is_not_a_breathing_emergency() -> None:
    text = ("My partner snores loudly and stops breathing for a few seconds and then snorts awake, he's 50 and tired "
            "all day")
    assert "not_breathing" not in _codes(text)
    assert _split(text) != "emergency"


def test_a_long_pause_in_breathing_is_not_explained_away_by_a_snort() -> None:
    # Pauses of 20 seconds or more are apnoea (in a baby, an emergency): only short pauses read as snoring.
    text = "My 2 month old stopped breathing for 20 seconds and then snorted, she went a bit blue"
    assert "not_breathing" in _codes(text)
    assert _split(text) == "emergency"


def test_a_nosebleed_that_looked_dramatic_on_clothes_is_not_heavy_bleeding() -> None:
    text = "My son had a nosebleed in class with loads of blood on his school shirt, I pinched his nose and it stopped"
    assert "heavy_bleeding" not in _codes(text)
    assert _split(text) == "self_care"


def test_a_white_ulcer_inside_the_lip_is_a_mouth_ulcer() -> None:
    text = "There's a painful white spot inside my upper lip for three days, stings with orange juice, I'm 35"
    assert "mouth_ulcer" in _codes(text)
    assert _split(text) == "self_care"


@pytest.mark.parametrize(("text", "code"), [
    ("Grandad has the telly on really loud these days and keeps asking us to repeat things, he's 79", "hearing_loss"),
    ("When I tilt my head back in the shower the whole room spins for a few seconds", "dizziness"),
    ("Long day of emails and now my temples feel like a helmet that's too tight", "headache"),
    ("I touched the oven shelf straight from the oven, two fingers are red and sore", "burn"),
])
def test_everyday_descriptions_reach_the_triage(text: str, code: str) -> None:
    assert code in _codes(text)
    assert _split(text) is not None


def test_not_remembering_an_injury_is_not_an_injury() -> None:
    text = "My knee is hot, red and swollen since this morning, I can't remember having banged it, I'm 60"
    assert "injury" not in _codes(text)
    assert _split(text) == "doctor"


def test_one_dark_wee_in_a_child_with_a_tummy_bug_is_less_urine() -> None:
    text = "My 4 year old has had diarrhoea and sickness since yesterday, only done one wee today, it looked dark"
    assert "urine_less" in _codes(text)
    assert _split(text) == "doctor"


def test_a_rash_after_the_gp_started_an_antibiotic_is_a_medicine_reaction() -> None:
    text = "The doctor started me on penicillin on Monday and today I've come out in an itchy red rash on my arms"
    assert "medicine_reaction" in _codes(text)
    assert _split(text) == "doctor"
