"""English phrase families, parser gaps and rules closed after our own blind stress set of outside-style
emergencies and look-alikes (sentences written for these tests, not taken from the stress set)."""

from __future__ import annotations

import pytest

from assistant.nlu import extract_slots
from tools.triage.red_flags import facts_from_text
from tools.triage.vignettes import split_of_message


def _split(text: str) -> str | None:
    return split_of_message(text, "en")


def _codes(text: str) -> set[str]:
    return {code for code, present in facts_from_text(text, "en").findings.items() if present}


# ------------------------------------------------------------------ gestation said without "pregnant"
@pytest.mark.parametrize(("text", "weeks"), [
    ("i'm 31 weeks and my hands have gone really puffy since lunch", 31.0),
    ("obs note: 33/40, reports reduced movements", 33.0),
    ("she is 28+4 weeks, bleeding a little", 28.0),
    ("36 weeks, banging headache and my rings won't go on", 36.0),
])
def test_gestation_shorthand_means_pregnant(text: str, weeks: float) -> None:
    slots = extract_slots(text, "en")
    assert slots.get("pregnant") is True
    assert slots.get("pregnancy_weeks") == weeks
    assert "age" not in slots


@pytest.mark.parametrize("text", [
    "im 6 weeks post op from my knee and it aches",
    "I'm 8 weeks into physio for my shoulder",
    "12 weeks, still coughing after that chest infection",
])
def test_weeks_after_an_operation_or_illness_are_not_a_pregnancy(text: str) -> None:
    assert extract_slots(text, "en").get("pregnant") is not True


@pytest.mark.parametrize("text", [
    "i'm 30 weeks and i haven't felt the baby kick since breakfast",
    "I'm 34 weeks and my bump has been hard and sore all afternoon with fresh blood in my pants",
    "34 weeks, face and fingers swelled up overnight and there's a pain under my ribs",
    "I'm 35 weeks and my blood pressure at the pharmacy was 165/112",
    "pregnant and had a fall down two steps, now bleeding a bit",
    "had my daughter 6 days ago, headache that paracetamol isn't touching",
])
def test_pregnancy_warning_signs_in_lay_words_are_emergencies(text: str) -> None:
    assert _split(text) == "emergency"


# ------------------------------------------------------------------ lay words for red-flag findings
@pytest.mark.parametrize(("text", "code"), [
    ("grandad's face has gone all droopy on the left", "face_droop"),
    ("he says it's like a tight band around his chest", "chest_pressure"),
    ("after the prawns her lips went huge", "face_lip_swelling"),
    ("he's making a whistling sound when he breathes in", "stridor"),
    ("the ventolin is doing nothing and she can hardly get any air", "severe_breathless"),
    ("the baby keeps pausing her breathing for a few seconds", "not_breathing"),
    ("his legs look blotchy and purple", "mottled_skin"),
    ("he had a fit, then another fit without waking up", "seizure"),
    ("she is on blood-thinning injections", "anticoagulant"),
    ("my brother was thrown off his dirt bike", "major_trauma"),
    ("been passing pure blood from my bottom", "bloody_stool"),
    ("the sick looked like coffee grounds", "vomiting_blood"),
    ("numbness around my back passage since my back went", "saddle_numbness"),
    ("i can't feel the toilet paper when i wipe", "saddle_numbness"),
    ("his boy's privates are hurting badly", "testicular_pain"),
    ("it hurts low down on the right of her tummy", "right_lower_pain"),
    ("his tummy hurts and he cries when he jumps", "rigid_abdomen"),
    ("haven't farted or pooed since sunday and i'm vomiting", "bowel_obstruction_signs"),
    ("she's seeing rainbow halos around lights", "vision_change"),
    ("scalded with a kettle and the skin is coming off", "severe_burn"),
    ("we were in a kitchen fire and he's coughing up soot", "severe_burn"),
    ("my toddler chewed a laundry pod", "poisoning"),
    ("the gas boiler's been on and we all have headaches and feel sick", "poisoning"),
    ("my son has cut his wrists", "self_harm_act"),
    ("the pills are counted out on the table", "suicide_means"),
    ("i'm standing on the roof of my building", "suicide_plan"),
    ("she sent a message saying goodbye for good", "suicide_plan"),
    ("we pulled her out of the river", "drowning"),
    ("he went under at the swimming baths", "drowning"),
    ("she hasn't weed since this morning", "no_urine"),
    ("the baby is completely limp", "floppy"),
    ("my baby's forehead is burning hot", "fever"),
    ("he clutched his head and said it exploded", "thunderclap_headache"),
    ("she went down like a stone and hasn't come round", "unconscious"),
])
def test_lay_phrase_families_reach_the_red_flag_finding(text: str, code: str) -> None:
    assert code in _codes(text)


@pytest.mark.parametrize("text", [
    "my 10 month old won't feed and is limp",
    "type 1 diabetic, can't keep anything down and really drowsy",
    "pulled my son out of the lake, he was under for a bit and is coughing",
    "on warfarin and banged my head on a shelf",
    "hubby says there's a band around his chest and he feels sick",
])
def test_lay_emergencies_reach_emergency(text: str) -> None:
    assert _split(text) == "emergency"


# ------------------------------------------------------------------ negation scope and typo correction
def test_a_second_predicate_is_not_denied_by_the_first_verbs_negation() -> None:
    facts = facts_from_text("she won't take her bottle and is floppy", "en")
    assert facts.findings.get("floppy") is True
    assert facts.findings.get("fever") is None


def test_lay_bowel_words_are_not_typo_corrected() -> None:
    assert "bloody_stool" in _codes("pooing blood all morning")


# ------------------------------------------------------------------ look-alikes: never an emergency
@pytest.mark.parametrize("text", [
    "I'm choking on all this paperwork, and my nose is blocked",
    "had a fit when I was a kid, nothing since; mild hay fever",
    "I want to die of embarrassment lol, anyway I have a cold sore",
    "my testicles are itchy, no pain or swelling",
    "my sunburn is peeling off, it itches",
    "I have had a lot of blood tests this year, all fine, now a mild cold",
    "my 7 year old fell off her scooter and grazed her elbow, stopped bleeding",
    "stabbed my finger with a sewing needle, tiny drop of blood",
])
def test_figures_of_speech_and_minor_versions_are_not_emergencies(text: str) -> None:
    assert _split(text) != "emergency"
