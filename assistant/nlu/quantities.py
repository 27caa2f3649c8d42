"""Quantities in free text: durations and ages (temperatures: nlu.temperature; numbers: nlu.numbers).

All functions take text already passed through `normalize()` (lower case, ASCII digits and punctuation).
"""

from __future__ import annotations

import re

from assistant.nlu.numbers import EN_NUM, NUM, ZH_NUM, en_to_number, zh_to_number
from assistant.nlu.temperature import find_temperature_c

__all__ = ["EN_NUM", "NUM", "ZH_NUM", "en_to_number", "find_age_years", "find_duration_hours", "find_temperature_c",
           "zh_to_number"]


# ---------------------------------------------------------------- durations

_HOURS_PER_UNIT = {
    "minute": 1 / 60, "min": 1 / 60, "hour": 1, "hr": 1, "h": 1, "day": 24, "night": 24, "week": 168, "wk": 168,
    "month": 720, "year": 8760, "yr": 8760,
    "分钟": 1 / 60, "小时": 1, "个小时": 1, "钟头": 1, "个钟头": 1, "天": 24, "日": 24, "晚": 24, "周": 168,
    "星期": 168, "个星期": 168, "礼拜": 168, "个礼拜": 168, "月": 720, "个月": 720, "个半月": 720, "年": 8760,
}

_EN_DURATION = re.compile(
    r"(?:for|since|past|last|about|around|over|almost|nearly|lasted|lasting|x)?\s*(?P<n>" + EN_NUM + r")\s*-?\s*"
    # "3 full days", "two whole weeks", "5 straight nights": the count is still the duration
    r"(?:(?:full|whole|straight|solid|entire|clear)\s+)?"
    r"(?P<u>minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|wks?|months?|years?|yrs?)\b")
_ZH_DURATION = re.compile(r"(?<!老)(?P<n>\d+(?:\.\d+)?|" + ZH_NUM + r"|几|半)\s*(?P<more>多|来)?\s*整?\s*"  # 三整天
                          r"(?P<u>个?小时|个?钟头|分钟|天|日|"
                          r"个?星期|周|个?礼拜|个半月|个?月|年)"
                          # a word that only holds a unit is no time: 三个月饼 (mooncakes), 三年级 (a school year)
                          r"(?![饼季级糕])(?P<half>半)?")
_ZH_HALF = re.compile(r"半\s*(?P<u>个?小时|天|个?月|年)")

# Relative expressions, from how long ago they usually mean.
_RELATIVE_HOURS: list[tuple[re.Pattern[str], float]] = [
    (re.compile(r"\b(?:the )?(?:past|last) (?:half )?hour\b|\bfor an hour\b|\ban hour ago\b"), 1),
    (re.compile(r"\b(?:the )?(?:past|last) (?:few|couple of|several) hours\b|\bfor hours\b"), 3),
    (re.compile(r"\bjust now\b|\ba few minutes ago\b|\bminutes ago\b|刚刚|刚才|突然间"), 0.5),
    (re.compile(r"\b(this|since this) (morning|afternoon|evening)\b|\btoday\b|\btonight\b|今天|今早|今晨|早上开始|"
                r"(?<!每)(?<!每天)(?<!每个)上午开始|下午开始|今晚"), 8),
    (re.compile(r"\blast night\b|\bovernight\b|昨晚|昨天晚上|昨夜|半夜"), 14),
    (re.compile(r"\byesterday\b|昨天|昨日"), 24),
    (re.compile(r"day before yesterday|前天"), 48),
    (re.compile(r"\b(a few|couple of|several) days\b|\bthis week\b|这几天|几天|这两天|最近几天|这周|这个星期|本周|"
                r"这礼拜"), 72),
    (re.compile(r"\blast week\b|\ba week ago\b|上周|上个星期|上礼拜"), 168),
    (re.compile(r"\bfor weeks\b|好几周|好几个星期"), 336),
    (re.compile(r"\b(?:the )?(?:past|last|previous) (?:few |couple of |several )?weeks?\b|\bfor weeks\b"), 336),
    (re.compile(r"\bfor (?:many |several |a few |some )?months\b|\bmonths now\b|"
                r"\b(?:been|going on|gone on) (?:for )?(?:many |several |a few )?months\b|"
                r"\b(?:the )?(?:past|last|previous) (?:few |couple of |several )months\b|好几个月|几个月"), 2160),
    (re.compile(r"\blast month\b|\b(?:the )?(?:past|last|previous) month\b|上个月"), 720),
    (re.compile(r"\bfor years\b|\b(?:the )?(?:past|previous) year\b|\bfor the last year\b|"
                r"\bfor (?:about |over |nearly )?a year\b|好几年|多年|几年|这一年|近一年"), 8760),
]


