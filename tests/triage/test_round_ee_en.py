"""Families of English phrasing closed after the outside batch EE, on our own sentences: a caesarean or perineal
wound that "started leaking" a sentence after it was named (and yellow-green gunk that is not jaundice), an ulcer
after biting the lip or cheek, pressing pain right on the bone or on the thumb side of the wrist after a fall on the
hand, a baby's age written as "7mo,"; and the look-alikes: dropping things with numb thumb and fingers at night
(carpal tunnel, not a stroke), pauses in a snorer's breathing "for like 10-20 seconds" (sleep apnoea), a colic pain
score that a painkiller has brought down, straining the pee for a stone, and a teething baby's drooling and sore
gums."""

from __future__ import annotations

import pytest

from assistant.nlu import extract_slots
from tools.triage.red_flags import facts_from_text, find_red_flags
from tools.triage.vignettes import split_of_message


def _codes(text: str, locale: str = "en") -> set[str]:
    return {code for code, present in facts_from_text(text, locale).findings.items() if present}


def _flags(text: str) -> set[str]:
    return {hit.id for hit in find_red_flags(text, "en")}


@pytest.mark.parametrize("text", [
    "Had my baby by caesarean 10 days ago. The scar is pink and puffy at one end and since last night it's been "
    "oozing a bit",
    "Three weeks after the birth, my episiotomy stitches have felt tight and sore for days. Now they've started "
    "weeping",
    "2 weeks postpartum, c-section wound looked fine until yesterday. Today it's leaking and smells off",
])
def test_a_wound_after_the_birth_that_starts_leaking_is_a_maternal_warning_sign(text: str) -> None:
    assert "wound_discharge" in _codes(text)
    assert "pregnancy_warning_signs" in _flags(text)
    assert split_of_message(text, "en") == "emergency"


@pytest.mark.parametrize("text", [
    "My c-section scar itches a little, it isn't leaking and it looks clean",
    "Knee scar from last year's op is a bit pink but it hasn't leaked anything",
])
def test_a_wound_denied_to_leak_is_no_discharge(text: str) -> None:
    assert "wound_discharge" not in _codes(text)


def test_yellow_green_gunk_from_a_wound_is_not_jaundice() -> None:
    codes = _codes("Graze on my shin is crusty and there's some yellowish-green gunk on the plaster")
    assert "jaundice" not in codes


@pytest.mark.parametrize("text", [
    "I chewed my cheek by accident on Sunday and now there's a sore white crater there, any tips?",
    "Burnt my tongue on soup two days ago and there's a little ulcer on it now, what helps?",
    "Bit my top lip during football, it's turned into an ulcer, no fever, feeling fine",
])
def test_an_ulcer_after_biting_or_burning_the_mouth_is_a_mouth_ulcer(text: str) -> None:
    assert "mouth_ulcer" in _codes(text)
    assert split_of_message(text, "en") == "self_care"


@pytest.mark.parametrize("text", [
    "My 11 year old slipped on the ice and put her hands out. Her wrist is sore on the thumb side and puffy, fingers "
    "move fine",
    "Twisted my ankle on a kerb, it is really tender on the outside right over the bone, I can hobble",
    "Son (8) came off his bike onto his outstretched hand and his wrist is tender at the thumb side",
])
def test_bony_tenderness_after_an_injury_needs_a_same_day_xray(text: str) -> None:
    assert "bony_tenderness" in _codes(text)
    assert split_of_message(text, "en") == "doctor"


def test_a_sore_thumb_side_of_the_wrist_without_a_fall_is_not_bony_tenderness() -> None:
    assert "bony_tenderness" not in _codes("My wrist is sore on the thumb side after a week of lifting the baby")


@pytest.mark.parametrize(("text", "months"), [
    ("9mo, runny nose and a cough, feeding fine", 9),
    ("Quick question. 11mos - rash on her cheeks", 11),
])
def test_a_babys_age_written_as_mo_is_its_age(text: str, months: int) -> None:
    assert extract_slots(text, "en").get("age") == pytest.approx(months / 12, abs=0.01)


def test_a_number_of_weeks_alone_at_the_start_is_how_long_not_an_age() -> None:
    assert "age" not in extract_slots("4 wks, cough that will not shift", "en")


@pytest.mark.parametrize("text", [
    "For weeks my left thumb and index finger have been tingling at night and I keep dropping things, worse after "
    "gardening",
    "Dropping things lately. Numbness in my thumb, index and middle fingers, wakes me up, shaking my hand helps",
])
def test_dropping_things_with_numb_median_nerve_fingers_is_not_a_stroke(text: str) -> None:
    assert "one_sided_weakness" not in _codes(text)
    assert "stroke" not in _flags(text)
    assert split_of_message(text, "en") == "doctor"


@pytest.mark.parametrize("text", [
    "Dad suddenly started dropping things at lunch and his thumb and index finger are numb",
    "My thumb and index finger are numb, my arm feels heavy and I'm dropping things",
])
def test_sudden_dropping_things_or_a_face_sign_stays_a_stroke(text: str) -> None:
    assert "stroke" in _flags(text)


@pytest.mark.parametrize("text", [
    "My partner snores really loudly and sometimes stops breathing for about 15 seconds then gasps and wakes up",
    "He snores, and at night he stops breathing for 10 to 20 seconds before choking and carrying on",
])
def test_pauses_in_a_snorers_breathing_are_sleep_apnoea_not_an_arrest(text: str) -> None:
    codes = _codes(text)
    assert "not_breathing" not in codes and "grunting" not in codes
    assert split_of_message(text, "en") == "doctor"


@pytest.mark.parametrize("text", [
    "My 2 month old stops breathing for like 20 seconds when asleep",
    "My 10 month old snores and stops breathing for around 15 seconds before gasping",
    "Our baby snores a lot and I've seen pauses in her breathing at night",
])
def test_a_baby_who_stops_breathing_stays_an_emergency(text: str) -> None:
    assert split_of_message(text, "en") == "emergency"


@pytest.mark.parametrize("text", [
    "Had a kidney stone before. Since noon awful pain in my right loin going to the groin, 8/10 at worst, pee looks "
    "a little red. Had some ibuprofen and the pain's come down to 2-3. No fever, not sick",
])
def test_renal_colic_eased_by_a_painkiller_is_a_same_day_doctor(text: str) -> None:
    codes = _codes(text)
    assert "symptom_relieved" in codes
    assert split_of_message(text, "en") == "doctor"


@pytest.mark.parametrize("text", [
    "Severe pain in my left side going to my groin, 9/10, took ibuprofen and it only dropped to 8",
])
def test_pain_still_high_after_a_painkiller_is_not_relief(text: str) -> None:
    assert "symptom_relieved" not in _codes(text)
    assert split_of_message(text, "en") == "emergency"


def test_straining_the_urine_for_a_stone_is_not_an_injury() -> None:
    assert "injury" not in _codes("Loin pain again, the GP said to drink lots and strain my urine to catch the stone")


@pytest.mark.parametrize("text", [
    "8mo, dribbling loads and gnawing on everything, gums are red and puffy, temp 37.2, feeding normally",
    "My baby (6 months) is drooling non stop and chewing his fists, bottom gum looks swollen, no fever",
])
def test_a_teething_babys_drooling_and_swollen_gums_are_self_care(text: str) -> None:
    assert split_of_message(text, "en") == "self_care"


def test_drooling_with_toothache_and_no_teething_stays_an_emergency() -> None:
    assert split_of_message("Bad toothache in my back molar, my jaw is swollen and I'm drooling", "en") == "emergency"
