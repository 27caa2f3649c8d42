"""Families of English phrasing, parser gaps and rules closed after the outside batch H (our own sentences)."""

from __future__ import annotations

import pytest

from assistant.nlu.quantities import find_age_years, find_duration_hours
from tools.triage.red_flags import facts_from_text
from tools.triage.vignettes import split_of_message


def _split(text: str) -> str | None:
    return split_of_message(text, "en")


def _codes(text: str) -> set[str]:
    return {code for code, present in facts_from_text(text, "en").findings.items() if present}


@pytest.mark.parametrize("text", [
    "34 weeks and the baby has been much less active than normal today",
    "i'm 29 weeks, the kicks have been way weaker than usual since last night",
    "haven't felt her move properly since this morning, 36 weeks pregnant",
])
def test_reduced_fetal_movement_phrasing_is_an_emergency(text: str) -> None:
    assert "reduced_fetal_movement" in _codes(text)
    assert _split(text) == "emergency"


@pytest.mark.parametrize("text", [
    "my daughter is allergic to cashews and ate a cookie with them, her voice has gone husky and she keeps coughing",
    "ate prawns by mistake (allergic), now my eyes are puffing up and my voice sounds strange",
])
def test_allergen_with_voice_change_or_puffy_face_is_an_ambulance(text: str) -> None:
    assert _split(text) == "emergency"


@pytest.mark.parametrize("text", [
    "my 3 year old went all stiff and then his arms and legs are jerking, it's been 5 minutes",
    "baby's eyes rolled back and she's twitching all over, not stopping",
])
def test_lay_seizure_phrasing_is_an_ambulance(text: str) -> None:
    assert "seizure" in _codes(text)
    assert _split(text) == "emergency"


def test_deep_bite_is_an_emergency() -> None:
    assert "deep_wound" in _codes("the cat bite on my hand has left a deep puncture that keeps bleeding")
    assert _split("our dog bit my son's leg, the holes are really deep") == "emergency"


@pytest.mark.parametrize(("text", "code"), [
    ("my head's been pounding all afternoon since the meeting", "headache"),
    ("feels like a tight band around my forehead every evening", "headache"),
    ("only getting about 3 hours sleep a night since the new baby, struggling to fall asleep", "insomnia"),
    ("had trouble keeping it up in bed for a few months now", "erectile_dysfunction"),
    ("first spin class in ages, my legs are absolutely destroyed today", "muscle_aches"),
    ("after a night out with work, woke up feeling rough", "hangover"),
    ("her eczema has started oozing and there are yellow crusts on it", "skin_infection"),
])
def test_lay_phrasing_families(text: str, code: str) -> None:
    assert code in _codes(text)


@pytest.mark.parametrize("text", [
    "I revised for my GCSEs all night and now I've got a bit of a sniffle",
    "we're going out tonight for my sister's birthday, I've got a cold",
])
def test_false_triggers_removed(text: str) -> None:
    codes = _codes(text)
    assert "drowsy" not in codes
    assert "suicide_means" not in codes


def test_inr_with_a_time_is_not_a_high_inr() -> None:
    assert "high_inr" not in _codes("on warfarin, my INR was last done 6 weeks ago")
    assert "high_inr" in _codes("on warfarin, my INR was 7.1 at the clinic")


def test_temperature_ending_a_sentence_is_read() -> None:
    assert "fever" not in _codes("she seems grumpy. temp 37.4. eating fine")
    assert "fever" in _codes("she seems grumpy. temp 38.9. eating fine")


def test_named_times_and_rates_are_not_durations() -> None:
    assert find_duration_hours("she had her 12 month vaccinations this morning") == 8
    assert find_duration_hours("working 12 hours a day, headache since yesterday") == 24
    assert find_duration_hours("cough for 3 weeks") == 504


def test_nursing_mothers_own_breast_is_not_the_babys_age() -> None:
    assert find_age_years("breastfeeding my 4 week old and my right breast has a sore lump") is None
    assert find_age_years("breastfeeding my 4 week old and he has a rash") == pytest.approx(4 / 52, abs=0.01)


def test_diabetic_foot_sore_not_healing_needs_a_doctor_soon() -> None:
    text = "type 1 diabetic, there's a small wound on my big toe that hasn't healed in 2 weeks"
    assert "foot_ulcer" in _codes(text)
    assert _split(text) == "doctor"


def test_hay_fever_not_helped_by_pharmacy_medicines_sees_a_gp() -> None:
    assert _split("hay fever is awful this year and loratadine isn't even touching it") == "doctor"
    assert _split("hay fever again this spring, sneezing, antihistamines working fine") == "self_care"
