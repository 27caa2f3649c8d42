"""Findings and slots from free text: lexicon, negation, typos, mixed languages, reports about others."""

from __future__ import annotations

import pytest

from assistant.graph.capability import Finding
from assistant.nlu import extract_findings, extract_slots
from assistant.nlu.matcher import Lexicon, is_negated
from assistant.nlu.normalize import normalize


def _present(text: str) -> set[str]:
    return {f.code for f in extract_findings(text, "en") if f.present}


def _denied(text: str) -> set[str]:
    return {f.code for f in extract_findings(text, "en") if not f.present}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("I have a headache", "headache"),
        ("宝宝发烧了", "fever"),
        ("喘不上气", "severe_breathless"),
        ("胸口像压了块石头", "chest_pressure"),
        ("my throat is closing up", "throat_swelling"),
        ("she is confused", "confusion"),
        ("vomitting blood", "vomiting_blood"),  # a typo
        ("my kid has a feaver", "fever"),  # a common misspelling
        ("拉了三次肚子", "diarrhoea"),  # words in between
        ("我爸 suddenly 说话不清楚", "slurred_speech"),  # mixed languages
        ("a temperature of 39.5", "fever"),
    ],
)
def test_finds(text: str, code: str) -> None:
    assert code in _present(text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("no fever", "fever"),
        ("没有发烧", "fever"),
        ("不咳嗽", "cough"),
        ("他没有昏迷", "unconscious"),
        ("denies chest pain", "chest_pain"),
        ("no fever, cough or rash", "rash"),
        ("I don't have a sore throat", "sore_throat"),
    ],
)
def test_negation(text: str, code: str) -> None:
    assert code not in _present(text)
    assert code in _denied(text)


def test_denied_pain_is_not_present() -> None:
    assert "abdominal_pain" not in _present("有点便秘，肚子不疼")


def test_contrast_and_new_clause_end_negation() -> None:
    assert "cough" in _present("no fever but a bad cough")
    assert "cough" in _present("没有发烧，但是咳嗽得厉害")
    assert "headache" in _present("no fever, my head has been killing me since the morning headache")


def test_cue_inside_term_is_not_negation() -> None:
    assert "severe_breathless" in _present("I can't breathe")
    assert "unconscious" in _present("he is not responding")
    assert "persistent_vomiting" in _present("can't keep anything down")
    assert "no_urine" in _present("宝宝一天没尿")


def test_not_stopping_is_not_negation() -> None:
    text = normalize("不停地咳嗽")
    assert not is_negated(text, text.index("咳嗽"))


def test_exclusions() -> None:
    assert "fever" not in _present("I get hay fever every spring")
    assert "breathless" not in _present("我有哮喘")


def test_present_beats_denied() -> None:
    findings = extract_findings("no fever yesterday, but today she has a fever", "en")
    assert Finding(code="fever", present=True, evidence="fever") in findings or any(
        f.code == "fever" and f.present for f in findings)


def test_measured_fever_counts_even_without_the_word() -> None:
    assert "fever" in _present("temp 39.4C")


def test_empty_and_odd_input() -> None:
    assert extract_findings("", "en") == []
    assert extract_findings("   ", "zh") == []
    assert extract_findings("!!!???", "en") == []
    assert extract_slots("", "en") == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my 3-month-old has a fever of 38.5", {"subject": "infant", "age": 0.25, "temperature_c": 38.5}),
        ("我妈妈70多岁，突然嘴歪了", {"subject": "mother", "sex": "female", "age": 75.0}),
        ("怀孕32周，阴道出血", {"pregnant": True, "pregnancy_weeks": 32.0, "sex": "female"}),
        ("I'm 34 weeks pregnant", {"pregnant": True, "pregnancy_weeks": 34.0}),
        ("I'm not pregnant", {"pregnant": False}),
        ("my husband has chest pain", {"subject": "husband", "sex": "male"}),
        ("sore throat for 3 days, it's mild", {"duration_hours": 72.0, "severity": "mild"}),
        ("pain is 8/10", {"severity": "severe"}),
        ("疼得受不了", {"severity": "severe"}),
        ("孩子三岁，发烧三天了", {"subject": "child", "age": 3.0, "duration_hours": 72.0}),
    ],
)
def test_slots(text: str, expected: dict[str, object]) -> None:
    slots = extract_slots(text, "en")
    for key, value in expected.items():
        assert slots.get(key) == value, (key, slots)


def test_lexicon_regex_and_wildcards() -> None:
    lexicon = Lexicon({"pain": ["hurt*", "re:(左|右)手.{0,2}没力"]})
    assert [m.code for m in lexicon.find("it hurts")] == ["pain"]
    assert [m.text for m in lexicon.find("右手没力气")] == ["右手没力"]
    assert lexicon.find("nothing") == []


def test_a_new_clause_ends_a_negation_after_a_comma() -> None:
    assert "breathless" in _present("my heart is racing and won't settle, I'm short of breath")
    assert {"fever", "rash"} <= _denied("no fever, and no rash")
