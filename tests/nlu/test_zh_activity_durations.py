"""A length of time that belongs to an activity ("连续加班一周", "出差半个月", "熬夜三天") is not how long the
complaint has lasted; the complaint's own duration still is."""

from __future__ import annotations

import pytest

from assistant.nlu.normalize import normalize
from assistant.nlu.quantities import find_duration_hours


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        ("连续加班一周，今天开始头疼", 8),  # the headache started today, not a week ago
        ("出差半个月回来，咳嗽两天了", 48),
        ("熬夜复习了三天，昨天开始嗓子疼", 24),
        ("带娃一个月没睡好，这两天腰疼", 48),
        ("头疼一周了", 168),  # the complaint's own week still counts
        ("发烧半天了", 12),
    ],
)
def test_activity_time_is_not_the_complaints_duration(text: str, hours: float) -> None:
    assert find_duration_hours(normalize(text)) == hours


@pytest.mark.parametrize(
    ("text", "years", "hours"),
    [
        ("宝宝五个半月，发烧38.6", 5.5 / 12, None),  # "N个半月" after the baby is an age, not half a month
        ("咳嗽三个半月了", None, 3.5 * 720),  # and on its own a duration
        ("女儿2个月零5天，吐奶", 2 / 12, None),  # both parts of "2个月零5天" are the age
        ("我家老三八个多月，拉肚子一天", 8 / 12, 24),  # 老三 names the child; its 三 is not part of the number
        ("发烧第四天了", None, 96),  # "第四天" is still how long it has lasted
    ],
)
def test_zh_infant_age_forms(text: str, years: float | None, hours: float | None) -> None:
    from assistant.nlu.quantities import find_age_years

    text = normalize(text)
    age = find_age_years(text)
    assert (age is None) if years is None else (age is not None and abs(age - years) < 0.01)
    assert find_duration_hours(text) == hours


@pytest.mark.parametrize(
    ("text", "pregnant"),
    [
        ("例假晚了一周，验孕棒一条杠", False),
        ("测孕试纸是阴性，月经还没来", False),
        ("验孕两道杠，下面有点出血", True),
    ],
)
def test_a_negative_pregnancy_test_is_not_pregnancy(text: str, pregnant: bool) -> None:
    from assistant.nlu import extract_findings

    found = {f.code for f in extract_findings(text, "zh") if f.present}
    assert ("pregnant" in found) is pregnant
