"""Finding analyte names in a line of text: every catalogue alias, longest first, without a giant regex.

The line is compacted (spaces, commas, dashes, underscores, brackets and non-decimal dots dropped, lower case) so
that "Bilirubin, Total", "T-BIL" and "TBIL" meet their aliases; a character trie walks it. Boundaries are then
checked on the original text: Latin aliases not inside a longer word, short ones (K, Na, PT) not running into
digits or a unit ("CA125", "K/uL"), single letters and a few words (PT) upper case only, and Chinese aliases
not right after a character that makes them part of another test's name (尿钾, 离子钙, 前白蛋白).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from tools.reports.vocabulary import clean_text, vocabulary

_DROPPED = re.compile(r"[\s,\-_()]")
_LATIN_OR_DIGIT = re.compile(r"[A-Za-z0-9]")
_LATIN = re.compile(r"[A-Za-z]")
_HAN = re.compile(r"[\u3400-\u9fff]")
_END = "\0"


@dataclass(frozen=True)
class AliasShape:
    """What boundary checks an alias needs, from its first and last characters."""

    starts_latin: bool
    starts_han: bool
    ends_alnum: bool
    short: bool  # two or fewer letters and digits: "K", "Na", "PT"
    upper_only: bool  # single letters (K, P) and listed words (PT, not "pt" for patient)


@dataclass(frozen=True)
class AliasMatch:
    begin: int
    finish: int
    text: str

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish

    def group(self, _: int = 0) -> str:
        return self.text


def compact(text: str) -> tuple[str, list[int]]:
    """The text without separators, lower case, and for each kept character its index in `text`."""
    kept: list[str] = []
    positions: list[int] = []
    for index, char in enumerate(text):
        if _DROPPED.match(char):
            continue
        if char == "." and not (0 < index < len(text) - 1 and text[index - 1].isdigit() and text[index + 1].isdigit()):
            continue
        kept.append(char.lower())
        positions.append(index)
    return "".join(kept), positions


def _shape(alias: str) -> AliasShape:
    cleaned = clean_text(alias).strip()
    alnum = re.sub(r"[^A-Za-z0-9]", "", cleaned)
    return AliasShape(
        starts_latin=bool(_LATIN_OR_DIGIT.match(cleaned[:1])),
        starts_han=bool(_HAN.match(cleaned[:1])),
        ends_alnum=bool(_LATIN_OR_DIGIT.match(cleaned[-1:])),
        short=len(alnum) <= 2,
        upper_only=(len(cleaned) == 1 and bool(_LATIN.match(cleaned))) or cleaned in vocabulary().upper_case_aliases,
    )


def build_trie(aliases: set[str]) -> dict[str, Any]:
    trie: dict[str, Any] = {}
    for alias in aliases:
        key, _ = compact(clean_text(alias))
        if not key:
            continue
        node = trie
        for char in key:
            node = node.setdefault(char, {})
        node.setdefault(_END, []).append(_shape(alias))
    return trie


def _fits(shape: AliasShape, text: str, begin: int, finish: int, blocked: str) -> bool:
    before = text[begin - 1] if begin > 0 else ""
    after = text[finish] if finish < len(text) else ""
    if shape.starts_latin and before and _LATIN_OR_DIGIT.match(before):
        return False
    if shape.starts_han and before and before in blocked:
        return False
    if shape.upper_only and not text[begin:finish].isupper():
        return False
    if shape.ends_alnum and after:
        if shape.short and (_LATIN_OR_DIGIT.match(after) or after == "/"):
            return False
        if _LATIN.match(after):
            return False
    return True


@lru_cache(maxsize=1)
def _blocked() -> str:
    return "".join(vocabulary().blocked_prefixes)


def find_aliases(text: str, trie: dict[str, Any]) -> list[AliasMatch]:
    """Non-overlapping alias matches, left to right, the longest that fits its boundaries at each place."""
    key, positions = compact(text)
    blocked = _blocked()
    found: list[AliasMatch] = []
    index = 0
    while index < len(key):
        node = trie
        ends: list[tuple[int, list[AliasShape]]] = []
        step = index
        while step < len(key) and key[step] in node:
            node = node[key[step]]
            step += 1
            if _END in node:
                ends.append((step, node[_END]))
        match = None
        for stop, shapes in reversed(ends):
            begin, finish = positions[index], positions[stop - 1] + 1
            if any(_fits(shape, text, begin, finish, blocked) for shape in shapes):
                match = AliasMatch(begin, finish, text[begin:finish])
                index = stop
                break
        if match is None:
            index += 1
        else:
            found.append(match)
    return found
