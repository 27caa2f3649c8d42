"""Families of English phrasing closed after the outside batch GG, on our own sentences: goodbye letters to one's
children or partner with the means gathered, breathlessness lying flat (orthopnoea) and pink frothy sputum, a missed
dialysis session, a chickenpox contact told as "I babysat / looked after" or "came out in chickenpox" in pregnancy,
"not peeing less" (a denial, not a shortfall), a blocked nose told as a sentence, a lump and a temperature after the
jabs, a bruised rib after a knock, an untreated earwax-blocked ear with muffled hearing (but hearing lost suddenly is a
same-day doctor, wax suspected or not), and the slang denial 木有 ("也木有感冒")."""

from __future__ import annotations

import pytest

from assistant.reply import Locale
from tools.triage.red_flags import facts_from_text, find_red_flags
from tools.triage.vignettes import split_of_message


def _codes(text: str, locale: Locale = "en") -> set[str]:
    return {code for code, present in facts_from_text(text, locale).findings.items() if present}


def _flags(text: str) -> set[str]:
    return {hit.id for hit in find_red_flags(text, "en")}


# ------------------------------------------------------------------ goodbye letters with the means gathered

@pytest.mark.parametrize("text", [
    "Wrote letters to my children last night and I've been stockpiling my sleeping pills",
    "I've finished writing goodbyes to my husband and my mum, the tablets are counted out",
    "Done letters for each of my kids. I've saved up enough tablets",
])
def test_goodbye_letters_to_family_with_means_are_a_suicide_emergency(text: str) -> None:
    assert "farewell_signs" in _codes(text)
    assert "suicide_plan" in _flags(text)


@pytest.mark.parametrize("text", [
    "I've written letters to my kids for when they're older, the chemo starts next week",
    "Wrote letters to my grandchildren for their birthdays, now my knee is sore",
])
def test_letters_for_later_or_for_birthdays_are_not_farewell_signs(text: str) -> None:
    assert "farewell_signs" not in _codes(text)


# ------------------------------------------------------------------ orthopnoea and pink frothy sputum

@pytest.mark.parametrize("text", [
    "Since yesterday my nan can't lie flat in bed without getting really breathless",
    "He gets short of breath as soon as he lies down, so he's sleeping in the chair",
    "I have to sit up to get my breath at night now",
])
def test_breathless_lying_flat_is_severe_breathlessness(text: str) -> None:
    assert "severe_breathless" in _codes(text)
    assert split_of_message(text, "en") == "emergency"


def test_cannot_lie_flat_for_back_pain_is_not_breathlessness() -> None:
    assert "severe_breathless" not in _codes("I can't lie flat because of my back pain, my breathing is fine")


@pytest.mark.parametrize(("text", "locale"), [
    ("Mum keeps coughing up pink frothy spit and she's wheezy", "en"),
    ("he's bringing up frothy, pinkish phlegm", "en"),
    ("我爸晚上咳出粉红色泡沫痰", "zh"),
])
def test_pink_frothy_sputum_is_coughing_blood(text: str, locale: Locale) -> None:
    assert "coughing_blood" in _codes(text, locale)


# ------------------------------------------------------------------ a missed dialysis session

@pytest.mark.parametrize("text", [
    "I skipped my dialysis on Tuesday and now my heart is racing",
    "Dad is on hemodialysis, couldn't get to yesterday's session because of the snow and he's breathless",
])
def test_a_missed_dialysis_with_symptoms_is_an_emergency(text: str) -> None:
    assert "missed_dialysis" in _codes(text)
    assert "missed_dialysis_unwell" in _flags(text)
    assert split_of_message(text, "en") == "emergency"


def test_a_missed_dialysis_alone_is_a_same_day_call() -> None:
    text = "My wife missed her dialysis session this morning, she feels ok"
    assert "missed_dialysis" in _flags(text)
    assert split_of_message(text, "en") == "doctor"


