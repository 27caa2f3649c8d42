"""Lexicon matching with negation, for Chinese and English in the same message.

A lexicon maps a code (a finding such as `chest_pain`) to terms in zh and en. Terms are matched on normalised text:
Chinese terms as substrings, English terms on word boundaries with `*` as a word-suffix wildcard
("vomit*" -> vomiting, vomited). Single English words of 5+ letters also match with one typo ("breething").

Negation is decided per match, from a cue before it in the same clause ("no fever", "没有发烧", "不咳嗽");
a cue that is part of the term itself ("can't breathe", "喘不上气", "没有呼吸") is not a negation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from assistant.nlu.normalize import normalize


@dataclass(frozen=True)
class Match:
    code: str
    start: int
    end: int
    text: str
    negated: bool


# ------------------------------------------------------------------ negation cues

_EN_NEG = re.compile(
    r"\b(?:no|not|never|nothing|without|denie[sd]|deny|denying|none|nor|neither|free of|negative for|absence of|"
    r"(?:do|does|did|is|are|was|were|has|have|had|ca|could|would|wo)n'?t|"
    r"(?:do|does|did|is|are|was|were|has|have|had) not|ruled out)\b")
# Phrases that contain a cue but express uncertainty, not negation: they must never hide a red flag.
_EN_NOT_NEG = re.compile(r"\b(?:not sure|don'?t know|do not know|no idea|not certain|can'?t tell|no longer sure|"
                         r"not only|no matter|never mind|doesn'?t matter|not stop|won'?t stop|can'?t stop|"
                         r"doesn'?t stop|didn'?t stop|not go(?:ing)? away|won'?t go away|doesn'?t go away|"
                         r"not better|not getting better|no better|not improving|not responding|not breathing|"
                         r"not waking|won'?t wake|can'?t wake|not moving|"
                         # "not drinking more than usual" denies an excess (thirst), it is not poor intake; "not peeing
                         # less" denies a shortfall
                         r"not (?:feeding|eating|drinking|peeing)"
                         r"(?! (?:any |much |a lot |loads )?(?:more|extra|less|fewer)\b)|"
                         r"no urine|no wet|not making sense|not fade|doesn'?t fade|won'?t fade|"
                         r"not sleeping|not able|can'?t|cannot|couldn'?t|no energy|not himself|not herself|"
                         r"won'?t settle|(?:doesn'?t|does not|isn'?t|is not|not) settl\w*|won'?t calm|not calming|"
                         r"won'?t ease|"
                         # a remedy that did not work: what follows is not denied ("paracetamol hasn't touched it")
                         r"(?:didn'?t|doesn'?t|hasn'?t|haven'?t|isn'?t|wasn'?t|won'?t|did not|does not|has not|"
                         r"have not|is not|was not|not|never) (?:help\w*|touch\w*|work\w*|eas\w*|reliev\w*|shift\w*|"
                         r"budg\w*|fix\w*|improv\w*|cur\w*|reduc\w*|do anything|make (?:any|a) difference)|"
                         r"no (?:help|relief|improvement|difference|effect|change)|"
                         # "nothing" denies what follows ("nothing going to my arm") except a failed remedy or
                         # an emphasis: "nothing helps the pain", "nothing but chest pain all night"
                         r"nothing (?:help\w*|touch\w*|work\w*|eas\w*|reliev\w*|shift\w*|budg\w*|fix\w*|stop\w*|"
                         r"stay\w*|settl\w*|calm\w*|seems|will|can|i (?:do|take|try|give)|we (?:do|try|give)|"
                         r"but|else but)|"
                         # a comparison, not a denial: "not like my usual migraine", "nothing like my normal reflux"
                         r"not like|nothing like|not the same as|not my (?:usual|normal)|"
                         r"not (?:a |the )?(?:usual|normal) (?:kind|sort|type)|"
                         r"not normal|not right)\b")
_EN_SCOPE_BREAK = re.compile(r"[.;!?\n)]|\b(?:but|however|although|though|except|yet|apart from|other than|"
                             r"now|then|and now|also has|also have|which|that is|plus|"
                             r"(?:and|so) (?:i|i'm|i've|he|he's|she|she's|they|they're|we|we're|it's|it is)|"
                             # a second predicate of the same subject: "won't drink and is limp", "not feeding and
                             # has gone floppy" - the denial stays with the first verb
                             r"and (?:is|was|has|had|seems|looks|feels|keeps|kept|went|has gone|is now|now))\b")
_EN_CONTINUE_WORDS = 3  # "shortness of breath" in "no fever, shortness of breath or chest pain"
# Across a comma a denial runs on only through a list: one marked by "or"/"nor" ("no fever, cough or rash") or
# after a clinical cue that opens one ("denies chest pain, shortness of breath, palpitations"). Without either,
# "no fever, chest pain since this morning" is two statements and the chest pain is not denied.
_EN_LIST_CUE = re.compile(r"denie[sd]|deny|denying|negative for|free of|absence of")
_EN_LIST_OR = re.compile(r"\b(?:or|nor)\b")
# A clinical note's "asymptomatic - no headache, chest pain, visual disturbance": the plain "no" opens a list too.
_EN_FORMAL_BEFORE = re.compile(r"\b(?:asymptomatic|symptom[- ]free|denies|nil else|no other symptoms)\b[\s,:;(\-–—]*$")
_EN_LIST_ITEM_WORDS = 4  # "shortness of breath", "loss of consciousness": items of a marked list
_CLAUSE_STARTERS = frozenset({"i", "i'm", "im", "i've", "i'd", "he", "he's", "she", "she's", "they", "they're", "it",
                              "it's", "we", "we're", "you", "my", "his", "her", "their", "our", "there", "there's",
                              "but", "now", "then", "also", "just", "only", "mainly", "mostly",
                              # a verb opening a new clause after a comma: "no fever, feeling dizzy"
                              "seeing", "feeling", "having", "getting", "got", "gets", "keeps", "keep", "kept", "still",
                              "started", "starting", "went", "gone", "going", "looks", "looking", "seems"})

_ZH_NEG_SCOPE = re.compile(r"没有|没|無|无|未|否认|并无|从未|从没|不是|不曾|不再|冇|未有")  # 冇: Cantonese 没有
# Formal cues of clinical notes whose scope runs over a 、 list ("无发热、咳嗽及咳痰", "否认胸痛、气短").
_ZH_FORMAL_NEG = re.compile(r"否认|并无|均无|未见|未诉|不伴|无")
_ZH_NOT_NEG = re.compile(r"无法|没法|没办法|无力|没力|没劲|没精神|没胃口|没反应|没意识|没知觉|没呼吸|没气|没尿|"
                         r"没有尿|没有呼吸|没有反应|没有意识|没有知觉|没有力气|没有胃口|没有精神|未见好|没见好|没好|"
                         r"无缘无故|无故|无意识|无反应|无尿|无呼吸|没有好转|没好转|无好转|没有缓解|没缓解|未缓解|"
                         r"不知道|不清楚|不确定|不知|说不清|不好说|是不是|有没有|没有什么|没什么用|没用|无效|没效果|"
                         # "无明显诱因出现阴道流血": no cause was found; the bleeding is not denied
                         r"无明显诱因|无明确诱因|无诱因|无明显原因|无明确原因|无原因|没有原因|没什么原因|没啥原因|"
                         r"没有诱因|没来由|无缘由|无特殊诱因|无特殊原因|无任何诱因|无任何原因|无诱发因素|无明显诱发因素|"
                         # a remedy or visit that did not happen, or time words: what follows is not denied
                         # ("头痛3天未予重视今日加重伴呕吐", "没多久就开始吐", "无意中发现颈部肿块")
                         r"未予重视|未予处理|未予治疗|未予诊治|未经治疗|未经处理|未治疗|未处理|未重视|未就诊|未就医|"
                         r"未在意|没在意|没当回事|没重视|没管|无意中|无意间|无论|没想到|没料到|没注意|没留意|"
                         r"没多久|没过多久|没一会|没过一会|没过几天|没几天|没两天|没几分钟|没隔多久|"
                         r"无痛性|无痛的|"  # "无痛性阴道流血" is painless bleeding, not no bleeding
                         # words that only contain a cue: "无名指发麻" (ring finger), "没完没了地咳" (on and on)
                         r"无名指|无数|无时无刻|没完没了|没日没夜|没停过|没断过")
# 唔: Cantonese 不; "不觉得胸闷", "不伴发热" deny too
_ZH_NEG_ADJACENT = re.compile(r"(?<![要得])[不唔](?:太|怎么|再|大|算|是很|是太|会|用|觉得|感觉|感到|伴有|伴|见)?$")
# A space between two Chinese characters is how chat messages end a clause ("这辈子没这么痛过 吐了一次"): a denial
# does not run across it.
_ZH_SPACE_BREAK = r"(?<=[\u3400-\u9fff]) (?=[\u3400-\u9fff]|$)"  # $: the window ends where the term starts
_ZH_SCOPE_BREAK = re.compile(r"[,.;!?\n、]|但|可是|不过|然而|却|而且|还有|另外|现在|后来|同时|又|" + _ZH_SPACE_BREAK)
# A denial inside a relative clause describes the noun it modifies, not the term after that noun: in
# "没打过疫苗的小狗咬了" / "没煮熟的肉吃了" the 没 ends at 的 (a verb with 过/了/熟 before 的, then a noun).
_ZH_RELATIVE = re.compile(r"^[^的]{0,6}(?:过|了|熟|完|好|消毒|洗)[^的]{0,4}的[\u3400-\u9fff]{0,3}$")
_ZH_LIST_SCOPE_BREAK = re.compile(r"[,.;!?\n]|但|可是|不过|然而|却|而且|还有|另外|现在|后来|同时|又|(?<!不)伴有?|"
                                  + _ZH_SPACE_BREAK)
# A denial said after the term: "喘气都没问题", "吃喝正常" (not a question: "头疼正常吗"); a sign written as
# negative: "脑膜刺激征阴性".
_ZH_NEG_AFTER = re.compile(r"(?:都|也|倒是|倒|还)?(?:没问题|没有问题|没啥问题|没什么问题|没事|没毛病|正常|无异常|"
                           r"冇问题|(?:检查|查体|试验)?(?:均|呈)?阴性)(?![吧吗嘛么呢?])")


def _en_negated(text: str, start: int) -> bool:
    """A negation cue before `start` whose scope reaches it (same clause, or a short list after a comma)."""
    if _EN_NEG.match(text, start):
        return False  # a term that carries its own cue ("can't breathe", "no urine") is not denied by an earlier one
    window_start = max(0, start - 80)
    window = text[window_start:start]
    cues = list(_EN_NEG.finditer(window))
    if not cues:
        return False
    protected = [(m.start(), m.end()) for m in _EN_NOT_NEG.finditer(text, max(0, window_start - 10), start + 20)]
    for cue in reversed(cues):
        absolute = window_start + cue.start()
        if any(begin <= absolute < end for begin, end in protected):
            continue
        between = text[window_start + cue.end():start]
        if _EN_SCOPE_BREAK.search(between.replace(",", " ")):
            return False
        segments = between.split(",")
        formal = bool(_EN_LIST_CUE.fullmatch(cue.group(0))) \
            or bool(_EN_FORMAL_BEFORE.search(text, max(0, absolute - 30), absolute))
        marked = formal or bool(_EN_LIST_OR.search(between)) or bool(_EN_LIST_OR.search(_clause_rest(text, start)))
        if len(segments) > 1 and not marked:
            return False
        # "no fever, cough or rash": a short list continues the scope; a new clause ("..., i'm short of breath")
        # or a longer one ends it.
        limit = _EN_LIST_ITEM_WORDS if formal else _EN_CONTINUE_WORDS
        # a term that itself opens a new clause after the comma ("..., it eased sitting up") is out of scope
        if len(segments) > 1 and not segments[-1].strip() and text[start:].split(maxsplit=1)[:1] \
                and text[start:].split(maxsplit=1)[0] in _CLAUSE_STARTERS:
            return False
        for seg in segments[1:]:
            words = seg.split()
            if words and words[0] in _CLAUSE_STARTERS:
                return False
            # the item before the last one of a list ("no cough, weight loss or fever") ends with its "or"
            items = words[:-1] if words and words[-1] in ("or", "nor", "and") else words
            if len(items) > limit and not seg.strip().startswith(("or", "nor", "and no", "no")):
                return False
        return len(between) < (80 if formal else 60)
    return False


def _clause_rest(text: str, start: int) -> str:
    """The text from `start` to the end of its clause (at most 60 characters): where a list's "or" may follow."""
    rest = text[start:start + 60]
    end = _EN_SCOPE_BREAK.search(rest)
    return rest[:end.start()] if end else rest


