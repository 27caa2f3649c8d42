"""PII redaction for logs and audit."""

from __future__ import annotations

import pytest

from guardrails.pii import redact


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("电话13812345678", "电话[PHONE]"),
        ("call +86 138 1234 5678 now", "call [PHONE] now"),
        ("座机010-87654321或(021)87654321", "座机[PHONE]或[PHONE]"),
        ("客服400-123-4567", "客服[PHONE]"),
        ("call +1 415-555-0132", "call [PHONE]"),
        ("my cell is (212) 555-7788.", "my cell is [PHONE]."),
        ("身份证11010519491231002X", "身份证[ID]"),
        ("id 110105194912310021 ok", "id [ID] ok"),
        ("mail zhang.san+1@example.com.cn", "mail [EMAIL]"),
        ("住在阳光小区3栋2单元501室", "住在[ADDRESS]"),
        ("北京市朝阳区建国路88号2号楼1单元302室", "[ADDRESS]"),
        ("I live at 123 Main St, Apt 4B.", "I live at [ADDRESS]."),
        ("我叫张三，今年30岁", "我叫[NAME]，今年30岁"),
        ("My name is John Smith.", "My name is [NAME]."),
    ],
)
def test_identifiers_are_redacted(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "ALT 80 U/L, glucose 5.6 mmol/L, platelets 150-400",
        "took 2 tablets at 8 pm, walked 3 blocks down the road",
        "fever 38.5 for 3 days, 120/80 blood pressure",
        "call 120 or 12356",
        "医保报销比例70%，起付线1500元",
    ],
)
def test_clinical_text_is_kept(text: str) -> None:
    assert redact(text) == text


def test_known_names_are_redacted_whole_word_and_longest_first() -> None:
    text = "Mary said Zhang San and zhang san's son Maryland visited; 李四也来了"
    out = redact(text, names=["Zhang San", "Mary", "李四", "Z"])
    assert out == "[NAME] said [NAME] and [NAME]'s son Maryland visited; [NAME]也来了"


def test_a_single_name_string_is_one_name() -> None:
    assert redact("王小明发烧了", names="王小明") == "[NAME]发烧了"


def test_non_string_text_is_a_clear_error() -> None:
    with pytest.raises(TypeError, match="must be a str"):
        redact(12345)  # type: ignore[arg-type]


def test_long_tokens_are_redacted_without_backtracking() -> None:
    assert redact("a" * 20000) == "a" * 20000  # bounded patterns: linear work, no hang
    assert redact("1" * 20000) == "1" * 20000
