from __future__ import annotations

from pathlib import Path

from assistant.graph.capability import CapabilityConfig, CapabilityRequest, Understanding
from assistant.graph.nodes import insurance


def _request(text: str, locale: str, data_dir: Path) -> CapabilityRequest:
    return CapabilityRequest(
        session_id="s1", text=text, locale=locale,  # type: ignore[arg-type]
        understanding=Understanding(locale=locale),  # type: ignore[arg-type]
        config=CapabilityConfig(data_dir=str(data_dir)),
    )


def test_match_is_high_for_insurance_and_low_for_symptoms() -> None:
    for text in ["医保报销比例是多少", "起付线是多少", "阿莫西林是甲类还是乙类", "What is my Medicare deductible?",
                 "is metformin covered", "how much is my copay", "异地就医怎么备案"]:
        assert insurance.match(text, "zh", []) >= 0.8, text
    # Words of insurance rules without the obvious ones still reach the capability (the router starts at 0.5)
    for text in ["医院能不能搞分解住院、挂床住院", "Which costs does the pooled fund refuse to pay?"]:
        assert insurance.match(text, "zh", []) >= 0.5, text
    for text in ["我头疼发烧三天了", "I have chest pain and feel dizzy", "hello", ""]:
        assert insurance.match(text, "en", []) <= 0.2, text


def test_handle_answers_with_citations_and_facts(tmp_path: Path, corpus_index: Path) -> None:
    data_dir = corpus_index.parent / "node_data"
    (data_dir).mkdir(exist_ok=True)
    link = data_dir / "insurance"
    if not link.exists():
        link.symlink_to(corpus_index, target_is_directory=True)
    response = insurance.handle(_request("骗取医保基金的医院会被怎么处罚", "zh", data_dir))
    assert response.route == "insurance" and response.flow is None
    assert response.citations and response.referral is None
    assert response.facts["answerable"] is True
    assert {"doc_id", "section"} <= set(response.facts["citations"][0])


def test_handle_refuses_with_referral_to_insurer(tmp_path: Path) -> None:
    response = insurance.handle(_request("北京的起付线是多少", "zh", tmp_path))
    assert response.route == "insurance"
    assert response.citations == []
    assert response.referral is not None and response.referral.to == "insurer"
    assert response.facts["answerable"] is False and 12393 in response.facts["numbers"]


def test_handle_offline_default_uses_fictional_sample(tmp_path: Path) -> None:
    response = insurance.handle(_request("住院花了2万，能报多少？", "zh", tmp_path))
    assert response.facts["amounts"]["fund_pays"] == 15980
    assert "虚构" in response.text
