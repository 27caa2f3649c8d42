"""Which language a message is written in: Simplified Chinese or English."""

from __future__ import annotations

import re

from assistant.reply import Locale

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def detect_locale(text: str, default: Locale = "en") -> Locale:
    """zh when the text has Chinese characters in a fair share, en when it has English words, else `default`.

    Lab abbreviations (ALT, WBC) inside Chinese text are common, so a few Han characters outweigh many
    Latin tokens.
    """
    han = len(_HAN.findall(text))
    latin = len(_LATIN_WORD.findall(text))
    if han == 0 and latin == 0:
        return default
    if han >= 2 or (han >= 1 and latin <= 2):
        return "zh"
    return "en"
