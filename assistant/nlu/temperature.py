"""Body temperatures in free text, in °C or °F, Chinese ("38度5", "三十八度五") and English ways of writing them.

Takes text already passed through `normalize()` (lower case, ASCII digits and punctuation).
"""

from __future__ import annotations

import re

from assistant.nlu.numbers import ZH_NUM, zh_to_number

__all__ = ["find_temperature_c"]


_TEMP_PATTERNS = [
    # 38度5 / 三十八度五 (a Chinese way of writing 38.5)
    re.compile(r"(?P<int>\d{2}|" + ZH_NUM + r")\s*度\s*(?P<frac>\d|[一二三四五六七八九])(?!\d|天|个|周|岁|月)"),
    re.compile(r"(?P<v>\d{2,3}(?:\.\d+)?)\s*(?P<u>°\s*c|°\s*f|℃|℉|degrees?\s*(?:c\b|celsius|f\b|fahrenheit)?|"
               r"deg\b|celsius|fahrenheit|度|c\b|f\b)"),
    re.compile(r"(?P<v>" + ZH_NUM + r")\s*(?P<u>度|℃)"),
    # a bare number after a fever word: "fever of 39", "temp 101", "烧到39", "体温38.6"
    re.compile(r"(?:fever|temp|temperature|temps?|thermometer|reading|warm|hot|烧到|烧了|发烧|发热|体温|腋温|肛温|耳温|"
               r"额温|口温|腋下|高烧|低烧|烧|探热|探咗|探到|探过|探了)"  # 探热: Cantonese for taking a temperature
               r"[^0-9.;!?]{0,12}?(?P<v>\d{2,3}(?:\.\d+)?)(?!\s*(?:天|days?|hours?|小时|周|weeks?|岁|years?|次|times))"),
    # a reading written before the fever word: "102.4 fever", "a 39.2 temp", "101 degree temperature" (the fever band
    # only, °C or °F, so an age or a count before the word is not read as a temperature)
    re.compile(r"(?<![\d.])(?:(?P<v>3[7-9]\.\d|4[0-2]\.\d|99\.\d|10[0-7](?:\.\d)?)\s*(?:-?\s*degrees?\s*)?"
               r"(?:fever|temp\b|temperature)|(?P<w>3[89]|4[0-2])\s*(?:-?\s*degrees?\s*)?fever)"),
    # a clinical note's observations: "T 37.8", "T: 38.4", "T=39.1C", "Tmax 38.9" (a body-temperature range only)
    re.compile(r"(?<![a-z0-9'])(?:t|tmax|t max)\s*[:=]?\s*(?P<v>3[4-9](?:\.\d)?|4[0-2](?:\.\d)?)(?![\d.])"
               r"(?P<u>\s*(?:°\s*c|℃|c\b))?"),
    # a range after a fever word counts at its top: "fever 38.8-39", "temp 38 to 39.2", "烧到38.5-39"
    re.compile(r"(?:fever|temp|temperature|thermometer|reading|烧到|发烧|体温)[^0-9.;!?]{0,12}?\d\d(?:\.\d+)?\s*(?:-|–|~|to)\s*"
               r"(?P<v>3[6-9](?:\.\d)?|4[0-2](?:\.\d)?)(?!\d|\.\d|\s*(?:天|days?|hours?|weeks?))"),
    # a bare range of two decimal readings in the fever band: "(39.0-39.4)", "38.6 to 39.1" counts at its top
    re.compile(r"(?<![\d.])3[7-9]\.\d\s*(?:-|–|~|to)\s*(?P<v>3[7-9]\.\d|4[0-2]\.\d)"
               r"(?!\d|\.\d|\s*(?:kg|kilos?|lbs?|weeks?|wks?|%|cm|mmol|hours?|days?|years?|周|天|公斤|斤))"),
    # a parent's bare reading: "tonight she's 38.1", "he was 39.2 at bedtime" (a decimal in the fever range only)
    re.compile(r"\b(?:he'?s|she'?s|he is|she is|he was|she was|baby'?s|baby is|it'?s|it is|it was|now|tonight|"
               r"reached|hit|up to|reads?|read|says|said|shows?|showed|showing|registers|registered|"
               r"running(?: at)?|spiking(?: at)?|spiked (?:to|at)|peaked at|peaking at)\s+"
               r"(?:now |still |up to |at |about |around )?"
               r"(?P<v>3[7-9]\.\d|4[0-2]\.\d)(?!\d|\.\d|\s*(?:kg|kilos?|lbs?|weeks?|wks?|%|cm|mmol|hours?|days?|years?))"),
    # "my baby has 39.2", "in bed with 38.9", "peaked at 39.6": a fever-band decimal only (not a weight, dose or week)
    re.compile(r"\b(?:has|had|have|having|with|running|runs|ran|got|getting|spiking|spiked|peaked at|peaking at|"
               r"sitting at|stuck at|hovering (?:at|around)|up at)\s+(?:a |an |about |around |like |nearly |over )?"
               r"(?<![\d.])(?P<v>3[7-9]\.\d|4[0-2]\.\d)(?!\d|\.\d|\s*(?:kg|kilos?|lbs?|weeks?|wks?|%|cm|mmol|hours?|"
               r"days?|years?|mg|ml|units?|mmhg))"),
    # a bare reading right after a feverish symptom: "shivering, 38.6", "chills and sweats 39.1", "寒战，38.6"
    # (a decimal in the fever band only, so a weight or a dose after the word is not read as a temperature)
    re.compile(r"(?:shiver\w*|chills?|chilly|rigou?rs|sweats|sweating|shaking|shaky|aching|achy|flushed|"
               r"寒战|发冷|打寒颤|打冷战|发抖|哆嗦|畏寒|怕冷|出汗|浑身疼|全身酸痛)[^0-9.;!?]{0,12}?"
               r"(?<![\d.])(?P<v>3[7-9]\.\d|4[0-2]\.\d)(?!\d|\.\d|\s*(?:kg|kilos?|lbs?|weeks?|wks?|%|cm|mmol|hours?|days?|"
               r"years?|周|天|公斤|斤))"),
    # a bare decimal listed among symptoms: "spots on my tonsils, 38.5 and glands up", "咳嗽，38.7，浑身酸" (the fever
    # band only, set off by commas, so a dose or a weight with its unit is not read as a temperature)
    re.compile(r"[,;，；]\s*(?P<v>3[7-9]\.\d|4[0-2]\.\d)(?=\s*(?:[,;，；]|\.(?!\d)|and\b|today\b|tonight\b|now\b|"
               r"this\b|last\b|$))"),
]


def _to_celsius(value: float, unit: str | None) -> float | None:
    unit = (unit or "").replace(" ", "")
    fahrenheit = "f" in unit or "℉" in unit or 90 <= value <= 110  # no unit but clearly Fahrenheit
    celsius = (value - 32) * 5 / 9 if fahrenheit else value
    return round(celsius, 1) if 33.0 <= celsius <= 44.0 else None


def find_temperature_c(text: str) -> float | None:
    """The highest body temperature stated in the text, in °C (Fahrenheit converted); None when absent."""
    found: list[float] = []
    for index, pattern in enumerate(_TEMP_PATTERNS):
        for m in pattern.finditer(text):
            if index == 0:
                whole = zh_to_number(m.group("int"))
                frac = zh_to_number(m.group("frac"))
                if whole is None or frac is None:
                    continue
                value: float | None = _to_celsius(whole + frac / 10, "c")
            else:
                number = zh_to_number(m.group("v") or m.groupdict().get("w") or "")
                if number is None:
                    continue
                unit = m.groupdict().get("u")
                value = _to_celsius(number, unit)
            if value is not None:
                found.append(value)
    return max(found) if found else None
