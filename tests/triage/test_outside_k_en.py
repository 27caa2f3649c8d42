"""Families of English phrasing, parser gaps and context rules closed after the outside batch K (our own sentences)."""

from __future__ import annotations

import pytest

from assistant.nlu import extract_slots
from assistant.nlu.quantities import find_age_years
from tools.triage.red_flags import facts_from_text
from tools.triage.vignettes import split_of_message


def _split(text: str) -> str | None:
    return split_of_message(text, "en")


def _codes(text: str) -> set[str]:
    return {code for code, present in facts_from_text(text, "en").findings.items() if present}


@pytest.mark.parametrize("text", [
    "my daughter's belly pain began near her belly button this morning and has now settled low on the right, 14",
    "pain started in the middle of my tummy yesterday, now it's moved over to the right side, 25",
    "tummy ache that first started around his navel and now he says it hurts down on the right",
])
def test_pain_moving_from_the_belly_button_to_the_right_is_an_emergency(text: str) -> None:
    assert "migrating_abdominal_pain" in _codes(text)
    assert _split(text) == "emergency"


@pytest.mark.parametrize("text", [
    "sore in the bottom right of my tummy and it hurts more every time I cough",
    "pain low down on the right side, worse when I walk, 22",
    "right iliac fossa pain, every bump in the road on the way home was agony",
])
def test_lower_right_pain_worse_on_moving_or_bumps_is_an_emergency(text: str) -> None:
    assert _split(text) == "emergency"


def test_bottom_right_tooth_is_not_belly_pain() -> None:
    assert "right_lower_pain" not in _codes("my bottom right tooth aches when I drink cold water")


@pytest.mark.parametrize("text", [
    "fell off my bike onto my arm and my forearm has gone a funny shape",
    "tripped on the stairs, my wrist looks all wonky and it's really swollen",
    "my finger is bent sideways after the ball hit it",
    "landed on my outstretched hand and now there's a big lump sticking out of my wrist",
])
def test_deformity_words_after_an_injury_are_a_possible_break(text: str) -> None:
    assert "fracture_sign" in _codes(text)
    assert _split(text) == "emergency"


@pytest.mark.parametrize("text", [
    "went for my first run in ages, now my calves are killing me and I can't walk down the stairs without wincing",
    "did a spin class yesterday, today I can't get up the stairs without groaning, legs just stiff and achy",
])
def test_sore_muscles_after_exercise_are_not_a_broken_bone(text: str) -> None:
    assert "fracture_sign" not in _codes(text)


def test_loin_pain_told_side_first_with_shaking_and_fever_is_an_emergency() -> None:
    text = ("stinging when I pee since Friday, now the left side of my back is aching badly and I can't stop shaking, "
            "temperature 39.2")
    assert {"flank_pain", "rigors"} <= _codes(text)
    assert _split(text) == "emergency"


def test_shingles_band_with_chest_burning_is_not_a_heart_attack() -> None:
    text = ("my grandmother, 78, has had a burning ache on the left of her chest for two days and now a band of "
            "blisters wrapping round from her back on that side only")
    assert {"chest_pain", "shingles"} <= _codes(text)
    assert _split(text) == "doctor"


def test_shingles_does_not_hide_cardiac_signs() -> None:
    text = ("my grandad, 78, has a band of blisters round his left side and now crushing chest pain going down his arm "
            "and he's sweating")
    assert _split(text) == "emergency"


def test_heartburn_that_comes_every_time_after_big_meals_in_a_young_person_is_self_care() -> None:
    text = ("burning behind my breastbone and acid in my throat, happens every time I eat a big takeaway. "
            "no arm pain, breathing fine, 24")
    assert _split(text) == "self_care"


def test_heartburn_pattern_in_an_older_person_is_not_self_care() -> None:
    text = "burning behind my breastbone, happens every time I eat a big takeaway. I'm 58"
    assert _split(text) == "emergency"


def test_usual_migraine_aura_on_the_pill_sees_a_doctor_not_a_and_e() -> None:
    text = ("I've had migraines for years, flashing zigzags for half an hour before each one, same as always. "
            "just started the combined pill")
    assert _split(text) == "doctor"


def test_new_visual_disturbance_with_headache_is_still_an_emergency() -> None:
    text = "sudden zigzag lines in my vision for 20 minutes and a headache, never had this before"
    assert _split(text) == "emergency"


def test_breastfeeding_mother_with_a_side_named_breast_is_the_patient() -> None:
    text = "breastfeeding my 3 week old. left breast has a red hot lump and I've got a temp of 38.4"
    assert extract_slots(text, "en").get("age") is None
    assert _split(text) == "doctor"


@pytest.mark.parametrize(("text", "age"), [
    ("chest burns after eating, no pain in my arm, 31", 31.0),
    ("runs since this morning, no blood, 45, healthy", 45.0),
    ("blood pressure 150/95, 88", None),
    ("sats 94", None),
])
def test_a_bare_trailing_age_clause(text: str, age: float | None) -> None:
    assert find_age_years(text) == age


@pytest.mark.parametrize("text", [
    "my 7 month old is drooling loads and chewing on his fists, temp 37.5, feeding fine",
    "baby keeps gnawing on everything and his gums look swollen",
])
def test_teething_descriptions_are_recognised(text: str) -> None:
    assert "teething" in _codes(text)


@pytest.mark.parametrize("text", [
    "my 3 year old keeps pulling on her ear and has been hot since yesterday",
    "toddler has been rubbing at his ears all night and crying",
])
def test_ear_pulling_in_a_child_is_ear_pain(text: str) -> None:
    assert "ear_pain" in _codes(text)


def test_one_calf_bigger_than_the_other_is_leg_swelling() -> None:
    text = "since the long drive my left calf is tender and swollen compared to the right one"
    assert "leg_swelling" in _codes(text)
    assert _split(text) in ("doctor", "emergency")


def test_hay_fever_named_by_month() -> None:
    assert "hay_fever" in _codes("every may I'm streaming, sneezing and itchy eyes")
