"""English negation scope, real words that look like typos, and clinical shorthand (outside vignette batches)."""

from __future__ import annotations

import pytest

from assistant.nlu import extract_findings, extract_slots
from assistant.nlu.matcher import Lexicon


def _present(text: str) -> set[str]:
    return {f.code for f in extract_findings(text, "en") if f.present}


def _denied(text: str) -> set[str]:
    return {f.code for f in extract_findings(text, "en") if not f.present}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a remedy that did not work does not deny what follows
        ("bad headache that paracetamol hasn't touched, seeing flashing lights", "vision_change"),
        ("the ibuprofen didn't help the headache", "headache"),
        # a comparison is not a denial
        ("it's not like my usual migraine", "headache"),
        # a verb after a comma opens a new clause
        ("no fever, feeling dizzy", "dizziness"),
        # "and" + a subject opens a new clause
        ("the tablets didn't work and she is vomiting", "vomiting"),
        # a term carrying its own cue is not undone by an earlier one
        ("not dizzy, can't breathe properly", "severe_breathless"),
        ("she's not confused, hasn't had a wee since yesterday", "no_urine"),
    ],
)
def test_a_cue_out_of_scope_does_not_hide_a_finding(text: str, code: str) -> None:
    assert code in _present(text)


def test_a_list_with_a_two_word_item_is_denied_to_its_end() -> None:
    denied = _denied("No haemoptysis, fever, weight loss or dyspnoea.")
    assert {"coughing_blood", "fever", "weight_loss", "breathless"} <= denied
    assert {"cough", "rash"} <= _denied("no fever, cough or rash")


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("was cooking and burned my finger on the oven tray", "choking"),
        ("i am certain it came on after lunch, just a mild headache", "vision_loss"),  # not "curtain"
        ("my son is in prison and i have a headache", "poisoning"),  # not "poison"
    ],
)
def test_real_words_are_not_corrected_into_symptoms(text: str, absent: str) -> None:
    assert absent not in _present(text)


def test_known_words_are_left_alone_and_typos_still_corrected() -> None:
    lexicon = Lexicon({"choking": ["choking"], "vomiting": ["vomiting"]}, known_words=["cooking"])
    assert lexicon.correct_typos("cooking and vomitting") == "cooking and vomiting"
    assert Lexicon({"choking": ["choking"]}).correct_typos("cooking") == "choking"  # without the list


def test_clinical_shorthand_and_written_down_ages() -> None:
    slots = extract_slots("writing for my husband: 50M, 5/52 cough, smoker", "en")
    assert slots["duration_hours"] == 840 and slots["age"] == 50
    slots = extract_slots("my son 16 says his throat is agony, temp 102F", "en")
    assert slots["age"] == 16 and slots["temperature_c"] == pytest.approx(38.9, abs=0.1)
    assert extract_slots("my daughter (6) has had temps for 4 days", "en")["age"] == 6
    assert "duration_hours" not in extract_slots("pain 7/10", "en")
