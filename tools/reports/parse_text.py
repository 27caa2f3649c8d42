"""Reading results out of text: pasted Chinese hospital sheets, US-style reports, chat messages, PDF text.

A line is cut where analyte names start (one line may hold two columns of results, or "ALT 88, AST 76"); after
each name comes the result (a number or a qualitative word) and, in any order, a marker (↑ H 偏高), a unit and a
reference range. Nothing here is keyed to one layout: names come from the catalogue, words from vocabulary.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from tools.reports.catalogue import alias_key, candidates_for, choose, find_names
from tools.reports.headers import CLOCK_TIME, DATE_MDY, DATE_YMD, detect_locale, find_date, find_sex
from tools.reports.models import Analyte, Marker, ParsedReport, QualitativeResult, RawResult, RefRange
from tools.reports.units import normalize_unit
from tools.reports.vocabulary import (
    NUMBER,
    clean_text,
    parse_marker,
    parse_number,
    parse_qualitative,
    parse_range,
    qualitative_words,
    vocabulary,
)

_VALUE = re.compile(rf"(?<![A-Za-z0-9.^*/])(?:(<=|>=|<|>|≤|≥)\s*)?({NUMBER})(?![\d^]|\*\d|[eE]\d)")
_RANGE_IN_TEXT = re.compile(
    rf"(?<![A-Za-z0-9.^*/])(?:({NUMBER})\s*(?:-{{1,2}}|~|to|至)\s*({NUMBER})|(<=|>=|<|>|≤|≥)\s*({NUMBER}))(?![\d^])",
    re.IGNORECASE,
)
_LAB_CODE = re.compile(r"0[1-9]")
_REF_LABEL = re.compile(r"参考|正常|ref|normal|range|interval", re.IGNORECASE)
_LAB_UNIT = re.compile(r"^[A-Za-z]+/[A-Za-z]+$|^%$")  # "U/mL", "COI/mL": a lab unit for a test we do not know
_SLASH_SPACES = re.compile(r"(?<=[A-Za-z])\s*/\s*(?=[A-Za-z])")
_ARROWS = re.compile(r"↑↑|↓↓|↑|↓")
_GLUED_MARKER = re.compile(r"^(HH|LL|H|L)(?![A-Za-z/])")
_PIPES = re.compile(r"\s*[|│┃]\s+|\s+[|│┃]\s*|^\s*[|│┃]|[|│┃]\s*$")
_HAN = re.compile(r"[\u3400-\u9fff]")
_NAME_GLUE = re.compile(r"^[\s()\[\]:：,、/\-]*$")
_UNIT_LIKE = re.compile(r"[/%^]|^(?:fl|pg|s|sec|秒|mm/h|ratio|index)$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _qualitative_regex() -> re.Pattern[str]:
    parts = []
    for word in qualitative_words():
        escaped = re.escape(word)
        if re.search(r"[A-Za-z]", word):
            parts.append(rf"(?<![A-Za-z]){escaped}(?![A-Za-z])")
        elif _HAN.search(word):
            parts.append(escaped)
        else:  # symbols such as + - ± (+): not part of a number or a range
            parts.append(rf"(?<![A-Za-z0-9.+\-/]){escaped}(?![A-Za-z0-9.+\-/])")
    return re.compile("|".join(parts), re.IGNORECASE)


@lru_cache(maxsize=1)
def _known_unit_keys() -> frozenset[str]:
    from tools.reports.catalogue import catalogue

    keys = set()
    for analyte in catalogue().analytes:
        keys.add(normalize_unit(analyte.unit))
        keys.update(normalize_unit(u) for u in analyte.units)
    keys.discard("")
    return frozenset(keys)


@dataclass
class _NameCluster:
    start: int
    end: int
    names: list[str] = field(default_factory=list)
    glue: list[str] = field(default_factory=list)


def _clusters(line: str) -> list[_NameCluster]:
    clusters: list[_NameCluster] = []
    for match in find_names(line):
        between = line[clusters[-1].end : match.start()] if clusters else ""
        if clusters and _NAME_GLUE.match(between) and not _qualitative_regex().search(between):
            clusters[-1].end = match.end()
            clusters[-1].names.append(match.group(0))
            clusters[-1].glue.append(between)
        else:
            clusters.append(_NameCluster(match.start(), match.end(), [match.group(0)]))
    return clusters


def _cluster_candidates(cluster: _NameCluster) -> tuple[list[Analyte], str]:
    """The analytes all names of a cluster agree on; for "BUN/Creatinine" (a ratio) none."""
    agreed: list[Analyte] | None = None
    for index, name in enumerate(cluster.names):
        options = candidates_for(name)
        shared = options if agreed is None else [a for a in agreed if a in options]
        if agreed is not None and not shared:
            if "/" in cluster.glue[index - 1]:
                return [], "".join(n + g for n, g in zip(cluster.names, [*cluster.glue, ""], strict=True))
            shared = options  # "ALT升高 AST": the later name is the one the value belongs to
        agreed = shared
    return agreed or [], cluster.names[-1]


def first_value(region: str) -> tuple[re.Match[str] | None, QualitativeResult | None, int, int]:
    number = _VALUE.search(region)
    if number and _LAB_CODE.fullmatch(number.group(0).strip()):
        following = _VALUE.search(region, number.end())
        if following and not region[number.end() : following.start()].strip():
            number = following  # "Glucose 01 112 High": 01 is the performing lab's code column
    word = _qualitative_regex().search(region)
    if word and (number is None or word.start() < number.start()
                 or (word.start() == number.start() and word.end() > number.end())):  # "2+" is not the number 2
        return None, parse_qualitative(word.group(0)), word.start(), word.end()
    if number:
        return number, None, number.start(), number.end()
    return None, None, -1, -1


def read_tail(tail: str) -> tuple[str | None, RefRange | None, QualitativeResult | None, str, Marker | None]:
    """Unit, reference range (numeric or qualitative), range text and marker from what follows the value."""
    marker: Marker | None = None
    tail = _SLASH_SPACES.sub("/", tail)  # "mmol / L"
    glued = _GLUED_MARKER.match(tail)
    if glued:
        marker = parse_marker(glued.group(1))
        tail = tail[glued.end() :]
    arrows = _ARROWS.findall(tail)
    if arrows and marker is None:
        marker = parse_marker(arrows[0])
    tail = _ARROWS.sub(" ", tail)
    ref: RefRange | None = None
    ref_text = ""
    found = _RANGE_IN_TEXT.search(tail)
    if found:
        ref, _ = parse_range(found.group(0))
        ref_text = found.group(0).strip() if ref else ""
        tail = tail[: found.start()] + " " + tail[found.end() :]
    ref_qualitative: QualitativeResult | None = None
    unit: str | None = None
    other_words = False  # "glucose neg, blood 1+": after another word, "1+" is not this result's reference
    for raw_token in tail.replace("(", " ").replace(")", " ").replace("[", " ").replace("]", " ").split():
        token = raw_token.strip(",;:，。；")
        if not token:
            continue
        token_marker = parse_marker(token)
        if token_marker is not None and len(token) <= 12 and not _UNIT_LIKE.search(token):
            marker = marker or token_marker
            continue
        qualitative = parse_qualitative(token)
        if qualitative is not None:
            if ref is None and ref_qualitative is None and not other_words:
                ref_qualitative, ref_text = qualitative, token
            continue
        if unit is None and (normalize_unit(token) in _known_unit_keys()
                             or (_UNIT_LIKE.search(token) and re.search(r"[A-Za-z%个]", token))):
            unit = token
        elif not _REF_LABEL.search(token):
            other_words = True
    return unit, ref, ref_qualitative, ref_text, marker


def _marker_before(junk: str) -> Marker | None:
    """A flag printed before the value ("WBC ↑ 12.5", "K H 6.1")."""
    for token in reversed(_ARROWS.sub(lambda m: f" {m.group(0)} ", junk).split()):
        found = parse_marker(token)
        if found in ("H", "L", "HH", "LL"):
            return found
    return None


def _has_identity(junk: str) -> bool:
    junk = junk.lower()
    return any(word in junk for word in vocabulary().identity_words)


def _has_modifier(junk: str) -> bool:
    junk = junk.lower()
    return any(word in junk for word in vocabulary().modifiers)


def parse_line(line: str, section: str | None = None) -> list[RawResult]:
    """Every result on one (cleaned) line."""
    results: list[RawResult] = []
    clusters = _clusters(line)
    if clusters:  # "尿常规：白细胞 +++": a section word before the first name applies to this line
        section = _section_of(line[: clusters[0].start]) or section
    for index, cluster in enumerate(clusters):
        region_end = clusters[index + 1].start if index + 1 < len(clusters) else len(line)
        region = line[cluster.end : region_end]
        number, qualitative, start, end = first_value(region)
        if start < 0:
            continue
        options, name = _cluster_candidates(cluster)
        junk = region[:start]
        if _has_identity(junk):
            continue  # "血常规+CRP  性别 男  样本号 1023": a header, not a result
        prefix = line[: cluster.start] if index == 0 else ""
        if options and _has_modifier(junk + " " + prefix) and all(a.panel != "urine" for a in options):
            options, name = [], (prefix.strip() + " " + name + junk).strip()
        unit, ref, ref_qualitative, ref_text, marker = read_tail(region[end:])
        marker = marker or _marker_before(junk)
        value = parse_number(number.group(2)) if number else None
        analyte = choose(options, unit=unit, value=value, qualitative=qualitative, section=section)
        if analyte is None and ref is None and ref_qualitative is None and marker is None:
            continue  # an unknown name is only kept with the report's own range or flag
        if analyte is not None and analyte.kind == "qualitative" and value is not None and not (unit or ref):
            continue  # "blood pressure 150/90": a bare number is not a dipstick reading
        results.append(
            RawResult(
                name=name.strip(),
                code=analyte.code if analyte else None,
                value=value,
                comparator=number.group(1) if number and number.group(1) else None,
                qualitative=qualitative,
                value_text=(number.group(0) if number else region[start:end]).strip(),
                unit=unit,
                ref=ref,
                ref_qualitative=ref_qualitative,
                ref_text=ref_text,
                marker=marker,
            )
        )
    if not clusters:
        unknown = _unknown_row(line)
        if unknown is not None:
            results.append(unknown)
    return results


VERTICAL_LOOKAHEAD = 3


def _vertical_result(lines: list[str], start: int, section: str | None) -> tuple[list[RawResult], int]:
    """Join a name line with up to VERTICAL_LOOKAHEAD following lines that hold no test name."""
    following: list[str] = []
    for line in lines[start + 1 : start + 1 + VERTICAL_LOOKAHEAD]:
        if _clusters(line):
            break
        following.append(line)
    for count in range(len(following), 0, -1):
        found = parse_line(" ".join([lines[start], *following[:count]]), section)
        if found:
            return found, count
    return [], 0


def _unknown_row(line: str) -> RawResult | None:
    """A row whose test is not in the catalogue ("CA125 35.2 U/mL 0-35", "HBsAg 阴性"): kept when it reads as a
    lab result (a range, a flag, a lab unit or a qualitative result); it is flagged from its own range or flag,
    else indeterminate."""
    line = re.sub(r"^\s*\d{1,3}(?:\s*[.、)]\s*|\s+)(?=\D)", "", line)  # a row number
    number, qualitative, start, end = first_value(line)
    if start <= 0:
        return None
    name = line[:start].strip(" :：=\t")
    if not name or not re.search(r"[A-Za-z\u3400-\u9fff]", name) or len(name) > 40:
        return None
    lowered = name.lower()
    if any(word in lowered for word in vocabulary().header_words) or _section_of(name):
        return None
    unit, ref, ref_qualitative, ref_text, marker = read_tail(line[end:])
    has_unit = unit is not None and (normalize_unit(unit) in _known_unit_keys() or _LAB_UNIT.match(unit))
    worded = qualitative is not None and re.search(r"[A-Za-z\u3400-\u9fff]", line[start:end]) is not None
    if ref is None and ref_qualitative is None and marker is None and not worded and not has_unit:
        return None  # "年龄 45 岁", "血压 150/90 mmHg": not lab results
    return RawResult(
        name=name,
        value=parse_number(number.group(2)) if number else None,
        comparator=(number.group(1) or None) if number else None,
        qualitative=qualitative,
        value_text=(number.group(0) if number else line[start:end]).strip(),
        unit=unit,
        ref=ref,
        ref_qualitative=ref_qualitative,
        ref_text=ref_text,
        marker=marker,
    )


def _section_of(line: str) -> str | None:
    lowered = line.lower()
    for section in ("urine", "blood"):
        if any(word in lowered for word in vocabulary().sections[section]):
            return section
    return None


def parse_text(text: str, fmt: str = "text") -> ParsedReport:
    """All results in a block of text, with the patient's sex and the report date when a header says them."""
    results: list[RawResult] = []
    section: str | None = None
    date: str | None = None
    header_lines: list[str] = []
    lines: list[str] = []
    for raw_line in text.splitlines():
        line = _PIPES.sub("\t", clean_text(raw_line))
        if not line.strip():
            continue
        if not any(word in line.lower() for word in ("dob", "birth", "出生")):
            date = date or find_date(line)
        # Dates and clock times are never results ("2024-03-05 08:00" is not 2024 with a range 03-05).
        lines.append(CLOCK_TIME.sub(" ", DATE_MDY.sub(" ", DATE_YMD.sub(" ", line))))
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        found = parse_line(line, section)
        if not found and _clusters(line):
            # A name alone on its line, its result on the next ones (cells exported one per line).
            joined, used = _vertical_result(lines, index - 1, section)
            if joined:
                results.extend(joined)
                index += used
                continue
        if found:
            results.extend(found)
            continue
        header_lines.append(line)
        section = _section_of(line) or section
    sex = find_sex("\n".join(header_lines)) or find_sex(text)
    return ParsedReport(
        format="text" if fmt not in ("pdf", "csv") else fmt,  # type: ignore[arg-type]
        results=results,
        sex=sex,
        date=date,
        locale="zh" if detect_locale(text) == "zh" else "en",
    )


def name_matches(name: str) -> list[Analyte]:
    """Analytes a whole cell names (CSV and FHIR text): exact alias first, else the aliases found inside it."""
    exact = candidates_for(name)
    if exact:
        return exact
    cleaned = clean_text(name)
    clusters = _clusters(cleaned)
    if not clusters:
        return []
    options, _ = _cluster_candidates(clusters[0])
    rest = cleaned[clusters[0].end :]
    if options and _has_modifier(rest + cleaned[: clusters[0].start]) and all(a.panel != "urine" for a in options):
        return []
    return options if alias_key(rest) == "" or not _VALUE.search(rest) else []
