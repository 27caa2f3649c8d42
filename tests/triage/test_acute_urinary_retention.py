"""A bladder that will not empty despite a strong urge is acute urinary retention, an emergency (NHS urinary
retention; NICE CKS LUTS in men), however it is worded; ordinary urinary symptoms are not."""

from __future__ import annotations

import pytest

from tools.triage.vignettes import split_of_message


@pytest.mark.parametrize(("text", "locale"), [
    ("Grandad's had a prostate problem for years and since this morning he can't pass any water at all, "
     "his tummy is bulging and he's in agony", "en"),
    ("Desperate for a wee for hours but nothing comes out, lower tummy is hard", "en"),
    ("憋得难受就是尿不出来，已经六个小时了", "zh"),
])
def test_unable_to_pass_urine_despite_the_urge_is_an_emergency(text: str, locale: str) -> None:
    assert split_of_message(text, locale) == "emergency"


@pytest.mark.parametrize(("text", "locale"), [
    ("It stings when I pee and I keep needing to go, no fever", "en"),
    ("尿频尿急，尿的时候有点疼，不发烧", "zh"),
])
def test_ordinary_urinary_symptoms_are_not_retention(text: str, locale: str) -> None:
    assert split_of_message(text, locale) == "doctor"
