"""Understanding free-text answers: frequencies, several at once, negation, typos, commands, intro answers."""

from __future__ import annotations

import pytest

from tools.tcm.answers import (
    command,
    parse_age,
    parse_form,
    parse_frequencies,
    parse_measure,
    parse_pairs,
    parse_pregnancy,
    parse_sex,
    profile_from_text,
    remove_command_phrases,
    yes_no,
)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("3", [3]),
        ("经常", [4]),
        ("总是这样", [5]),
        ("偶尔吧", [2]),
        ("从来没有", [1]),
        ("有时候会", [3]),
        ("sometimes", [3]),
        ("Often.", [4]),
        ("ALWAYS", [5]),
        ("hardly ever", [2]),
        ("not at all", [1]),
        ("１", [1]),  # full-width digit
        ("我觉得经常这样", [4]),
        ("一直都是", [5]),
        ("隔三差五", [3]),
        ("动不动就累", [4]),
        ("很少很少", [2]),
        ("kinda", [3]),
        ("all the time", [5]),
    ],
)
def test_single_answers(text: str, values: list[int]) -> None:
    assert parse_frequencies(text) == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("1 2 3", [1, 2, 3]),
        ("3,4,5", [3, 4, 5]),
        ("3，4，5", [3, 4, 5]),
        ("34521", [3, 4, 5, 2, 1]),
        ("经常，有时，没有", [4, 3, 1]),
        ("经常有时没有", [4, 3, 1]),
        ("never, often, always", [1, 4, 5]),
        ("often 3 never", [4, 3, 1]),
    ],
)
def test_several_answers_at_once(text: str, values: list[int]) -> None:
    assert parse_frequencies(text) == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("不经常", [2]),
        ("不太经常", [2]),
        ("不是很经常", [2]),
        ("不总是", [3]),
        ("not often", [2]),
        ("not always", [3]),
        ("not very often", [2]),
        ("挺少的", [2]),
        ("very often", [4]),
        ("手脚不凉", [1]),
    ],
)
def test_negation_and_intensifiers(text: str, values: list[int]) -> None:
    assert parse_frequencies(text) == values


@pytest.mark.parametrize(("text", "value"), [("somtimes", 3), ("offen", 4), ("allways", 5), ("rarly", 2), ("nevr", 1)])
def test_english_typos(text: str, value: int) -> None:
    assert parse_frequencies(text) == [value]


@pytest.mark.parametrize("text", ["", "yes", "有", "测测我的体质", "hello there", "10", "6", "99"])
def test_no_frequency_understood(text: str) -> None:
    assert parse_frequencies(text) == []


def test_explicit_pairs() -> None:
    assert parse_pairs("B3=4, a1: 2, EL12：5") == {"B3": 4, "A1": 2, "EL12": 5}
    assert parse_pairs("经常") == {}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("上一题", "back"),
        ("返回", "back"),
        ("go back", "back"),
        ("暂停", "pause"),
        ("later", "pause"),
        ("我想先暂停一下", "pause"),
        ("退出", "quit"),
        ("不做了", "quit"),
        ("quit", "quit"),
        ("继续", "resume"),
        ("重新开始", "restart"),
        ("不知道", "skip"),
        ("skip", "skip"),
        ("经常", None),
        ("3", None),
    ],
)
def test_commands(text: str, name: str | None) -> None:
    assert command(text) == name


def test_exact_commands_do_not_fire_inside_longer_answers() -> None:
    assert command("my back is often cold", allow_substring=False) is None


def test_remove_skip_phrases_keeps_the_rest() -> None:
    text, found = remove_command_phrases("不知道，可能经常吧", "skip")
    assert found and parse_frequencies(text) == [4]


@pytest.mark.parametrize(
    ("text", "sex"),
    [("女", "female"), ("女性", "female"), ("I'm a woman", "female"), ("female", "female"), ("F", "female"),
     ("男", "male"), ("男的", "male"), ("male", "male"), ("a man", "male"), ("m", "male"), ("不告诉你", "unspecified"),
     ("prefer not to say", "unspecified"), ("嗯？", None)],
)
def test_sex(text: str, sex: str | None) -> None:
    assert parse_sex(text) == sex


@pytest.mark.parametrize(
    ("text", "expected"),
    [("35", (35, "under_65")), ("35岁", (35, "under_65")), ("I'm 70", (70, "65_plus")), ("七十岁", (70, "65_plus")),
     ("六十五", (65, "65_plus")), ("over 65", (None, "65_plus")), ("65岁以下", (None, "under_65")),
     ("不知道", (None, None)), ("200", (None, None))],
)
def test_age(text: str, expected: tuple[int | None, str | None]) -> None:
    assert parse_age(text) == expected


@pytest.mark.parametrize(
    ("text", "answer"),
    [("没有怀孕", "no"), ("否", "no"), ("no", "no"), ("怀孕了", "yes"), ("yes, I'm pregnant", "yes"),
     ("not sure", "unsure"), ("可能吧", "unsure"), ("备孕中", "no"), ("I'm not pregnant", "no")],
)
def test_pregnancy(text: str, answer: str) -> None:
    assert parse_pregnancy(text) == answer


def test_form_and_yes_no() -> None:
    assert parse_form("2") == "short" and parse_form("简表") == "short" and parse_form("full please") == "full"
    assert yes_no("好的") is True and yes_no("不用了") is False and yes_no("no thanks") is False
    assert yes_no("whatever") is None


def test_profile_from_opening_message() -> None:
    assert profile_from_text("我是女生，今年28岁，想测测体质") == ("female", 28)
    assert profile_from_text("male, 70 years old, TCM constitution test") == ("male", 70)
    assert profile_from_text("做60题的体质测试") == (None, None)  # a bare number is not an age


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [("23.5", "bmi", 23.5), ("身高170厘米，体重70公斤", "bmi", 24.2), ("3", "bmi", None),
     ("一年感冒3次", "per_year", 3.0), ("几乎每个月都感冒", "per_year", 12.0), ("腰围95厘米", "waist_cm", 95.0),
     ("2.8尺", "waist_cm", 93.3),
     ("4", "waist_cm", None)],
)
def test_measurements(text: str, kind: str, value: float | None) -> None:
    assert parse_measure(text, kind) == value


@pytest.mark.parametrize(("text", "age"), [("sixty-five", 65), ("I am seventy two", 72), ("nineteen", 19)])
def test_english_number_words_for_age(text: str, age: int) -> None:
    assert parse_age(text)[0] == age


@pytest.mark.parametrize(("text", "values"), [("4 (often)", [4]), ("经常（相当）", [4]), ("5 总是（非常）", [5]),
                                              ("3-有时", [3]), ("4, often", [4, 4])])
def test_a_value_with_its_gloss_is_one_answer(text: str, values: list[int]) -> None:
    assert parse_frequencies(text) == values
