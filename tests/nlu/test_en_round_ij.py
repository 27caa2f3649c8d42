"""Round I/J (en): decimal temperatures are not an age and sex, a child's months are an age, lesion and gait words
are not sepsis or floppiness, joint words are not typos, and the new travel, nosebleed and swallowing findings."""

from assistant.nlu import extract_findings, extract_slots
from tools.triage.red_flags import find_red_flags


def _present(text: str) -> set[str]:
    return {f.code for f in extract_findings(text, "en") if f.present}


def test_fahrenheit_decimal_is_not_age_or_sex() -> None:
    slots = extract_slots("he has had a temperature of 101.4F since last night", "en")
    assert slots.get("age") is None and slots.get("sex") != "female"
    assert slots["temperature_c"] >= 38.0


def test_months_after_who_the_child_is_are_an_age() -> None:
    slots = extract_slots("our toddler (22 months) has had a runny nose for 3 days", "en")
    assert slots["age"] == round(22 / 12, 3)
    assert slots["duration_hours"] == 72.0


def test_blue_inhaler_and_blotchy_mole_are_not_mottled_skin() -> None:
    assert "mottled_skin" not in _present("she uses his blue inhaler a lot this week")
    assert "mottled_skin" not in _present("the freckle on my arm has a border that is blotchy now")
    assert "mottled_skin" in _present("his skin is blotchy and cold")


def test_walking_with_a_limp_is_not_floppy() -> None:
    assert "floppy" not in _present("she walks with a slight limp and says her knee hurts")
    assert "floppy" in _present("the baby went limp and pale")


def test_creaky_joints_are_not_a_croaky_voice() -> None:
    assert "hoarse_voice" not in _present("my hips are creaky in the mornings")


def test_spitting_saliva_is_drooling_emergency() -> None:
    assert "drooling" in _present("throat so sore he keeps spitting out his saliva")
    assert "drooling" in _present("I can't even swallow my own spit")


def test_fever_after_malaria_area_travel() -> None:
    hits = {h.id for h in find_red_flags("just got back from Nigeria, fever of 38.4 and a headache", "en")}
    assert "fever_after_malaria_travel_urgent" in hits
    hits = {h.id for h in find_red_flags("came back from Uganda last week, temp 39.5 and feverish", "en")}
    assert "fever_after_malaria_travel" in hits
    assert not find_red_flags("came back from Uganda last week, feeling great", "en")


def test_nosebleed_going_on_half_an_hour_is_an_emergency() -> None:
    assert {h.id for h in find_red_flags("nose has been bleeding for 30 minutes and won't stop", "en")} \
        >= {"prolonged_nosebleed"}
    assert not [h for h in find_red_flags("nosebleeds on and off for 3 weeks", "en") if h.id == "prolonged_nosebleed"]


def test_reduced_fetal_movement_lay_forms() -> None:
    assert "reduced_fetal_movement" in _present("32 weeks and the baby has hardly moved since this morning")
    assert "reduced_fetal_movement" in _present("barely felt any kicks today")


def test_food_sticking_is_dysphagia_not_chest_pain() -> None:
    found = _present("for weeks meat sticks behind my breastbone when I eat")
    assert "dysphagia" in found and "chest_pain" not in found


def test_changing_mole_and_fewer_wet_nappies() -> None:
    assert "changing_mole" in _present("a mole on my leg has got bigger and darker")
    assert "urine_less" in _present("baby has only 2 wet nappies today")