# Clinical shorthand: "3/7" three days, "5/52" five weeks, "2/12" two months (not "7/10" or a date "3/7/24").
_CLINICAL_DURATION = re.compile(r"(?<![\d/])(?P<n>\d{1,2})\s*/\s*(?P<d>7|52|12)(?![\d/])")
_CLINICAL_UNIT_HOURS = {"7": 24, "52": 168, "12": 720}


_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7}
_EN_ORDINAL_DAY = re.compile(r"\b(?:(?P<o>[2-9](?:nd|rd|th)|second|third|fourth|fifth|sixth|seventh) day "
                             r"(?:of|with|now|running)|day (?P<o2>[2-9]) of)\b")


def find_duration_hours(text: str) -> float | None:
    """How long the complaint has lasted, in hours: the longest duration stated, else a relative expression."""
    found: list[float] = [int(m.group("n")) * _CLINICAL_UNIT_HOURS[m.group("d")]
                          for m in _CLINICAL_DURATION.finditer(text) if 0 < int(m.group("n")) < int(m.group("d"))]
    for m in _EN_DURATION.finditer(text):
        if _is_age_context(text, m.end()) or _is_en_not_duration(text, m.start("n"), m.end()):
            continue
        number = en_to_number(m.group("n"))
        unit = m.group("u").rstrip("s") if m.group("u") not in ("hrs", "mins", "wks", "yrs") else m.group("u")[:-1]
        if number is not None and unit in _HOURS_PER_UNIT:
            found.append(number * _HOURS_PER_UNIT[unit])
    # "the 3rd day of fever", "day 4 of this cough": the day counted, so at least (n - 1) whole days have passed
    for m in _EN_ORDINAL_DAY.finditer(text):
        word = m.group("o") or m.group("o2")
        number = _ORDINALS.get(word) or en_to_number(re.sub(r"(?:st|nd|rd|th)$", "", word))
        if number and number >= 2:
            found.append((number - 1) * 24)
    zh_text = text.replace("个多", "多个")  # "两个多月" reads as 两 + 多 + 个月
    # "一个来月", "两个来小时" (about a month, about two hours) read like "十来天": 一 + 来 + 个月
    zh_text = re.sub(r"(?<=[\d一二两三四五六七八九十几])个来(?=[月星礼小钟])", "来个", zh_text)
    for m in _ZH_DURATION.finditer(zh_text):
        if _is_age_context(zh_text, m.end()) or _is_zh_age_head(zh_text, m.start(), m.end()) \
                or _is_zh_life_time(zh_text, m.start(), m.end()):
            continue
        raw = m.group("n")
        number = 3.0 if raw == "几" else 0.5 if raw == "半" else zh_to_number(raw)
        if number is None:
            continue
        if number <= 1 and zh_text[max(0, m.start() - 1):m.start()] == "第":
            continue  # "月经第一天" is which day, not a day long ("发烧第三天" still says three days)
        if m.group("more"):
            number += 0.5
        if m.group("half") or m.group("u") == "个半月":
            number += 0.5
        found.append(number * _HOURS_PER_UNIT[m.group("u")])
    for m in _ZH_HALF.finditer(text):
        if text[max(0, m.start() - 1):m.start()] == "个" or _is_zh_life_time(text, m.start(), m.end()):
            continue
        found.append(0.5 * _HOURS_PER_UNIT[m.group("u")])
    if found:
        return round(max(found), 2)
    for pattern, hours in _RELATIVE_HOURS:
        if pattern.search(text):
            return hours
    return None


