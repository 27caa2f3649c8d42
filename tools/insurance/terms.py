"""Words of insurance questions and documents: tokenising (jieba for Chinese), stop words, the bilingual glossary.

The glossary (data/glossary.yaml) groups zh and en terms of one concept; a query that uses any term of a concept
is expanded with all of them, so an English question finds a Chinese article and lay words find legal ones.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, model_validator

from tools.insurance.narrative import NARRATIVE_WORD_FACTOR, narrative_spans, only_in, timeline_years, told_years

DATA_DIR = Path(__file__).parent / "data"
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")
_TOKEN_RUN = re.compile(r"[\u4e00-\u9fff]+|[a-z0-9]+(?:['’][a-z]+)?")


def load_yaml(path: Path) -> Any:
    """A data file, parsed with libyaml when PyYAML has it (several times faster than the pure-Python parser)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 (a safe loader)


@lru_cache(maxsize=8192)
def word_pattern(term: str) -> re.Pattern[str]:
    """A compiled whole-word pattern for an English term (cached: re's own cache is too small for the lexicons)."""
    return re.compile(rf"(?<![a-z0-9]){re.escape(term)}(?![a-z0-9])")


@lru_cache(maxsize=1)
def _stopwords() -> tuple[frozenset[str], frozenset[str]]:
    raw = load_yaml(DATA_DIR / "stopwords.yaml")
    return frozenset(raw["en"].split()), frozenset(raw["zh"].split())


@lru_cache(maxsize=1)
def _query_fillers() -> frozenset[str]:
    """English number words and figure fillers: no topic in a question, though documents keep them (stopwords.yaml)."""
    raw = load_yaml(DATA_DIR / "stopwords.yaml")
    return frozenset(raw["en_numbers"].split()) | frozenset(raw["en_figure_fillers"].split())


def is_en_stopword(word: str) -> bool:
    return word in _stopwords()[0]


def is_zh_stopword(word: str) -> bool:
    return word in _stopwords()[1]


class Concept(BaseModel):
    id: str
    zh: list[str]
    en: list[str]
    # Regular expressions that also name the concept in lay Chinese ("不给员工交" = contributions unpaid).
    patterns: list[str] = []
    # The kind of answer asked for (a phone number, an address): a section that lacks it cannot answer.
    required: bool = False
    # Required only when named where the question asks ("what number do I call"), not in the story ("my doctor
    # calls it chronic"); a product named in the story (an insurer's brand) stays required.
    asked_only: bool = False
    system: str | None = None  # "cn" or "us": the concept exists only in that country's insurance system
    # Context a patient gives around the question (a trip, a relative, an illness): it helps to rank, but a section
    # that lacks it can still answer, so it weighs this much in coverage instead of its IDF.
    weight: float | None = None


class Glossary(BaseModel):
    source: str
    concepts: list[Concept]
    places: list[str] = []  # place names: judged by the place rule (answer.py), not as topic words
    # Groups of parallel concepts (Part A / Part B / Part D): a text naming only another member of the group than
    # the one asked about is about that other thing ("$257 Part B deductible" does not answer for Part A).
    exclusive: list[list[str]] = []
    # Concepts that name a kind of amount (a deductible, a premium, a fine): a figure answers for one only when it
    # stands in the same clause as its name, not in a condition ("$0 after you meet your Part A deductible").
    amount_concepts: list[str] = []
    # Phrases that name a kind of amount only beside a figure ("you pay" before "$419 each day" is the patient's
    # share): not search terms, which would match every "you pay" in the handbook.
    amount_phrases: dict[str, list[str]] = {}

    @model_validator(mode="after")
    def _known_concepts(self) -> Glossary:
        ids = [c.id for c in self.concepts]
        named = [c for group in self.exclusive for c in group] + self.amount_concepts + list(self.amount_phrases)
        unknown = sorted({c for c in named if c not in ids} | {i for i in ids if ids.count(i) > 1})
        if unknown:
            raise ValueError(f"glossary: unknown or repeated concept ids {unknown}")
        return self




@lru_cache(maxsize=1)
def load_glossary() -> Glossary:
    raw = load_yaml(DATA_DIR / "glossary.yaml")
    places = load_yaml(DATA_DIR / "places.yaml")
    raw["places"] = [normalize(a) for p in places["places"] for a in p["aliases"] + p.get("demonyms", [])]
    return Glossary.model_validate(raw)


_A_NOT_A = re.compile(r"([\u4e00-\u9fff])不\1")


