"""Slots about the patient from free text: who they are, age, sex, pregnancy, temperature, duration, severity."""

from __future__ import annotations

import re
from typing import Any

from assistant.nlu.matcher import is_negated
from assistant.nlu.quantities import ZH_NUM, find_age_years, find_duration_hours, find_temperature_c, zh_to_number

# Who the patient is: (pattern, subject, sex or None). The first one mentioned wins.
_SUBJECTS: list[tuple[str, str, str | None]] = [
    (r"\bmy (?:new ?born|newborn|baby|infant)\b|\bour (?:baby|newborn)\b|\bthe baby\b|新生儿|婴儿|宝宝|小宝|宝贝|"
     r"娃娃|小婴儿", "infant", None),
    (r"\bmy (?:son|boy)\b|\bour son\b|儿子", "child", "male"),
    (r"\bmy (?:daughter|girl)\b|\bour daughter\b|女儿|闺女", "child", "female"),
    (r"\btoddler\b|幼儿|小宝宝两岁", "toddler", None),
    (r"\bmy (?:child|kid|little one)\b|\bour (?:child|kid)\b|孩子|小孩|娃|儿童", "child", None),
    (r"\bmy (?:mom|mum|mother|mommy|mama)\b|我妈|妈妈|母亲|老妈|我娘|婆婆|岳母|丈母娘|婆母|家婆", "mother", "female"),
    (r"\bmy (?:dad|father|daddy|papa)\b|我爸|爸爸|父亲|老爸|我爹|公公|岳父|老丈人|丈人|家公", "father", "male"),
    (r"\bmy (?:wife|girlfriend|partner's wife)\b|老婆|妻子|媳妇|爱人|女朋友", "wife", "female"),
    (r"\bmy (?:husband|boyfriend)\b|老公|丈夫|男朋友", "husband", "male"),
    (r"\bmy (?:grandma|grandmother|granny|nan|nana)\b|奶奶|外婆|姥姥", "grandparent", "female"),
    (r"\bmy (?:grandpa|grandfather|granddad|grandad)\b|爷爷|外公|姥爷", "grandparent", "male"),
    (r"老伴|老头子|老太太|老爷子|老太婆|老人家|\bmy (?:elderly|old) (?:neighbou?r|relative|aunt|uncle)\b", "elderly",
     None),
    # in-laws and cousins are relatives too ("我婆婆", "嫂子"): the writer is not the patient
    (r"\bmy (?:sister|niece|granddaughter)\b|姐姐|妹妹|嫂子|大嫂|弟媳|弟妹|小姑子|小姨子|表姐|表妹|堂姐|堂妹|"
     r"儿媳|侄女|外甥女|孙女|(?<!大)姨妈|小姨", "relative", "female"),  # 大姨妈 is a period
    (r"\bmy (?:brother|nephew|grandson)\b|哥哥|弟弟|姐夫|妹夫|小叔子|大伯子|小舅子|表哥|表弟|堂哥|堂弟|"
     r"女婿|侄子|外甥|孙子|姑父|姨父|姑丈", "relative", "male"),
    (r"\bmy (?:friend|neighbou?r|colleague|coworker|roommate|flatmate|patient|client|aunt|uncle|cousin)\b|朋友|"
     r"同事|邻居|室友|阿姨|叔叔|舅舅|姑姑|大爷|大妈|老人", "other", None),
]
_SUBJECT_PATTERNS = [(re.compile(p), subject, sex) for p, subject, sex in _SUBJECTS]
_SELF = re.compile(r"\b(?:i|i'm|i've|im|me|my)\b|我")

_SPEAKER_AGE = re.compile(r"\b(?:i'm|i am|im)\s+(?:a\s+|an\s+)?\d|我\s*(?:今年|已经)?\s*\d|"
                          r"我\s*(?:今年)?\s*[一二三四五六七八九十]+岁")
