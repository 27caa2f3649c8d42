"""English negation across commas, word endings, and frequencies or ages read as durations (outside batch D)."""

from __future__ import annotations

import pytest

from assistant.nlu import extract_findings, extract_slots
from assistant.nlu.matcher import Lexicon


def _findings(text: str) -> dict[str, bool]:
    return {f.code: f.present for f in extract_findings(text, "en")}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a comma with no "or" ahead is two statements, not a list: the second is not denied
        ("no fever, chest pain since this morning", "chest_pain"),
        ("No cough, blood in my stool today", "bloody_stool"),
        ("not dizzy, lips swelling up", "face_lip_swelling"),
        ("no vomiting, severe headache for an hour", "headache"),
        # "just" opens what is there after a list of what is not
        ("no vomiting or diarrhoea, just tummy ache", "abdominal_pain"),
    ],
)
def test_a_denial_does_not_run_on_past_a_comma_without_a_list(text: str, code: str) -> None:
    assert _findings(text).get(code) is True


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("no fever, cough or rash", {"fever", "cough", "rash"}),
        # an "or" list with a three-word item
        ("no fever, shortness of breath or chest pain", {"fever", "breathless", "chest_pain"}),
        # a clinical cue opens a list without "or"
        ("Denies chest pain, shortness of breath, palpitations.", {"chest_pain", "breathless", "palpitations"}),
    ],
)
def test_a_marked_list_is_denied_to_its_end(text: str, codes: set[str]) -> None:
    found = _findings(text)
    assert all(found.get(code) is False for code in codes), found


def test_plural_and_past_endings_follow_english_spelling() -> None:
    lexicon = Lexicon({"immunosuppressed": ["hiv"], "rash": ["rash"], "bruise": ["bruise"]})
    assert not lexicon.find("a few hives on my arms")  # "hiv" + "es" is not a word form of "hiv"
    assert {m.code for m in lexicon.find("rashes all over, bruised arm")} == {"rash", "bruise"}
    assert "immunosuppressed" not in _findings("I've got hives after a new washing powder")


def test_frequencies_and_written_ages_are_not_durations() -> None:
    assert extract_slots("my son 6 years having cold and cough since 2 days", "en")["duration_hours"] == 48
    assert "duration_hours" not in extract_slots("heartburn about once a month after big meals", "en")
    assert extract_slots("inhaler 3 times a day for 2 days", "en")["duration_hours"] == 48
    assert extract_slots("cough x 3 days", "en")["duration_hours"] == 72
