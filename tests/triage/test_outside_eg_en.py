"""Families of English phrasing and complaints closed after the outside batches E and G (our own sentences)."""

from __future__ import annotations

import pytest

from assistant.graph.nodes.triage import match
from tools.triage.engine import assess
from tools.triage.red_flags import facts_from_text, find_red_flags
from tools.triage.vignettes import split_of_message


def _split(text: str) -> str | None:
    return split_of_message(text, "en")


def _codes(text: str) -> set[str]:
    return {code for code, present in facts_from_text(text, "en").findings.items() if present}


@pytest.mark.parametrize("text", [
    "out of the blue my aunt's cheek has sagged on one side and she sounds drunk",
    "his words keep coming out scrambled, it started while he was gardening",
    "grandma's speech is like she has a mouth full of marbles",
    "my brother suddenly dropped his mug out of his right hand and couldn't grip it",
])
def test_lay_stroke_phrasing_is_an_ambulance(text: str) -> None:
    assert any(hit.id == "stroke" for hit in find_red_flags(text, "en"))


@pytest.mark.parametrize("text", [
    "caught my shin on the mower blade, blood spurting with each heartbeat",
    "gashed my palm on glass and it has gone straight through a tea towel and kitchen roll",
])
def test_arterial_or_soaking_bleeding_is_heavy_bleeding(text: str) -> None:
    assert "heavy_bleeding" in _codes(text)
    assert _split(text) == "emergency"


@pytest.mark.parametrize("text", [
    "sudden agony in my left nut since I woke up",
    "my 13 year old says one of his balls is swollen and really sore",
])
def test_testicle_slang_is_testicle_pain(text: str) -> None:
    assert "testicular_pain" in _codes(text)
    assert _split(text) == "emergency"


@pytest.mark.parametrize("text", [
    "the cricket ball hit my shin and it hurts",
    "pain under the ball of my foot after running",
    "allergic to nuts, my throat feels itchy",
])
def test_balls_and_nuts_that_are_not_testicles(text: str) -> None:
    assert "testicular_pain" not in _codes(text)


@pytest.mark.parametrize("text", [
    "my 18 month old was chewing the remote and the little round battery is gone",
    "think my nephew swallowed a couple of magnets off the fridge",
    "a coin battery from a birthday card might be in his tummy, he is fine",
])
def test_button_battery_or_magnets_is_an_emergency_even_when_well(text: str) -> None:
    hits = find_red_flags(text, "en")
    assert hits and hits[0].level in ("emergency", "emergency_ambulance")


def test_threadworms_are_self_care_but_a_baby_sees_a_doctor() -> None:
    assert _split("my 5 year old has an itchy bottom at night and we saw tiny white worms in his poo") == "self_care"
    facts = facts_from_text("my 1 year old has threadworms", "en")
    assert assess(facts).level == "consultation"


def test_self_harm_without_suicidal_thoughts_is_same_day_and_accidents_are_not_self_harm() -> None:
    assert _split("my 15 year old has been cutting her thighs, she says she isn't suicidal") == "doctor"
    assert "self_harm_act" not in _codes("I cut myself slicing bread")
    assert "self_harm_act" not in _codes("burnt myself on the grill at the barbecue")


def test_high_inr_needs_a_same_day_review_and_bleeding_makes_it_an_emergency() -> None:
    assert assess(facts_from_text("on warfarin, my INR was 6.4 at the clinic, no bleeding", "en")).level \
        == "consultation_24"
    assert _split("on warfarin, INR is 8.1 and I've had a nosebleed for an hour") == "emergency"
    assert "high_inr" not in _codes("INR 2.8 today, in range")


def test_a_period_that_never_started_or_has_stopped_routes_to_a_doctor() -> None:
    assert match("my 17 year old still hasn't started her periods", "en", []) >= 0.5
    assert _split("I've not had a period for 6 months, not pregnant") == "doctor"


def test_trying_to_get_pregnant_is_not_being_pregnant() -> None:
    facts = facts_from_text("we are trying to get pregnant, any tips?", "en")
    assert not facts.pregnant()


def test_memory_slipping_in_lay_words_is_a_memory_problem() -> None:
    assert "memory_problems" in _codes("dad's memory is failing, he keeps repeating the same questions")
    assert _split("my nan left the cooker on again and can't remember names, she's 82") == "doctor"


def test_midge_and_mozzie_bites_are_self_care() -> None:
    assert "insect_bite" in _codes("bitten by midges all over my ankles")
    assert _split("mozzie bites all up my arms, itchy lumps, otherwise well") == "self_care"


def test_shingles_band_of_blisters_in_an_older_person_is_same_day() -> None:
    text = "I'm 74 and there's a band of small red blisters wrapping around to my ribs on one side"
    assert "shingles" in _codes(text)
    assert _split(text) == "doctor"


def test_itching_in_pregnancy_is_same_day() -> None:
    facts = facts_from_text("30 weeks pregnant and the soles of my feet itch terribly at night", "en")
    assert assess(facts).level == "consultation_24"


def test_a_red_eye_in_a_contact_lens_wearer_is_same_day() -> None:
    facts = facts_from_text("I wear daily contacts and my eye has been red since this morning", "en")
    assert facts.has("contact_lens")
    assert assess(facts).level == "consultation_24"


def test_raised_blood_pressure_reading_is_a_routine_doctor_visit() -> None:
    facts = facts_from_text("my bp was 148/94 at the chemist, feel fine", "en")
    assert facts.has("raised_bp")
    assert assess(facts).level == "consultation"


def test_kidney_infection_with_rigors_is_an_emergency_but_mild_chills_are_not() -> None:
    assert _split("loin pain on the left, temp 39.2 and rigors, stinging when I wee") == "emergency"
    assert _split("loin pain on the left, temp 38.6, a bit shivery, stinging when I wee") == "doctor"


def test_chest_infection_signs_at_65_or_over_are_same_day() -> None:
    facts = facts_from_text("my mother is 88, chesty cough for 3 days and more tired than normal", "en")
    assert assess(facts).level == "consultation_24"


def test_usual_pattern_relaxes_long_standing_headache_and_usual_period_pain_but_not_a_change() -> None:
    assert _split("same tension headaches as always after long shifts, no change in pattern for years") == "self_care"
    assert _split("period cramps are brutal today but same as every month") == "self_care"
    assert "usual_pattern" not in _codes("this headache is not the same as usual")


@pytest.mark.parametrize("text,code", [
    ("fell asleep on the train and my neck is stiff", "injury"),
    ("my skin looks like a boiled lobster after the beach", "skin_infection"),
    ("I can't stand the smell of coffee at the moment", "fracture_sign"),
    ("the INR clinic says mine is stable", "wound"),
])
def test_ordinary_words_that_are_not_findings(text: str, code: str) -> None:
    assert code not in _codes(text)


@pytest.mark.parametrize("text", [
    "something's not right with grandad, he had a funny turn at lunch",
    "should I be worried about my son's dark pee?",
    "is it normal for a 3 week old to sneeze a lot",
])
def test_health_worries_without_a_symptom_word_route_to_triage(text: str) -> None:
    assert match(text, "en", []) >= 0.5