_OTHER_AGE = re.compile(r"\b(?:my|our)\s+\d{1,3}\s*-?\s*(?:years?|yrs?|y|months?|weeks?|days?)?\s*-?\s*(?:old|yo)")

_FEMALE = re.compile(r"\b(?:woman|female|lady|girl|she|her)\b|(?<![a-z'\d.,])\d{1,3}\s*f\b|"
                     r"(?<![a-z'])f\s*,?\s*\d{1,3}\b|"
                     r"女|她")
# 他 as a pronoun, not in 其他 ("nothing else") or a drug name (氯雷他定, 他汀)
_MALE = re.compile(r"\b(?:man|male|guy|boy|he|him|his)\b|(?<![a-z'\d.,])\d{1,3}\s*m\b|(?<![a-z'])m\s*,?\s*\d{1,3}\b|男|"
                   r"(?<![其吉])他(?![定汀])")
# Someone who has died is not the patient ("奶奶上周去世了，我这几天一直睡不好")
_DEATH_EVENT = re.compile(r"(?:我|我的|我家)?(?:奶奶|爷爷|外婆|外公|姥姥|姥爷|妈妈|爸爸|我妈|我爸|母亲|父亲|老伴|"
                          r"老公|老婆|丈夫|妻子|朋友|同事|邻居)(?:\s*(?:昨天|前天|上周|上个月|前几天|刚刚|刚|已经|突然))?"
                          r"\s*(?:去世|过世|走了|离世|病逝|不在了|离开了我们)")
# Giving birth to, or carrying, a baby: the baby is not who the message is about ("生完孩子一个月", "怀了宝宝")
_BIRTH_EVENT = re.compile(r"(?:生完|生了|生下|刚生|(?<![医先学])生|怀了|怀着|怀上|有了|产下)(?:一个|个)?"
                          r"(?:孩子|宝宝|小孩|娃|小宝|宝贝|二胎|老二)")

# A partner named as company in a plan ("和老公想要孩子", "my husband and I are trying"): the writer is the patient
_PARTNER_COMPANION = re.compile(r"(?:和|跟|与|同)我?的?(?:老公|丈夫|老婆|妻子|爱人|媳妇|男朋友|女朋友|对象)"
                                r"(?=[^,.;!?]{0,4}(?:一起|想要|要孩子|要宝宝|备孕|准备|打算|计划|商量|结婚))|"
                                r"\bmy (?:husband|wife|partner|boyfriend|girlfriend) and i\b")
# A message that opens on the writer's own sex and age ("女，26，…", "45岁男，…", "F, 26 -"): a partner named later
# ("上个月换了男朋友", "老公也有") is context, and the header's sex is the patient's
_SELF_HEADER = re.compile(r"^\s*(?:(?P<zh1>男|女)性?\s*[,，、/ ]\s*\d{1,3}\s*岁?(?=\s*[,，、。 ])|"
                          r"\d{1,3}\s*岁\s*(?P<zh2>男|女)性?(?=\s*[,，、。 ])|"
                          r"(?P<en1>[mf])\s*,?\s*\d{1,3}\b|\d{1,3}\s*(?P<en2>[mf])\b)")
_PARTNERS = frozenset({"husband", "wife"})

# A mother telling of her own breast while feeding ("宝宝5个月了还在喂奶，右边乳房有个红肿的硬块"): the baby she feeds
# is context, not the patient (round bbcc zh)
_NURSED_BABY = re.compile(r"(?:宝宝|孩子|小孩|娃|小宝|宝贝)(?:现在|已经|才|刚)?(?:\d{1,2}|" + ZH_NUM + r")?"
                          r"\s*(?:个)?多?(?:月|周|天)?大?了?[^.;!?]{0,4}?"
                          r"(?=(?:还在|在|一直|正在|还)?(?:喂奶|喂母乳|母乳喂养|哺乳|吃母乳))|"
                          r"(?<=[让给叫])(?:宝宝|孩子|娃|小宝|宝贝)(?=[^,.;!?]{0,2}(?:吸|吃奶|嘬|喂|吮))")
