"""Text normalisation shared by every matcher: full-width forms, spaces, case."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, Field, model_validator

_PUNCT_MAP = str.maketrans({"，": ",", "。": ".", "：": ":", "；": ";", "！": "!", "？": "?", "（": "(", "）": ")"})
# "37.8。25岁" (a decimal, then a new sentence) or "140/90。65岁" (a number followed by an age, a count or a time);
# "38。5度" (a typo for 38.5) keeps its decimal point.
_ZH_STOP_BETWEEN_DIGITS = re.compile(r"(?:(?<=\.\d)|(?<=\.\d\d)"
                                     r"|(?<=\d)(?=[。｡]\s*\d+\s*(?:岁|周岁|个|周|天|年|次|小时|分钟|斤|公斤|kg|号|月)))"
                                     r"[。｡](?=\s*\d)")


def normalize(text: str) -> str:
    """NFKC (full-width digits and letters to ASCII), Chinese punctuation to ASCII, collapsed spaces, lower case.
    A Chinese full stop between two digits ends a sentence ("体温37.8。25岁男"): it becomes ";", never a decimal
    point that would glue the numbers into "37.8.25"."""
    text = _ZH_STOP_BETWEEN_DIGITS.sub(";", unicodedata.normalize("NFKC", text)).translate(_PUNCT_MAP)
    return " ".join(text.split()).lower()


# ------------------------------------------------------------------ Chinese variants, for symptom matching only

_VARIANTS_FILE = Path(__file__).with_name("zh_variants.yaml")


class _Rewrite(BaseModel):
    pattern: str
    to: str


class _Traditional(BaseModel):
    from_: str = Field(alias="from")
    to: str

    @model_validator(mode="after")
    def _one_to_one(self) -> _Traditional:
        if len(self.from_) != len(self.to):
            raise ValueError("traditional.from and traditional.to must be the same length (offsets must not move)")
        return self


class _Variants(BaseModel):
    source: str
    traditional: _Traditional
    pinyin: dict[str, str]
    cantonese: list[_Rewrite]
    homophones: list[_Rewrite]


@lru_cache(maxsize=1)
def _variants() -> tuple[dict[int, int], dict[str, str], re.Pattern[str], list[tuple[re.Pattern[str], str]]]:
    data = _Variants.model_validate(yaml.safe_load(_VARIANTS_FILE.read_text(encoding="utf-8")))
    table = str.maketrans(data.traditional.from_, data.traditional.to)
    words = "|".join(sorted(data.pinyin, key=len, reverse=True))
    # Pinyin counts only next to a Chinese character ("发shao", "wen子"), never as an English word.
    pinyin = re.compile(rf"(?<=[\u3400-\u9fff])(?:{words})(?![a-z])|(?<![a-z])(?:{words})(?=[\u3400-\u9fff])")
    rewrites = [(re.compile(r.pattern), r.to) for r in (*data.cantonese, *data.homophones)]
    return table, data.pinyin, pinyin, rewrites


def symptom_text(text: str) -> str:
    """`normalize()` plus Chinese variants read as their usual form (zh_variants.yaml): traditional characters,
    pinyin typed inside Chinese text, written Cantonese, and common homophone slips. For symptom matching only
    (offsets refer to this text)."""
    table, pinyin_words, pinyin, rewrites = _variants()
    text = normalize(text).translate(table)
    text = pinyin.sub(lambda m: pinyin_words[m.group(0)], text)
    for pattern, fixed in rewrites:
        text = pattern.sub(fixed, text)
    return text
