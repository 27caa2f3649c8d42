"""A caesarean or perineal wound after the birth that seeps coloured fluid ("黄色的液体", "浑浊的水") is a wound
discharge and, after the birth, an emergency (CDC Hear Her; team rule), told however far from the wound word;
a denial stays a denial and a plain sore wound stays below emergency."""

from __future__ import annotations

import pytest

from assistant.nlu import extract_findings
from tools.triage.vignettes import split_of_message


def _codes(text: str) -> set[str]:
    return {f.code for f in extract_findings(text, "zh") if f.present}


@pytest.mark.parametrize("text", [
    "剖宫产第八天，切口靠左边一段红红的，往外渗一点黄色的液体，不发烧",
    "顺产侧切两周，缝合处下面一点有浑浊的水渗出来，有点疼",
])
def test_coloured_fluid_from_a_wound_after_the_birth_is_an_emergency(text: str) -> None:
    assert "wound_discharge" in _codes(text)
    assert split_of_message(text, "zh") == "emergency"


@pytest.mark.parametrize("text", [
    "剖宫产第八天，刀口有点疼，没有黄色的液体，也不红",
    "剖宫产一周，刀口还有点疼，别的都好",
])
def test_a_sore_wound_without_discharge_is_not_a_discharge(text: str) -> None:
    assert "wound_discharge" not in _codes(text)
    assert split_of_message(text, "zh") != "emergency"
