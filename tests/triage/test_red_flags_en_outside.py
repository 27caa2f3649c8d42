"""English red flags from outside-written vignettes (issue #4): lay and clinical wording the team had not seen, and
harmless uses of scary words that must not raise an emergency."""

from __future__ import annotations

import pytest

from tools.triage.engine import assess
from tools.triage.red_flags import facts_from_text, find_red_flags


def _ids(text: str) -> set[str]:
    return {hit.id for hit in find_red_flags(text, "en")}


def _emergency(text: str) -> bool:
    return any(hit.level in ("emergency_ambulance", "emergency") for hit in find_red_flags(text, "en"))


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("heavy feeling in my upper tummy going up into my jaw, sweating buckets and feel sick", "heart_attack"),
        ("49F with epigastric discomfort radiating to the back and left arm, diaphoretic", "heart_attack"),
        ("i dont see the point anymore, ive been saving up my mums sleeping tablets to take them all tonight",
         "suicide_plan"),
        ("our 3 yr old has had vomiting for 2 days and hasnt done a wee since last night", "child_serious_illness"),
        ("she can only get 1 or 2 words out at a time and her lips are looking a bit blue", "severe_breathing"),
        ("a bit of metal flew into his right eye while he was hammering", "eye_emergency"),
        ("struck in the right eye by a squash ball, blood in front of the iris", "eye_emergency"),
        ("34 weeks pregnant, headache paracetamol hasnt touched, seeing flashing lights", "pregnancy_warning_signs"),
        ("gf took a load of her antidepressants and is really drowsy", "poisoning"),
        ("cut my leg on glass, blood is pumping out and won't stop", "severe_bleeding"),
        ("suddenly lost the vision in my right eye this morning", "sudden_vision_loss"),
    ],
)
def test_finds_red_flag(text: str, flag: str) -> None:
    assert flag in _ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "cooking and burned my finger slightly on the oven tray lol, red and stings",
        "took my pills this morning as usual, just a mild headache",
        "I forgot my pills, can I take them all tonight?",
        "I think I have food poisoning, been sick twice",
        "can't breathe through my nose because of this cold",
        "dying to know if i can take ibuprofen alongside my lemsip",
        "heart broken after my breakup, but my throat is a bit sore",
        "legs are killing me after leg day, i could literally die walking down the stairs lol",
        "i'm drowning in work and have a headache",
        "feel like i'm going to die of boredom, sore throat",
        "my son is choking with laughter",
        "hard to swallow food with this tonsillitis but he can swallow his spit, no trouble breathing",
        "i broke my glasses and now i have a headache",
        "my blood pressure keeps coming back high at the GP",
        "i've got a pain in my eye and it's a bit red",
        "my whole arm aches after the flu jab",
    ],
)
def test_harmless_words_raise_no_emergency(text: str) -> None:
    assert not _emergency(text)


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("period cramps day 1, same as every month, ibuprofen and a hot water bottle helping. not pregnant",
         "self_care"),
        ("hungover af. headache, feel sick, only threw up once this morning, keeping water down now", "self_care"),
        ("my husband has a cold sore on his lip again, tingled yesterday now a small blister", "self_care"),
        ("mild watery diarrhoea without blood for a day, no fever, drinking fine", "self_care"),
        ("A 25-year-old woman with 6 weeks amenorrhoea and unilateral lower abdominal pain and vaginal spotting",
         "emergency"),
    ],
)
def test_levels_of_outside_wording(text: str, level: str) -> None:
    assert assess(facts_from_text(text, "en")).level == level