def _zh_protected(text: str, cue: int, start: int) -> bool:
    """Whether the cue at `cue` belongs to a phrase that is not a denial ("没胃口", "无缘无故") and that ends before
    the term: "没有呼吸" protects what follows it, but not the term "呼吸困难" it runs into ("没有呼吸困难")."""
    return any(m.start() <= cue < m.end() and m.end() <= start
               for m in _ZH_NOT_NEG.finditer(text, max(0, cue - 2), min(len(text), start + 6)))


def _zh_list_negated(text: str, start: int) -> bool:
    """A formal cue before a 、 list: "无发热、咳嗽及咳痰" denies every item."""
    window = text[max(0, start - 20):start]
    if "、" not in window:
        return False
    clause = _ZH_LIST_SCOPE_BREAK.split(window)[-1]
    clause_start = start - len(clause)
    return any(not _zh_protected(text, clause_start + cue.start(), start) for cue in _ZH_FORMAL_NEG.finditer(clause)
               if "、" in clause[cue.end():])

# Asked, then denied: "我问她有没有想过不想活，她说没有", "问他是否胸痛，他说不会" (round bbcc zh)
_ZH_ASKED_BEFORE = re.compile(r"问(?:过|了|问)?[^,.;!?]{0,6}(?:有没有|有无|是否|会不会|是不是|想没想过|有没想过)"
                              r"[^,.;!?]{0,4}$")
