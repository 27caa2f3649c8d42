"""What a report's header says: the patient's sex, the report date, and the language it is written in."""

from __future__ import annotations

import re

from tools.reports.models import Sex
from tools.reports.vocabulary import sex_from_word

_HAN = re.compile(r"[\u3400-\u9fff]")
DATE_YMD = re.compile(r"(20\d{2}|19\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
DATE_MDY = re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/(20\d{2}|19\d{2})(?!\d)")
CLOCK_TIME = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?!\d)")
_SEX_LABEL = re.compile(r"(?:性\s*别|sex|gender)\s*[:：]?\s*([^\s,;|]+)", re.IGNORECASE)
_SEX_FREE = re.compile(
    r"(男性|女性|男的|女的|男生|女生|男士|女士|\bfemale\b|\bmale\b|\bwoman\b|\bman\b|[男女](?=[\s,，、/)）:：]|\d|$))",
    re.IGNORECASE,
)
# "45M", "45 yo F", "F/32": age and sex shorthand of case notes.
_SEX_SHORT = re.compile(r"\b\d{1,3}\s*(?:yo|y/o|y|yrs?)?\s*([MF])\b|\b([MF])\s*/\s*\d{1,3}\b")


def find_sex(text: str) -> Sex | None:
    for match in _SEX_LABEL.finditer(text):
        sex = sex_from_word(match.group(1)[:6].strip("：:"))
        if sex is None and match.group(1)[:1] in ("男", "女"):
            sex = sex_from_word(match.group(1)[:1])
        if sex:
            return sex
    found = _SEX_FREE.search(text)
    if found:
        return sex_from_word(found.group(1))
    short = _SEX_SHORT.search(text)
    return sex_from_word(short.group(1) or short.group(2)) if short else None


def find_date(text: str) -> str | None:
    ymd = DATE_YMD.search(text)
    if ymd:
        year, month, day = (int(g) for g in ymd.groups())
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month:02d}-{day:02d}"
    mdy = DATE_MDY.search(text)
    if mdy:
        month, day, year = (int(g) for g in mdy.groups())
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def detect_locale(text: str) -> str:
    han = len(_HAN.findall(text))
    latin = len(re.findall(r"[A-Za-z]{3,}", text))
    return "zh" if han >= 2 and han >= latin // 4 else "en"
