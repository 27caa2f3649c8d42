"""Families of English (and matching Chinese) phrasing closed after the outside batch W (our own sentences):
reduced fetal movements told as "usually busy, now quiet", adrenal crisis, a diabetic foot ulcer with fever, shingles
on one side of the face, spreading cellulitis, steroid thirst, a raised HbA1c in mmol/mol, and the ACE-inhibitor
cough."""

from __future__ import annotations

import pytest

from assistant.nlu.quantities import find_temperature_c
from tools.triage.red_flags import facts_from_text
from tools.triage.vignettes import split_of_message


def _codes(text: str, locale: str = "en") -> set[str]:
    return {code for code, present in facts_from_text(text, locale).findings.items() if present}


@pytest.mark.parametrize("text", [
    "I'm 36 weeks pregnant. The baby usually goes wild after my tea, yet tonight hardly anything at all",
    "34 weeks pregnant and I've scarcely felt a movement since lunchtime today",
    "Pregnant with twins, 31 weeks. Drank iced water and lay on my left side, still very little",
])
def test_a_quiet_baby_in_pregnancy_is_an_emergency(text: str) -> None:
    assert split_of_message(text, "en") == "emergency"


def test_a_cold_drink_that_does_not_help_heartburn_is_not_a_quiet_baby() -> None:
    assert "reduced_fetal_movement" in _codes("29 weeks pregnant, had a cold drink, still very little movement")
    assert "reduced_fetal_movement" not in _codes("29 weeks pregnant, had a cold drink, still have heartburn")


@pytest.mark.parametrize(("text", "locale"), [
    ("My wife has Addison's disease; she's been throwing up since midnight and feels faint when she stands", "en"),
    ("He has hypopituitarism and carries a steroid emergency card. Two bouts of diarrhoea and vomiting today", "en"),
    ("我有艾迪生病，一直在吃氢化可的松，今天吐了三次，站起来头晕", "zh"),
])
def test_vomiting_with_adrenal_insufficiency_is_an_adrenal_crisis(text: str, locale: str) -> None:
    assert split_of_message(text, locale) == "emergency"


def test_hydrocortisone_tablets_not_cream_are_adrenal_insufficiency() -> None:
    assert "adrenal_insufficiency" in _codes("I take hydrocortisone tablets twice a day for my adrenals")
    assert "adrenal_insufficiency" not in _codes("I put hydrocortisone cream on my eczema and was sick once")


@pytest.mark.parametrize(("text", "temp"), [
    ("she's running 38.4 and off her food", 38.4),
    ("he was spiking at 39.1 overnight", 39.1),
])
def test_running_or_spiking_a_reading_is_a_temperature(text: str, temp: float) -> None:
    assert find_temperature_c(text) == temp


def test_a_diabetic_foot_ulcer_with_fever_is_an_emergency() -> None:
    text = ("My husband has type 2 diabetes. The ulcer under his big toe won't heal, the foot is now red and hot "
            "and he's running 38.2")
    assert split_of_message(text, "en") == "emergency"


@pytest.mark.parametrize("text", [
    "Nan is 81, painful blisters came up on the right side of her scalp this morning",
    "Sore spots on the left side of my chest, with a burning feeling around them",
])
def test_a_painful_one_sided_blistering_rash_is_shingles_seen_within_a_day(text: str) -> None:
    assert "shingles" in _codes(text)
    assert split_of_message(text, "en") == "doctor"


@pytest.mark.parametrize("text", [
    "Angry, swollen and tender area on his forearm that's larger than yesterday",
    "pink, warm and sore patch on my thigh, I drew around it last night and it has spread past that now",
])
def test_a_warm_tender_patch_that_grows_is_a_spreading_skin_infection(text: str) -> None:
    assert {"skin_infection", "spreading_redness"} <= _codes(text)
    assert split_of_message(text, "en") == "doctor"


def test_long_term_prednisolone_is_a_weakened_immune_system() -> None:
    assert "immunosuppressed" in _codes("I've taken prednisolone for my asthma for three years")


@pytest.mark.parametrize("text", [
    "I'm so thirsty these days and I'm up to the loo to pee three times every night",
    "Getting up twice in the night to wee, and I'm drinking loads more than I used to",
])
def test_new_thirst_with_night_time_weeing_sees_a_doctor(text: str) -> None:
    assert "thirst_polyuria" in _codes(text)
    assert split_of_message(text, "en") == "doctor"


@pytest.mark.parametrize("text", [
    "Type 2 diabetic. My latest HbA1c was 68 mmol/mol",
    "I've got type 1 and my a1c keeps creeping up despite my best efforts",
])
def test_a_raised_hba1c_in_known_diabetes_sees_a_doctor(text: str) -> None:
    assert split_of_message(text, "en") == "doctor"


def test_an_hba1c_on_target_is_not_a_raised_result() -> None:
    assert "raised_sugar_test" in _codes("Type 2, my A1c was 62 in the spring. Got a cold.")
    assert "raised_sugar_test" not in _codes("Type 2, well controlled, my A1c was 50 in the spring. Got a cold.")


@pytest.mark.parametrize(("text", "locale"), [
    ("Since starting lisinopril for blood pressure I've had an irritating dry cough every day", "en"),
    ("吃依那普利降压以后一直干咳，别的都还好", "zh"),
])
def test_a_cough_on_an_ace_inhibitor_sees_a_doctor(text: str, locale: str) -> None:
    assert split_of_message(text, locale) == "doctor"
