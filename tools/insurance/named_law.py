"""Laws named in a question that no indexed document is or mentions ("the new Medical Security Law", "《医疗保障法》"),
and products asked to be paid for by a name no document mentions ("Will Part D pay for Zepbound?").

A question about what a named law says is answered only by that law. When the documents neither are it nor name it,
articles of other laws that share its words (the fund regulation speaks of 医疗保障 too) do not say what it says,
so the question is refused rather than answered from them.
"""

from __future__ import annotations

import re

from tools.insurance.scoring import LoadedIndex
from tools.insurance.terms import normalize

# Two or more capitalised words before "Law" or "Act" name one statute ("Medical Security Law"); "Chinese law" does
# not. A leading question word or article is not part of the name.
_EN_NAME = re.compile(r"\b((?:[A-Z][a-z]+\s+){2,6})(Law|Act)\b")
_EN_NOT_NAME = frozenset(
    {"the", "a", "an", "does", "do", "is", "what", "which", "new", "national", "china's", "chinese"}
)
# A Chinese law or regulation in book-title marks, or a name ending in 保障法/保险法 that is not 法律/法规.
_ZH_NAME = re.compile(r"《([^》]{3,40})》|([\u4e00-\u9fff]{2,10}(?:保障|保险)法)(?![律规院定])")
_ZH_STRIP = re.compile(r"^(?:中华人民共和国|国家|新的?|全国)")


def _english_names(question: str) -> list[str]:
    names = []
    for words, kind in _EN_NAME.findall(question):
        kept = [w for w in words.split() if w.lower() not in _EN_NOT_NAME]
        if len(kept) >= 2:
            names.append(normalize(" ".join(kept) + " " + kind))
    return names


def _chinese_names(question: str) -> list[str]:
    return [_ZH_STRIP.sub("", a or b) for a, b in _ZH_NAME.findall(question)]


def _held(name: str, texts: list[str]) -> bool:
    if re.search(r"[\u4e00-\u9fff]", name):
        # The name may carry the patient's words before it ("按照社会保险法"): any tail of four characters or more
        # that a document names is the law.
        tails = [name[i:] for i in range(len(name) - 3)] or [name]
        patterns = [re.compile(re.escape(tail) + r"(?![律规])") for tail in tails]
        return any(p.search(t) for p in patterns for t in texts)
    return any(name in t for t in texts)


def unheld_law(question: str, loaded: LoadedIndex, other_titles: list[str]) -> str | None:
    """The first law the question names that no document's title (in either language) or text names; None if all
    are held or none is named."""
    texts = [normalize(t or "") for t in [*loaded.titles.values(), *other_titles]] + list(loaded.doc_texts.values())
    for name in _english_names(question) + _chinese_names(question):
        if not _held(name, texts):
            return name
    return None


# A proper name as what is to be paid for, taken or prescribed ("pay for Zepbound or Wegovy", "cover Botox", "能报
# Wegovy吗"): a brand or product name. When no document names it, sections sharing the question's other words (drug
# coverage in general) do not say whether it is paid for.
_EN_PRODUCT = re.compile(
    r"\b(?:pay for|pays for|paying for|cover|covers|covering|covered|take|taking|prescribe|prescribed|buy|on)\s+"
    r"(?:the\s+|my\s+|a\s+|an\s+)?([A-Z][A-Za-z0-9-]{2,}(?:\s+(?:or|and)\s+[A-Z][A-Za-z0-9-]{2,})*)"
)
# A plan named by its brand ("计划是 SilverScript") and a product looked up in a plan's list
# ("Ozempic（司美格鲁肽）在它的药品目录里"): only a document naming them says what that plan holds.
_ZH_PRODUCT = re.compile(
    r"(?:报|报销|买|吃|用|开|打|(?:计划|保险|方案|险种)(?:是|叫))\s*([A-Za-z][A-Za-z0-9-]{2,})|"
    r"([A-Za-z][A-Za-z0-9-]{2,})\s*(?:[（(][^）)]{0,16}[）)])?\s*在(?:它|其|这个|该|我们?|他|她)?的?[^，。？?]{0,6}目录"
)
# Names of the schemes and parts that questions capitalise and the handbook spells otherwise or not at all.
_NOT_PRODUCT = re.compile(r"^(?:part|plan|medicare|medicaid|medigap|original|social|extra|the|my)$", re.IGNORECASE)


def unheld_product(question: str, loaded: LoadedIndex, known_names: frozenset[str]) -> str | None:
    """The first product the question asks to be paid for by a proper name that no document, place or known name
    (drug names, glossary terms) holds; None if there is none."""
    names = [n for group in _EN_PRODUCT.findall(question) for n in re.split(r"\s+(?:or|and)\s+", group)]
    names += [a or b for a, b in _ZH_PRODUCT.findall(question)]
    texts = list(loaded.doc_texts.values())
    for name in names:
        lowered = name.lower()
        if _NOT_PRODUCT.match(lowered) or lowered in known_names:
            continue
        word = re.compile(r"(?<![a-z0-9])" + re.escape(lowered) + r"(?![a-z0-9])")
        if not any(word.search(t) for t in texts):
            return name
    return None
