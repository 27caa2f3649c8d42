"""Families of English phrasing closed after the outside batch Z (everyday primary care with hidden red flags), on
our own sentences: blood vomited by the cupful, numbness when wiping with trouble starting to pee, hallucinations
after stopping heavy drinking, a swollen bone behind an infected ear, pain far worse than a small wound, serotonin
syndrome on antidepressants or tramadol, a crack during sex, goodbye messages with means to hand; hyperemesis in
early pregnancy, menopause and HRT, a dark streak in a nail, a stuck tampon, daily anti-inflammatories; and the
look-alikes: a hand gone dead from lying on it, lying awake unable to sleep, "smells awful", a future date or an
outing's length read as a duration, chilblains read as a hot joint."""

from __future__ import annotations

import pytest

from assistant.nlu.quantities import find_duration_hours
from assistant.nlu.slots import find_slots
from tools.triage.red_flags import facts_from_text, find_red_flags
from tools.triage.vignettes import split_of_message


def _codes(text: str, locale: str = "en") -> set[str]:
    return {code for code, present in facts_from_text(text, locale).findings.items() if present}


@pytest.mark.parametrize("text", [
    "Was throwing up all night after the party and the final time there was a cupful of fresh blood in the bowl",
    "I've been sick twice this morning, second time it was mostly dark red blood, feel a bit shaky",
    "Sciatica again for a week, now numb in both legs and when I wipe I can't feel anything, trouble starting to pee",
    "My back's been killing me and my legs are tingling, and since this morning I'm struggling to start peeing",
    "Dad's a heavy drinker and quit drinking on Sunday. Tonight he's sweating and says there are spiders on the "
    "ceiling that aren't there",
    "My son had an ear infection last week, now the area behind his ear is red and swollen and he has a fever of 39",
    "Scratched my hand on a rose bush yesterday, today the pain is far worse than such a small scratch should be",
    "On citalopram and started tramadol this week, now I'm shaky, sweating, my legs keep twitching on their own "
    "and my temp is 38.4",
    "Heard a snap during sex and my erection went straight away, now it's swollen and bruised",
])
def test_hidden_emergencies_said_in_lay_words_reach_the_emergency_split(text: str) -> None:
    assert split_of_message(text, "en") == "emergency"


@pytest.mark.parametrize("text", [
    "11 weeks pregnant and I haven't kept any fluids down since last night, only peed once today",
    "Pretty sure I've got a tampon stuck, I can't find it and there's a nasty smell",
    "Bad hips for years, I take naproxen twice a day every day, is that alright long term",
])
def test_see_a_doctor_families_reach_the_doctor_split(text: str) -> None:
    assert split_of_message(text, "en") == "doctor"


@pytest.mark.parametrize("text", [
    "Woke up with my left arm dead because I'd been lying on my arm, it was back to normal in a few minutes",
    "Exams in 2 weeks and I can't fall asleep, I just lie there worrying about revision",
    "Each winter I get itchy, red swollen patches on my fingers, worse after I warm my hands by the fire",
])
def test_look_alikes_stay_self_care(text: str) -> None:
    assert split_of_message(text, "en") == "self_care"


def test_goodbye_messages_with_means_to_hand_are_a_suicide_plan() -> None:
    text = "Texted my mum a goodbye message and switched my phone off. I've got what I need here, tonight's the night"
    assert "suicide_plan" in {hit.id for hit in find_red_flags(text, "en")}


@pytest.mark.parametrize(("text", "code"), [
    ("I'm 51 and the hot flushes are driving me mad, is HRT worth trying?", "menopause_symptoms"),
    ("Noticed a brown band along my toenail, it is wider than in spring and I never hurt it", "nail_dark_streak"),
])
def test_routine_gp_concerns_are_recognised(text: str, code: str) -> None:
    assert code in _codes(text)


def test_how_a_discharge_smells_is_not_how_severe() -> None:
    assert find_slots("the discharge smells awful and my tummy is a bit crampy").get("severity") != "severe"


@pytest.mark.parametrize("text", ["my wedding is in 3 weeks and I've got a rash",
                                  "after a week of camping my ear itches"])
def test_a_future_date_or_an_outing_is_not_how_long_it_has_lasted(text: str) -> None:
    assert find_duration_hours(text) is None


def test_early_pregnancy_vomiting_is_a_same_day_doctor_not_a_warning_sign() -> None:
    codes = _codes("8 weeks pregnant and I can't keep anything down")
    assert {"early_pregnancy", "persistent_vomiting"} <= codes
    assert split_of_message("34 weeks pregnant and I can't keep anything down", "en") == "emergency"