def test_never_missing_dialysis_is_not_a_missed_session() -> None:
    assert "missed_dialysis" not in _codes("I'm on dialysis and have never missed a session, just a cold")


# ------------------------------------------------------------------ chickenpox contact in pregnancy

@pytest.mark.parametrize("text", [
    "I'm 14 weeks pregnant and babysat my sister's boy on Saturday, he came out in chickenpox spots today",
    "Pregnant, 25 weeks. My niece came out in chickenpox spots this morning and we had her over yesterday",
])
def test_chickenpox_contact_told_in_everyday_words_in_pregnancy(text: str) -> None:
    assert "infection_contact" in _codes(text)
    assert "infection_contact_vulnerable" in _flags(text)


# ------------------------------------------------------------------ "not peeing less" is a denial

def test_not_peeing_less_is_not_passing_no_urine() -> None:
    text = "Squats yesterday, my legs are killing me today. Pee looks normal and I'm not peeing less"
    assert "no_urine" not in _codes(text)
    assert "urine_less" not in _codes(text)
    assert split_of_message(text, "en") == "self_care"


# ------------------------------------------------------------------ a blocked nose told as a sentence

@pytest.mark.parametrize("text", [
    "my nose is completely blocked",
    "His nose has been stuffy for days",
    "I can't breathe through my nose at night",
])
def test_a_blocked_nose_in_a_sentence_is_a_cold_symptom(text: str) -> None:
    assert "runny_nose" in _codes(text)


def test_a_blocked_nose_in_pregnancy_is_self_care() -> None:
    assert split_of_message("26 weeks pregnant, my nose is blocked most nights, otherwise well", "en") == "self_care"


# ------------------------------------------------------------------ the jabs: a lump and a temperature

def test_lump_where_the_jab_went_with_a_mild_temperature_is_self_care() -> None:
    text = "My 3 year old had his booster jabs this morning, now 38.2 and a small hard lump on his arm, still playing"
    assert split_of_message(text, "en") == "self_care"


# ------------------------------------------------------------------ a bruised rib after a knock

@pytest.mark.parametrize("text", [
    "Got kneed in the ribs at rugby on Saturday, sore when I twist, breathing fine",
    "Fell onto the edge of the bath two days ago, my ribs hurt when I cough or laugh, no breathing problems",
])
def test_a_bruised_rib_after_a_knock_is_self_care(text: str) -> None:
    assert split_of_message(text, "en") == "self_care"


def test_a_rib_injury_with_breathlessness_stays_an_emergency() -> None:
    text = "Fell onto the edge of the bath, my ribs hurt when I breathe in and I'm getting short of breath"
    assert split_of_message(text, "en") == "emergency"


# ------------------------------------------------------------------ earwax

def test_an_untreated_waxy_blocked_ear_with_muffled_hearing_is_self_care() -> None:
    text = "Both ears feel blocked for 10 days, hearing is muffled, no pain, I always get wax"
    assert split_of_message(text, "en") == "self_care"


def test_a_blocked_ear_not_better_after_drops_sees_a_doctor() -> None:
    text = "Blocked ear for 3 weeks, been using olive oil drops for a week and it's no better"
    assert split_of_message(text, "en") == "doctor"


@pytest.mark.parametrize(("text", "locale"), [
    ("Woke up this morning deaf in my right ear, wondering if it's just wax", "en"),
    ("Suddenly lost the hearing in one ear an hour ago, it feels blocked", "en"),
    ("今天早上突然听不清了，感觉耳朵堵住了，是不是耳屎", "zh"),
])
def test_sudden_hearing_loss_is_a_same_day_doctor_even_when_wax_is_suspected(text: str, locale: Locale) -> None:
    assert "sudden_hearing_loss" in _codes(text, locale)
    assert split_of_message(text, locale) == "doctor"


def test_internet_slang_negation_muyou_denies_a_cold() -> None:
    facts = facts_from_text("耳朵疼了两天，木有发烧也木有流鼻涕", "zh")
    assert facts.denied("fever")
    assert facts.denied("runny_nose")