def _is_zh_age_head(text: str, start: int, end: int) -> bool:
    """'宝宝10个月，发烧两天', '1岁2个月': months or weeks right after who the baby is (or after its years), and
    ending the phrase, are an age, not how long the complaint has lasted."""
    # "女儿2个月零5天": the days after an age's months are part of the age
    head = re.sub(r"[\d一二两三四五六七八九十]+\s*(?:岁|个月|个多月)\s*零?\s*$", "", text[:start])
    if head != text[:start] and _ZH_AGE_HEAD.search(head):
        return True
    if re.search(r"(?:\d|[一二两三四五六七八九十])\s*岁\s*零?\s*$", text[:start]):
        return True
    if not _ZH_AGE_HEAD.search(text[:start]):
        return False
    # "宝宝5个月鼻子堵": months right after who the baby is are its age (as find_age_years reads them) even with the
    # complaint written straight on, unless a time word or "not" follows ("宝宝3个月前", "孩子两个月没长")
    if text[start:end].endswith("月") and not (_ZH_NOT_AGE_AFTER.match(text, end)
                                               or _ZH_DAYS_THEN_NOT.match(text, end)):
        return True
    return bool(re.match(r"(?:了|啦|多了)?(?:\s|[,.;!?()]|$|零)", text[end:]))


# A time that belongs to a life event or a past history, not to the complaint: "养了十年的狗", "结婚五年",
# "抽烟二十年", "高血压病史10年", "一年前接种过破伤风疫苗", "两年前做过手术".
_ZH_LIFE_BEFORE = re.compile(r"(?:养|结婚|住|开车|认识|在一起|恋爱|抽烟|吸烟|喝酒|饮酒|戒烟|戒酒|退休|毕业|离婚|病史|"
                             r"烟龄|酒龄|"
                             # an activity's length, not the complaint's: "连续加班一周", "出差半个月", "熬夜三天"
                             r"加班|出差|熬夜|值夜班|上夜班|倒夜班|夜班|值班|旅游|旅行|出国|放假|休假|开会|复习|备考|考试|"
                             r"装修|搬家|训练|军训|集训|带娃|陪床|陪护|自驾|赶工|赶项目)了?\s*(?:有|快|近|将近|大概|约|整整)?\s*$")
_ZH_HISTORY_AFTER = re.compile(r"\s*(?:以)?前\s*(?:已|曾|曾经|就)?\s*"
                               r"(?:接种|打|做|查|得|患|住|生|去|吃|用|测|体检)[^,.;!?]{0,4}过")


def _is_zh_life_time(text: str, start: int, end: int) -> bool:
    return bool(_ZH_LIFE_BEFORE.search(text[max(0, start - 8):start]) or _ZH_HISTORY_AFTER.match(text, end))


# "once a month", "3 times a day", "every 2 days", "2x a week": how often, not how long.
_EN_FREQUENCY_BEFORE = re.compile(r"(?:\b(?:once|twice|thrice|times|every|each|per)|\d\s*x)\s*$")
# "my son 6 years", "baby 3 months", "aged 6 years": the patient's age written without "old".
_EN_AGE_HEAD = re.compile(r"\b(?:son|daughter|boy|girl|child|kid|baby|infant|toddler|grandson|granddaughter|nephew|"
                          r"niece|aged?|little one|little 'un|youngest|eldest|oldest|bub|bubba|newborn|twins?|"
                          r"grandchild|grandkid)(?:'s| is|,)?\s*\(?\s*$")


