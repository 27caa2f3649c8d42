"""match(): high for constitution requests (zh, en, typos, mixed), low for symptoms, reports, insurance."""

from __future__ import annotations

import pytest

from assistant.graph.capability import Attachment
from assistant.graph.nodes.tcm import match


@pytest.mark.parametrize(
    "text",
    ["测测我的体质", "中医体质", "TCM constitution test", "what's my body constitution", "我是什么体质？",
     "帮我做个体质辨识", "TCM体质测试", "constitusion test please", "which TCM body type am I", "测测我的体制",
     "继续测体质", "Chinese medicine constitution quiz", "我是不是气虚体质"],
)
def test_high_for_constitution_requests(text: str) -> None:
    assert match(text, "zh", []) >= 0.75


@pytest.mark.parametrize(
    "text",
    ["我头痛三天了", "chest pain and shortness of breath", "ALT 偏高是什么意思", "医保怎么报销", "hello",
     "my lab report shows high glucose", "发烧38度5", ""],
)
def test_low_for_other_requests(text: str) -> None:
    assert match(text, "zh", []) < 0.3


def test_symptom_words_lower_a_constitution_mention() -> None:
    assert match("我体质差，经常发烧头痛", "zh", []) < 0.5


def test_attachments_are_not_questionnaires() -> None:
    assert match("测测我的体质", "zh", [Attachment(filename="report.pdf", data=b"%PDF")]) < 0.3
