"""Pydantic models of the triage knowledge files (validated on load)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from assistant.reply import TriageLevel

Text = dict[str, str]  # {"zh": ..., "en": ...}


def _bilingual(value: Text, what: str) -> Text:
    if not value.get("zh") or not value.get("en"):
        raise ValueError(f"{what} needs both zh and en text, got {sorted(value)}")
    return value


class FindingTerms(BaseModel):
    model_config = ConfigDict(extra="forbid")

    label: Text
    zh: list[str] = Field(default_factory=list)
    en: list[str] = Field(default_factory=list)
    exclude: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _check(self) -> FindingTerms:
        _bilingual(self.label, "label")
        if not self.zh or not self.en:
            raise ValueError(f"finding {self.label.get('en')} needs zh and en terms")
        return self


class SymptomLexicon(BaseModel):
    source: str
    spelling: dict[str, str] = Field(default_factory=dict)
    findings: dict[str, FindingTerms]


class KnownWords(BaseModel):
    """Real English words one typo away from a lexicon word: the typo corrector leaves them alone."""

    model_config = ConfigDict(extra="forbid")

    source: str
    words: list[str]


class Condition(BaseModel):
    """Facts that must all hold. Findings: `all` present, at least one of `any` present, none of `none` present.

    A slot bound (age, temperature, ...) only holds when the slot is known: an unknown never satisfies it.
    """

    model_config = ConfigDict(extra="forbid")

    all: list[str] = Field(default_factory=list)
    any: list[str] = Field(default_factory=list)
    none: list[str] = Field(default_factory=list)
    age_lt: float | None = None  # years
    age_gte: float | None = None
    temp_gte: float | None = None  # °C
    temp_lt: float | None = None
    duration_gte: float | None = None  # hours
    duration_lt: float | None = None
    pregnant: bool | None = None
    pregnant_or_postpartum: bool | None = None
    postpartum: bool | None = None
    sex: Literal["female", "male"] | None = None
    severity: list[str] = Field(default_factory=list)  # one of these ("mild", "moderate", "severe")
    severity_not: list[str] = Field(default_factory=list)  # not stated as one of these (unknown passes)

    def codes(self) -> set[str]:
        return set(self.all) | set(self.any)


class RedFlag(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    level: TriageLevel
    label: Text
    advice: Text
    source: str
    when: list[Condition]  # any one of these conditions

    @model_validator(mode="after")
    def _check(self) -> RedFlag:
        _bilingual(self.label, f"red flag {self.id} label")
        _bilingual(self.advice, f"red flag {self.id} advice")
        if not self.when:
            raise ValueError(f"red flag {self.id} has no condition")
        return self


class RedFlagFile(BaseModel):
    red_flags: list[RedFlag]


class QuestionChoice(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    label: Text
    findings: dict[str, bool] = Field(default_factory=dict)  # what choosing it tells us
    slots: dict[str, float | bool | str] = Field(default_factory=dict)
    words: list[str] = Field(default_factory=list)  # free-text answers that mean this choice


class QuestionSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    prompt: Text
    kind: Literal["finding", "choice"] = "finding"
    finding: str | None = None  # kind=finding: a yes/no question about this finding
    slot: str | None = None  # kind=choice: the slot it fills (the question is skipped once known)
    choices: list[QuestionChoice] = Field(default_factory=list)

    @model_validator(mode="after")
    def _check(self) -> QuestionSpec:
        _bilingual(self.prompt, f"question {self.id} prompt")
        if self.kind == "finding" and not self.finding:
            raise ValueError(f"question {self.id}: a finding question names its finding")
        if self.kind == "choice" and not self.choices:
            raise ValueError(f"question {self.id}: a choice question needs choices")
        return self

    def informs(self) -> set[str]:
        """The finding codes and slot names this question can settle."""
        out: set[str] = set()
        if self.finding:
            out.add(self.finding)
        if self.slot:
            out.add("slot:" + self.slot)
        for choice in self.choices:
            out |= set(choice.findings)
            out |= {"slot:" + name for name in choice.slots}
        return out


class Rule(BaseModel):
    model_config = ConfigDict(extra="forbid")

    level: TriageLevel
    when: Condition
    reason: Text | None = None  # when absent, made from the labels of the rule's findings

    @model_validator(mode="after")
    def _check(self) -> Rule:
        if self.reason is not None:
            _bilingual(self.reason, "rule reason")
        return self


class Protocol(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    label: Text
    source: str
    triggers: list[str]  # finding codes that start this protocol
    base: TriageLevel  # the level when nothing more is known
    questions: list[str] = Field(default_factory=list)  # question ids, most useful first
    rules: list[Rule] = Field(default_factory=list)  # each matched rule raises the level to its own
    reassuring: list[Rule] = Field(default_factory=list)  # explicit reassuring facts may lower the base
    self_care: Text | None = None  # safe self-care advice, shown only at self_care / consultation levels

    @model_validator(mode="after")
    def _check(self) -> Protocol:
        _bilingual(self.label, f"protocol {self.id} label")
        if self.self_care:
            _bilingual(self.self_care, f"protocol {self.id} self_care")
        return self


class ProtocolFile(BaseModel):
    questions: list[QuestionSpec]
    protocols: list[Protocol]