_ZH_DENIED_AFTER = re.compile(r"[^,.;!?]{0,3}?(?:吗|没有)?[,.;!?]?\s*"
                              r"(?:她|他|我|老人|孩子|病人|患者|我妈|我爸|老太太|老爷子)?(?:都|也)?(?:说|回答|答|讲)?(?:都|也)?(?:没有|没|不会|从来没有|从没|没想过|否认|摇头)")


def _zh_negated(text: str, start: int, end: int | None = None) -> bool:
    if end is not None and _ZH_NEG_AFTER.match(text, end):
        return True
    if end is not None and _ZH_ASKED_BEFORE.search(text, max(0, start - 14), start) \
            and _ZH_DENIED_AFTER.match(text, end):
        return True
    window_start = max(0, start - 12)
    window = text[window_start:start]
    clause = _ZH_SCOPE_BREAK.split(window)[-1]
    if not clause:
        return _zh_list_negated(text, start)
    clause_start = start - len(clause)
    if _ZH_NEG_ADJACENT.search(clause):
        tail = _ZH_NEG_ADJACENT.search(clause)
        assert tail is not None
        # "不咳嗽" negates; "不停地咳嗽" does not ("不停" is not adjacent to the term)
        if not _ZH_NOT_NEG.search(text, clause_start + tail.start(), start + 4):
            return True
    for cue in _ZH_NEG_SCOPE.finditer(clause):
        if not _zh_protected(text, clause_start + cue.start(), start) and not _ZH_RELATIVE.search(clause[cue.end():]):
            return True
    return _zh_list_negated(text, start)


