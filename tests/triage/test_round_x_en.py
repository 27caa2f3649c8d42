"""Families of English phrasing closed after the outside batch X (our own sentences): a reading someone "has" or
"is in bed with", mushed words and a mouth that hangs down, "ending things" and "can't keep myself safe", a child
who drank part of a bottle of medicine, a baby vomiting after every feed or across the room, eczema flaring
despite the creams, a heart that "does a little skip" after the nth coffee, and a "big night" hangover."""

from __future__ import annotations

import pytest

from assistant.nlu.quantities import find_temperature_c
from tools.triage.engine import assess
from tools.triage.red_flags import facts_from_text, find_red_flags
from tools.triage.vignettes import split_of_message


def _codes(text: str) -> set[str]:
    return {code for code, present in facts_from_text(text, "en").findings.items() if present}


@pytest.mark.parametrize(("text", "temp"), [
    ("my toddler has 39.4 and won't settle", 39.4),
    ("stuck in bed with 38.7 and aching all over", 38.7),
    ("she's been running 38.3 all day", 38.3),
    ("it peaked at 39.8 last night", 39.8),
])
def test_a_reading_someone_has_or_is_running_is_a_temperature(text: str, temp: float) -> None:
    assert find_temperature_c(text) == temp


@pytest.mark.parametrize("text", [
    "she has 38.5 kg of luggage",
    "I'm with 37.5 weeks to go",
    "he had 38.5 mg of it",
])
def test_a_weight_a_dose_or_weeks_after_has_or_with_are_not_a_temperature(text: str) -> None:
    assert find_temperature_c(text) is None
    assert find_temperature_c(text.split(" ")[0] + " has 38.5 tonight") == 38.5


def test_blood_in_the_wee_is_blood_in_the_urine() -> None:
    assert "blood_in_urine" in _codes("there was blood in my wee this morning")


def test_loin_pain_with_blood_in_the_urine_and_rigors_with_a_stated_reading_is_an_emergency() -> None:
    text = "pain in my left side round to my back, blood in my wee, shivering under the covers with 39.1"
    assert split_of_message(text, "en") == "emergency"


@pytest.mark.parametrize("text", [
    "my dad's words are coming out all mushy since lunch",
    "her speech went all mumbly about ten minutes ago",
    "his words came out like he was drunk but he's had nothing",
])
def test_mushed_or_drunk_sounding_words_are_slurred_speech(text: str) -> None:
    assert "slurred_speech" in _codes(text)


@pytest.mark.parametrize("text", [
    "her mouth hung down on the right when she smiled",
    "his face hangs down on one side",
    "grandma's lip drops on the left",
])
def test_a_mouth_or_face_that_hangs_or_drops_is_a_face_droop(text: str) -> None:
    assert "face_droop" in _codes(text)


def test_mushed_words_with_a_hanging_mouth_is_a_stroke() -> None:
    text = "my wife is 71, half an hour ago her words came out all mushed and her mouth hangs on the right side"
    assert any(hit.id == "stroke" for hit in find_red_flags(text, "en"))


@pytest.mark.parametrize("text", [
    "I keep thinking of ending it, every night",
    "been considering ending things lately",
])
def test_thinking_of_ending_it_is_a_suicidal_thought(text: str) -> None:
    assert "self_harm_thoughts" in _codes(text)


def test_ending_things_with_a_partner_is_not_a_suicidal_thought_but_ending_things_is() -> None:
    assert "self_harm_thoughts" not in _codes("I'm thinking about ending things with my girlfriend")
    assert "self_harm_thoughts" in _codes("I'm thinking about ending things, I'm so tired of it all")


@pytest.mark.parametrize("text", [
    "I can't keep myself safe right now",
    "honestly I don't know if I can stay safe tonight",
    "I don't feel safe with myself at the moment",
])
def test_saying_one_cannot_keep_safe_is_an_emergency(text: str) -> None:
    assert split_of_message(text, "en") == "emergency"


@pytest.mark.parametrize("text", [
    "my 2 year old drank half a bottle of calpol while I was in the shower",
    "our 4yo finished off most of a bottle of cough medicine, she seems fine",
    "he gulped down half a bottle of nurofen for children",
])
def test_a_child_who_drank_part_of_a_bottle_of_medicine_is_poisoning(text: str) -> None:
    assert split_of_message(text, "en") == "emergency"


@pytest.mark.parametrize("text", [
    "my 5 week old throws up after every bottle",
    "the milk flies across the room when she's sick",
    "baby is vomiting forcefully after feeds",
])
def test_vomiting_after_every_feed_or_across_the_room_is_persistent_vomiting(text: str) -> None:
    assert "persistent_vomiting" in _codes(text)


def test_a_small_baby_vomiting_after_every_feed_is_an_emergency() -> None:
    assert split_of_message("my 4 week old son is vomiting after every single feed", "en") == "emergency"


def test_a_baby_bringing_up_a_little_milk_is_not_persistent_vomiting_but_vomiting_after_each_feed_is() -> None:
    assert "persistent_vomiting" not in _codes("she brings up a bit of milk after each feed but is gaining weight")
    assert "persistent_vomiting" in _codes("she is vomiting after each feed and losing weight")


@pytest.mark.parametrize("text", [
    "her eczema keeps flaring even though we put on the emollient twice a day",
    "the patches are getting worse despite using the steroid cream",
    "rash still spreading although I've been applying the antifungal cream",
])
def test_a_skin_problem_flaring_despite_the_creams_is_a_treatment_failure(text: str) -> None:
    assert "treatment_failed" in _codes(text)


def test_eczema_flaring_despite_the_pharmacy_creams_needs_a_doctor() -> None:
    text = "my 6yo's eczema keeps flaring even though we use the emollient and the hydrocortisone cream"
    assert split_of_message(text, "en") == "doctor"


def test_a_heart_that_does_a_little_skip_is_palpitations() -> None:
    assert "palpitations" in _codes("my heart gives the odd little skip when I lie down")


def test_a_seconds_long_skip_after_the_nth_coffee_in_a_young_person_is_self_care() -> None:
    text = "heart does a funny skip after my third coffee, lasts a second, 31M, no chest pain or dizziness"
    assert assess(facts_from_text(text, "en")).level == "self_care"


@pytest.mark.parametrize("text", [
    "messy night last night and my head is killing me",
    "wild night last night, feel awful",
    "night on the town, sick once this morning",
])
def test_a_big_night_is_a_hangover(text: str) -> None:
    assert "hangover" in _codes(text)


def test_a_hangover_headache_with_one_vomit_is_self_care() -> None:
    text = "boozy night last night, threw up once when I woke up, head pounding, drinking water fine, 24"
    assert split_of_message(text, "en") == "self_care"
