"""Understanding the patient's replies in the TCM flow: frequencies (1..5), commands, sex, age, pregnancy, form.

Deterministic and lexicon-driven (tools/tcm/data/lexicon.yaml). English words with small typos are corrected by
fuzzy matching against the lexicon's own words; Chinese phrases are matched longest first.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from tools.tcm.models import Lexicon, load_lexicon

_HAN = re.compile(r"[\u4e00-\u9fff]")
_EN_WORD = re.compile(r"[a-z][a-z'\-]*")
_SEPARATORS = set(",;/、|\n")
_PAIR = re.compile(r"\b([a-i]|el)\s*(\d{1,2})\s*[:=：]\s*([1-5])\b")
_FILLER = re.compile(r"[\s.!?。！？~～…]+")
_LABEL_GAP = set(" -:=()[]（）【】.")
NEGATED_VALUE = {5: 3, 4: 2, 3: 2, 2: 2, 1: 1}  # "not always" -> sometimes, "not often" -> rarely


def clean(text: str) -> str:
    """Lower case, full-width to ASCII, Chinese commas to ASCII, collapsed spaces."""
    text = unicodedata.normalize("NFKC", text or "").lower()
    text = text.replace("，", ",").replace("；", ";").replace("：", ":").replace("’", "'")
    return " ".join(text.split())


def _core(text: str) -> str:
    """The text without punctuation, polite openers and trailing particles, for whole-message comparisons."""
    core = _FILLER.sub(" ", clean(text)).strip(" ,")
    for opener in ("please ", "pls ", "请", "我要", "我想"):
        core = core.removeprefix(opener)
    while core and core[-1] in "吧了啊呀哦嘛呢":
        core = core[:-1]
    return core.strip()


@dataclass(frozen=True)
class _Phrase:
    text: str
    value: int | None  # 1..5, or None for a pure negator / intensifier
    negator: bool
    intensifier: bool
    english: bool


@lru_cache(maxsize=1)
def _scale_phrases() -> tuple[_Phrase, ...]:
    lexicon = load_lexicon()
    values: dict[str, int] = {}
    for value, words in lexicon.scale.items():
        for word in words.all():
            values.setdefault(clean(word), int(value))
    negators = {clean(word) for word in lexicon.negators.all()}
    intensifiers = {clean(word) for word in lexicon.intensifiers.all()}
    phrases = [
        _Phrase(text, values.get(text), text in negators, text in intensifiers, not _HAN.search(text))
        for text in set(values) | negators | intensifiers
    ]
    return tuple(sorted(phrases, key=lambda phrase: -len(phrase.text)))


@lru_cache(maxsize=1)
def _phrases_by_first_char() -> dict[str, tuple[_Phrase, ...]]:
    """The scale phrases grouped by first character, longest first, so a scan tries only a few per position."""
    groups: dict[str, list[_Phrase]] = {}
    for phrase in _scale_phrases():
        groups.setdefault(phrase.text[0], []).append(phrase)
    return {char: tuple(phrases) for char, phrases in groups.items()}


@lru_cache(maxsize=1)
def _english_vocabulary() -> tuple[str, ...]:
    lexicon = load_lexicon()
    words: set[str] = set()
    groups = [*lexicon.scale.values(), lexicon.negators, lexicon.intensifiers, *lexicon.commands.values()]
    for group in groups:
        for phrase in group.en:
            words.update(_EN_WORD.findall(clean(phrase)))
    return tuple(sorted(word for word in words if len(word) >= 3))


def correct_typos(text: str) -> str:
    """Replace unknown English words (4+ letters) by the closest lexicon word ("somtimes" -> "sometimes")."""
    vocabulary = _english_vocabulary()
    known = set(vocabulary)

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        if len(word) < 4 or word in known:
            return word
        close = difflib.get_close_matches(word, vocabulary, n=1, cutoff=0.8)
        return close[0] if close else word

    return _EN_WORD.sub(fix, text)


def _boundary_ok(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() and before.isascii()) and not (after.isalnum() and after.isascii())


def _scan(text: str) -> list[tuple[int, int, _Phrase | int]]:
    """Non-overlapping matches left to right: phrases (longest first) and single digits 1..5."""
    found: list[tuple[int, int, _Phrase | int]] = []
    position = 0
    by_first_char = _phrases_by_first_char()
    while position < len(text):
        char = text[position]
        if char.isdigit():
            end = position
            while end < len(text) and text[end].isdigit():
                end += 1
            run = text[position:end]
            if all(digit in "12345" for digit in run) and len(run) <= 66:
                found.extend((position + i, position + i + 1, int(digit)) for i, digit in enumerate(run))
            position = end
            continue
        for phrase in by_first_char.get(char, ()):
            end = position + len(phrase.text)
            if text.startswith(phrase.text, position) and (not phrase.english or _boundary_ok(text, position, end)):
                found.append((position, end, phrase))
                position = end
                break
        else:
            position += 1
    return found


def _joined(text: str, end: int, start: int) -> bool:
    """Two matches belong together (a negator or intensifier and its word): close, with no separator between."""
    gap = text[end:start]
    return len(gap.strip()) <= 1 and not any(char in _SEPARATORS for char in gap)


def parse_frequencies(text: str) -> list[int]:
    """Every frequency answer in the text, in order: "经常" -> [4]; "1 2 3" -> [1, 2, 3]; "不太经常" -> [2];
    "never, often, always" -> [1, 4, 5]; "34521" -> [3, 4, 5, 2, 1]; "4 (often)" -> [4]. Empty when nothing
    is understood."""
    normal = correct_typos(clean(text))
    matches = _scan(normal)
    found: list[tuple[int, int, int, bool]] = []  # start, end, value, is a digit
    index = 0
    while index < len(matches):
        start, end, token = matches[index]
        if isinstance(token, int):
            found.append((start, end, token, True))
            index += 1
            continue
        following = matches[index + 1] if index + 1 < len(matches) else None
        next_phrase = following[2] if following is not None and _joined(normal, end, following[0]) else None
        if isinstance(next_phrase, _Phrase) and next_phrase.value is not None and following is not None:
            if token.intensifier:
                index += 1  # "挺少" / "very often": the intensifier only strengthens the next word
                continue
            if token.negator:
                found.append((start, following[1], NEGATED_VALUE[next_phrase.value], False))  # "不经常"
                index += 2
                continue
        if token.value is not None:
            found.append((start, end, token.value, False))
        index += 1
    return _merge_labelled_digits(normal, found)


def _merge_labelled_digits(text: str, found: list[tuple[int, int, int, bool]]) -> list[int]:
    """A value and its gloss are one answer: "4 (often)", "经常 4", "3-有时", "经常（相当）", "5 总是（非常）"."""
    values: list[int] = []
    previous: tuple[int, int, int, bool] | None = None
    for token in found:
        if previous is not None:
            gap = text[previous[1]:token[0]]
            glossed = previous[3] != token[3] or any(bracket in gap for bracket in "([（【")
            repeated = not gap and not previous[3] and not token[3]  # "很少很少": said twice for emphasis
            if token[2] == previous[2] and (glossed or repeated) and set(gap) <= _LABEL_GAP:
                previous = (previous[0], token[1], token[2], previous[3] or token[3])
                continue
        values.append(token[2])
        previous = token
    return values


def parse_pairs(text: str) -> dict[str, int]:
    """Explicit "B3=4" / "EL12: 2" pairs (operators and power users)."""
    return {f"{letter.upper()}{number}": int(value) for letter, number, value in _PAIR.findall(clean(text))}


def _contains(text: str, phrase: str) -> bool:
    phrase = clean(phrase)
    if not phrase:
        return False
    if _HAN.search(phrase):
        return phrase in text
    return any(_boundary_ok(text, m.start(), m.end()) for m in re.finditer(re.escape(phrase), text))


def _best_label(text: str, groups: dict[str, list[str]]) -> str | None:
    """The label whose longest matching phrase is longest (ties: the first group listed)."""
    best: tuple[int, str] | None = None
    for label, phrases in groups.items():
        for phrase in phrases:
            if _contains(text, phrase) and (best is None or len(clean(phrase)) > best[0]):
                best = (len(clean(phrase)), label)
    return best[1] if best else None


def command(text: str, allow_substring: bool = True) -> str | None:
    """A flow command: back, pause, quit, resume, restart or skip; None when the text is not one.

    The whole message equal to a command phrase always counts; with `allow_substring`, a command phrase inside a
    longer message counts too ("我想先暂停一下")."""
    lexicon: Lexicon = load_lexicon()
    forms = {_core(text), _FILLER.sub(" ", clean(text)).strip(" ,")}
    names = ("back", "pause", "quit", "resume", "restart", "skip")
    for name in names:
        if forms & {clean(word) for word in lexicon.commands[name].all()}:
            return name
    if not allow_substring:
        return None
    normal = correct_typos(clean(text))
    return _best_label(normal, {name: lexicon.commands[name].all() for name in names})


def yes_no(text: str) -> bool | None:
    """True for yes, False for no, None when unclear. "不要"/"no thanks" before "要"/"yes"."""
    lexicon = load_lexicon()
    normal = correct_typos(clean(text))
    label = _best_label(normal, {"no": lexicon.commands["no"].all(), "yes": lexicon.commands["yes"].all()})
    return None if label is None else label == "yes"


def parse_sex(text: str) -> str | None:
    lexicon = load_lexicon()
    normal = clean(text)
    single = {"1": "female", "f": "female", "2": "male", "m": "male"}
    if _core(text) in single:
        return single[_core(text)]
    return _best_label(normal, {label: words.all() for label, words in lexicon.sex.items()})


def parse_pregnancy(text: str) -> str | None:
    """"yes", "no" or "unsure"; None when unclear."""
    lexicon = load_lexicon()
    normal = correct_typos(clean(text))
    return _best_label(normal, {label: words.all() for label, words in lexicon.pregnancy.items()})


def parse_form(text: str) -> str | None:
    """"full" (60 questions) or "short" (33 questions); None when unclear."""
    lexicon = load_lexicon()
    normal = clean(text)
    if normal in ("1", "2"):
        return "full" if normal == "1" else "short"
    return _best_label(normal, {label: words.all() for label, words in lexicon.form.items()})


_CN_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_AGE_NUMBER = re.compile(r"(\d{1,3})")
_CN_NUMBER = re.compile(r"([一二两三四五六七八九]?十[一二三四五六七八九]?)")


def _chinese_number(text: str) -> int | None:
    match = _CN_NUMBER.search(text)
    if not match:
        return None
    word = match.group(1)
    tens_text, _, units_text = word.partition("十")
    tens = _CN_DIGITS[tens_text] if tens_text else 1
    return tens * 10 + (_CN_DIGITS[units_text] if units_text else 0)


_EN_UNITS = {word: value for value, word in enumerate([
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"])}
_EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
            "eighty": 80, "ninety": 90}


def _english_number(text: str) -> int | None:
    """"sixty-five", "seventy two", "eighteen" -> the number; None when there is none."""
    words = re.findall(r"[a-z]+", text)
    for index, word in enumerate(words):
        if word in _EN_TENS:
            following = words[index + 1] if index + 1 < len(words) else ""
            units = _EN_UNITS.get(following, 0)
            return _EN_TENS[word] + (units if units < 10 else 0)
        if word in _EN_UNITS and word != "zero" and len(words) <= 3:  # "nineteen", "I'm nineteen"
            return _EN_UNITS[word]
    return None


def parse_age(text: str) -> tuple[int | None, str | None]:
    """(age in years, band) where band is "65_plus" or "under_65"; (None, None) when unclear.

    A number 1..120 is an age ("35", "35岁", "I'm 70", "七十岁"); band phrases ("over 65", "65岁以上") give only
    the band."""
    lexicon = load_lexicon()
    normal = clean(text)
    band = _best_label(normal, {label: words.all() for label, words in lexicon.age_bands.items()})
    if band is not None:
        return None, band
    numbers = [int(n) for n in _AGE_NUMBER.findall(normal)]
    age = numbers[0] if len(numbers) == 1 else None
    if age is None and not numbers:
        age = _chinese_number(normal) or _english_number(normal)
    if age is None or not 1 <= age <= 120:
        return None, None
    return age, "65_plus" if age >= 65 else "under_65"


_STATED_AGE = re.compile(
    r"(\d{1,3})\s*(?:岁|周岁|years?\s*old|yrs?\s*old|y/?o\b)|(?:age[d]?|年龄|今年)\s*[:是]?\s*(\d{1,3})"
)


def profile_from_text(text: str) -> tuple[str | None, int | None]:
    """Sex and age stated in an opening message ("我是女性，35岁"); a bare number is not taken as an age."""
    normal = clean(text)
    match = _STATED_AGE.search(normal)
    age = int(match.group(1) or match.group(2)) if match else None
    if age is not None and not 1 <= age <= 120:
        age = None
    lexicon = load_lexicon()
    sex = _best_label(normal, {label: words.all() for label, words in lexicon.sex.items()})
    return sex, age


def is_start_request(text: str) -> bool:
    """The message asks for the questionnaire itself ("测测我的体质", "TCM constitution test")."""
    normal = clean(text)
    return any(_contains(normal, phrase) for phrase in load_lexicon().match["strong"].all())


def remove_command_phrases(text: str, name: str) -> tuple[str, bool]:
    """`text` without the phrases of command `name` (e.g. "不知道"), and whether any was there."""
    normal = clean(text)
    found = False
    for phrase in sorted((clean(word) for word in load_lexicon().commands[name].all()), key=len, reverse=True):
        if phrase and _contains(normal, phrase):
            found = True
            normal = normal.replace(phrase, " ") if _HAN.search(phrase) else re.sub(
                rf"(?<![a-z0-9]){re.escape(phrase)}(?![a-z0-9])", " ", normal)
    return normal, found


_NUMBER = r"(\d+(?:\.\d+)?)"
_HEIGHT = re.compile(_NUMBER + r"\s*(cm|厘米|公分|m\b|米)")
_WEIGHT = re.compile(_NUMBER + r"\s*(kg|公斤|千克|斤|lbs?\b|pounds?)")
_TIMES = re.compile(_NUMBER + r"\s*(次|回|times?\b|episodes?\b|colds?\b)")
_WAIST = re.compile(_NUMBER + r"\s*(cm|厘米|公分|尺|inch(?:es)?\b|in\b)")
_MONTHLY = ("每个月", "每月", "几乎每月", "every month", "monthly", "each month")


def parse_measure(text: str, kind: str) -> float | None:
    """A measurement given instead of an option: BMI (or height and weight), times a year, waist in cm."""
    normal = clean(text)
    if kind == "bmi":
        height, weight = _HEIGHT.search(normal), _WEIGHT.search(normal)
        if height and weight:
            metres = float(height.group(1)) / (100 if height.group(2) in ("cm", "厘米", "公分") else 1)
            kilos = float(weight.group(1))
            kilos = kilos / 2 if weight.group(2) == "斤" else kilos * 0.4536 if weight.group(2)[0] in "lp" else kilos
            return round(kilos / (metres * metres), 1) if 0.5 < metres < 2.5 else None
        numbers = [float(n) for n in re.findall(_NUMBER, normal)]
        return numbers[0] if len(numbers) == 1 and 12 <= numbers[0] <= 60 else None
    if kind == "per_year":
        if any(phrase in normal for phrase in _MONTHLY):
            return 12.0
        times = _TIMES.search(normal)
        return float(times.group(1)) if times else None
    waist = _WAIST.search(normal)
    if waist:
        unit = waist.group(2)
        factor = 33.33 if unit == "尺" else 2.54 if unit.startswith("in") else 1.0
        return round(float(waist.group(1)) * factor, 1)
    numbers = [float(n) for n in re.findall(_NUMBER, normal)]
    return numbers[0] if len(numbers) == 1 and 50 <= numbers[0] <= 200 else None