def is_negated(text: str, start: int, end: int | None = None) -> bool:
    """Whether the term at `start` in normalised `text` is negated by a cue before it (or, for Chinese, when its
    `end` is given, by a denial right after it: "喘气都没问题")."""
    return _zh_negated(text, start, end) or _en_negated(text, start)


# ------------------------------------------------------------------ the compiled lexicon

_HAN = re.compile(r"[\u3400-\u9fff]")


_TOKEN = re.compile(r"[a-z0-9']+")
_TERM_TOKEN = re.compile(r"[a-z0-9']+\*?")
_SUFFIXES = ("s", "es", "d", "ed")


@dataclass(frozen=True)
class _EnTerm:
    """An English term as tokens; a token ending in '*' matches any word starting with it."""

    code: str
    tokens: tuple[str, ...]

    def token_matches(self, index: int, word: str) -> bool:
        token = self.tokens[index]
        if token.endswith("*"):
            return word.startswith(token[:-1])
        return word == token or (word.startswith(token) and _inflects(token, word[len(token):]))


def _inflects(token: str, suffix: str) -> bool:
    """Whether `token + suffix` is a plural or past form of the token: "-es" only after s, x, z, ch, sh or o
    ("rashes", not "hiv" + "es" = "hives"), "-d" only after e ("bruised")."""
    if suffix in ("s", "ed"):
        return True
    if suffix == "es":
        return token.endswith(("s", "x", "z", "ch", "sh", "o"))
    return suffix == "d" and token.endswith("e")