def _is_en_not_duration(text: str, start: int, end: int) -> bool:
    """An English number of days, months or years that is a frequency or an age, not how long it has lasted."""
    before = text[max(0, start - 20):start]
    return bool(_EN_FREQUENCY_BEFORE.search(before) or _EN_AGE_HEAD.search(before)
                or re.match(r"\s*of age\b", text[end:end + 8])
                or _EN_NAMED_BY_TIME.match(text, end) or _EN_RATE_AFTER.match(text, end)
                or _EN_FUTURE_BEFORE.search(before) or _EN_FUTURE_AFTER.match(text, end))


# "her 1 year jabs", "the 6 week check", "my 12 month review", "a 20 week scan": a time that names an event, not
# how long the complaint has lasted; "10 hrs a day", "4 hours per night": a rate, not a duration.
_EN_NAMED_BY_TIME = re.compile(
    r"\s*-?\s*(?:old )?(?:baby |routine |nhs |booster )?(?:jabs?|vaccines?|vaccinations?|immuni[sz]ations?|injections?|"
    r"boosters?|shots?|check\s*-?\s*ups?|checks?|reviews?|appointments?|appts?|scans?|visits?|follow\s*-?\s*ups?|"
    r"health checks?|anniversary|birthday|milestones?|contract|course|programme|program|plan|warranty|mot)\b")
# "stiff for 10 minutes in the mornings", "lasts 20 minutes at a time": one episode's length, not the complaint's
_EN_RATE_AFTER = re.compile(r"\s*(?:(?:a|an|per|each|every)\s+(?:day|night|week|month|shift|session|morning|time)\b|"
                            r"(?:in|on) the mornings\b|at a time\b|first thing\b)")


# "finals in 3 weeks", "due in 2 weeks", "in the next 10 days", "3 weeks away": a time still to come, not how long
# the complaint has lasted
_EN_FUTURE_BEFORE = re.compile(
    r"\b(?:(?:finals|exams?|wedding|holiday|flight|surgery|operation|op|trip|interview|deadline|race|marathon|move|"
    r"due|appointment|scan|test|results|date)(?: is| are|'s)? in|(?:in|within|over) the (?:next|coming)|"
    r"(?:in|within) (?:the )?next)\s*(?:about |around |roughly |just |only )?$")
_EN_FUTURE_AFTER = re.compile(r"\s*(?:from now|away|'s time|time\b)|"
                              # "a week of swimming", "10 days of camping": how long an outing lasted
                              r"\s*of\s+(?:swimming|holiday|holidays|travel\w*|camping|hiking|skiing|festivals?|"
                              r"partying|revision|revising|exams|training|night shifts|gardening|decorating)\b")


def _is_age_context(text: str, end: int) -> bool:
    """'3 months old', '8个月大', '3 month old baby': a number that is an age, not a duration."""
    tail = text[end:end + 6]
    return bool(re.match(r"\s*-?\s*(old|young(?!er)|大|龄|的宝|的孩|的婴|的小|宝宝|婴儿|baby|infant|boy|girl|son|"
                         r"daughter)", tail))


# ---------------------------------------------------------------- ages