_OWN_BREAST = re.compile(r"(?:乳房|乳头|奶头|乳腺|一边胸|边的?胸)[^,.;!?]{0,8}(?:红|肿|硬|疼|痛|烫|裂|结块|包块|疙瘩)|"
                         r"堵奶|涨奶|奶结|乳腺炎")

# A baby that is only wished for ("想要孩子", "准备要宝宝") is not a child patient
_WISHED_BABY = re.compile(r"(?:想要|想生|要个|要一个|准备要|打算要|计划要|备孕要)(?:个|一个)?"
                          r"(?:孩子|宝宝|小孩|二胎|娃)")

# The baby in the womb is not the patient: "宝宝动得正常", "肚子里的宝宝", "宝宝踢得少了" (said in pregnancy)
_FETUS = re.compile(r"(?:肚子里|腹中|肚里)的?(?:宝宝|孩子|小孩|娃|宝贝)|"
                    r"(?:宝宝|孩子|娃|宝贝)(?=[^,.;!?]{0,2}(?:胎动|动得|动的|动静|踢|翻身|在肚子|在动|不怎么动|动少|动得少))|"
                    # in pregnancy, "the baby kicking / moving" is the fetus, not the patient
                    r"\b(?:my |the |our )?(?:baby|babys|baby's|little one)"
                    r"(?= (?:has |hasn't |hasnt |isn't |is |hadn't |had )?"
                    r"(?:kick|move|moving|movements|moved|been moving|been kicking|not moving|stopped moving))|"
                    r"\bfelt (?:my |the )?baby\b")

_SEVERE = re.compile(r"\b(?:severe(?:ly)?|excruciating|unbearable|agoni[sz]ing|agony|terrible|horrible|intense|"
                     r"extreme(?:ly)?|worst|horrendous|horrific|really bad|very bad|so bad|awful|crippling|"
                     r"debilitating|"
                     # writhing with it: how renal or biliary colic is told ("rolling around with it")
                     r"rolling (?:around|about) (?:with|in) (?:it|the pain|pain|agony)|writhing|"
                     r"can'?t bear|unable to (?:work|walk|sleep)|(?:very|really|so|extremely|incredibly) "
                     r"(?:painful|sore))\b|剧烈|剧痛|厉害|受不了|难以忍受|要命|非常痛|非常疼|"
                     r"特别痛|特别疼|很严重|严重|疼死(?!了)|痛死(?!了)|(?:疼|痛)得(?:直|满地|满床|在床上)?打滚|难受死(?!了)|忍不了|钻心|撕裂|遭不住|扛不住|顶不住|受不住")
# "my knee is killing me" is how bad it feels to the speaker, often said lightly: moderate, not severe
_MODERATE = re.compile(r"\b(?:moderate|quite bad|pretty bad|fairly bad|quite painful|quite sore|killing me)\b|"
                       # "头疼死了" is the everyday "killing me": moderate (疼得要死 / 疼死人 stay severe)
                       r"中等|挺疼|挺痛|比较痛|比较疼|很疼|很痛|疼死了|痛死了|难受死了")
# A denied degree: "隐隐作痛，不厉害", "疼得不厉害", "not very painful" say mild; the severe or moderate word inside it
# ("厉害", "very painful") does not count.
_SOFTENED = re.compile(r"\bnot (?:very|that|too|so|particularly|really) (?:bad|painful|sore|severe|intense)\b|"
                       r"\bnot severe\b|[得也还倒]?(?:(?:不太|不怎么|不算|不是很|不是太|不是特别|没那么|没有那么|不大)"
                       r"(?:厉害|严重|疼|痛|剧烈)|不(?:厉害|剧烈))|隐隐(?:作痛|地?疼|地?痛|的疼|的痛)?|隐痛")
