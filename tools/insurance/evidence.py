"""What a question asks for and what a text must hold to answer it: the figure kinds (money, percentage, time)
and the places a question names. Used by answer.py to decide, by rule, whether the retrieved text answers.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pydantic import BaseModel

from tools.insurance.models import Hit
from tools.insurance.terms import DATA_DIR, load_yaml, narrative_spans, normalize, word_pattern

# What kind of figure a question asks for, and what a text must hold to give one. Bare digits (page or phone
# numbers) are no figure; "下一年度" is no figure either (一 before 年 is a word, not a count).
# "以上五万元" is a bound of a range ("一万元以上五万元以下"), not "上个月".
_CN_COUNT = r"(?<![每同])(?<!(?<!以)[上下])(?:[两二三四五六七八九十百千半]|[一二三四五六七八九十百千两]{2,})(?:个)?"
# Fines are set as multiples of the amount involved ("二倍以上五倍以下"): a multiple answers "how much".
MONEY_FIGURE = re.compile(
    r"[$¥￥]\s?\d|\d[\d,.]*\s*(?:元|万元|万|美元|dollars?|yuan|倍)|" + _CN_COUNT + r"(?:元|万元|倍)|"
    r"(?<![第\d])一(?:百|千|万|百万|千万)元"  # "处一万元以上": one of a unit of money is a sum too
)
PERCENT_FIGURE = re.compile(r"\d\s*(?:%|percent|个?百分点)|[百千万]分之|" + _CN_COUNT + r"(?:成|个百分点)")
TIME_FIGURE = re.compile(
    r"\d[\s-]*(?:个?工作日|日|天|周|个?月|年|days?|weeks?|months?|years?|quarters?)|"
    + _CN_COUNT + r"(?:日|天|周|月|年|工作日)|(?:下一|次)(?:年度|年|月)|待遇等待期|"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|sixty|ninety)[\s-]*(?:days?|months?|years?)|"
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+\d|"
    # A period set by reference to another one ("生育津贴支付期限按照...产假、生育假期限执行") answers "how long".
    r"期限(?:按照|依照|参照|由)|(?:按照|依照)[^。；]{0,40}期限执行"
)
# A count of days, months or years asked for ("几个月", "how many days") is a number: a period named or set by
# reference to another one ("待遇等待期", "按照产假期限执行") answers "when" or "how long", not "how many months".
COUNT_TIME_FIGURE = re.compile(
    r"\d[\s-]*(?:个?工作日|日|天|周|个?月|年|days?|weeks?|months?|years?)|"
    + _CN_COUNT + r"(?:日|天|周|个?月|年|工作日)|"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|sixty|ninety)[\s-]*(?:days?|months?|years?)"
)
# A count of hours asked for ("how many hours of care a week", "每周几个小时") is given only in hours: a period of
# months in the same article (a suspension "六个月以上一年以下") does not answer it.
HOUR_FIGURE = re.compile(r"\d[\s-]*(?:个?小时|hours?|hrs?)\b|" + _CN_COUNT + r"(?:个?小时|钟头)")
ANY_FIGURE = re.compile(
    MONEY_FIGURE.pattern + "|" + PERCENT_FIGURE.pattern + "|" + TIME_FIGURE.pattern
    + r"|\d\s*(?:倍|周岁|岁|次|人)|" + _CN_COUNT + r"(?:倍|周岁|次|人)"
)
FIGURE_QUESTIONS: list[tuple[re.Pattern[str], re.Pattern[str]]] = [
    (re.compile(r"(?:(?<![十好这那前])几|多少)(?:个)?(?:小时|钟头)|how many hours"), HOUR_FIGURE),
    (re.compile(r"比例|百分之(?:几|多少)|百分比|几成|percent|percentage|what rate|what share"), PERCENT_FIGURE),
    (re.compile(r"多少钱|多少元|几块|几万|how much (?:is|are|does|do|will|would|money)|多少费用|交多少|"
                r"(?:费|费用|价格|价钱|金额|收费|单价)(?:标准)?(?:是|为|有|要)?多少|"
                r"(?:用|报|领|拿|赔|补|付)多少(?!年|个月|月|天|次|倍|人)|"
                # "what does Plan G usually cost per month": a price for a period is an amount of money.
                r"what (?:does|will) it cost|"
                r"what (?:does|will|would|do) [a-z0-9 \-]{1,40}?\bcost (?:per|a|each|every) (?:month|year|week|day)\b|"
                r"(?:what(?:'s|s| is| are| will)(?: the| my)?|how much is the) "
                r"[a-z0-9 \-]{0,45}(?:premium|deductible|copay|coinsurance|cap|limit|maximum|max|contribution)s?\b|"
                # "how much unemployment money", "how much do they take out every month": an amount of money,
                # not the months it is paid for.
                r"how much [a-z' \-]{0,30}\b(?:money|cash)\b|"
                r"how much [a-z' \-]{0,40}\b(?:per|a|each|every) (?:month|year|week|day)\b|"
                r"\bin (?:yuan|rmb|dollars)\b|\b(?:dollar|yuan|rmb) (?:amount|figure)\b|how many (?:dollars|yuan)\b|"
                r"(?:what(?:'s| is| are| will)|how much is) the (?:maximum|max|most)\b|"
                # "What is Beijing's monthly unemployment insurance amount?": an amount asked by its name.
                r"(?:what(?:'s|s| is| are| will)(?: be)?|how much is) [a-z0-9' \-]{0,50}\bamounts?\b"), MONEY_FIGURE),
    # "十几年", "好几个月", "这几天": an approximate count in the story, not a question.
    (re.compile(r"(?:(?<![十好这那前])几|多少)(?:个)?(?:天|日|周|星期|月|年)(?!龄|度|份|纪)|"
                # "how many of those years must be paid in Shanghai": a count of years all the same.
                r"how many (?:of (?:those|these|the|them|which) )?(?:days|weeks|months|years)"),
     COUNT_TIME_FIGURE),
    (re.compile(r"多久|(?<![十好这那前])几(?:天|个月|年)|多长|哪天|哪一天|哪年|哪一年|何时|几号|几月|什么时候|啥时候|"
                r"how long|\bdeadline\b|截止(?:日期|时间)|"
                # "what is the longest period they can draw benefits": a period asked as its bound
                r"\b(?:longest|maximum|max|shortest|minimum) (?:period|time|length of time)\b|"
                # "When she gives birth, can ...": a "when" clause before a comma is a condition, not the question.
                r"what date|which year|what year|^\s*when\b(?![^,，?]*[,，])|"
                r"\bwhen (?:is|does|do|did|will|can|should|must|was|are)\b"),
     TIME_FIGURE),
    (re.compile(r"多少|how much|how many|how big|how large|how high|(?<![十好这那前])几(?:个|人|倍)|多高|多大"),
     ANY_FIGURE),
]
_SENTENCE_END = re.compile(r"(?<=[。；！？!?;])|(?<=\.)\s+|\n+")


class Place(BaseModel):
    id: str
    aliases: list[str]
    demonyms: list[str] = []
    doc_language: str | None = None
    within: str | None = None  # the country whose national rules apply there too ("china")


@lru_cache(maxsize=1)
def all_places() -> list[Place]:
    raw = load_yaml(DATA_DIR / "places.yaml")
    return [Place.model_validate(p) for p in raw["places"]]


def _alias_in(alias: str, text: str) -> bool:
    if re.search(r"[\u4e00-\u9fff]", alias):
        return alias in text
    return word_pattern(alias).search(text) is not None


def document_is_about(place: Place, hit: Hit, doc_text: str) -> bool:
    """The document names the place in its title, or at least twice in its text (one mention, such as a
    language in an accessibility notice, "日本語", does not make a document about Japan)."""
    title = normalize(hit.title)
    if any(_alias_in(a, title) for a in place.aliases):
        return True
    mentions = 0
    for alias in place.aliases:
        if re.search(r"[\u4e00-\u9fff]", alias):
            mentions += doc_text.count(alias)
        else:
            mentions += len(word_pattern(alias).findall(doc_text))
    return mentions >= 2


def document_answers_for(place: Place, hit: Hit, doc_text: str) -> bool:
    """The document is about the place, or it is a national law or regulation of the country the place is in (the
    Social Insurance Law applies in Shenzhen; the Shanghai regulation does not)."""
    if document_is_about(place, hit, doc_text):
        return True
    country = next((p for p in all_places() if p.id == place.within), None) if place.within else None
    if country is None or not document_is_about(country, hit, doc_text):
        return False
    title = normalize(hit.title)
    return not any(_alias_in(a, title) for p in all_places() if p.within == country.id for a in p.aliases)


_SCHEME_AFTER = (
    r"\s*(?:的|市|省)?\s*(?:医保|社保|职工医保|居民医保|医疗保险|参保|(?:'s\s+)?(?:medical|health|social)\s+insurance)"
)


# Where the patient is going to live ("移民去澳大利亚", "emigrating to Canada"): the question is about the scheme
# they leave (whether its benefits go on abroad), which the national law states; the place gone to is not the
# place the question is about.
_EMIGRATE_BEFORE = (
    r"(?:移民|移居|定居|出国定居|迁居)(?:去|到|至|于)?\s*$|"
    r"\b(?:emigrat\w*|immigrat\w*|relocat\w*|mov(?:e|ed|es|ing)(?: abroad)?|settle|settling)"
    r"(?: permanently| for good| with my family| abroad)?\s+(?:to|in)\s+$"
)


def _emigration_destination(place: Place, text: str) -> bool:
    """Every mention of a foreign place (one not within a country with documents of its own rules) is where the
    patient emigrates to."""
    if place.within or place.doc_language:
        return False
    found = False
    for alias in place.aliases:
        pattern = re.escape(alias) if re.search(r"[\u4e00-\u9fff]", alias) else word_pattern(alias).pattern
        for match in re.finditer(pattern, text):
            before = text[max(0, match.start() - 40) : match.start()]
            if not re.search(_EMIGRATE_BEFORE, before):
                return False
            found = True
    return found


def named_places(question: str) -> list[Place]:
    """The places a question names. A place named only by a demonym is the patient's nationality, not the place
    the question is about, when an alias names another place ("I'm an American working in Shanghai"). When one
    place is named as the patient's scheme ("北京的医保卡", "my Shanghai medical insurance"), the others are where
    the patient goes, and that one decides."""
    text = normalize(question)
    by_alias = [
        p for p in all_places() if any(_alias_in(a, text) for a in p.aliases) and not _emigration_destination(p, text)
    ]
    by_demonym = [p for p in all_places() if p not in by_alias and any(_alias_in(a, text) for a in p.demonyms)]
    places = by_alias if by_alias else by_demonym
    if len(places) > 1:
        schemes = [p for p in places if any(re.search(re.escape(a) + _SCHEME_AFTER, text) for a in p.aliases)]
        if len(schemes) == 1:
            return schemes
    return places


def has_own_document(place: Place, doc_titles: list[str]) -> bool:
    """Some document's title names the place: its own rules (a handbook listing every state's helpline is not)."""
    return any(_alias_in(a, normalize(title)) for title in doc_titles for a in place.aliases)


def figure_wanted(question: str) -> re.Pattern[str] | None:
    """The pattern a text must match to give the figure the question asks for; None if it asks for none. The story
    around the question ("这几个月膝盖不好", "花了两万多") asks for no figure: only the parts that ask count."""
    text = asking_part(normalize(marked_asking_part(question)))
    for asked, figure in FIGURE_QUESTIONS:
        if asked.search(text):
            return figure
    return None


_QUESTION_MARK = re.compile(r"[?？]")
_SENTENCES = re.compile(r"(?<=[.?!。？！；;])\s*")


def marked_asking_part(question: str) -> str:
    """The sentences from the first with a question mark to the end, when the patient writes one after a story:
    a question word in the story ("老乡说不管交多少年都只能领半年", "When the assessors came") asks nothing."""
    parts = [p for p in _SENTENCES.split(question) if p.strip()]
    first = next((i for i, p in enumerate(parts) if _QUESTION_MARK.search(p)), None)
    if not first:
        return question
    return " ".join(parts[first:])


def told_first(question: str) -> bool:
    """The patient tells a story before the sentence with the first question mark."""
    return marked_asking_part(question) != question


def asking_part(text: str) -> str:
    """The text without the clauses that only tell the patient's story (terms.narrative_spans)."""
    spans = narrative_spans(text)
    if not spans:
        return text
    kept, start = [], 0
    for a, b in spans:
        kept.append(text[start:a])
        start = b
    kept.append(text[start:])
    return " ".join(k for k in kept if k.strip())


