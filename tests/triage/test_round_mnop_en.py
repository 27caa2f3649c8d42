"""English phrasing families closed after the second round on outside batches M-P (our own sentences)."""

from __future__ import annotations

import pytest

from assistant.nlu import extract_findings, extract_slots
from assistant.nlu.findings import symptom_matcher
from tools.triage.vignettes import split_of_message


def _split(text: str) -> str | None:
    return split_of_message(text, "en")


def _present(text: str) -> set[str]:
    return {f.code for f in extract_findings(text, "en") if f.present}


@pytest.mark.parametrize("text", [
    "He isn't drinking any more than normal and he's not peeing more at night either",
    "Not eating more than usual, not weeing extra, I just wet the bed once",
])
def test_denied_excess_is_not_poor_intake_or_no_urine(text: str) -> None:
    found = _present(text)
    assert not found & {"not_feeding", "no_urine", "thirst_polyuria"}


@pytest.mark.parametrize(("text", "celsius"), [
    ("Had his booster this morning and now he's 38.3, still playing", 38.3),
    ("She was 38.6 at bedtime after her injections", 38.6),
    ("baby has a fever 38.2-39.1 on and off", 39.1),
])
def test_bare_or_ranged_reading_is_a_temperature(text: str, celsius: float) -> None:
    assert extract_slots(text, "en").get("temperature_c") == celsius


def test_third_day_of_fever_is_a_duration() -> None:
    assert extract_slots("it's the fourth day of his fever now", "en").get("duration_hours") == 72
    assert extract_slots("day 3 of this cough", "en").get("duration_hours") == 48


@pytest.mark.parametrize("text", [
    "My wrist is warm and puffy after the fall",
    "The insect bite on his arm is red and hot to the touch",
])
def test_local_heat_is_not_a_fever(text: str) -> None:
    assert "fever" not in _present(text)


@pytest.mark.parametrize("text", [
    "I'm 31, there's a stabbing pain in one small spot on my chest and it hurts when I push on it, breathing ok",
    "24 year old, ribs on the right sore to touch since I lifted a fridge, twisting makes it worse, no breathlessness",
    "Took a knee to the ribs at rugby, rib is tender when I press it, I'm 19 and breathing normally",
])
def test_chest_wall_pain_in_the_young_is_self_care(text: str) -> None:
    assert "chest_wall_pain" in _present(text)
    assert _split(text) == "self_care"


def test_chest_wall_pain_with_a_cardiac_sign_stays_an_emergency() -> None:
    text = "I'm 30, pain in my chest that hurts when I press it, but I'm sweaty and it goes to my arm"
    assert "chest_wall_pain" in _present(text)
    assert _split(text) == "emergency"


def test_inflected_lexicon_words_are_not_typos() -> None:
    lexicon, _ = symptom_matcher()
    assert lexicon.correct_typos("kept spraining it") == "kept spraining it"


@pytest.mark.parametrize("text", [
    "My husband is convinced the police are watching him and says there are microphones in his car",
    "my sister hears the neighbours talking about her through the wall, nobody else can hear it",
])
def test_new_psychotic_beliefs_are_hallucinations(text: str) -> None:
    assert "hallucinations" in _present(text)
    assert _split(text) == "doctor"


def test_aches_on_a_statin_see_a_doctor() -> None:
    assert _split("Started rosuvastatin in March and now my calves ache most days, not weak at all") == "doctor"


@pytest.mark.parametrize("text", [
    "My 3 year old ran into the door frame and has a lump on her forehead, she's playing happily, no vomiting",
    "Little one walked into the corner of the table, big bump on head, cried then fine, 20 minutes ago",
])
def test_a_bump_on_the_head_is_a_head_injury(text: str) -> None:
    assert "head_injury" in _present(text)


def test_been_months_is_a_long_duration() -> None:
    assert (extract_slots("my hip has been aching, been months", "en").get("duration_hours") or 0) >= 720
