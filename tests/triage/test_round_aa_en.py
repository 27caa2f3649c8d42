"""Families of English phrasing closed after the outside batch AA, on our own sentences: a passive wish not to wake
up (with and without a plan), panic attacks that pass in a few minutes, "faint" as "slight" before a noun, "water
tablets" read as swallowed tablets, breathlessness only on the stairs in an older person with a chest infection,
a stye told as a lump on the edge of the eyelid, pins and needles from sleeping on an arm, and hearing gone
muffled overnight."""

from __future__ import annotations

import pytest

from tools.triage.red_flags import facts_from_text
from tools.triage.vignettes import split_of_message


def _codes(text: str, locale: str = "en") -> set[str]:
    return {code for code, present in facts_from_text(text, locale).findings.items() if present}


# ------------------------------------------------------------------ passive death wish (NHS help for suicidal thoughts)

@pytest.mark.parametrize("text", [
    "Lately I just hope I never wake up in the morning, I'd never actually do anything though, not planning anything",
    "Most nights I pray I won't wake up. I'm not planning anything, I'd never do that to my family",
    "Been feeling awful for weeks, some days I wish I wasn't alive. No plans to act on it",
])
def test_a_passive_death_wish_without_a_plan_is_a_same_day_doctor(text: str) -> None:
    assert "self_harm_thoughts" in _codes(text)
    assert split_of_message(text, "en") == "doctor"


@pytest.mark.parametrize("text", [
    "Sometimes I think it would be easier if I went to sleep and never woke up",
    "I wouldn't care if I died tomorrow, honestly",
])
def test_a_passive_death_wish_said_alone_is_not_lost(text: str) -> None:
    assert "self_harm_thoughts" in _codes(text)
    assert split_of_message(text, "en") == "emergency"


@pytest.mark.parametrize("text", [
    "I wish I didn't wake up so early every morning, it's 5am again",
    "Trying to be quiet, I hope I don't wake up the baby when I get in",
    "I don't care if I die trying, I'm running that marathon",
    "I hope I don't wake up feeling like this again tomorrow",
])
def test_waking_early_or_an_idiom_is_not_a_death_wish(text: str) -> None:
    assert "self_harm_thoughts" not in _codes(text)


def test_saying_i_wont_wake_up_is_not_being_unconscious() -> None:
    codes = _codes("Some nights I hope I won't wake up, I'd never do it though")
    assert not codes & {"unconscious", "drowsy"}
    assert "unconscious" in _codes("My grandad won't wake up, he's breathing but floppy")


# ------------------------------------------------------------------ panic attacks that pass

@pytest.mark.parametrize("text", [
    "I get panic attacks most weeks, my heart pounds and I feel like I can't breathe, they pass in about 5 minutes",
    "Having panic attacks at work where I can't breathe, each one settles within 15 minutes",
])
def test_a_recurring_panic_attack_that_passes_is_not_severe_breathlessness(text: str) -> None:
    assert "severe_breathless" not in _codes(text)
    assert split_of_message(text, "en") != "emergency"


def test_a_panic_attack_that_does_not_stop_keeps_the_red_flag() -> None:
    assert "severe_breathless" in _codes("Panic attack right now and I can't breathe, it won't stop")


# ------------------------------------------------------------------ "faint" as an adjective (slight)

@pytest.mark.parametrize("text", [
    "Grazed my knee on Monday, it's sore and there's a faint pink streak going up my shin",
    "There's a faint smell from the cut on my hand and it's a bit red",
    "I've got a faint rash on my tummy, not itchy",
])
def test_a_faint_mark_is_not_fainting(text: str) -> None:
    assert "fainted" not in _codes(text)


@pytest.mark.parametrize("text", ["She had a faint in the queue at the shop", "I fainted twice today"])
def test_a_real_faint_is_still_found(text: str) -> None:
    assert "fainted" in _codes(text)


# ------------------------------------------------------------------ "water tablets" are not swallowed tablets

@pytest.mark.parametrize("text", [
    "Ankles a bit puffy, I'm 70 and on water tablets for my heart",
    "I hate taking tablets for my blood pressure, do I have to?",
])
def test_a_word_ending_in_ate_before_tablets_is_not_an_overdose(text: str) -> None:
    assert "poisoning" not in _codes(text)


def test_a_child_who_ate_tablets_is_still_poisoning() -> None:
    assert "poisoning" in _codes("My 2 year old ate some of grandma's heart tablets")


# ------------------------------------------------------------------ breathless only on exertion, 65+, chest infection

def test_an_older_person_breathless_only_on_the_stairs_with_a_chest_infection_is_a_same_day_doctor() -> None:
    text = "Dad is 78, productive cough and temp 38.3 for 4 days, gets out of breath climbing the stairs. Eating fine."
    assert "exertional_breathless" in _codes(text)
    assert split_of_message(text, "en") == "doctor"


@pytest.mark.parametrize("text", [
    "Dad is 78, productive cough and temp 38.3, he's breathless",
    "Dad is 78, cough and temp 38.3, out of breath going upstairs and now even when sitting in his chair",
])
def test_an_older_person_breathless_at_rest_with_a_fever_stays_an_emergency(text: str) -> None:
    assert split_of_message(text, "en") == "emergency"


# ------------------------------------------------------------------ a stye told in lay words

@pytest.mark.parametrize("text", [
    "Small sore red bump on the rim of my eyelid, looks like a pimple. Eyesight is fine.",
    "My daughter has a little yellow spot along her upper lash line, bit tender",
])
def test_a_lump_on_the_edge_of_the_eyelid_is_a_stye_for_self_care(text: str) -> None:
    assert "eye_swelling_red" not in _codes(text)
    assert split_of_message(text, "en") == "self_care"


def test_a_swollen_red_eyelid_with_fever_stays_an_emergency() -> None:
    assert split_of_message("My son's eyelid is swollen and red and he has a temperature of 38.9", "en") == "emergency"


# ------------------------------------------------------------------ pins and needles from lying on an arm

@pytest.mark.parametrize("text", [
    "Every morning I wake with tingling in my right hand that wears off within a minute of shaking it, I lie on my "
    "right side",
    "Pins and needles in my left arm when I wake, it goes away as soon as I move it. 28F, otherwise well",
])
def test_tingling_that_goes_on_moving_the_arm_is_self_care(text: str) -> None:
    assert "positional_numbness" in _codes(text)
    assert split_of_message(text, "en") == "self_care"


# ------------------------------------------------------------------ hearing gone muffled overnight (NHS hearing loss)

@pytest.mark.parametrize("text", [
    "Woke up yesterday with my right ear all muffled, no pain, no cold",
    "All of a sudden last night my hearing got really worse in one ear",
])
def test_hearing_that_goes_muffled_overnight_is_sudden_hearing_loss(text: str) -> None:
    assert "sudden_hearing_loss" in _codes(text)
    assert split_of_message(text, "en") == "doctor"


def test_muffled_ears_with_a_cold_are_not_hearing_loss() -> None:
    codes = _codes("I've got a stinking cold and my ears feel a bit muffled")
    assert not codes & {"hearing_loss", "sudden_hearing_loss"}
