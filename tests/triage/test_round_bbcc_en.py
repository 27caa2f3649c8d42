"""Families of English phrasing closed after the outside batches BB and CC, on our own sentences: an older person
who does not know where they are, a funnel-web or a spider bite with sweating, an infected caesarean or perineal
wound after the birth, an adult tooth knocked clean out, goodbye letters to the family with a time set, a knuckle
cut on someone's teeth; same-day doctor families (HIV exposure for PEP, mallet finger, a scaphoid sore to press,
fluid leaking from a surgical wound), routine ones (restless legs, post-traumatic stress, losing enjoyment, a
ringing ear, a spreading ring after a tick); and the look-alikes that stay self care (a denied deformity, an
accident years ago, food pushed down with a drink, a tetanus jab a few years ago, a cold clearing day by day, an
older person walking fine after a twist, chafing, "70 years young")."""

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
    "My nan is 86 and since lunch she didn't seem to know where she was, even in her own kitchen",
    "A funnel web got me on the foot while I was gardening, the foot is burning",
    "A spider bit me on the leg in the shed and now I'm sweating heavily",
    "Gave birth two weeks ago by caesarean and the scar is oozing pus",
    "My 12 year old came off his bike and had his adult tooth knocked straight out",
    "Left letters for everyone in the family and I'm doing it tonight when the house is quiet",
    "Split my knuckle on a guy's teeth when I hit him on Saturday, now it's puffy",
])
def test_hidden_emergencies_reach_the_emergency_split(text: str) -> None:
    assert split_of_message(text, "en") == "emergency"


@pytest.mark.parametrize(("text", "flag"), [
    ("A funnel web got me on the foot while I was gardening, the foot is burning", "venomous_spider_bite"),
    ("Split my knuckle on a guy's teeth when I hit him on Saturday, now it's puffy", "fight_bite"),
    ("Left letters for everyone in the family and I'm doing it tonight when the house is quiet", "suicide_plan"),
    ("The condom came off during sex with someone who later said he has HIV", "hiv_exposure_pep"),
])
def test_the_named_flag_fires(text: str, flag: str) -> None:
    assert flag in _flags(text)


@pytest.mark.parametrize("text", [
    "The condom came off during sex with someone who later said he has HIV",
    "A ball hit my ring finger and now I can't straighten the tip of my ring finger",
    "Came off my skateboard onto my hand, the base of my thumb is tender when I press it",
    "She had her hip replaced a fortnight ago and since yesterday fluid keeps leaking from the wound",
    "Every night I get a horrible crawling feeling in my calves and have to get up and walk around",
    "Ever since the assault I have flashbacks and nightmares, it has been going on for 3 months",
])
def test_see_a_doctor_families_reach_the_doctor_split(text: str) -> None:
    assert split_of_message(text, "en") == "doctor"


@pytest.mark.parametrize(("text", "code"), [
    ("My ears have been ringing since the concert and my hearing is muffled", "hearing_loss"),
    ("Pulled a tick off my arm last week and now there's a red circle spreading out from the bite", "lyme_signs"),
    ("I just don't enjoy my music any more and can't be bothered to get dressed", "low_mood"),
    ("Since flying home from Singapore I keep waking at 4am", "insomnia"),
    ("Runs six times today after a dodgy curry", "diarrhoea"),
    ("The midges ate us alive at the loch", "insect_bite"),
    ("Gardened all day without a hat and my scalp is red and stinging", "sunburn"),
])
def test_lay_wording_is_recognised(text: str, code: str) -> None:
    assert code in _codes(text)


@pytest.mark.parametrize(("text", "code"), [
    ("Fell on my arm, the elbow isn't bent or anything, just sore", "fracture_sign"),
    ("I've had a stiff back since a car accident two years ago", "major_trauma"),
    ("Food sticks in my chest and I drink water to push it down", "chest_wall_pain"),
    ("Cut my thumb on a tin, my tetanus jab was 3 years ago", "tetanus_unsure"),
    ("Rubbed a blister on my heel in new shoes, not red or oozing", "foot_ulcer"),
    ("My ear feels blocked, I get ear wax build up every year", "hay_fever"),
])
def test_look_alikes_are_not_read_as_the_finding(text: str, code: str) -> None:
    assert code not in _codes(text)


@pytest.mark.parametrize("text", [
    "Had a cold two weeks ago, still a bit sniffly but it's getting better every day",
    "I'm 72 and twisted my ankle on a step, a bit swollen but walking fine",
    "My inner thighs are chafed from cycling",
])
def test_self_care_look_alikes_stay_self_care(text: str) -> None:
    assert split_of_message(text, "en") == "self_care"


def test_years_young_is_an_age_not_a_duration() -> None:
    slots = extract_slots("my ear feels blocked, no pain. 70 years young", "en")
    assert slots.get("age") == 70
    assert "duration_hours" not in slots
