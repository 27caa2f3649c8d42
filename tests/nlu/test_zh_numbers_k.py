"""A Chinese full stop between two numbers ends a sentence ("体温37.8。25岁男"), it is not a decimal point that glues
them into "37.8.25"; a typo'd decimal ("38。5度") still reads as one number. A nursing mother's own breast complaint
does not take the baby's age as the patient's."""

from __future__ import annotations

import pytest

from assistant.nlu import extract_slots


@pytest.mark.parametrize(
    ("text", "age", "temp"),
    [
        ("腹痛一天,体温37.6。19岁女", 19.0, 37.6),
        ("体温38.5。4岁男孩,咳嗽", 4.0, 38.5),
        ("血压150/95。68岁,头晕", 68.0, None),
        ("孩子烧到39。5度", None, 39.5),
    ],
)
def test_full_stop_between_numbers(text: str, age: float | None, temp: float | None) -> None:
    slots = extract_slots(text, "zh")
    assert slots.get("age") == age
    assert slots.get("temperature_c") == temp


def test_nursing_mothers_breast_complaint_is_not_the_babys_age() -> None:
    assert "age" not in extract_slots("哺乳期，娃6周，左边乳房一块硬结又红又疼，发烧38.6", "zh")


def test_a_babys_own_fever_keeps_the_babys_age() -> None:
    # breastfed, but no breast complaint: the 6-week-old is the patient
    assert extract_slots("母乳喂养，娃6周，发烧38.6，奶水少了", "zh").get("age") == pytest.approx(6 / 52, abs=0.01)
