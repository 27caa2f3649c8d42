"""Sections cited beside the best ones: the other part of a two-part question, and the article an article points to.

- A question in two parts ("how many months of unemployment benefit, and who pays my medical insurance meanwhile")
  is often answered by two articles. When the cited sections leave a telling part of the question uncovered, the
  section that covers most of that part (and enough of the rest) is cited too.
- Laws keep a rule and its penalty in different articles that name each other ("依照本条例第四十条的规定处理",
  "违反本条例第二十二条第四款规定"). A cited article that points to another one brings it along when that one
  is about the question too.
"""

from __future__ import annotations

import re

from tools.insurance.models import Hit
from tools.insurance.scoring import LoadedIndex, unit_coverage, unit_weight
from tools.insurance.terms import QueryUnit

MAX_RELATED = 2  # sections added beside the chosen ones
MAX_TOTAL = 4
MIN_UNCOVERED_SHARE = 0.2  # the question's weight left uncovered by the cited sections that is worth a second one
MIN_COMPLEMENT_COVERAGE = 0.35  # how much of the whole question a complementary section must still hold
MIN_COMPLEMENT_RANK = 0.3  # its rank against the best cited section
MIN_REFERENCE_SHARE = 0.2  # how much of the question an article pointed to must hold to be cited
_CN_NUM = "零〇一二三四五六七八九十百千两"
_REFERENCE = re.compile(rf"本(?:法|条例|办法|规定)第([{_CN_NUM}\d]+)条")


def add_related(
    chosen: list[Hit], candidates: list[Hit], units: list[QueryUnit], loaded: LoadedIndex, with_references: bool = True
) -> list[Hit]:
    """The chosen sections, then at most MAX_RELATED related ones (complement first, then references). A complement
    comes from `candidates` (the caller's filtered hits); references are looked up in the index."""
    if not chosen:
        return chosen
    result = list(chosen)
    complement = _complement(result, candidates, units, loaded)
    if complement is not None:
        result.append(complement)
    for hit in list(result) if with_references else []:
        if len(result) >= min(MAX_TOTAL, len(chosen) + MAX_RELATED):
            break
        for target in _referenced(hit, units, loaded):
            if not _cited(result, target) and len(result) < min(MAX_TOTAL, len(chosen) + MAX_RELATED):
                result.append(target)
    return result


def _cited(hits: list[Hit], hit: Hit) -> bool:
    return any(h.doc_id == hit.doc_id and h.label == hit.label for h in hits)


def _holds(loaded: LoadedIndex, hit: Hit, unit: QueryUnit) -> bool:
    index = section_index(loaded, hit)
    if index is None:
        return False
    tokens, text = loaded.section_tokens[index], loaded.section_texts[index]
    return unit.held_by(tokens, text)


def section_index(loaded: LoadedIndex, hit: Hit) -> int | None:
    if not loaded.positions:
        loaded.positions.update({(s.doc_id, s.label, s.text): i for i, s in enumerate(loaded.sections)})
    return loaded.positions.get((hit.doc_id, hit.label, hit.text))


def _complement(chosen: list[Hit], candidates: list[Hit], units: list[QueryUnit], loaded: LoadedIndex) -> Hit | None:
    """The section that answers the part of the question the chosen ones leave out, if there is such a part."""
    weights = {id(u): unit_weight(loaded, u) for u in units}
    total = sum(weights.values()) or 1.0
    uncovered = [u for u in units if not any(_holds(loaded, h, u) for h in chosen)]
    # Only topic units count as a missing part: a context word alone (a trip, a relative) is not a second question.
    uncovered = [u for u in uncovered if u.weight is None]
    if sum(weights[id(u)] for u in uncovered) / total < MIN_UNCOVERED_SHARE:
        return None
    best_rank = max(h.score * (0.5 + h.coverage) for h in chosen)
    languages = {loaded.languages.get(h.doc_id) for h in chosen}
    best: tuple[float, Hit] | None = None
    for hit in candidates:
        if _cited(chosen, hit) or loaded.languages.get(hit.doc_id) not in languages:
            continue
        if hit.coverage < MIN_COMPLEMENT_COVERAGE or hit.score * (0.5 + hit.coverage) < best_rank * MIN_COMPLEMENT_RANK:
            continue
        gain = sum(weights[id(u)] for u in uncovered if _holds(loaded, hit, u)) / total
        if gain >= MIN_UNCOVERED_SHARE / 2 and (best is None or gain > best[0]):
            best = (gain, hit)
    return best[1] if best else None


def _referenced(hit: Hit, units: list[QueryUnit], loaded: LoadedIndex) -> list[Hit]:
    """The articles of the same document that this article names ("本条例第四十条"), about the question too."""
    from tools.insurance.amounts import parse_chinese_number

    found: list[Hit] = []
    own = _article_number(hit.label)
    for raw in _REFERENCE.findall(hit.text):
        number = int(raw) if raw.isdigit() else parse_chinese_number(raw)
        if number is None or number == own:
            continue
        for i, section in enumerate(loaded.sections):
            if section.doc_id != hit.doc_id or _article_number(section.label) != number:
                continue
            coverage = unit_coverage(loaded, i, units)
            if coverage >= MIN_REFERENCE_SHARE:
                found.append(Hit(
                    doc_id=section.doc_id, title=loaded.titles.get(section.doc_id, section.doc_id), label=section.label,
                    path=section.path, text=section.text, score=0.0, coverage=coverage,
                ))
            break
    return found


def _article_number(label: str) -> int | None:
    from tools.insurance.amounts import parse_chinese_number

    match = re.fullmatch(rf"第([{_CN_NUM}\d]+)条", label)
    if not match:
        return None
    raw = match.group(1)
    number = int(raw) if raw.isdigit() else parse_chinese_number(raw)
    return int(number) if number is not None else None
