"""English parser gaps closed after the outside batches E and G: clinical-note temperatures, a denial that ends at a
closing bracket, a note's "asymptomatic - no ..." list, and plurals that the typo corrector must leave alone."""

from __future__ import annotations

import pytest

from assistant.nlu import extract_findings
from assistant.nlu.findings import symptom_matcher
from assistant.nlu.quantities import find_temperature_c


def _present(text: str) -> dict[str, bool]:
    return {f.code: f.present for f in extract_findings(text, "en")}


@pytest.mark.parametrize("text,expected", [
    ("obs: t 38.9, hr 112, rr 22", 38.9),
    ("T: 37.4 this morning", 37.4),
    ("tmax 39.6 overnight", 39.6),
    ("T=40.1C", 40.1),
])
def test_clinical_note_temperature(text: str, expected: float) -> None:
    assert find_temperature_c(text.lower()) == expected


@pytest.mark.parametrize("text", ["part 3 of 38", "we're at 38 weeks", "don't 39 me", "t 3"])
def test_a_bare_t_is_not_a_temperature(text: str) -> None:
    assert find_temperature_c(text) is None


def test_a_denial_inside_brackets_does_not_reach_past_them() -> None:
    found = _present("nurse here (34m, no allergies): chest pain radiating to the jaw")
    assert found.get("chest_pain") is True


def test_asymptomatic_opens_an_unmarked_list_of_denials() -> None:
    found = _present("asymptomatic - no palpitations, chest pain, breathlessness")
    assert found.get("chest_pain") is False
    assert found.get("palpitations") is False


def test_a_plain_unmarked_list_after_no_still_keeps_the_later_symptom() -> None:
    assert _present("no cough, chest pain since lunch").get("chest_pain") is True


def test_plural_of_a_lexicon_word_is_not_corrected_as_a_typo() -> None:
    lexicon, _ = symptom_matcher()
    assert lexicon.correct_typos("i wear monthly contacts") == "i wear monthly contacts"
    assert lexicon.correct_typos("vomitting since noon") == "vomiting since noon"
