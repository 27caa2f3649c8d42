"""The rule engine: validation on load, lexicon expansion, negation, de-obfuscation."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from guardrails.output import output_rules
from guardrails.rules import RuleError, RuleSet, load_rule_file, prepare_variants, respell
from guardrails.screen import crisis_rules, request_rules, scope_rules


def write(tmp_path: Path, data: dict) -> Path:
    path = tmp_path / "rules.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def rule(**overrides: object) -> dict:
    base = {"id": "r1", "kind": "k", "match": ["{word}"], "reason": "why it exists", "source": "where from"}
    return {**base, **overrides}


def test_shipped_rule_files_load_and_every_rule_has_reason_and_source() -> None:
    for rules in (crisis_rules(), request_rules(), scope_rules(), output_rules()):
        assert rules.rules
        assert all(r.reason.strip() and r.source.strip() for r in rules.rules)
    kinds = {r.kind for r in request_rules().rules}
    assert kinds == {"dose", "diagnosis", "injection", "unethical"}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"lexicons": {"word": ["a("]}, "rules": [rule()]}, "bad regex"),
        ({"lexicons": {}, "rules": [rule()]}, "unknown lexicon"),
        ({"lexicons": {"word": ["{word}"]}, "rules": [rule()]}, "refers to itself"),
        ({"lexicons": {"word": ["a"]}, "rules": [rule(), rule()]}, "duplicate rule ids"),
        ({"lexicons": {"word": ["a"]}, "rules": [{k: v for k, v in rule().items() if k != "source"}]}, "source"),
        ({"lexicons": {"word": ["a"]}, "rules": [rule(extra_field=1)]}, "extra"),
    ],
)
def test_malformed_rule_files_are_rejected_with_the_problem(tmp_path: Path, data: dict, message: str) -> None:
    with pytest.raises(RuleError, match=message):
        load_rule_file(write(tmp_path, data))


def test_unreadable_rule_file_is_a_rule_error(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match="cannot read"):
        load_rule_file(tmp_path / "missing.yaml")


def test_lexicons_expand_and_all_patterns_must_match() -> None:
    rules = RuleSet.model_validate(
        {
            "lexicons": {"drug": ["aspirin", "{nsaid}"], "nsaid": ["ibuprofen", "naproxen"]},
            "rules": [rule(match=["how much", r"\b{drug}\b"], unless=["cost"])],
        }
    )
    assert [h.rule_id for h in rules.find(prepare_variants("How much naproxen?"))] == ["r1"]
    assert rules.find(prepare_variants("how much sleep")) == []
    assert rules.find(prepare_variants("how much does naproxen cost")) == []


NEGATION = {
    "reason": "negated phrases are not claims",
    "source": "test",
    "before": [r"\b(?:not|never|no)\b(?:\s+\S+){0,3}\s*$", r"(?:没有|不会)[^\s,.!?;]{0,2}$"],
    "pseudo": [r"\bnot sure\b"],
}


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("I want to die", True),
        ("I never said I want to die", False),
        ("I'm not sure why, I want to die", True),  # pseudo-negation, and a comma ends the clause
        ("not tired and I want to die", True),  # "and" ends the clause
        ("我没有想死", False),
        ("我想死", True),
    ],
)
def test_negation_is_scoped_to_the_clause(text: str, fires: bool) -> None:
    rules = RuleSet.model_validate({"negation": NEGATION, "rules": [rule(match=["want to die|想死"], negatable=True)]})
    assert bool(rules.find(prepare_variants(text))) is fires


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("K1LL MYS3LF", "kill myself"),
        ("s-u-i-c-i-d-e", "suicide"),
        ("自 * 杀", "自杀"),
        ("ＡＬＴ　８０", "alt 80"),
        ("don\u2019t", "don't"),
    ],
)
def test_prepare_variants_normalises_and_deobfuscates(text: str, expected: str) -> None:
    assert expected in prepare_variants(text)


def test_prepare_variants_rejects_non_strings() -> None:
    with pytest.raises(TypeError):
        prepare_variants(b"bytes")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("i wnat to die", "i want to die"),
        ("do u think i have covid", "do you think i have covid"),
        ("im gonna k1ll myslef", "i'm going to kill myself"),
        ("dont", "don't"),
        ("活著沒意思，我想自殺", "活着没意思,我想自杀"),
    ],
)
def test_typos_and_chat_shorthand_are_respelled(text: str, expected: str) -> None:
    assert expected in prepare_variants(text)


def test_respelling_keeps_words_that_merely_contain_a_shorthand() -> None:
    assert respell("urine test during pregnancy") == "urine test during pregnancy"


def test_warm_up_loads_every_rule_file() -> None:
    from guardrails.warmup import warm_up

    warm_up()
    assert crisis_rules.cache_info().currsize == 1
    assert output_rules.cache_info().currsize == 1
