"""Families of English phrasing closed after the outside batch HH, on our own sentences: a burn measured in the
casualty's own hands or palms ("the size of two of her palms", NHS: any burn bigger than the injured person's hand
needs A&E), and a surgical wound told as "one of the cuts / keyhole scars" that is leaking, oozing or red and warm,
with the operation told as "had my gallbladder out ... days ago"."""

from __future__ import annotations

import pytest

from assistant.reply import Locale
from tools.triage.red_flags import facts_from_text, find_red_flags


def _codes(text: str, locale: Locale = "en") -> set[str]:
    return {code for code, present in facts_from_text(text, locale).findings.items() if present}


def _flags(text: str) -> set[str]:
    return {hit.id for hit in find_red_flags(text, "en")}


# ------------------------------------------------------------------ burn size in the casualty's hands

@pytest.mark.parametrize("text", [
    "She knocked the kettle over, the scald on her thigh is about the size of two of her palms",
    "Hot oil spat on his arm, blistered patch roughly the size of 3 of his hands",
    "spilt hot coffee down his tummy, the burn covers about four handprints",
])
def test_a_burn_several_hands_in_size_is_a_severe_burn(text: str) -> None:
    assert "severe_burn" in _codes(text)
    assert "severe_burn" in _flags(text)


@pytest.mark.parametrize("text", [
    "the bruise on his thigh is the size of two of my hands after the fall",
    "small burn on my finger from the oven, about the size of a coin",
])
def test_a_bruise_or_a_small_burn_is_not_a_severe_burn(text: str) -> None:
    assert "severe_burn" not in _codes(text)


# ------------------------------------------------------------------ surgical cuts leaking after an operation

@pytest.mark.parametrize("text", [
    "Had my appendix out 5 days ago and one of the keyhole scars is oozing",
    "Two of the cuts from my operation are red, hot and sore today",
    "The port sites are leaking yellowish fluid since this morning",
])
def test_leaking_or_red_surgical_cuts_are_a_wound_infection(text: str) -> None:
    assert "skin_infection" in _codes(text)


def test_an_organ_out_days_ago_is_recent_surgery_but_not_years_ago() -> None:
    assert "recent_surgery" in _codes("had my gall bladder removed a week ago, feeling ok")
    assert "recent_surgery" not in _codes("had my gall bladder removed years back, feeling ok")


def test_healing_cuts_from_gardening_are_not_an_infection() -> None:
    assert "skin_infection" not in _codes("a few cuts on my hands from gardening, healing fine")
