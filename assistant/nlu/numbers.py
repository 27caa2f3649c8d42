"""Numbers in free text: Chinese numerals ("三十八", "三点五") and English number words ("a couple of", "twelve").

Shared by the quantity readers (assistant.nlu.quantities) and the insurance amounts (tools.insurance.amounts).
"""

from __future__ import annotations

_ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "俩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
              "八": 8, "九": 9}
_ZH_UNITS = {"十": 10, "百": 100, "千": 1000}
ZH_NUM = r"[零〇一二两俩三四五六七八九十百]+"
NUM = r"(?:\d+(?:\.\d+)?|" + ZH_NUM + r")"


def zh_to_number(text: str) -> float | None:
    """'三' -> 3, '十二' -> 12, '三十八' -> 38, '一百零三' -> 103, '一千二百' -> 1200, '三点五' -> 3.5, '38' -> 38;
    None when not a number."""
    text = text.strip()
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        pass
    if "点" in text:
        whole, _, fraction = text.partition("点")
        base = zh_to_number(whole) if whole else 0.0
        digits = "".join(str(_ZH_DIGITS[c]) for c in fraction if c in _ZH_DIGITS)
        if base is None or not digits or len(digits) != len(fraction):
            return None
        return float(f"{int(base)}.{digits}")
    total, current = 0, 0
    for char in text:
        if char in _ZH_DIGITS:
            current = _ZH_DIGITS[char]
        elif char in _ZH_UNITS:
            total += (current or 1) * _ZH_UNITS[char]
            current = 0
        else:
            return None
    return float(total + current)


_WORD_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2, "couple of": 2,
                 "a couple": 2, "a few": 3, "few": 3, "several": 4, "half a": 0.5, "half an": 0.5}
EN_NUM = r"(?:\d+(?:\.\d+)?|a couple of|couple of|a couple|a few|few|several|half an?|an?|one|two|three|four|five|" \
         r"six|seven|eight|nine|ten|eleven|twelve)"


def en_to_number(text: str) -> float | None:
    text = text.strip()
    try:
        return float(text)
    except ValueError:
        return _WORD_NUMBERS.get(text)
