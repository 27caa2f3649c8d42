"""Loads and validates the triage knowledge files once (lazily, cached)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from tools.triage.models import KnownWords, ProtocolFile, QuestionSpec, RedFlagFile, SymptomLexicon

DATA_DIR = Path(__file__).parent / "data"


def _load_yaml(name: str) -> object:
    path = DATA_DIR / name
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: start-up stays fast
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=loader)  # noqa: S506 (a safe loader)


@lru_cache(maxsize=1)
def symptom_lexicon() -> SymptomLexicon:
    return SymptomLexicon.model_validate(_load_yaml("symptoms.yaml"))


@lru_cache(maxsize=1)
def known_words() -> frozenset[str]:
    """Real words never corrected as typos ("cooking" is not "choking"), from data/known_words.yaml."""
    return frozenset(KnownWords.model_validate(_load_yaml("known_words.yaml")).words)


@lru_cache(maxsize=1)
def red_flag_rules() -> RedFlagFile:
    rules = RedFlagFile.model_validate(_load_yaml("red_flags.yaml"))
    _check_codes("red_flags.yaml", {code for flag in rules.red_flags for cond in flag.when
                                    for code in cond.codes() | set(cond.none)})
    return rules


@lru_cache(maxsize=1)
def protocols() -> ProtocolFile:
    data = ProtocolFile.model_validate(_load_yaml("protocols.yaml"))
    question_ids = {q.id for q in data.questions}
    codes: set[str] = set()
    for question in data.questions:
        codes |= {c for c in question.informs() if not c.startswith("slot:")}
    for protocol in data.protocols:
        missing = [q for q in protocol.questions if q not in question_ids]
        if missing:
            raise ValueError(f"protocol {protocol.id} asks unknown questions {missing}")
        codes |= set(protocol.triggers)
        for rule in protocol.rules + protocol.reassuring:
            codes |= rule.when.codes() | set(rule.when.none)
    _check_codes("protocols.yaml", codes)
    return data


@lru_cache(maxsize=1)
def questions_by_id() -> dict[str, QuestionSpec]:
    return {q.id: q for q in protocols().questions}


def _check_codes(where: str, codes: set[str]) -> None:
    known = set(symptom_lexicon().findings)
    unknown = sorted(codes - known)
    if unknown:
        raise ValueError(f"{where} uses finding codes missing from symptoms.yaml: {unknown}")


def warm_up() -> None:
    """Loads every triage file and compiles the lexicon now (about a second), e.g. at service start-up in a
    background thread, so that the first patient message does not pay for it."""
    from assistant.nlu.findings import symptom_matcher

    symptom_lexicon()
    red_flag_rules()
    protocols()
    symptom_matcher()