def plain_question(text: str) -> str:
    """Normalised, with Chinese A-not-A questions made plain: "给不给报" -> "给报" (it is not a negation)."""
    return _A_NOT_A.sub(r"\1", normalize(text))


@lru_cache(maxsize=1)
def tokenizer_signature() -> str:
    """Changes when the word lists that shape tokens change, so that stored tokens are redone."""
    import hashlib

    digest = hashlib.sha256(b"tokenizer-v1")
    for name in ("glossary.yaml", "stopwords.yaml"):
        digest.update((DATA_DIR / name).read_bytes())
    return digest.hexdigest()[:16]


def normalize(text: str) -> str:
    """NFKC (full-width to ASCII) and lower case; Chinese characters are unchanged."""
    return unicodedata.normalize("NFKC", text).lower()


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light English stemmer: enough to match 'deductibles' with 'deductible' and 'covers' with 'covered'."""
    word = word.replace("’", "'").split("'")[0]
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            return word[: -len(suffix)] + keep
    return word


@lru_cache(maxsize=1)
def _jieba():  # type: ignore[no-untyped-def]
    """jieba, loaded on first use (about a second) with the glossary's zh terms as words."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    for concept in load_glossary().concepts:
        for term in concept.zh:
            if _HAN_RUN.fullmatch(term):
                jieba.add_word(term, freq=20000)
    return jieba


def tokenize(text: str) -> list[str]:
    """Search tokens: jieba's search-mode words for Chinese, stemmed words for English; stop words dropped."""
    tokens: list[str] = []
    for run in _TOKEN_RUN.findall(normalize(text)):
        if _HAN_RUN.fullmatch(run):
            for word in _jieba().lcut_for_search(run):
                if not is_zh_stopword(word):
                    tokens.append(word)
        elif not is_en_stopword(run) and not (run.isdigit() and len(run) > 6):
            tokens.append(stem(run))
    return tokens


def _term_in(term: str, normalized_text: str) -> bool:
    """A glossary term in a text: a substring for Chinese (two characters at least: "药" is inside "医药费"),
    whole words for English."""
    if _HAN_RUN.search(term):
        return len(term) >= 2 and term in normalized_text
    if word_pattern(term).search(normalized_text):
        return True
    # Word by word with light stemming, so "gig workers" matches "gig worker" and "covers" matches "cover".
    term_words = _stemmed_words(term)
    text_words = _stemmed_words(normalized_text)
    n = len(term_words)
    return n > 0 and any(text_words[i : i + n] == term_words for i in range(len(text_words) - n + 1))


@lru_cache(maxsize=8192)
def _stemmed_words(text: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in re.findall(r"[a-z0-9]+", text))


UNKNOWN_NOUN_WEIGHT = 2.5
# A long compound the documents never use (个人所得税, 商业保险) names a topic they do not cover; a short word they
# never use is more often the patient's own story (店员, 好处, 十几年) and weighs less.
UNKNOWN_COMPOUND_WEIGHT = 4.0
UNKNOWN_ENGLISH_WEIGHT = 2.5


# Characters of grammar (pronouns, particles, modal verbs): a word jieba's dictionary does not know that holds one
# ("我能", "局要", "交了", "去告") is a fragment its HMM glued across a word boundary, not a topic the documents lack.
_FUNCTION_CHARS = frozenset(
    "我你他她它咱您的地得了吗呢吧啊呀么嘛是在有和与就都也还要会能可这那把被给让从到向对去来先再又才很太更最说想该着过跟帮"
)


def _cut_words(text: str) -> list[str]:
    """jieba's precise cut (no part-of-speech tagging: loading its tag table costs about a second; fillers are
    dropped by the stop-word list instead). Fragments glued across a word boundary are dropped."""
    jieba = _jieba()
    return [w for w in jieba.lcut(text) if not _is_glued_fragment(jieba, w)]


def _is_glued_fragment(jieba: Any, word: str) -> bool:
    if len(word) < 2 or not _HAN_RUN.fullmatch(word) or not any(ch in _FUNCTION_CHARS for ch in word):
        return False
    jieba.dt.check_initialized()
    return not jieba.dt.FREQ.get(word)