def _word_bases(word: str) -> set[str]:
    """The word and the word without a plural or past-tense ending, for looking up a term's first token."""
    bases = {word}
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            bases.add(word[: -len(suffix)])
    return bases


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


class Lexicon:
    """Terms per code, compiled once. `find()` returns every match with its negation."""

    def __init__(self, terms: Mapping[str, Iterable[str]], spelling: Mapping[str, str] | None = None,
                 known_words: Iterable[str] = ()) -> None:
        self._spelling = {k.lower(): v.lower() for k, v in (spelling or {}).items()}
        # real words one typo away from a lexicon word ("cooking" / "choking"): never corrected
        self._known = frozenset(w.lower() for w in known_words)
        zh: dict[str, list[str]] = {}
        self._regex_terms: list[tuple[str, re.Pattern[str]]] = []
        self._vocabulary: set[str] = set()
        # wildcard stems of 5+ letters: "spraining" is "sprain*", not a typo of "straining"
        self._stems: set[str] = set()
        # English terms indexed by their first token: exact words in a dict, wildcard stems by first letter
        self._en_exact: dict[str, list[_EnTerm]] = {}
        self._en_prefix: dict[str, list[_EnTerm]] = {}
        for code, code_terms in terms.items():
            for raw in code_terms:
                if raw.startswith("re:"):  # a regular expression, for combinations ("(左|右)手.{0,2}没力")
                    self._regex_terms.append((code, re.compile(raw[3:])))
                    continue
                term = normalize(raw)
                if not term:
                    continue
                # wildcard stems count as words too ("fever*" -> "fever"), so "feaver" can be corrected to them
                self._vocabulary.update(w.rstrip("*") for w in re.findall(r"[a-z*]+", term) if len(w.rstrip("*")) >= 5)
                self._stems.update(w[:-1] for w in re.findall(r"[a-z]+\*", term) if len(w) > 5)
                if _HAN.search(term):
                    zh.setdefault(term, []).append(code)
                    continue
                tokens = tuple(_TERM_TOKEN.findall(term))
                if not tokens:
                    continue
                entry = _EnTerm(code, tokens)
                first = tokens[0]
                if first.endswith("*"):
                    self._en_prefix.setdefault(first[:1], []).append(entry)
                else:
                    self._en_exact.setdefault(first, []).append(entry)
        self._zh_terms = sorted(zh.items(), key=lambda item: len(item[0]), reverse=True)
        self._typo_index: dict[str, set[str]] = {}
        for word in self._vocabulary:
            if len(word) >= 6:
                for variant in _deletes(word) | {word}:
                    self._typo_index.setdefault(variant, set()).add(word)

    def correct_typos(self, text: str) -> str:
        """English words one typo away from a lexicon word become that word ("vomitting" -> "vomiting").

        Only words of 6+ letters that are neither lexicon words nor known real words ("cooking" is not "choking"),
        and only to a word with the same first letter (typos rarely hit the first letter; this keeps "wearing" from
        becoming "hearing")."""

        if self._spelling:
            text = re.sub(r"[a-z]+", lambda m: self._spelling.get(m.group(0), m.group(0)), text)

        def fix(m: re.Match[str]) -> str:
            word = m.group(0)
            if word in self._vocabulary or word in self._known or any(word.startswith(s) for s in self._stems):
                return word
            # an -ing form of a lexicon word ("spraining", "wheezing") is a real word too
            if word.endswith("ing") and {word[:-3], word[:-3] + "e", word[:-4]} & self._vocabulary:
                return word
            # a plural or past form of a lexicon word ("contacts", "faints") is not a typo
            if any(b in self._vocabulary and _inflects(b, word[len(b):]) for b in _word_bases(word) - {word}):
                return word
            candidates: set[str] = set()
            for variant in _deletes(word) | {word}:
                candidates |= self._typo_index.get(variant, set())
            good = sorted(c for c in candidates if c[0] == word[0] and _one_edit(word, c))
            return good[0] if good else word

        return re.sub(r"[a-z]{6,}", fix, text)

    def find(self, text: str, *, normalized: bool = False) -> list[Match]:
        text = text if normalized else normalize(text)
        text = self.correct_typos(text)
        matches: list[Match] = []
        for term, codes in self._zh_terms:
            begin = text.find(term)
            while begin != -1:
                for code in codes:
                    matches.append(Match(code, begin, begin + len(term), term,
                                         is_negated(text, begin, begin + len(term))))
                begin = text.find(term, begin + 1)
        matches.extend(self._find_en(text))
        for code, pattern in self._regex_terms:
            for m in pattern.finditer(text):
                matches.append(Match(code, m.start(), m.end(), m.group(0), is_negated(text, m.start(), m.end())))
        return matches

    def _find_en(self, text: str) -> list[Match]:
        words = [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]
        found: list[Match] = []
        seen: set[tuple[str, int, int]] = set()
        for i, (word, start, _) in enumerate(words):
            candidates = [t for base in _word_bases(word) for t in self._en_exact.get(base, [])]
            candidates += self._en_prefix.get(word[:1], [])
            for term in candidates:
                end = self._match_from(term, words, i, text)
                if end is None or (term.code, start, end) in seen:
                    continue
                seen.add((term.code, start, end))
                found.append(Match(term.code, start, end, text[start:end], is_negated(text, start)))
        return found

    @staticmethod
    def _match_from(term: _EnTerm, words: list[tuple[str, int, int]], i: int, text: str) -> int | None:
        """The end offset when the term's tokens match the words from `i` on, separated by spaces or hyphens."""
        if i + len(term.tokens) > len(words):
            return None
        for k in range(len(term.tokens)):
            word, start, _ = words[i + k]
            if not term.token_matches(k, word):
                return None
            if k and text[words[i + k - 1][2]:start].strip(" -"):
                return None  # punctuation between the words: not the same phrase
        return words[i + len(term.tokens) - 1][2]


def _one_edit(a: str, b: str) -> bool:
    """Levenshtein distance 1 or one adjacent transposition."""
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    if len(a) > len(b):
        a, b = b, a
    return any(b[:i] + b[i + 1:] == a for i in range(len(b)))
