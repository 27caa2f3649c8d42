"""Families of English phrasing closed after the outside batch Y (children, pregnancy, newborns), on our own
sentences: amnesia after a knock, a child's hot joint with fever, green vomit said late, pregnancy said through the
placenta or a scan, a knocked-out adult tooth, a swelling on a baby's head, a toddler found with tablets, milestones,
flat heads, chickenpox contact in pregnancy, feeds down in bronchiolitis, birthmarks, periodic breathing, baby blues,
pulled elbow, an undescended testicle, roseola, baby acne, named heartburn and a sprain's limp."""

from __future__ import annotations

import pytest

from tools.triage.red_flags import facts_from_text
from tools.triage.vignettes import split_of_message


def _codes(text: str, locale: str = "en") -> set[str]:
    return {code for code, present in facts_from_text(text, locale).findings.items() if present}


@pytest.mark.parametrize("text", [
    "My daughter came off her scooter and hit a lamp post. Now she keeps asking what happened, every few minutes",
    "Our lad, 14, was knocked down on his bike by a van half an hour ago and his head is throbbing",
    "My 7 year old has had a temperature of 38.9 since yesterday, his knee is swollen and warm to touch",
    "My 8 year old has a temperature of 38.6 and her ankle is swollen and really hot, she won't walk on it",
    "Newborn, 2 weeks, brought up his feed twice tonight and it was dark green both times",
    "At my 20 week scan they said my placenta is low, and tonight there was fresh red blood in my knickers",
    "My 12 year old fell at football and knocked his front tooth clean out, I've put it in milk",
    "Our 5 month old rolled off the sofa, she has a swelling on the back of her head like an egg",
    "Came in to find my 3 year old with grandma's blood pressure pills, don't know how many she's had",
    "My 4 year old has been sick three times and the last one had blood streaks in it",
])
def test_emergencies_said_in_lay_words_reach_the_emergency_split(text: str) -> None:
    assert split_of_message(text, "en") == "emergency"


@pytest.mark.parametrize("text", [
    "My 8 month old can't hold her head up properly and isn't sitting at all yet",
    "My 3 year old only says about ten words and nursery staff can't understand him",
    "Our 3 year old keeps walking on his tiptoes, is that something to get checked",
    "My 5 month old's head is getting flat at the back and he always turns his head to the left",
    "I'm 16 weeks pregnant and my friend's little girl I babysat yesterday has come down with chickenpox",
    "My 7 month old has a cold and a cough and is only taking about half of her normal bottles",
    "My son has had tonsillitis six times this year and keeps missing school",
    "My 18 month old only seems to have one testicle when I change him, he's not bothered",
])
def test_see_a_doctor_worries_about_children_and_pregnancy_reach_the_doctor_split(text: str) -> None:
    assert split_of_message(text, "en") == "doctor"


@pytest.mark.parametrize("text", [
    "My 2 month old has a red mark on his forehead, it gets redder when he cries and has been there since birth",
    "My 3 week old breathes quickly for a few breaths, then pauses for about 4 seconds and then starts again, "
    "she stays a good colour",
    "I had my son 5 days ago and I keep bursting into tears for no reason, I'm bonding with him fine",
    "My toddler had a fever for 4 days, it went away yesterday and now a rash came out on his chest. He's playing",
    "My 3 week old has tiny red spots on her nose and cheeks, like baby acne, she's feeding fine",
    "I'm 24 weeks pregnant with heartburn most nights, a burning feeling behind my breastbone after dinner",
    "My 12 year old went over on her ankle at hockey, it's a little puffy and she's walking with a slight limp",
])
def test_common_harmless_child_and_pregnancy_complaints_reach_self_care(text: str) -> None:
    assert split_of_message(text, "en") == "self_care"


def test_a_toddler_who_will_not_use_an_arm_after_being_swung_is_a_pulled_elbow_not_a_stroke() -> None:
    text = "Her big brother pulled her up by the hand and she cried out. Now she won't move her right arm at all"
    codes = _codes(text)
    assert "pulled_elbow" in codes and "one_sided_weakness" not in codes
    assert split_of_message(text, "en") == "doctor"


def test_a_baby_tooth_knocked_out_is_not_the_adult_tooth_emergency() -> None:
    assert "tooth_knocked_out" in _codes("My 11 year old's adult front tooth came out when he fell off the wall")
    assert "tooth_knocked_out" not in _codes("My 4 year old fell and knocked her baby tooth out, it's bleeding a bit")


def test_named_heartburn_after_meals_is_not_chest_pain_unless_a_cardiac_sign_is_there() -> None:
    assert "chest_pain" not in _codes("reflux again, a burning sensation behind the sternum when I lie down at night")
    text = "heartburn after dinner, a burning feeling behind my breastbone, and I'm sweaty and short of breath"
    assert "chest_pain" in _codes(text)


def test_the_contact_and_tooth_findings_have_chinese_words() -> None:
    assert "infection_contact" in _codes("怀孕20周，前天接触了得水痘的外甥", "zh")
    assert "tooth_knocked_out" in _codes("孩子10岁，门牙被撞掉了", "zh")