_MILD = re.compile(r"\b(?:mild(?:ly)?|slight(?:ly)?|a bit|a little|bit of|minor|not too bad|not that bad|"
                   r"manageable|tolerable|niggl\w*)\b|轻微|有点|稍微|一点点|有一点|不太严重|不严重|还能忍|能忍|"
                   + _SOFTENED.pattern)
# "it smells awful", "looks terrible": how a discharge, stool or rash smells or looks, not how bad the symptom is
_SENSORY = re.compile(r"\b(?:smell\w*|stinks?|stinking|stank|tast\w*|looks?|looked|looking)\s+"
                      r"(?:really |so |absolutely |pretty |quite |just )?"
                      r"(?:awful|terrible|horrible|horrendous|horrific|really bad|very bad|so bad)\b")
# "比平时厉害" says worse than usual, not how bad: it counts as moderate, not severe.
_COMPARED = re.compile(r"比(?:平时|平常|往常|以前|之前|原来|上次|昨天|前几天)[^,.;!?]{0,4}(?:厉害|严重|重)")
_PAIN_SCORE = re.compile(r"(?P<n>\d{1,2})\s*(?:/|out of|分之)\s*10|(?:疼痛|pain)\D{0,6}(?P<m>\d{1,2})\s*分")

_PREGNANCY_WEEKS = re.compile(r"(?:怀孕|孕|妊娠)\s*(?P<zh>\d{1,2}|" + ZH_NUM + r")\s*(?:\+\d)?\s*(?:周|个星期)|"
                              r"(?P<en>\d{1,2})\s*(?:weeks?|wks?)\s*(?:pregnant|along|gestation)|"
                              r"(?:pregnant|gestation)\D{0,12}?(?P<en2>\d{1,2})\s*(?:weeks?|wks?)|"
                              r"(?:怀孕|孕)\s*(?P<months>\d|[一二三四五六七八九])\s*个?多?月|"
                              # obstetric shorthand "34/40", "32+3 weeks", and "I'm 30 weeks" said by the mother
                              r"\b(?P<en3>[1-4]\d)\s*(?:\+\s*[0-6]\s*)?/\s*40\b|"
                              r"\b(?P<en4>[1-4]\d)\s*\+\s*[0-6]\s*(?:weeks?|wks?)\b|"
                              r"\b(?:i'?m|i am|she'?s|she is|wife is|now)\s+(?:about\s+|nearly\s+|almost\s+)?"
                              r"(?P<en5>[1-4]?\d)\s*(?:weeks?|wks?)\b(?!\s*(?:old|ago|post|after|since|into|out|of|in|on|off|"
                              r"later|sober|clean|smoke|dry|back))|"
                              # a mother's note that opens or ends on the gestation: "32 weeks, face puffed up"
                              r"^\s*(?P<en6>[2-4]\d)\s*(?:weeks?|wks?)\s*[,:-](?=[^\n]*\b(?:baby|bump|kick\w*|midwife|movements?|"
                              r"waters|contractions?|swell\w*|swollen|puff\w*|vision|headache|bleed\w*)\b)")


def _first_subject(text: str) -> tuple[str, str | None, int] | None:
    best: tuple[str, str | None, int] | None = None
    for pattern, subject, sex in _SUBJECT_PATTERNS:
        m = pattern.search(text)
        if m and (best is None or m.start() < best[2]):
            best = (subject, sex, m.start())
    return best


