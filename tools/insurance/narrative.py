"""Which parts of a question tell the patient's story and which ask: a word said only in the story ("we called
911", "我们工地一个师傅中午喝了酒") weighs less in coverage than one the question asks about.
"""

from __future__ import annotations

import re

NARRATIVE_WORD_FACTOR = 0.4
_CLAUSE_END = re.compile(r"[。！？!?；;\n,，、]+|\.(?:\s+|$)")
SHORT_ASK_CHARS = 6
_CHAR_OR_WORD = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")  # a clause's length in characters, not punctuation
# What makes a sentence ask something: a question mark, a Chinese question word or particle, an English question
# opening ("how", "can I", "is it").
_ASKING = re.compile(
    r"[?？]|吗|怎么|怎样|什么|多少|能不能|能否|可不可以|可以吗|是不是|会不会|有没有|要不要|哪|(?<!好)几|如何|为什么|为啥|咋|啥|"
    r"^\s*(?:how|what|when|where|which|who|why|can|could|do|does|did|is|are|will|would|should|may|must|am)\b"
)


def narrative_spans(text: str) -> list[tuple[int, int]]:
    """The spans of a question that tell the patient's story and ask nothing, when another part asks: sentences,
    and the clauses of a sentence ("我们工地一个师傅中午喝了酒,下午摔下来骨折了,老板说这不算工伤,是真的吗?": the
    first two clauses; a short asking clause, "是真的吗", asks about the clause before it)."""
    ends = [m.end() for m in _CLAUSE_END.finditer(text)]
    bounds = [0, *ends] + ([len(text)] if not ends or ends[-1] < len(text) else [])
    clauses = [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if text[a:b].strip()]
    asking = [bool(_ASKING.search(text[a:b].strip())) for a, b in clauses]
    if len(clauses) < 2 or not any(asking):
        return []
    for i in range(1, len(clauses)):
        a, b = clauses[i]
        if asking[i] and len(_CHAR_OR_WORD.findall(text[a:b])) <= SHORT_ASK_CHARS:
            asking[i - 1] = True
    return [span for span, asks in zip(clauses, asking, strict=True) if not asks]


def only_in(word: str, spans: list[tuple[int, int]], text: str) -> bool:
    """Every occurrence of the word in the text lies in one of the spans."""
    if not spans:
        return False
    starts = [m.start() for m in re.finditer(re.escape(word), text)]
    return bool(starts) and all(any(a <= i < b for a, b in spans) for i in starts)


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# A clause that tells something done: an English past tense or a Chinese aspect word of completion.
_PAST = re.compile(
    r"\b(?:[a-z]+ed|was|were|did|had|got|went|paid|began|became|took|left|quit|lost|made|came|spent|bought|"
    r"told|said|kept|gave|saw|ran)\b|了|过|已经|去年|前年"
)


def told_years(text: str) -> set[str]:
    """Years that only the story names, each in a clause telling something done ("my enrollment period ended in
    October 2022 and I finally signed up in March 2025"): the patient's history, not a year the question asks about
    ("I turn 65 in 2027" is not told as done; "what will I pay in 2025" asks)."""
    spans = narrative_spans(text)
    told: set[str] = set()
    asked: set[str] = set()
    for match in _YEAR.finditer(text):
        span = next(((a, b) for a, b in spans if a <= match.start() < b), None)
        if span is not None and _PAST.search(text[span[0] : span[1]]):
            told.add(match.group(0))
        else:
            asked.add(match.group(0))
    return told - asked


# A year the story gives as the end of the patient's own arrangement ("I took COBRA and it should last until mid-2026",
# "合同签到2026年底"): when that ends, not a year whose rules or figures are asked.
_UNTIL_YEAR = re.compile(
    r"\b(?:until|till|through|thru|lasts?|ends?|ending|expires?|runs? out)\s+(?:in\s+|on\s+|at\s+)?"
    r"(?:(?:early|mid|late|the end of|end of|the middle of|the start of|[a-z]+)[\s-]+(?:\d{1,2},?\s+)?)?"
    r"((?:19|20)\d\d)(?!\d)|"
    r"(?:到|至|持续到|延续到|签到|管到)((?:19|20)\d\d)年"
)


def timeline_years(text: str) -> set[str]:
    """Years that only the story names as when the patient's own arrangement ends ("it should last until mid-2026"),
    in a clause that asks nothing: the patient's timeline, whatever the documents' year."""
    spans = narrative_spans(text)
    until: set[str] = set()
    for match in _UNTIL_YEAR.finditer(text):
        if any(a <= match.start() < b for a, b in spans):
            until.add(match.group(1) or match.group(2))
    return until - {m.group(0) for m in _YEAR.finditer(text) if not any(a <= m.start() < b for a, b in spans)}


def asked_year(text: str, newest: str | None) -> str | None:
    """The year a question asks about: its latest, leaving out years the story tells as done, when they are no
    later than `newest` (the documents' newest year: a past event told for a later year means today is later
    than the documents, whose figures then do not answer)."""
    years = set(_YEAR.findall(text))
    if not years:
        return None
    history = {y for y in told_years(text) if newest is not None and y <= newest} | timeline_years(text)
    rest = years - history
    return max(rest) if rest else None


def newest_year(titles: dict[str, str]) -> str | None:
    """The newest year the documents are of, from their ids and titles ("Medicare & You 2025"); None when none says."""
    years = [y for doc_id, title in titles.items() for y in _YEAR.findall(f"{doc_id} {title}")]
    return max(years) if years else None
