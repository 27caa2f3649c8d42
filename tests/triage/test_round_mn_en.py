"""Families of English phrasing and parser gaps closed after the outside batches M and N (our own sentences)."""

from __future__ import annotations

import pytest

from tools.triage.red_flags import facts_from_text
from tools.triage.vignettes import split_of_message


def _split(text: str) -> str | None:
    return split_of_message(text, "en")


def _codes(text: str) -> set[str]:
    return {code for code, present in facts_from_text(text, "en").findings.items() if present}


@pytest.mark.parametrize("text", [
    "sparkles of light in my left eye since lunch and then a whole shower of tiny dots, 58",
    "a dark shadow is creeping across from the top of my vision in one eye, started an hour ago",
    "loads of new black specks floating in my eye today and some flickering at the edge",
])
def test_flashes_specks_or_a_moving_shadow_are_a_detached_retina(text: str) -> None:
    assert "retinal_detachment_signs" in _codes(text)
    assert _split(text) == "emergency"


@pytest.mark.parametrize("text", [
    "fell off her scooter onto an outstretched arm, the forearm has an odd bend in it near the wrist",
    "he landed on his hand at football and the wrist looks like the back of a spoon now",
])
def test_a_bent_limb_after_a_fall_is_a_possible_fracture(text: str) -> None:
    assert "fracture_sign" in _codes(text)
    assert _split(text) == "emergency"


def test_belly_button_pain_that_moves_to_the_lower_right_the_next_day() -> None:
    text = ("My son is 12. Last night he had pain around his navel. This morning it has shifted over to the "
            "lower right and he is quiet.")
    assert "migrating_abdominal_pain" in _codes(text)
    assert _split(text) == "emergency"


@pytest.mark.parametrize("text", [
    "pain low down on the right of her tummy, and it's sore driving over speed bumps",
    "lower right belly pain since this morning and he's shuffling about hunched over",
])
def test_lower_right_pain_with_bumps_or_walking_bent_is_peritonism(text: str) -> None:
    assert "peritonism" in _codes(text)
    assert _split(text) == "emergency"


@pytest.mark.parametrize("text", [
    "sliced my thumb on a tin lid, the cut gaped open when I bent it",
    "knife slipped onto my forearm, the cut is 2cm and I can see some white fatty bits inside",
])
def test_a_cut_that_gapes_or_shows_fat_is_a_deep_wound(text: str) -> None:
    assert "deep_wound" in _codes(text)
    assert _split(text) == "emergency"


def test_yellowish_matter_in_a_cut_is_not_jaundice() -> None:
    assert "jaundice" not in _codes("small graze on my knee with some yellowish crust on it")


@pytest.mark.parametrize("text", [
    "I've worked out how I'm going to do it tomorrow, I just wanted someone to know",
    "tonight is the night, i know exactly what im using",
])
def test_a_method_settled_with_a_time_is_a_plan(text: str) -> None:
    assert "suicide_plan" in _codes(text)
    assert _split(text) == "emergency"


@pytest.mark.parametrize("text", [
    "grandpa is on the floor breathing noisily and we could not wake him up",
    "my nana 80 collapse in the kitchen just now, eyes closed",
])
def test_cannot_wake_or_collapse_is_unresponsive(text: str) -> None:
    assert "unconscious" in _codes(text)
    assert _split(text) == "emergency"


def test_nothing_denies_what_follows() -> None:
    facts = facts_from_text("tight feeling under my ribs after dinner, nothing spreading down my arm", "en")
    assert facts.denied("pain_radiating")
    # a remedy that failed denies nothing
    assert "headache" in _codes("nothing helps my headache at all")


def test_heartburn_that_eases_sitting_up_in_a_young_adult_is_self_care() -> None:
    text = ("chilli for dinner, burning behind my breastbone lying in bed, 27f, nothing down my arms, "
            "it settles sitting up")
    assert "symptom_relieved" in _codes(text)
    assert _split(text) == "self_care"


def test_someone_elses_child_who_had_a_fit_is_not_this_childs_seizure() -> None:
    text = ("my 3 year old has a temperature of 38.5 but is eating and playing happily, my neighbour's "
            "daughter once had a febrile seizure so I'm nervous")
    assert "seizure" not in _codes(text)
    assert _split(text) != "emergency"