def _severity(text: str) -> str | None:
    score = _PAIN_SCORE.search(text)
    if score:
        value = int(score.group("n") or score.group("m"))
        if value <= 10:
            return "severe" if value >= 7 else "moderate" if value >= 4 else "mild"
    compared = [(m.start(), m.end()) for m in _COMPARED.finditer(text)]
    sensory = [(m.start(), m.end()) for m in _SENSORY.finditer(text)]
    softened = [(m.start(), m.end()) for m in _SOFTENED.finditer(text)]
    for pattern, name in ((_SEVERE, "severe"), (_MODERATE, "moderate"), (_MILD, "mild")):
        for m in pattern.finditer(text):
            skip = compared + sensory + (softened if name != "mild" else [])
            if any(begin <= m.start() < end for begin, end in skip):
                continue
            if not is_negated(text, m.start()):
                return name
        if name == "severe" and compared:
            return "moderate"
    return None


def find_slots(text: str) -> dict[str, Any]:
    """Slots stated in normalised text; absent keys mean 'not said'."""
    slots: dict[str, Any] = {}
    # "生完孩子一个月" is the mother speaking, a month after the birth; "奶奶去世了" is not about grandma
    who = _DEATH_EVENT.sub("亲人", _BIRTH_EVENT.sub("分娩", text))
    who = _WISHED_BABY.sub("备孕", _PARTNER_COMPANION.sub(" we ", who))
    if _OWN_BREAST.search(who):
        who = _NURSED_BABY.sub("哺乳期", who)
    if re.search(r"怀孕|孕\s*\d|妊娠|孕期|孕妇|孕早|孕中|孕晚|pregnan", who) or _PREGNANCY_WEEKS.search(who):
        who = _FETUS.sub("胎儿", who)
    age = find_age_years(_PREGNANCY_WEEKS.sub(" pregnant ", who))  # "I'm 30 weeks" is not an age
    subject = _first_subject(who)
    if subject:
        name, sex, _ = subject
        slots["subject"] = name
        if sex:
            slots["sex"] = sex
        if name == "infant" and age is None:
            slots["age_group"] = "infant"
        if name in ("grandparent", "elderly") and age is None:
            slots["age_group"] = "elderly"
    elif _SELF.search(text):
        slots["subject"] = "self"
    header = _SELF_HEADER.match(text)
    if header and slots.get("subject") in _PARTNERS:
        said = next(g for g in header.group("zh1", "zh2", "en1", "en2") if g)
        slots["subject"] = "self"
        slots["sex"] = "male" if said in ("男", "m") else "female"
    if age is not None:
        slots["age"] = age
        if slots.get("subject") == "infant" and age >= 2:
            slots["subject"] = "child"
        speaker_age = _SPEAKER_AGE.search(text)
        if slots.get("subject") in (None, "self") and age < 16 and not speaker_age:
            slots["subject"] = "child" if age >= 1 else "infant"
        elif slots.get("subject") == "self" and _OTHER_AGE.search(text) and not speaker_age:
            slots["subject"] = "other"
    if "sex" not in slots:
        female, male = _FEMALE.search(text), _MALE.search(text)
        if female and not male:
            slots["sex"] = "female"
        elif male and not female:
            slots["sex"] = "male"
        elif female and male:
            slots["sex"] = "female" if female.start() < male.start() else "male"
    temperature = find_temperature_c(text)
    if temperature is not None:
        slots["temperature_c"] = temperature
    duration = find_duration_hours(_PREGNANCY_WEEKS.sub(" ", text))  # "孕32周" is not a duration
    if duration is not None:
        slots["duration_hours"] = duration
    severity = _severity(text)
    if severity:
        slots["severity"] = severity
    weeks = _PREGNANCY_WEEKS.search(text)
    if weeks:
        if weeks.group("months"):
            months = zh_to_number(weeks.group("months"))
            value = months * 4.3 if months is not None else None
        else:
            groups = (weeks.group(k) for k in ("zh", "en", "en2", "en3", "en4", "en5", "en6"))
            value = zh_to_number(next((g for g in groups if g), ""))
        if value is not None and 1 <= value <= 45:
            slots["pregnancy_weeks"] = round(value, 1)
            slots["pregnant"] = True
            slots["sex"] = "female"
    return slots
