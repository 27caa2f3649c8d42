"""Output checks on a model-phrased reply, before the patient sees it.

`check_output(text, response, locale)` compares the phrased text with the capability's decided result
(`response`: its template text, triage, report, tcm, citations, facts). The reply fails when it

- gives a dose, amount or frequency for a medicine, or a weight-based dose (`output.dose`);
- states a diagnosis ("you have X", "你得了X", "确诊为") (`output.diagnosis`);
- states a level of care other than the decided one: a less urgent one anywhere, a more urgent one outside a
  conditional ("if it gets worse...") sentence (`output.level`);
- carries a number, test name or citation marker that the decided result does not have (`output.number`,
  `output.test_name`, `output.citation`);
- lacks the referral the result requires (policy.yaml: the emergency number, a doctor, a TCM practitioner, the
  insurer or 12393) (`output.referral`);
- reassures or suggests waiting on an emergency ("no need to worry", "观察一下再说") (`output.deescalation`).

Everything the template text says is allowed, so the capabilities' templates pass by construction; the checks
are patterns over data, not wording. A failing reply is replaced by the template by the caller (the events carry
the action "replaced_output").
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from assistant.reply import TRIAGE_LEVELS, Locale, SafetyEvent, TriageLevel
from guardrails.policy import load_policy
from guardrails.rules import DATA_DIR, MAX_SCREEN_CHARS, RuleSet, load_rule_file, prepare_variants

if TYPE_CHECKING:  # importing the graph package pulls in LangGraph; the checks only read the response
    from assistant.graph.capability import CapabilityResponse

_NUMBER = re.compile(r"(?<![A-Za-z0-9.])\d+(?:\.\d+)?")
_LIST_MARKER = re.compile(r"(?m)^\s*\d{1,2}\s*[.)、]\s")
_SENTENCE = re.compile(r"[^.!?\n。！？；;]+[.!?\n。！？；;]?")
# Citation markers: articles, sections and titles of documents.
_CITATION = re.compile(
    r"第[一二三四五六七八九十百零〇\d]+[条章节款项]|《[^》]{1,40}》|\b(?:article|section|§|clause|chapter)\s?\d+[a-z]?\b",
    re.IGNORECASE,
)
EMERGENCY_LEVELS: frozenset[str] = frozenset({"emergency_ambulance", "emergency"})


class OutputCheck(BaseModel):
    ok: bool
    events: list[SafetyEvent] = Field(default_factory=list)
    # Human-readable reasons, one per failure (for logs and the clinician queue; not shown to the patient).
    problems: list[str] = Field(default_factory=list)


@lru_cache(maxsize=1)
def output_rules() -> RuleSet:
    return load_rule_file(DATA_DIR / "output.yaml", lexicons_from=DATA_DIR / "requests.yaml")


@lru_cache(maxsize=1)
def _test_names() -> re.Pattern[str]:
    return output_rules().compile("{test_name}")


@lru_cache(maxsize=1)
def _conditional() -> re.Pattern[str]:
    return output_rules().compile("{conditional}")


def _as_number(token: str) -> float:
    return round(float(token), 6)


def _allowed_corpus(response: CapabilityResponse) -> str:
    """Everything the decided result says, as one normalised string: the template text and every field."""
    dump = response.model_dump(mode="json", exclude={"flow", "memory", "question"})
    return prepare_variants(json.dumps(dump, ensure_ascii=False))[0] + " " + prepare_variants(response.text)[0]


def _allowed_numbers(corpus: str) -> set[float]:
    numbers = {_as_number(token) for token in _NUMBER.findall(corpus)}
    for phrases in load_policy().required_phrases.values():
        numbers.update(_as_number(p) for p in phrases if p.isdigit())
    # A ratio may be phrased as a percentage and back (0.7 <-> 70%).
    return numbers | {round(n * 100, 6) for n in numbers} | {round(n / 100, 6) for n in numbers}


def _decided_level(response: CapabilityResponse) -> TriageLevel | None:
    triage = response.triage
    if triage is None:
        return None
    if triage.final or triage.level in EMERGENCY_LEVELS:
        return triage.level
    return None


def _is_emergency(response: CapabilityResponse) -> bool:
    """An emergency level, the emergency route, or a result that needs a doctor now (a critical lab value)."""
    level = response.triage.level if response.triage else None
    referral = load_policy().referral_for(response)
    urgent_referral = referral is not None and referral.urgency == "now"
    return response.route == "emergency" or level in EMERGENCY_LEVELS or urgent_referral


def _sentence_at(text: str, position: int) -> str:
    for sentence in _SENTENCE.finditer(text):
        if sentence.start() <= position < sentence.end():
            return sentence.group(0)
    return text


def _phrase_present(phrase: str, text: str) -> bool:
    phrase = phrase.lower()
    if phrase.isdigit():
        return re.search(rf"(?<!\d){re.escape(phrase)}(?!\d)", text) is not None
    if re.fullmatch(r"[a-z0-9&\- ]+", phrase):
        return re.search(rf"\b{re.escape(phrase)}\b", text) is not None
    return phrase in text


def check_output(text: str, response: CapabilityResponse, locale: Locale) -> OutputCheck:
    """Check a model-phrased reply against the decided result; see the module docstring for the checks."""
    if locale not in ("zh", "en"):
        raise ValueError(f"locale must be 'zh' or 'en', got {locale!r}")
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    problems: dict[str, str] = {}
    if len(text) > MAX_SCREEN_CHARS:
        # Longer than any reply a template phrases to; too long to check whole, so it is not sent.
        problems["output.too_long"] = f"the phrased reply has {len(text)} characters"
        return _result(problems)
    phrased = prepare_variants(text)[0]
    if not phrased.strip():
        problems["output.empty"] = "the phrased reply is empty"
        return _result(problems)
    template = prepare_variants(response.text)[0]
    corpus = _allowed_corpus(response)
    rules = output_rules()
    matches = rules.iter_matches(phrased)

    for rule, match in matches:
        if rule.kind in ("dose", "diagnosis") and match.group(0) not in template:
            problems.setdefault(f"output.{rule.kind}", f"{rule.id}: {match.group(0)!r}")

    decided = _decided_level(response)
    if decided is not None:
        for rule, match in matches:
            if rule.kind not in TRIAGE_LEVELS or rule.kind == decided or match.group(0) in template:
                continue
            said = TRIAGE_LEVELS.index(rule.kind)  # type: ignore[arg-type]
            more_urgent = said < TRIAGE_LEVELS.index(decided)
            if more_urgent and _conditional().search(_sentence_at(phrased, match.start())):
                continue
            problems.setdefault("output.level", f"says {rule.kind} ({match.group(0)!r}) but the level is {decided}")

    allowed_numbers = _allowed_numbers(corpus)
    stated = prepare_variants(_LIST_MARKER.sub(" ", text))[0]  # before normalising, which joins the lines
    invented = [token for token in _NUMBER.findall(stated) if _as_number(token) not in allowed_numbers]
    if invented:
        problems["output.number"] = f"numbers not in the result: {sorted(set(invented))}"

    unknown_tests = {m.group(0) for m in _test_names().finditer(phrased) if not _phrase_present(m.group(0), corpus)}
    if unknown_tests:
        problems["output.test_name"] = f"tests not in the result: {sorted(unknown_tests)}"

    unknown_citations = {m.group(0) for m in _CITATION.finditer(phrased) if m.group(0).lower() not in corpus}
    if unknown_citations:
        problems["output.citation"] = f"citations not in the result: {sorted(unknown_citations)}"

    policy = load_policy()
    referral = policy.referral_for(response)
    if referral is not None and referral.to is not None:
        phrases = policy.required_phrases.get(referral.to, [])
        if phrases and not any(_phrase_present(p, phrased) for p in phrases):
            problems["output.referral"] = f"the {referral.to} referral the result requires is missing"

    if _is_emergency(response):
        for rule, match in matches:
            if rule.kind == "deescalation" and match.group(0) not in template:
                problems.setdefault("output.deescalation", f"{rule.id}: {match.group(0)!r} on an emergency")
    return _result(problems)


def _result(problems: dict[str, str]) -> OutputCheck:
    events = [SafetyEvent(rule=rule, action="replaced_output") for rule in problems]
    return OutputCheck(ok=not problems, events=events, problems=[f"{k}: {v}" for k, v in problems.items()])