_EN_AGE = [
    # "70 years young": the joking way to give an age
    (re.compile(r"(?P<n>" + EN_NUM + r")\s*-?\s*(?P<u>years?|yrs?|y|months?|mo|mths?|weeks?|wks?|days?)\s*-?\s*"
                r"(?:old|young(?!er))"), None),
    (re.compile(r"(?P<n>\d{1,3})\s*(?:yo|y/o|y\.o\.?|yr old|yrs old)\b"), "year"),
    # "toddler (20 months)", "baby 6 weeks", "my son, 18 months": months or weeks right after who the child is
    (re.compile(r"\b(?:baby|babies|toddler|infant|newborn|son|daughter|boy|girl|child|kid|grandson|granddaughter|"
                r"nephew|niece|little one|lo|bub|bubba)(?:'s| is| aged?|,)?\s*\(?\s*"
                r"(?:only |just |now |about |nearly |almost )?"
                r"(?P<n>" + EN_NUM + r")\s*(?P<u>months?|mths?|mo|weeks?|wks?)\b(?! ago| later| back)"), None),
    # the forum opener "7mo, drooling ...", "18mo. fever", "6wk girl": a baby's months (weeks only with who the baby
    # is after them: "3 wks, cough" is how long) as the message's (or a sentence's) first word
    (re.compile(r"(?:^|(?<=[.;!?])\s*)(?P<n>\d{1,2})\s*(?P<u>mo|mos|mths?)\b(?:\s*old)?"
                r"(?=\s*(?:[,.;:!?)]|-|$|(?:boy|girl|baby|son|daughter|m|f|male|female)\b))"), None),
    (re.compile(r"(?:^|(?<=[.;!?])\s*)(?P<n>\d{1,2})\s*(?P<u>wks?)\b(?:\s*old)?"
                r"(?=\s*,?\s*(?:boy|girl|baby|son|daughter|m|f|male|female)\b)"), None),
    (re.compile(r"\b(?:aged?|age:?)\s*(?P<n>\d{1,3})\b"), "year"),
    (re.compile(r"\b(?:i'm|i am|im|he's|he is|she's|she is|who is|who's)\s+(?P<n>\d{1,3})\b(?!\s*(?:%|kg|lb|cm|"
                r"minutes?|hours?|days?|weeks?|months?|degrees?|°|\.\d))"), "year"),
    (re.compile(r"\bin (?:his|her|my|their) (?P<n>\d0)s\b"), "decade"),
    (re.compile(r"\b(?:mum|mom|mother|dad|father|grandma|grandpa|granny|nan|nana|husband|wife|son|daughter|brother|"
                r"sister|partner|baby|kid|child|boy|girl|friend|patient|uncle|aunt|neighbou?r|grandmother|grandfather|"
                r"grandad|granddad|flatmate|housemate|roommate|mate|colleague|coworker|cousin|niece|nephew|grandson|"
                r"granddaughter|stepson|stepdaughter|teenager|teen)"
                # "my son's 16", "my son is 16", and the written-down "my son 16 says", "my daughter (6)"
                r"(?:'s| is| was| who is| who's| aged?|,| \(|(?= \d))\s*(?:only |just |now |about |nearly |almost )?"
                r"(?P<n>\d{1,3})\)?(?![\d.:/])(?!\s*(?:%|kg|lbs?|cm|mg|ml|min|mins|hours?|hrs?|days?|weeks?|wks?|"
                r"months?|years? ago|degrees?|°|times|x\b|/|\.\d|tablets?|pills?|puffs?|doses?|cups?|glasses?|"
                r"am\b|pm\b|o'clock|c\b|f\b))"), "year"),
    # "55 m", "31 f"; not a temperature ("102f", "temp 99 f")
    (re.compile(r"(?<!temp )(?<!temp of )(?<!temperature )(?<!temperature of )(?<!fever )(?<!fever of )"
                r"(?<![\d.,])\b(?!(?:9\d|10\d)\s*f\b)(?P<n>\d{1,3})\s*(?:m|f|male|female|man|woman)\b"), "year"),
    (re.compile(r"\b(?:male|female|man|woman|m|f)\s*,?\s*(?P<n>\d{1,3})\b(?!\s*(?:years?|months?|days?|hours?))"),
     "year"),
    # a bare two-digit age written as its own last clause, "..., not short of breath, 27", or before "healthy":
    # "33, healthy", "27. otherwise fit and well" (never after a measurement word: "sats 92", "pulse 88");
    # the forum opener "28 here." / "41 here, ..." (op_en)
    (re.compile(r"(?:^|(?<!\d)[.,;]\s*|\band\s+i'?m\s+)(?P<n>1[2-9]|[2-9]\d)\s*"
                r"(?:[.!]?\s*$|here\b(?=\s*[.,;:!-]|\s*$)|"
                r",\s*(?:healthy|fit and well|fit and healthy|otherwise (?:healthy|well|fine|fit)|"
                r"no (?:meds|medication|medical history|health problems|conditions)|non-?smoker|never had))"), "year"),
]
_ZH_AGE = [
    (re.compile(r"(?<!老)(?P<n>\d+(?:\.\d+)?|" + ZH_NUM + r")\s*(?P<more>多)?\s*"
                r"(?P<u>周岁|岁半|岁|个半月|个多月|个月|月龄|周|天)"), None),
    (re.compile(r"出生\s*(?P<n>\d+|" + ZH_NUM + r")\s*(?P<u>天|周|个月)"), None),
    # "我爸78了", "奶奶九十了": an older relative's age without 岁
    (re.compile(r"(?:爸|妈|爷爷|奶奶|外公|外婆|姥姥|姥爷|父亲|母亲|老伴|老人|老公|老婆|婆婆|公公)\s*(?:今年|已经)?\s*"
                r"(?P<n>[4-9]\d|[四五六七八九]十[一二三四五六七八九]?)\s*(?P<u>了|多了)"), None),
]
# After a number of days, weeks or months, these say it is an age ("8个月大", "40天的宝宝"), not a duration.
_ZH_AGE_TAIL = re.compile(r"大(?!便|概|约|小)|的(?:宝宝|婴儿|孩子|小孩|新生儿|女儿|儿子|宝贝|男孩|女孩|小宝)|宝宝|婴儿")
# Who the baby is, right before its age: "宝宝10个月", and the clinical note's "患儿，女，2个月", "男婴，7周",
# "患者，男，3个月" (a sex between the two; a patient's months are an age only with the sex written between).
_ZH_AGE_HEAD = re.compile(r"(?:(?:出生|生后|日龄|宝宝|宝贝|婴儿|孩子|小孩|女儿|儿子|娃|患儿|男婴|女婴|男宝|女宝|"
                          r"老大|老二|老三|老幺|大宝|二宝|三宝|小宝|闺女|孙子|孙女|外孙|外孙女|小朋友|崽)"
                          r"(?:\s*[,:]?\s*(?:性别)?\s*[男女](?:孩|婴|童|宝|性)?)?"
                          r"|(?:患者|病人)\s*[,:]?\s*(?:性别)?\s*[男女](?:孩|婴|童|性)?)"
                          # "宝宝刚满2个月", "孩子快满6个月", "宝宝还不到3个月": 满 / 快 / 不到 still name an age
                          r"\s*[,:]?\s*(?:才|刚|已经|今天|现在|刚刚|今年|快要|快|将近|差不多|大概|约|还不到|不到|"
                          r"还没满|没满|才刚)?\s*满?\s*$")
