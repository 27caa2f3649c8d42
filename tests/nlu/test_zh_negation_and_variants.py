"""Chinese negation scope and written variants, from outside-written vignettes (issue #4): formal 、 lists,
denials after the term, a protected phrase running into the term, Cantonese, traditional characters, pinyin and
homophone slips, and ages read as durations."""

from __future__ import annotations

import pytest

from assistant.nlu import extract_findings, extract_slots
from assistant.nlu.matcher import is_negated
from assistant.nlu.normalize import normalize, symptom_text


def _present(text: str) -> set[str]:
    return {f.code for f in extract_findings(text, "zh") if f.present}


def _denied(text: str) -> set[str]:
    return {f.code for f in extract_findings(text, "zh") if not f.present}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("没有呼吸困难", "breathless"),  # "没有呼吸" (not breathing) must not shield the denial of 呼吸困难
        ("无呼吸困难，精神饮食可", "breathless"),
        ("没有尿频", "urinary_pain"),  # likewise "没有尿" (no urine)
        ("无眩晕、耳痛及流脓", "ear_pain"),  # a formal cue denies the whole 、 list
        ("否认胸痛、气促", "breathless"),
        ("张嘴喝水喘气都没问题", "breathless"),  # a denial said after the term
        ("冇发烧", "fever"),  # Cantonese 冇 = 没有
        ("唔咳", "cough"),  # Cantonese 唔 = 不
        ("冇發燒", "fever"),  # and in traditional characters
    ],
)
def test_denied(text: str, code: str) -> None:
    assert code not in _present(text)
    assert code in _denied(text)


def test_not_breathing_is_not_read_inside_no_breathing_trouble() -> None:
    assert "not_breathing" not in _present("他没有呼吸困难")
    assert "not_breathing" in _present("他没有呼吸了")


def test_colloquial_list_and_questions_keep_the_term() -> None:
    assert "cough" in _present("头疼、没发烧、咳嗽")  # 没 does not reach past a 、 in everyday writing
    assert "breathless" in _present("喘气没问题吗")  # a question is not a denial
    text = normalize("喘气都没问题")
    assert is_negated(text, 0, 2) and not is_negated(text, 0)  # the after-term check needs the term's end


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("我儿子2岁发shao 39度", "fever"),  # pinyin typed inside Chinese text
        ("小腿被wen子叮了", "insect_bite"),
        ("嗓子有点teng", "sore_throat"),
        ("今天拉了三次度子", "diarrhoea"),  # homophone slips
        ("桑子有点干", "sore_throat"),
        ("腰通三个多月了", "back_pain"),
        ("喉嚨有啲痛", "sore_throat"),  # traditional characters and Cantonese
        ("阿妈话胸口好翳，透唔到气", "severe_breathless"),
    ],
)
def test_variants_are_read(text: str, code: str) -> None:
    assert code in _present(text)


def test_symptom_text_leaves_english_and_plain_text_alone() -> None:
    assert symptom_text("I have a tong of pain") == "i have a tong of pain"
    assert symptom_text("我头疼") == "我头疼"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("宝宝10个月，发烧两天了，最高39.2", {"age": 0.833, "duration_hours": 48.0}),  # the age is not a duration
        ("患儿，男，1岁2个月，开水烫伤30分钟", {"duration_hours": 0.5}),
        ("喘得比平时厉害", {"severity": "moderate"}),  # worse than usual, not "severe"
        ("疼得厉害", {"severity": "severe"}),
    ],
)
def test_slots(text: str, expected: dict[str, object]) -> None:
    slots = extract_slots(text, "zh")
    for key, value in expected.items():
        assert slots.get(key) == value, (key, slots)
