"""Families of English phrasing closed after the outside batch FF, on our own sentences: a first fit told the way
parents say it ("first ever fit", "shaking fit", "fitted for four minutes"), real words the typo corrector used to
turn into other lexicon words ("after starting penicillin" read as "staring"), a child with a fever who limps or
will not stand on a leg, peeing less (not "no urine at all"), an older person dry and dizzy with diarrhoea, white
spots or pus on the tonsils with no "his/her", food that is too painful to swallow, and a little breathlessness on
effort with swollen ankles in known heart failure."""

from __future__ import annotations

import pytest

from assistant.nlu.findings import symptom_matcher
from tools.triage.red_flags import facts_from_text, find_red_flags
from tools.triage.vignettes import split_of_message


def _codes(text: str) -> set[str]:
    return {code for code, present in facts_from_text(text, "en").findings.items() if present}


def _flags(text: str) -> set[str]:
    return {hit.id for hit in find_red_flags(text, "en")}


# ------------------------------------------------------------------ a first fit

@pytest.mark.parametrize("text", [
    "My niece is 3, she just had her first ever fit at nursery and now she's very sleepy",
    "Son aged 4 had a shaking fit this afternoon, never happened before",
    "He fitted for about four minutes, stiff then jerking, he's 18 months",
    "Toddler, temperature 39, then a fit with jerking of both arms, over now",
    "His first proper fit was an hour ago, he is 7 and back to normal now",
])
def test_a_first_fit_in_everyday_words_is_a_seizure_emergency(text: str) -> None:
    assert "seizure" in _codes(text)
    assert "unconscious" in _flags(text)


@pytest.mark.parametrize("text", [
    "I'm fit and well, just a sore knee after football",
    "Started a keep fit class and my thighs ache",
])
def test_being_fit_is_not_a_seizure(text: str) -> None:
    assert "seizure" not in _codes(text)


# ------------------------------------------------------------------ real words are not typos

@pytest.mark.parametrize("word", ["starting", "starving", "corner", "weekly", "sending", "staying", "painting",
                                  "slower", "checks", "recover"])
def test_common_words_are_not_corrected_into_other_lexicon_words(word: str) -> None:
    lexicon, _ = symptom_matcher()
    assert lexicon.correct_typos(word) == word


@pytest.mark.parametrize("text", [
    "Came out in a blotchy rash two days after starting penicillin, very itchy, lips fine, breathing ok",
    "Itchy red rash on his tummy since starting the antibiotics the dentist gave him, no swelling",
    "Spotty itchy rash on her back since she began flucloxacillin on Tuesday, breathing normal",
])
def test_a_rash_after_starting_a_new_medicine_is_a_same_day_doctor(text: str) -> None:
    assert "medicine_reaction" in _codes(text)
    assert split_of_message(text, "en") == "doctor"


# ------------------------------------------------------------------ a child with a fever and a limp

@pytest.mark.parametrize("text", [
    "My boy aged 9 won't put weight on his right leg and feels really hot, 38.9, no injury",
    "Grandson is 3, temp 38.7 and he refuses to stand on his left leg this morning, no knock or fall",
    "Daughter is 5, limping and now not weight bearing at all, temp 38.4, she didn't fall",
])
def test_a_feverish_child_who_will_not_stand_on_a_leg_goes_to_the_emergency_department(text: str) -> None:
    assert "non_weight_bearing" in _codes(text)
    assert split_of_message(text, "en") == "emergency"


@pytest.mark.parametrize("text", [
    "My 6 year old has had a slight limp for two days, no fever, no fall",
    "Daughter is 5, she's been limping a bit since yesterday and is a little feverish, she didn't fall",
])
def test_a_limp_still_walked_on_stays_a_same_day_doctor(text: str) -> None:
    assert split_of_message(text, "en") == "doctor"


# ------------------------------------------------------------------ peeing less is not passing no urine

@pytest.mark.parametrize("text", [
    "He's hardly done any wees today",
    "Barely weeing since this morning",
    "She has passed very little urine",
])
def test_peeing_less_is_urine_less_not_no_urine(text: str) -> None:
    codes = _codes(text)
    assert "urine_less" in codes
    assert "no_urine" not in codes


def test_a_school_age_child_with_a_tummy_bug_and_fewer_wees_is_a_same_day_doctor() -> None:
    text = "My 6 year old has had sickness and diarrhoea since Monday, hardly any wees and his lips are dry"
    assert split_of_message(text, "en") == "doctor"


def test_no_wee_at_all_is_still_no_urine() -> None:
    assert "no_urine" in _codes("My son hasn't done a wee since breakfast and it's now bedtime")


def test_an_older_person_peeing_little_who_cannot_keep_sips_down_is_an_emergency() -> None:
    text = ("Dad is 83, sick and diarrhoea for four days, he can hardly keep small sips of water down and has done "
            "hardly any wees since yesterday")
    codes = _codes(text)
    assert {"persistent_vomiting", "urine_less"} <= codes
    assert split_of_message(text, "en") == "emergency"


def test_an_older_person_peeing_less_but_still_drinking_is_a_same_day_doctor() -> None:
    text = ("Dad is 83, diarrhoea for four days, hardly any urine since yesterday, his tongue is really dry and he "
            "goes a bit dizzy when he gets up, but he's drinking tea fine")
    assert "dehydration" in _codes(text)
    assert split_of_message(text, "en") == "doctor"


# ------------------------------------------------------------------ tonsils and swallowing

@pytest.mark.parametrize("text", [
    "Really sore throat, white patches on tonsils, temp 38.2",
    "Throat agony and there's pus on tonsils",
])
def test_spots_or_pus_on_tonsils_with_no_determiner_are_tonsil_exudate(text: str) -> None:
    codes = _codes(text)
    assert "tonsil_exudate" in codes
    assert "rash" not in codes
    assert "skin_infection" not in codes


@pytest.mark.parametrize("text", [
    "Tonsillitis for 3 days, fever, I can't swallow any food, water goes down ok",
    "Sore throat since Friday, too painful to swallow solid food, temp 38",
])
def test_food_too_painful_to_swallow_is_a_same_day_doctor_not_a_closing_throat(text: str) -> None:
    codes = _codes(text)
    assert "throat_swelling" not in codes
    assert "dysphagia" in codes
    assert split_of_message(text, "en") == "doctor"


def test_saliva_that_will_not_go_down_stays_an_emergency() -> None:
    assert split_of_message("Sore throat and I can't swallow my own saliva, drooling", "en") == "emergency"


# ------------------------------------------------------------------ heart failure, ankles and a little breathlessness

@pytest.mark.parametrize("text", [
    "I have heart failure, my feet and ankles are puffier this week and I'm a little out of breath walking up hills",
    "Known heart failure, legs more swollen, slightly breathless on the stairs",
    "Heart failure patient, ankles up like balloons again, a bit breathless going upstairs but fine sitting",
])
def test_swollen_ankles_with_a_little_breathlessness_on_effort_in_heart_failure_is_a_same_day_doctor(text: str) -> None:
    assert "breathless_exertion" in _codes(text)
    assert split_of_message(text, "en") == "doctor"


@pytest.mark.parametrize("text", [
    "Ankles very swollen and I'm short of breath sitting in my chair",
    "30 weeks pregnant, swollen ankles and a bit breathless walking",
])
def test_swollen_ankles_with_breathlessness_at_rest_or_in_pregnancy_stay_an_emergency(text: str) -> None:
    assert split_of_message(text, "en") == "emergency"