# After an age head, months followed by these are a time ("宝宝3个月前", "患儿,男,2周来"), not an age.
_ZH_NOT_AGE_AFTER = re.compile(r"\s*(?:前|后|以前|以后|以来|来|之前|之后|内|之内)")
# "孩子一天没动静", "宝宝两天都没拉": a number of days followed by "not" is how long something has not happened.
_ZH_DAYS_THEN_NOT = re.compile(r"\s*(?:都|也|还|一直)?(?:没|不|未)")
_ZH_AGE_WORDS: list[tuple[re.Pattern[str], float]] = [
    (re.compile(r"新生儿|刚出生|newborn|new born"), 0.02),
    (re.compile(r"刚满月|满月"), 0.09),
    (re.compile(r"百天"), 0.27),
    (re.compile(r"半岁"), 0.5),
]
_ZH_UNIT_YEARS = {"岁": 1.0, "周岁": 1.0, "岁半": 1.0, "个半月": 1 / 12, "个月": 1 / 12, "个多月": 1 / 12,
                  "月龄": 1 / 12, "周": 1 / 52, "天": 1 / 365}


# "Breastfeeding my 3 week old ... my left breast is red and sore": the baby's age, but the mother's own breast or
# nipples are the complaint, so the age is not the patient's.
_EN_NURSING_BEFORE = re.compile(r"\b(?:breast\s*-?\s*feed\w*|bf'?ing|nursing|expressing|pumping|chest\s*-?\s*feed\w*)"
                                r"(?: for| to)? (?:my|our|a|the|me and my)? ?(?:\w+ )?$")
