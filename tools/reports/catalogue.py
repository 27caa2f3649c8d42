"""The analyte catalogue (data/analytes.yaml): loaded once, validated, and indexed by alias and LOINC.

Names in free text are found with a trie over every alias (names.py).
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from tools.reports.models import Analyte, Catalogue, QualitativeResult
from tools.reports.names import AliasMatch, build_trie, find_aliases
from tools.reports.units import conversion_for, log_distance
from tools.reports.vocabulary import clean_text, parse_range

# libyaml's loader when installed: the catalogue loads on the first message, which must stay fast.
SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
CATALOGUE_PATH = Path(__file__).resolve().parent / "data" / "analytes.yaml"
_SEPARATORS = re.compile(r"[\s,\-_.()]+")


def alias_key(text: str) -> str:
    """How aliases compare: cleaned, lower case, without spaces, commas, dashes, dots or underscores."""
    return _SEPARATORS.sub("", clean_text(text).lower())


def _range_dict(text: Any, code: str) -> Any:
    if not isinstance(text, str):
        return text
    parsed, _ = parse_range(text)
    if parsed is None:
        raise ValueError(f"{code}: cannot read range {text!r}")
    return parsed.model_dump()


def load_catalogue(path: Path = CATALOGUE_PATH) -> Catalogue:
    """Read and validate a catalogue file; ranges may be written as text ("3.5-5.3", "<5.2", ">=1.0")."""
    with path.open(encoding="utf-8") as handle:
        raw = yaml.load(handle, Loader=SAFE_LOADER)
    for entry in raw.get("analytes", []):
        for field in ("range", "range_male", "range_female", "range_us", "range_us_male", "range_us_female"):
            if field in entry:
                entry[field] = _range_dict(entry[field], entry.get("code", "?"))
        entry["aliases"] = [str(a) for a in entry.get("aliases", [])]
        entry["loinc"] = None if entry.get("loinc") is None else str(entry["loinc"])
    return Catalogue.model_validate(raw)


@lru_cache(maxsize=1)
def catalogue() -> Catalogue:
    return load_catalogue()


@lru_cache(maxsize=1)
def _by_code() -> dict[str, Analyte]:
    return {a.code.upper(): a for a in catalogue().analytes}


@lru_cache(maxsize=1)
def _by_alias() -> dict[str, list[Analyte]]:
    index: dict[str, list[Analyte]] = {}
    for analyte in catalogue().analytes:
        for name in {analyte.code, analyte.name.zh, analyte.name.en, *analyte.aliases}:
            bucket = index.setdefault(alias_key(name), [])
            if analyte not in bucket:
                bucket.append(analyte)
    return index


@lru_cache(maxsize=1)
def _by_loinc() -> dict[str, Analyte]:
    index: dict[str, Analyte] = {}
    for analyte in catalogue().analytes:
        for code in [analyte.loinc, *analyte.other_loinc]:
            if code:
                index.setdefault(str(code), analyte)
    return index


def by_code(code: str) -> Analyte | None:
    return _by_code().get(code.strip().upper())


def by_loinc(code: str | None) -> Analyte | None:
    return None if not code else _by_loinc().get(code.strip())


def candidates_for(name: str) -> list[Analyte]:
    """Every analyte that an exact alias (or code, or name) means, most usual first."""
    return list(_by_alias().get(alias_key(name), []))


def resolve_code(name: str) -> str | None:
    """The catalogue code for a name, alias or code (e.g. "谷丙转氨酶" -> "ALT"); None when unknown."""
    found = candidates_for(name)
    return found[0].code if found else None


@lru_cache(maxsize=1)
def alias_trie() -> dict[str, Any]:
    aliases: set[str] = set()
    for analyte in catalogue().analytes:
        aliases.update([analyte.code, analyte.name.zh, analyte.name.en, *analyte.aliases])
    return build_trie(aliases)


def find_names(line: str) -> list[AliasMatch]:
    """Every analyte name in a (cleaned) line, left to right."""
    return find_aliases(line, alias_trie())


def choose(
    options: list[Analyte],
    *,
    unit: str | None,
    value: float | None,
    qualitative: QualitativeResult | None,
    section: str | None,
) -> Analyte | None:
    """Pick one analyte among those an ambiguous alias means ("GLU", "RBC", "neutrophils", "PCT"), by report
    section (urine or blood), kind of result, unit, and last by how well the value fits each default range."""
    if not options:
        return None
    pool = options
    urine = [a for a in pool if a.panel == "urine"]
    other = [a for a in pool if a.panel != "urine"]
    if section == "urine" and urine:
        pool = urine
    elif section == "blood" and other:
        pool = other
    if len(pool) > 1 and unit:
        accepted = [a for a in pool if conversion_for(a, unit) is not None]
        pool = accepted or pool
    if len(pool) > 1 and value is None and qualitative is not None:
        # Blood counts are never "+++": a qualitative result belongs to the urine test of that name.
        pool = [a for a in pool if a.kind == "qualitative"] or [a for a in pool if a.panel == "urine"] or pool
    if len(pool) > 1 and value is not None:
        pool = [a for a in pool if a.panel != "urine"] or pool
        pool = sorted(pool, key=lambda a: _fit(a, value))
    return pool[0]


def _fit(analyte: Analyte, value: float) -> float:
    reference = analyte.range_for(None)
    return math.inf if reference is None else log_distance(value, reference)
