"""Numbers, temperatures, durations and ages in zh and en."""

from __future__ import annotations

import pytest

from assistant.nlu.normalize import normalize
from assistant.nlu.quantities import find_age_years, find_duration_hours, find_temperature_c, zh_to_number


@pytest.mark.parametrize(("text", "value"), [("三", 3), ("十二", 12), ("三十八", 38), ("一百零三", 103), ("两", 2),
                                             ("38", 38), ("", None), ("abc", None)])
def test_zh_numbers(text: str, value: float | None) -> None:
    assert zh_to_number(text) == value


@pytest.mark.parametrize(
    ("text", "celsius"),
    [
        ("发烧38度5", 38.5),
        ("体温三十九度", 39.0),
        ("烧到39.2", 39.2),
        ("fever of 101.3F", 38.5),
        ("temp 102", 38.9),
        ("38.7°C", 38.7),
        ("39℃", 39.0),
        ("a temperature of 100.4 degrees", 38.0),
        ("I walked 38 km", None),
        ("no numbers here", None),
    ],
)
def test_temperature(text: str, celsius: float | None) -> None:
    assert find_temperature_c(normalize(text)) == celsius


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        ("三天了", 72),
        ("两周", 336),
        ("半个月", 360),
        ("两个多月了", 2.5 * 720),
        ("十来天", 10.5 * 24),
        ("for 3 days", 72),
        ("for a week", 168),
        ("since yesterday", 24),
        ("since this morning", 8),
        ("a couple of days", 48),
        ("昨天开始", 24),
        ("nothing about time", None),
    ],
)
def test_duration(text: str, hours: float | None) -> None:
    assert find_duration_hours(normalize(text)) == hours


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("my 3-month-old", 0.25),
        ("my 6 week old baby", round(6 / 52, 3)),
        ("a 45 year old man", 45),
        ("I'm 25", 25),
        ("70yo male", 70),
        ("宝宝8个月大", round(8 / 12, 3)),
        ("宝宝一个半月", round(1.5 / 12, 3)),
        ("孩子三岁", 3),
        ("我妈妈70多岁", 75),
        ("出生40天", round(40 / 365, 3)),
        ("新生儿", 0.02),
        ("腰疼两个多月了", None),  # a duration, not an age
        ("发烧三天了", None),
    ],
)
def test_age(text: str, years: float | None) -> None:
    assert find_age_years(normalize(text)) == years


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("宝宝刚满2个月，发烧", 0.167),
        ("孩子快满6个月了，拉肚子三天", 0.5),
        ("宝宝还不到3个月，咳嗽", 0.25),
        ("女儿才满40天，吐奶", 0.11),
    ],
)
def test_zh_age_with_man_or_almost_is_an_age(text: str, years: float) -> None:
    text = normalize(text)
    assert find_age_years(text) == pytest.approx(years, abs=0.01)
    duration = find_duration_hours(text)
    assert duration is None or duration < 24 * 30  # the baby's age is not how long it has been ill