_EN_OWN_BREAST = re.compile(r"\b(?:my|i have a|i've got a|i've got|i have) (?:left |right |one |both )?"
                            r"(?:boobs?|breasts?|nipples?|boob|tits?|areolas?)\b"
                            # a sentence that opens on a side: "... my 5 wk old. right boob has a hot red area"
                            r"|(?:^|[.;!?,]\s*|\band\s+)(?:the\s+)?(?:left|right|one|both|l|r)\s+"
                            r"(?:boobs?|breasts?|nipples?|tits?|areolas?)\b")


def _is_nursed_baby_age(text: str, start: int) -> bool:
    return bool(_EN_NURSING_BEFORE.search(text[max(0, start - 40):start]) and _EN_OWN_BREAST.search(text))


# "在喂奶，宝宝5周，右边乳房红肿发烫": the nursed baby's age, but the mother's own breast is the complaint (mastitis,
# a blocked duct, sore nipples), so a baby's age in days, weeks or months is not the patient's.
_ZH_NURSING = re.compile(r"喂奶|哺乳|母乳|喂母乳|亲喂|吸奶|背奶|产后|坐月子|月子里")
_ZH_OWN_BREAST = re.compile(r"堵奶|涨奶|胀奶|奶结|乳腺炎|乳汁淤积|"
                            r"(?:乳房|乳腺|乳头|奶头|(?:左边|右边|一边|一侧|两边)的?(?:胸|咪咪))"
                            r"[^,.;!?]{0,6}(?:红|肿|痛|疼|硬|块|烫|热|裂|破|结)")


def _is_zh_nursed_baby_age(text: str, unit: str) -> bool:
    return unit in ("周", "天", "个月", "个多月", "个半月", "月龄") and bool(
        _ZH_NURSING.search(text) and _ZH_OWN_BREAST.search(text))


def find_age_years(text: str) -> float | None:
    """The patient's age in years (months and weeks as fractions); None when no age is stated."""
    for pattern, fixed_unit in _EN_AGE:
        m = next((m for m in pattern.finditer(text) if not _is_nursed_baby_age(text, m.start())), None)
        if not m:
            continue
        number = en_to_number(m.group("n"))
        if number is None:
            continue
        unit = fixed_unit or m.group("u")
        if unit.startswith(("mo", "mth")):
            return round(number / 12, 3)
        if unit.startswith("w"):
            return round(number / 52, 3)
        if unit.startswith("d") and unit != "decade":
            return round(number / 365, 3)
        if unit == "decade":
            return number + 5
        if 0 < number < 120:
            return number
    for pattern, _ in _ZH_AGE:
        for m in pattern.finditer(text):
            unit = "岁" if m.group("u") in ("了", "多了") else m.group("u")
            if _is_zh_nursed_baby_age(text, unit):
                continue
            # "三天", "两个多月" alone are durations; they are ages only with 大/的宝宝 after or 出生/宝宝 before
            if unit in ("周", "天", "个月", "个多月", "个半月") and not (
                    _ZH_AGE_TAIL.match(text, m.end()) or (_ZH_AGE_HEAD.search(text[:m.start()])
                                                          and not _ZH_NOT_AGE_AFTER.match(text, m.end()))):
                continue
            if unit == "天" and not _ZH_AGE_TAIL.match(text, m.end()) and _ZH_DAYS_THEN_NOT.match(text, m.end()):
                continue
            number = zh_to_number(m.group("n"))
            if number is None:
                continue
            if m.groupdict().get("more"):
                number += 0.5 if unit != "岁" else 5
            if unit in ("岁半", "个半月"):
                number += 0.5
            years = number * _ZH_UNIT_YEARS[unit]
            if 0 < years < 120:
                return round(years, 3)
    for pattern, years in _ZH_AGE_WORDS:
        if pattern.search(text):
            return years
    return None
