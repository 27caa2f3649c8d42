"""Small readers shared by every parser: text clean-up, numbers, reference ranges, qualitative results, markers.

The words come from data/vocabulary.yaml (loaded once, validated); the code only knows the shapes.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, field_validator

from tools.reports.models import Marker, QualitativeResult, RefRange, Sex

DATA_DIR = Path(__file__).resolve().parent / "data"

_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_SUPERSCRIPT_RUN = re.compile(r"([⁰¹²³⁴⁵⁶⁷⁸⁹]+)")
# Dashes and tildes of every width, as OCR and word processors write them.
_DASHES = str.maketrans({"—": "-", "–": "-", "‐": "-", "‑": "-", "−": "-", "〜": "~", "∼": "~", "～": "~"})
_DECIMAL_COMMA = re.compile(r"(?<=\d),(?=\d{1,2}(?!\d))")
_PAREN_POWER = re.compile(r"10\((\d{1,2})\)")
_OR_EQUAL = re.compile(r"([<>])\s*or\s*=", re.IGNORECASE)
_CN_ONE_AS_DASH = re.compile(r"(?<=\d)\s*[一_]\s*(?=\d)")
NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?|\.\d+"
_RANGE_SEP = r"(?:-{1,2}|~|to|至|\.\.\.|\.\.)"
_BETWEEN = re.compile(rf"^\(?\s*({NUMBER})\s*{_RANGE_SEP}\s*({NUMBER})\s*\)?$", re.IGNORECASE)
_BOUND_WORDS = r"<=|>=|<|>|≤|≥|小于等于|大于等于|小于|大于|低于|高于|不高于|不低于|up to"
_BOUND = re.compile(rf"^\(?\s*({_BOUND_WORDS})\s*({NUMBER})\s*\)?$")
_BETWEEN_INSIDE = re.compile(rf"(?<![A-Za-z0-9.^*/])({NUMBER})\s*{_RANGE_SEP}\s*({NUMBER})(?![\d^])", re.IGNORECASE)
_BOUND_INSIDE = re.compile(rf"(?:{_BOUND_WORDS})\s*(?:{NUMBER})(?![\d^])")


class VocabularyFile(BaseModel):
    source: str
    qualitative: dict[QualitativeResult, list[str]]
    markers: dict[Marker, list[str]]
    sex: dict[Sex, list[str]]
    sex_labels: list[str]
    sections: dict[str, list[str]]
    report_words: list[str]
    modifiers: list[str]
    header_words: list[str]
    blocked_prefixes: list[str]
    identity_words: list[str]
    upper_case_aliases: list[str]
    traditional_to_simplified: str

    @field_validator("traditional_to_simplified")
    @classmethod
    def _pairs(cls, value: str) -> str:
        if len(value) % 2:
            raise ValueError("traditional_to_simplified must hold pairs of characters")
        return value
    columns: dict[str, list[str]]
    coded_results: dict[QualitativeResult, list[str]]


def clean_text(text: str) -> str:
    """Superscript powers to ^N, NFKC (full-width to ASCII), one dash and tilde, micro sign to u, × to x,
    "> OR =" to ">="."""
    text = _SUPERSCRIPT_RUN.sub(lambda m: "^" + m.group(1).translate(_SUPERSCRIPTS), text)
    text = unicodedata.normalize("NFKC", text).translate(_DASHES).translate(_traditional_table())
    text = text.replace("μ", "u").replace("×", "x").replace("\u3000", " ").replace("\xa0", " ")
    text = _OR_EQUAL.sub(lambda m: m.group(1) + "=", text)
    text = _PAREN_POWER.sub(r"10^\1", text)  # "x 10(9)/L"
    text = _DECIMAL_COMMA.sub(".", text)  # "3,9" (a decimal comma; "1,250" keeps its thousands separator)
    return _CN_ONE_AS_DASH.sub("-", text)


@lru_cache(maxsize=1)
def _traditional_table() -> dict[int, str]:
    pairs = vocabulary().traditional_to_simplified
    return {ord(pairs[i]): pairs[i + 1] for i in range(0, len(pairs), 2)}


@lru_cache(maxsize=1)
def vocabulary() -> VocabularyFile:
    with (DATA_DIR / "vocabulary.yaml").open(encoding="utf-8") as handle:
        return VocabularyFile.model_validate(yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))


@lru_cache(maxsize=1)
def _qualitative_index() -> dict[str, QualitativeResult]:
    index: dict[str, QualitativeResult] = {}
    for result, words in vocabulary().qualitative.items():
        for word in words:
            index[clean_text(word).lower()] = result
    return index


@lru_cache(maxsize=1)
def _marker_index() -> dict[str, Marker]:
    index: dict[str, Marker] = {}
    for marker, words in vocabulary().markers.items():
        for word in words:
            index[clean_text(word).lower()] = marker
    return index


def qualitative_words() -> list[str]:
    """Every qualitative word, longest first (for building value regexes)."""
    return sorted(_qualitative_index(), key=len, reverse=True)


def parse_qualitative(token: str) -> QualitativeResult | None:
    return _qualitative_index().get(clean_text(token).strip().lower())


def parse_marker(token: str) -> Marker | None:
    return _marker_index().get(clean_text(token).strip().lower())


def parse_number(token: str) -> float | None:
    token = clean_text(token).strip().replace(",", "")
    try:
        return float(token)
    except ValueError:
        return None


def parse_range(text: str) -> tuple[RefRange | None, QualitativeResult | None]:
    """A printed reference interval: "3.5-5.5", "3.5～5.5", "<5.0", ">=60", "0-40", "阴性" / "negative"."""
    cleaned = clean_text(text).strip().strip("[]()").strip()
    if not cleaned:
        return None, None
    between = _BETWEEN.match(cleaned)
    if between:
        low, high = parse_number(between.group(1)), parse_number(between.group(2))
        if low is not None and high is not None and low <= high:
            return RefRange(low=low, high=high), None
        return None, None
    bound = _BOUND.match(cleaned)
    if bound:
        op, number = bound.group(1), parse_number(bound.group(2))
        if op in ("<", "小于", "低于"):
            return RefRange(high=number, high_strict=True), None
        if op in ("<=", "≤", "小于等于", "不高于", "up to"):
            return RefRange(high=number), None
        if op in (">", "大于", "高于"):
            return RefRange(low=number, low_strict=True), None
        return RefRange(low=number), None
    qualitative = parse_qualitative(cleaned)
    if qualitative is None:
        inner = _BETWEEN_INSIDE.search(cleaned) or _BOUND_INSIDE.search(cleaned)
        if inner and inner.group(0).strip() != cleaned:
            return parse_range(inner.group(0))  # "3.5-5.0 mmol/L", "正常 <5.2"
    return None, qualitative


def sex_from_word(word: str) -> Sex | None:
    word = clean_text(word).strip().lower()
    for sex, words in vocabulary().sex.items():
        if word in words:
            return sex
    return None
