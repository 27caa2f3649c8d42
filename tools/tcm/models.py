"""Data models of the TCM data files, validated on load and cached (one load per path per process).

Files (all under `tools/tcm/data/`, each overridable by path):
- items.yaml          the 60-question constitution item bank (ZYYXH/T157-2009 structure, our own wording)
- elderly_items.yaml  the 33-item form for people aged 65 and over
- guidance.yaml       lifestyle guidance per type (diet, sleep, exercise, emotions)
- intake.yaml         the four-diagnostic intake questions
- lexicon.yaml        how patients say frequencies and flow commands
- messages.yaml       the flow's patient-facing sentences
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, Field, field_validator, model_validator

DATA_DIR = Path(__file__).parent / "data"
ITEMS_PATH_ENV = "ASSISTANT_TCM_ITEMS_PATH"
ELDERLY_ITEMS_PATH_ENV = "ASSISTANT_TCM_ELDERLY_ITEMS_PATH"

Sex = Literal["female", "male"]
# A patient may decline to give their sex: the sex-specific damp-heat item is then left out (5 items).
RespondentSex = Literal["female", "male", "unspecified"]
TYPE_LETTERS = ("A", "B", "C", "D", "E", "F", "G", "H", "I")
# Stable English codes of the nine types, in the reference's letter order (shared/reference/tcm.md 1.2).
TYPE_CODES: dict[str, str] = {
    "A": "balanced",
    "B": "qi_deficiency",
    "C": "yang_deficiency",
    "D": "yin_deficiency",
    "E": "phlegm_dampness",
    "F": "damp_heat",
    "G": "blood_stasis",
    "H": "qi_stagnation",
    "I": "special_diathesis",
}
TYPE_ORDER: tuple[str, ...] = tuple(TYPE_CODES.values())
BALANCED = "balanced"


class Text(BaseModel):
    """A patient-facing string in both languages."""

    zh: str
    en: str

    def get(self, locale: str) -> str:
        return self.zh if locale == "zh" else self.en


class TypeInfo(BaseModel):
    code: str
    zh: str
    en: str

    def name(self, locale: str) -> str:
        return self.zh if locale == "zh" else self.en


class Item(BaseModel):
    id: str
    text: Text | None = None
    reverse: bool = False
    same_as: str | None = None
    sex: Sex | None = None

    @property
    def letter(self) -> str:
        return self.id[0]

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if len(value) < 2 or value[0] not in TYPE_LETTERS or not value[1:].isdigit():
            raise ValueError(f"item id {value!r} must be a type letter A-I and an item number, e.g. B3")
        return value


class ItemBank(BaseModel):
    source: str
    recall_period: Text
    scale: dict[str, Text]
    types: dict[str, TypeInfo]
    items: list[Item]

    @model_validator(mode="after")
    def _check(self) -> ItemBank:
        if sorted(self.scale) != ["1", "2", "3", "4", "5"]:
            raise ValueError("scale must have exactly the choices 1..5")
        if sorted(self.types) != list(TYPE_LETTERS):
            raise ValueError("types must be the nine letters A..I")
        for letter, info in self.types.items():
            if info.code != TYPE_CODES[letter]:
                raise ValueError(f"type {letter} must have code {TYPE_CODES[letter]!r}, not {info.code!r}")
        seen: dict[str, Item] = {}
        for item in self.items:
            if item.id in seen:
                raise ValueError(f"duplicate item id {item.id}")
            if item.same_as is not None:
                target = seen.get(item.same_as)
                if target is None or target.same_as is not None:
                    raise ValueError(f"{item.id}: same_as {item.same_as!r} must name an earlier item with its own text")
            elif item.text is None:
                raise ValueError(f"{item.id}: an item needs a text unless it is same_as another")
            seen[item.id] = item
        for letter in TYPE_LETTERS:
            if not any(item.letter == letter for item in self.items):
                raise ValueError(f"type {letter} has no items")
        return self

    def by_id(self) -> dict[str, Item]:
        return {item.id: item for item in self.items}

    def type_name(self, code: str, locale: str) -> str:
        for info in self.types.values():
            if info.code == code:
                return info.name(locale)
        raise KeyError(code)


class Measure(BaseModel):
    """A measurement that picks the option: option = 1 + the number of bounds at or below the value."""

    kind: Literal["bmi", "per_year", "waist_cm"]
    bounds: list[float]

    @field_validator("bounds")
    @classmethod
    def _four_rising(cls, value: list[float]) -> list[float]:
        if len(value) != 4 or value != sorted(value):
            raise ValueError("a measure needs four rising bounds (five options)")
        return value

    def option(self, value: float) -> int:
        return 1 + sum(1 for bound in self.bounds if value >= bound)


class ElderlyItem(BaseModel):
    n: int
    zh: str
    en: str
    options: dict[str, Text] | None = None
    measure: Measure | None = None

    def text(self, locale: str) -> str:
        return self.zh if locale == "zh" else self.en


class ElderlyType(BaseModel):
    items: list[int]
    reverse: list[int] = Field(default_factory=list)


class ElderlyThresholds(BaseModel):
    biased: dict[str, int]
    balanced: dict[str, int]


class ElderlyForm(BaseModel):
    source: str
    thresholds: ElderlyThresholds
    types: dict[str, ElderlyType]
    items: list[ElderlyItem]

    @model_validator(mode="after")
    def _check(self) -> ElderlyForm:
        numbers = [item.n for item in self.items]
        if numbers != list(range(1, len(numbers) + 1)):
            raise ValueError("elderly items must be numbered 1..N in order")
        if sorted(self.types) != sorted(TYPE_ORDER):
            raise ValueError(f"elderly types must be exactly {sorted(TYPE_ORDER)}")
        for code, spec in self.types.items():
            unknown = [n for n in spec.items + spec.reverse if n not in numbers]
            if unknown or not set(spec.reverse) <= set(spec.items):
                raise ValueError(f"elderly type {code}: bad item numbers {unknown or spec.reverse}")
        return self


class GuidanceEntry(BaseModel):
    source: str
    diet: Text
    sleep: Text
    exercise: Text
    emotions: Text


class Guidance(BaseModel):
    source_default: str
    reviewed: bool = False
    types: dict[str, GuidanceEntry]

    @model_validator(mode="after")
    def _check(self) -> Guidance:
        missing = set(TYPE_ORDER) - set(self.types)
        if missing:
            raise ValueError(f"guidance missing for types {sorted(missing)}")
        return self


class IntakeOption(BaseModel):
    id: str
    zh: str
    en: str
    words: list[str] = Field(default_factory=list)

    def label(self, locale: str) -> str:
        return self.zh if locale == "zh" else self.en


class IntakeQuestion(BaseModel):
    id: str
    label: Text
    section: Literal["inspection", "listening_smelling", "inquiry", "palpation"]
    prompt: Text
    options: list[IntakeOption]
    multi: bool = False
    free_text: bool = False
    sex: Sex | None = None
    practitioner: bool = False


class Intake(BaseModel):
    source: str
    questions: list[IntakeQuestion]

    @model_validator(mode="after")
    def _check(self) -> Intake:
        ids = [q.id for q in self.questions]
        if len(ids) != len(set(ids)):
            raise ValueError("duplicate intake question ids")
        return self


class WordLists(BaseModel):
    zh: list[str] = Field(default_factory=list)
    en: list[str] = Field(default_factory=list)

    def all(self) -> list[str]:
        return self.zh + self.en


class Lexicon(BaseModel):
    source: str
    scale: dict[str, WordLists]
    negators: WordLists
    intensifiers: WordLists
    commands: dict[str, WordLists]
    sex: dict[str, WordLists]
    pregnancy: dict[str, WordLists]
    form: dict[str, WordLists]
    age_bands: dict[str, WordLists]
    match: dict[str, WordLists]

    @model_validator(mode="after")
    def _check(self) -> Lexicon:
        if sorted(self.scale) != ["1", "2", "3", "4", "5"]:
            raise ValueError("lexicon scale must have the values 1..5")
        needed = {"back", "pause", "quit", "resume", "restart", "skip", "yes", "no"}
        if not needed <= set(self.commands):
            raise ValueError(f"lexicon commands missing {sorted(needed - set(self.commands))}")
        return self


class Messages(BaseModel):
    messages: dict[str, Text]

    def get(self, key: str, locale: str, **values: object) -> str:
        return self.messages[key].get(locale).format(**values)


def _read_yaml(path: Path) -> object:
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except FileNotFoundError as error:
        raise FileNotFoundError(f"TCM data file not found: {path}") from error


def _resolve(path: str | Path | None, env: str | None, default_name: str) -> Path:
    if path is not None:
        return Path(path)
    if env and os.environ.get(env):
        return Path(os.environ[env])
    return DATA_DIR / default_name


@lru_cache(maxsize=8)
def _load_item_bank(path: Path) -> ItemBank:
    return ItemBank.model_validate(_read_yaml(path))


def load_item_bank(path: str | Path | None = None) -> ItemBank:
    """The 60-question item bank: `path`, else $ASSISTANT_TCM_ITEMS_PATH, else the bundled file."""
    return _load_item_bank(_resolve(path, ITEMS_PATH_ENV, "items.yaml"))


@lru_cache(maxsize=8)
def _load_elderly_form(path: Path) -> ElderlyForm:
    return ElderlyForm.model_validate(_read_yaml(path))


def load_elderly_form(path: str | Path | None = None) -> ElderlyForm:
    """The 33-item elderly form: `path`, else $ASSISTANT_TCM_ELDERLY_ITEMS_PATH, else the bundled file."""
    return _load_elderly_form(_resolve(path, ELDERLY_ITEMS_PATH_ENV, "elderly_items.yaml"))


@lru_cache(maxsize=1)
def load_guidance() -> Guidance:
    return Guidance.model_validate(_read_yaml(DATA_DIR / "guidance.yaml"))


@lru_cache(maxsize=1)
def load_intake() -> Intake:
    return Intake.model_validate(_read_yaml(DATA_DIR / "intake.yaml"))


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    return Lexicon.model_validate(_read_yaml(DATA_DIR / "lexicon.yaml"))


@lru_cache(maxsize=1)
def load_messages() -> Messages:
    return Messages.model_validate({"messages": _read_yaml(DATA_DIR / "messages.yaml")})
