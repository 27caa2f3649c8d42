"""Text normalisation shared by every matcher: full-width forms, spaces, case."""

from __future__ import annotations

import unicodedata

_PUNCT_MAP = str.maketrans({"，": ",", "。": ".", "：": ":", "；": ";", "！": "!", "？": "?", "（": "(", "）": ")"})


def normalize(text: str) -> str:
    """NFKC (full-width digits and letters to ASCII), Chinese punctuation to ASCII, collapsed spaces, lower case."""
    text = unicodedata.normalize("NFKC", text).translate(_PUNCT_MAP)
    return " ".join(text.split()).lower()