class QueryUnit(BaseModel):
    """One thing the question asks about: a glossary concept (any of its terms counts) or a plain word."""

    label: str
    alternatives: list[str]  # terms; the unit is covered by a text holding any of them
    token_groups: list[list[str]]  # each alternative as search tokens; a unit scores its best alternative
    concept: str | None = None
    # Weight when no document has the word or concept at all: something the documents never name.
    unknown_weight: float = 2.0
    system: str | None = None
    required: bool = False
    weight: float | None = None  # a fixed weight in coverage (context concepts), instead of the IDF
    # A compound word the documents may not have whole ("个人所得税"): a text holding every one of its parts holds
    # it too (one generic part, "个人", is not enough).
    parts: list[str] = []
    # A plain word said only in the story around the question ("上个月我骑电动车下班", "We're doing a cruise next
    # spring"), not in the sentence that asks: it weighs this share of its weight in coverage.
    factor: float = 1.0

    def held_by(self, tokens: set[str], text: str) -> bool:
        """Whether a text (its search tokens and normalised text) holds this unit."""
        if any(covers(a, tokens, text) for a in self.alternatives):
            return True
        return bool(self.parts) and all(covers(p, tokens, text) for p in self.parts)


def _expansion_tokens(term: str) -> list[str]:
    """A glossary term as search tokens: a Chinese term stays whole (jieba knows it), English words are stemmed."""
    if _HAN_RUN.fullmatch(term):
        return [term]
    return tokenize(term)


def _is_number(token: str) -> bool:
    if token in _query_fillers():
        return True
    return token.isdigit() and not re.fullmatch(r"(19|20)\d\d", token)


# A count with its unit ("4天后", "住了30天", "3万元"): the patient's own figures, and jieba glues the unit to the
# next word ("天后"). Years ("2025年") are kept.
_COUNT_WITH_UNIT = re.compile(
    r"(?<![\d.])(?!(?:19|20)\d\d年)\d+(?:\.\d+)?\s*(?:个)?(?:天|日|周|星期|个月|月|年|周岁|岁|次|元|块钱|块|万元|万|千元|千|"
    r"片|支|盒|粒|小时|分钟)(?:以后|之后|以内|以上|以下|左右|后|前|内|多)?|"
    # A sum in Chinese numerals ("一万多", "两千块"): the patient's own bill.
    r"[一二两三四五六七八九十几]+(?:万|千)多?(?:元|块钱|块)?"
)


def _inside(term: str, phrase: str) -> bool:
    """A term stands inside a longer phrase: as a substring (Chinese), or as a run of its stemmed words ("nurses" in
    "skilled nursing facility": both stem to "nurs")."""
    if term == phrase:
        return False
    if _HAN_RUN.search(term):
        return term in phrase
    words = [stem(w) for w in re.findall(r"[a-z0-9]+", term)]
    inner = [stem(w) for w in re.findall(r"[a-z0-9]+", phrase)]
    n = len(words)
    return 0 < n < len(inner) and any(inner[i : i + n] == words for i in range(len(inner) - n + 1))


def analyse_query(question: str) -> tuple[list[str], list[QueryUnit]]:
    """(search tokens with glossary expansion, the units used to measure coverage); see _analyse_query."""
    tokens, units = _analyse_query(question)
    return list(tokens), list(units)