def figure_question_part(question: str) -> str:
    """The sentence of a question that asks for the figure ("What will my monthly Part B premium be in 2025?" after
    the story of the patient's enrollment); the whole question when one sentence asks or none does."""
    parts = [p for p in _SENTENCES.split(marked_asking_part(question)) if p.strip()]
    if len(parts) < 2:
        return " ".join(parts) or question
    for asked, _ in FIGURE_QUESTIONS:
        asking = [p for p in parts if asked.search(normalize(p))]
        if asking:
            return " ".join(asking)
    return question


def asks_for_figure(question: str) -> bool:
    return figure_wanted(question) is not None


def split_sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


_TABLE_RULE = re.compile(r"\|[\s:|-]*")
_LIST_ITEM = re.compile(r"^\s*(?:[-*•]|\d+[.)、]|[（(]?[一二三四五六七八九十]+[)）、])\s*")


def sentences_with_lists(text: str) -> list[str]:
    """Sentences, where each item of a list carries the sentence that introduces it ("In 2025, you pay:" before
    "Days 61–90: $419 each day"): what the lead-in says (the year, who pays) is said of each item."""
    sentences: list[str] = []
    lead_in = ""
    header: str | None = None  # a table's first row, which names what each column of the rows below gives
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith("|"):
            # A table row is read with the sentence before the table and the header row ("Single person | less
            # than $22,590" gives the yearly income limit that the header and the lead-in name).
            if _TABLE_RULE.fullmatch(line):
                continue
            if header is None:
                header = line
                sentences.append(f"{lead_in} {line}".strip())
            else:
                sentences.append(f"{lead_in} {header} {line}".strip())
            continue
        header = None
        if lead_in and _LIST_ITEM.match(line):
            sentences.append(f"{lead_in} {line}")
            continue
        own = split_sentences(line)
        sentences.extend(own)
        lead_in = own[-1] if own and own[-1].endswith((":", "：")) else ""
    return sentences
