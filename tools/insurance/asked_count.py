"""What a count of time asked for ("除以多少个月", "住满几年", "how many months must I wait") is a count of: its unit
(months, not years) and the word it counts for ("除以", "住满", "wait"). A sentence gives that count only with a figure
of that unit and the word counted for: "累计缴费满十五年" does not say how many months a balance is divided by, and
"eligible for Part A for 2 years" does not say how many years one must live in the country. Used by
figure_sentence.py.
"""

from __future__ import annotations

import re

from tools.insurance.terms import QueryUnit, normalize

_ZH_COUNT = re.compile(r"(?:(?<![十好这那前])几|多少)(?:个)?(工作日|天|日|周|星期|月|年)(?!龄|度|份|纪)")
_EN_COUNT = re.compile(r"\bhow many (days|weeks|months|years)\b")
# The English verb a count is asked for stands after its auxiliary and subject ("how many years must I live here").
_EN_HEAD = re.compile(
    r"\bhow many (?:days|weeks|months|years) (?:do|does|did|must|will|would|should|can|could|have|has) "
    r"(?:i|you|we|they|he|she|it|my [a-z]+|the [a-z]+) (?:have to |need to |got to |be able to )?([a-z]+)"
)
# A figure's unit, by the words a figure of that unit holds.
_UNIT_WORDS = {
    "day": re.compile(r"工作日|日|天|days?"),
    "week": re.compile(r"周|星期|weeks?"),
    "month": re.compile(r"月|months?"),
    "year": re.compile(r"年|years?"),
}
_UNIT_OF = {
    "工作日": "day", "天": "day", "日": "day", "days": "day", "周": "week", "星期": "week", "weeks": "week",
    "月": "month", "months": "month", "年": "year", "years": "year",
}
# Words that tell the count is needed, not what it counts ("要", "需要", "才"): they stand between the word counted
# for and the question word, or are no such word.
_LINKING = re.compile(r"(?:要|需要|得|才|能|可以|应当|必须|连续|一共|总共|累计|至少|最少|最多)+$")


def asked_count_unit(asking: str) -> str | None:
    """The unit of the count of time the asking part asks for ("多少个月": month); None when it asks for none."""
    text = normalize(asking)
    match = _ZH_COUNT.search(text) or _EN_COUNT.search(text)
    return _UNIT_OF[match.group(1)] if match else None


# A whole number of a larger unit is a whole number of the one asked ("缴满十五年" says how many months): a count of
# months is given in years too, a count of days in weeks; never the other way, nor months for days.
_GIVEN_IN = {"day": ("day", "week"), "week": ("week",), "month": ("month", "year"), "year": ("year",)}


def figure_of_unit(figure_text: str, unit: str) -> bool:
    """A figure ("十五年", "90 days") gives a count in that unit: it is in it or in a whole larger one."""
    return any(_UNIT_WORDS[given].search(figure_text) for given in _GIVEN_IN[unit])


def counted_for(asking: str, units: list[QueryUnit]) -> QueryUnit | None:
    """The word of the asking part the count is asked for: the one just before the Chinese question word ("住满几年":
    住满), or the verb after an English one ("how many months must I wait": wait); None when no unit of the
    question is that word."""
    text = normalize(asking)
    match = _ZH_COUNT.search(text)
    if match:
        before = _LINKING.sub("", text[: match.start()])
        held = [u for u in units if before.endswith(u.label)]
        return max(held, key=lambda u: len(u.label)) if held else None
    match = _EN_HEAD.search(text)
    if match:
        verb = match.group(1)
        return next((u for u in units if u.label == verb or verb in u.alternatives), None)
    return None