@lru_cache(maxsize=256)
def _analyse_query(question: str) -> tuple[tuple[str, ...], tuple[QueryUnit, ...]]:
    """(search tokens with glossary expansion, the units used to measure coverage).

    Numbers the patient gives (amounts, ages) are neither searched nor required in the text; the year asked about
    is (earlier years are the patient's history: "my enrollment period ended in June 2021").
    """
    text = plain_question(question)
    years = re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", text)
    # Years the story tells as done are history too; the documents' year is unknown here, so a told year counts as
    # history in coverage only (selection.py decides, against the documents' year, which year is asked).
    told = told_years(text) | timeline_years(text)
    asked = [y for y in years if y not in told]
    history_years = {y for y in years if y != max(asked or years) or (not asked and y in told)}
    glossary = load_glossary()
    units: list[QueryUnit] = []
    consumed: set[str] = set(glossary.places)
    search_tokens: list[str] = []
    matches: list[tuple[Concept, list[str], list[str]]] = []
    for concept in glossary.concepts:
        found = [normalize(t) for t in concept.zh + concept.en if _term_in(normalize(t), text)]
        by_pattern = [m.group(0) for p in concept.patterns if (m := re.search(p, text))]
        if found or by_pattern:
            matches.append((concept, found, by_pattern))
    # A concept named only inside another concept's longer term ("disabled" in "disabled elderly") is that one.
    matches.sort(key=lambda m: (not m[1], -max(len(t) for t in m[1] or [""])))
    kept_phrases: list[str] = []
    story = narrative_spans(text)
    for concept, found, by_pattern in matches:
        # "医保" inside "医保费" is that phrase's, unless the question says it alone too ("医保还能用吗").
        alone = re.sub("|".join(sorted(map(re.escape, kept_phrases), key=len, reverse=True)) or "$^", " ", text)
        own = {t for t in found if _HAN_RUN.search(t) and t in alone}
        inside_longer = all(any(_inside(t, p) for p in kept_phrases) and t not in own for t in found + by_pattern)
        if inside_longer:
            consumed.update(tok for t in found + by_pattern for tok in tokenize(t))
            continue
        kept_phrases.extend(found)
        found = found or by_pattern
        terms = [normalize(t) for t in concept.zh + concept.en]
        groups = [g for g in (_expansion_tokens(term) for term in terms) if g]
        for group in groups:
            search_tokens.extend(group)
        for term in found + by_pattern:
            consumed.update(tokenize(term))
            consumed.update(_HAN_RUN.findall(normalize(term)))
        in_story = bool(found) and all(only_in(t, story, text) for t in found)
        required = concept.required and not (concept.asked_only and in_story)
        units.append(
            QueryUnit(
                label=found[0], alternatives=terms, token_groups=groups, concept=concept.id,
                unknown_weight=UNKNOWN_NOUN_WEIGHT, required=required, system=concept.system,
                weight=concept.weight,
            )
        )
    # Plain words: jieba's cut for Chinese (one unit per word), stems for English. Stop words ("以后", "一直",
    # "哪天", "what") and lone characters carry no topic.
    for run in _TOKEN_RUN.findall(_COUNT_WITH_UNIT.sub(" ", text)):
        for word in _cut_words(run) if _HAN_RUN.fullmatch(run) else [run]:
            if _HAN_RUN.fullmatch(word):
                if is_zh_stopword(word) or len(word) == 1 or word in consumed:
                    continue
                if any(word in c for c in consumed) or any(u.label == word for u in units):
                    continue  # part of a glossary term already counted, or a word said twice
                if any(len(c) >= 2 and c in word and 2 * len(c) >= len(word) for c in consumed):
                    continue  # a glossary term with a character around it ("喝醉酒" holds "醉酒")
                subwords = [w for w in _jieba().lcut_for_search(word) if len(w) >= 2 and w != word]
                groups = [[word], subwords] if subwords else [[word]]
                # Parts stand for the word only when together they spell all of it ("护理" is not "护理费").
                spelled = set("".join(subwords))
                parts = subwords if spelled >= set(word) else []
                units.append(
                    QueryUnit(
                        label=word, alternatives=[word], token_groups=groups, parts=parts,
                        unknown_weight=UNKNOWN_COMPOUND_WEIGHT if len(word) >= 4 else UNKNOWN_NOUN_WEIGHT,
                        factor=NARRATIVE_WORD_FACTOR if only_in(word, story, text) else 1.0,
                    )
                )
                search_tokens.extend([word, *subwords])
            else:
                base = re.split(r"['’]", word)[0]
                if is_en_stopword(base) or is_en_stopword(stem(base)) or _is_number(word) or word in history_years:
                    continue
                if stem(word) in consumed or word in consumed or any(u.label == word for u in units):
                    continue
                units.append(
                    QueryUnit(
                        label=word, alternatives=[stem(word)], token_groups=[[stem(word)]],
                        unknown_weight=UNKNOWN_ENGLISH_WEIGHT,
                        factor=NARRATIVE_WORD_FACTOR if only_in(word, story, text) else 1.0,
                    )
                )
                search_tokens.append(stem(word))
    return tuple(dict.fromkeys(search_tokens)), tuple(units)


def covers(alternative: str, section_tokens: set[str], section_text: str) -> bool:
    """Whether a section holds one alternative of a query unit (token, Chinese substring or English phrase)."""
    if alternative in section_tokens:
        return True
    if _HAN_RUN.search(alternative):
        return alternative in section_text
    words = re.findall(r"[a-z0-9]+", alternative)
    if len(words) < 2:
        return bool(words) and stem(words[0]) in section_tokens
    # A phrase with a stop word in it ("part a", "out-of-pocket") is looked for as written (hyphen or space between
    # its words): its tokens lack the stop words.
    if any(is_en_stopword(w) for w in words):
        return _phrase_pattern(tuple(words)).search(section_text) is not None
    return all(stem(w) in section_tokens for w in words)


@lru_cache(maxsize=4096)
def _phrase_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<![a-z0-9])" + r"[\s\-]+".join(re.escape(w) for w in words) + r"(?![a-z0-9])")
