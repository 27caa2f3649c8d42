"""Red flags in one message: zh and en, lay wording, negation, reports about someone else, context flags."""

from __future__ import annotations

import pytest

from tools.triage.red_flags import RedFlagHit, find_red_flags


def _ids(text: str) -> set[str]:
    return {hit.id for hit in find_red_flags(text)}


def _emergency(text: str) -> bool:
    return any(hit.level in ("emergency_ambulance", "emergency") for hit in find_red_flags(text))


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("嘴歪了", "stroke"),
        ("我爸说话不清楚，右手没力气", "stroke"),
        ("My mum's face is drooping on one side and she can't lift her arm", "stroke"),
        ("his speech is slurred all of a sudden", "stroke"),
        ("胸口像压了块石头", "heart_attack"),
        ("crushing pain in my chest going down my left arm", "heart_attack"),
        ("胸痛，还出了一身冷汗", "heart_attack"),
        ("I can't breathe", "severe_breathing"),
        ("喘不上气，嘴唇发紫", "severe_breathing"),
        ("my throat is closing up after I ate shrimp", "anaphylaxis"),
        ("吃了花生以后嘴唇肿了，喘不过气", "anaphylaxis"),
        ("she is confused and has a high fever", "sepsis"),
        ("发烧，脖子僵硬，低不了头", "meningitis"),
        ("rash that doesn't fade when I press a glass on it", "meningitis"),
        ("worst headache of my life, came on suddenly", "thunderclap_headache"),
        ("他晕过去了，叫不醒", "unconscious"),
        ("my son is having a seizure", "unconscious"),
        ("吐血了", "gi_bleeding"),
        ("my poop is black and tarry", "gi_bleeding"),
        ("孩子误服了一整瓶药", "poisoning"),
        ("my 2 month old has a fever of 38.5", "infant_fever_under_3_months"),
        ("宝宝出生40天，发烧38度2", "infant_fever_under_3_months"),
        ("my 6 week old baby feels hot, thermometer says 100.8F", "infant_fever_under_3_months"),
        ("怀孕32周，阴道出血", "pregnancy_bleeding"),
        ("I'm 30 weeks pregnant and the baby isn't moving as much", "pregnancy_warning_signs"),
        ("孕28周，头痛得厉害，眼前冒金星", "pregnancy_warning_signs"),
    ],
)
def test_finds_red_flag(text: str, flag: str) -> None:
    assert flag in _ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "no chest pain",
        "他没有昏迷",
        "I have a cold, no fever",
        "我头疼，没有发烧，也不呕吐",
        "no fever, stiff neck or rash",
        "没有胸痛，也不气短",
        "I'm fit and healthy, just a runny nose",
        "嗓子疼两天了，不发烧",
        "my 2 year old has a fever of 38.5 but is playing",
        "I have hay fever and itchy eyes",
        "she denies any chest pain or shortness of breath",
        "",
    ],
)
def test_no_emergency(text: str) -> None:
    assert not _emergency(text)


def test_hit_carries_bilingual_label_advice_source_and_evidence() -> None:
    hits = find_red_flags("嘴歪了，说话也不清楚")
    assert hits
    hit = hits[0]
    assert isinstance(hit, RedFlagHit)
    assert hit.level == "emergency_ambulance"
    assert hit.label["zh"] and hit.label["en"] and hit.advice["zh"] and hit.advice["en"]
    assert hit.source
    assert "嘴歪" in hit.evidence


def test_contrast_ends_negation() -> None:
    assert "heart_attack" in _ids("no fever but crushing chest pain")
    assert "stroke" in _ids("没有头痛，但是突然嘴歪了")


def test_infant_3_to_6_months_is_urgent_not_emergency() -> None:
    hits = find_red_flags("my 4 month old has a temperature of 39.2")
    assert [hit.level for hit in hits] == ["consultation_24"]


def test_most_urgent_first() -> None:
    hits = find_red_flags("he fainted and now he is not breathing")
    assert hits[0].level == "emergency_ambulance"


def test_bad_input_is_a_clear_error() -> None:
    with pytest.raises(TypeError, match="str"):
        find_red_flags(None)  # type: ignore[arg-type]
