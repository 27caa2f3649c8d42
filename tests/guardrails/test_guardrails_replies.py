"""Crisis, refusal and out-of-scope replies: bilingual, numbers first, no method talk, clear errors."""

from __future__ import annotations

import re

import pytest

from guardrails.replies import crisis_reply, out_of_scope_reply, refusal_reply

HAN = re.compile(r"[\u4e00-\u9fff]")


def test_crisis_reply_puts_the_crisis_lines_first_zh() -> None:
    text = crisis_reply("zh", ["12356", "120"], "120")
    first_lines = text.splitlines()[:3]
    assert "12356" in first_lines[1] and "心理援助热线" in first_lines[1]
    assert "120" in first_lines[2]
    assert text.index("12356") < text.index("信任的人")
    assert HAN.search(text)


def test_crisis_reply_en_names_988_and_the_emergency_number() -> None:
    text = crisis_reply("en", ["988"], "911")
    assert text.splitlines()[1].startswith("- 988: Suicide & Crisis Lifeline")
    assert "call 911" in text
    assert "someone you trust" in text
    assert not HAN.search(text)


def test_crisis_reply_never_talks_about_methods_or_uses_unsafe_words() -> None:
    for locale in ("zh", "en"):
        text = crisis_reply(locale, ["12356", "988"], "120").lower()  # type: ignore[arg-type]
        unsafe = ("pills", "overdose", "rope", "bridge", "committed suicide", "successful", "割腕", "跳楼", "安眠药")
        for word in unsafe:
            assert word not in text


def test_crisis_reply_without_crisis_lines_still_starts_with_a_number() -> None:
    text = crisis_reply("en", [], "999")
    assert text.splitlines()[1] == "- 999: emergency services (UK)"


def test_unknown_crisis_line_is_listed_plainly() -> None:
    assert "- 116 000" in crisis_reply("en", ["116 000"], "112")


@pytest.mark.parametrize("kind", ["dose", "diagnosis", "injection", "unethical"])
def test_refusals_exist_in_both_languages(kind: str) -> None:
    zh = refusal_reply(kind, "zh")  # type: ignore[arg-type]
    en = refusal_reply(kind, "en")  # type: ignore[arg-type]
    assert HAN.search(zh) and not HAN.search(en)
    assert zh != en


def test_dose_refusal_points_to_the_label_and_a_pharmacist_without_numbers() -> None:
    en = refusal_reply("dose", "en")
    zh = refusal_reply("dose", "zh")
    assert "label" in en and "pharmacist" in en and "doctor" in en
    assert "说明书" in zh and "药师" in zh and "医生" in zh
    assert not re.search(r"\d", en + zh)


def test_diagnosis_refusal_offers_symptom_assessment() -> None:
    assert "symptoms" in refusal_reply("diagnosis", "en")
    assert "症状" in refusal_reply("diagnosis", "zh")


def test_out_of_scope_lists_what_the_assistant_does() -> None:
    en = out_of_scope_reply("en")
    for topic in ("symptoms", "lab", "TCM", "insurance"):
        assert topic in en
    zh = out_of_scope_reply("zh")
    for topic in ("症状", "化验单", "中医体质", "医保"):
        assert topic in zh


def test_bad_arguments_give_clear_errors() -> None:
    with pytest.raises(ValueError, match="unknown refusal kind"):
        refusal_reply("weather", "en")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="locale"):
        refusal_reply("dose", "fr")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="emergency_number"):
        crisis_reply("en", ["988"], "")
    with pytest.raises(ValueError, match="locale"):
        out_of_scope_reply("de")  # type: ignore[arg-type]
