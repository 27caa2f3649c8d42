"""A small pattern-rule engine: safety rules as YAML data, validated by pydantic, matched by code.

A rule file has `lexicons` (named lists of regex alternatives, e.g. every way to name a medicine),
`negation` cues, and `rules`. A rule's `match` patterns may embed lexicons as `{name}`; every pattern must
match the text (AND), and the first one is the anchor: when the rule is `negatable`, an anchor hit preceded in
its clause by a negation cue ("not", "never", "没有", "不会") does not count. Any `unless` pattern cancels the
rule. Each rule carries its `reason` and `source` so that a reviewer can read why it exists.

Text is prepared once (`prepare_variants`): normalised (NFKC, lower case), spaces between Chinese characters
removed, and a de-obfuscated copy ("k1ll mys3lf", "s-u-i-c-i-d-e") added, so red-team spellings still match.
"""

from __future__ import annotations

import re
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from assistant.nlu.normalize import normalize

DATA_DIR = Path(__file__).parent / "data"

_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")
_HAN = r"\u3400-\u4dbf\u4e00-\u9fff"
# Separators that red-teamers put between the characters of a word ("自*杀", "s.u.i.c.i.d.e").
_HAN_SEPARATED = re.compile(rf"(?<=[{_HAN}])[\s*·._\-/|]+(?=[{_HAN}])")
_SPELLED_OUT = re.compile(r"\b(?:[a-z][\s.\-_*]){3,}[a-z]\b")
_LEET_WORD = re.compile(r"\b(?=[a-z0-9@$]*[a-z])(?=[a-z0-9@$]*[0-9@$])[a-z0-9@$]{3,}\b")
_LEET_MAP = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"})
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
# Where a clause ends: negation never reaches across these.
_CLAUSE_END = re.compile(
    r"[.,;:!?\n。，；：！？、]|\b(?:but|however|although|though|and|so|because|cause|since|then)\b"
    r"|但是|不过|可是|而且|所以|因为|然后"
)
# A message longer than this is screened on its head and tail (where instructions and requests sit), which
# bounds the work on pathological input; patient messages are far shorter.
MAX_SCREEN_CHARS = 6_000


class RuleError(ValueError):
    """A rule file is malformed (bad regex, unknown lexicon, missing reason or source)."""


class Spelling(BaseModel):
    """Respellings of typos and chat shorthand (guardrails/data/spelling.yaml)."""

    model_config = ConfigDict(extra="forbid")

    reason: str
    source: str
    words: dict[str, str]
    characters: dict[str, str] = Field(default_factory=dict)


@lru_cache(maxsize=1)
def _respeller() -> tuple[re.Pattern[str], dict[str, str], dict[int, str]]:
    path = DATA_DIR / "spelling.yaml"
    try:
        spelling = Spelling.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise RuleError(f"invalid spelling file {path}: {exc}") from exc
    words = {str(k).lower(): str(v).lower() for k, v in spelling.words.items()}
    alternation = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
    characters = str.maketrans({k: v for k, v in spelling.characters.items() if len(k) == 1})
    return re.compile(rf"(?<![\w'])(?:{alternation})(?![\w'])"), words, characters


def respell(text: str) -> str:
    """`text` (normalised) with typos, chat shorthand and traditional characters folded: "i wnat 2 die" ->
    "i want to die", "活著沒意思" -> "活着没意思"."""
    pattern, words, characters = _respeller()
    return pattern.sub(lambda m: words[m.group(0)], text).translate(characters)


def prepare_variants(text: str) -> list[str]:
    """The forms of `text` that rules are matched against: normalised, then de-obfuscated and respelled copies
    when they differ. A rule fires when it fires on any of them."""
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    if len(text) > MAX_SCREEN_CHARS:
        half = MAX_SCREEN_CHARS // 2
        text = text[:half] + "\n" + text[-half:]
    base = normalize(text.translate(_APOSTROPHES))
    base = _HAN_SEPARATED.sub("", base)
    variants = [base]
    decoded = _LEET_WORD.sub(lambda m: m.group(0).translate(_LEET_MAP), base)
    decoded = _SPELLED_OUT.sub(lambda m: re.sub(r"[\s.\-_*]", "", m.group(0)), decoded)
    respelled = respell(decoded)
    for variant in (decoded, respelled):
        if variant not in variants:
            variants.append(variant)
    return variants


class Negation(BaseModel):
    """Negation cues, each a regex that must end where the negated phrase begins (anchored with `$`)."""

    model_config = ConfigDict(extra="forbid")

    before: list[str] = Field(default_factory=list)
    # Phrases that look like negation but are not ("don't know why", "忍不住"), blanked before the test.
    pseudo: list[str] = Field(default_factory=list)
    reason: str
    source: str


class Rule(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    kind: str
    match: list[str] = Field(min_length=1)
    unless: list[str] = Field(default_factory=list)
    negatable: bool = False
    reason: str = Field(min_length=3)
    source: str = Field(min_length=3)


class RuleHit(BaseModel):
    rule_id: str
    kind: str
    evidence: str


class RuleSet(BaseModel):
    """A validated, compiled rule file."""

    model_config = ConfigDict(extra="forbid")

    lexicons: dict[str, list[str]] = Field(default_factory=dict)
    negation: Negation | None = None
    rules: list[Rule]

    @model_validator(mode="after")
    def _compile_everything(self) -> RuleSet:
        ids = [rule.id for rule in self.rules]
        duplicates = {rule_id for rule_id in ids if ids.count(rule_id) > 1}
        if duplicates:
            raise ValueError(f"duplicate rule ids: {sorted(duplicates)}")
        # Touch every compiled pattern so that a bad regex fails at load time, not on a patient's message.
        _ = self._compiled_rules, self._negation_patterns
        return self

    def expand(self, pattern: str, _seen: tuple[str, ...] = ()) -> str:
        """Replace `{lexicon}` placeholders by a non-capturing alternation of the lexicon's entries."""

        def substitute(found: re.Match[str]) -> str:
            name = found.group(1)
            if name not in self.lexicons:
                raise ValueError(f"unknown lexicon {{{name}}} in pattern {pattern!r}")
            if name in _seen:
                raise ValueError(f"lexicon {{{name}}} refers to itself")
            entries = [self.expand(entry, (*_seen, name)) for entry in self.lexicons[name]]
            return "(?:" + "|".join(entries) + ")"

        return _PLACEHOLDER.sub(substitute, pattern)

    def compile(self, pattern: str) -> re.Pattern[str]:
        expanded = self.expand(pattern)
        try:
            return re.compile(expanded)
        except re.error as exc:
            raise ValueError(f"bad regex {pattern!r}: {exc}") from exc

    @cached_property
    def _compiled_rules(self) -> list[tuple[Rule, list[re.Pattern[str]], list[re.Pattern[str]]]]:
        return [
            (rule, [self.compile(p) for p in rule.match], [self.compile(p) for p in rule.unless]) for rule in self.rules
        ]

    @cached_property
    def _negation_patterns(self) -> tuple[list[re.Pattern[str]], list[re.Pattern[str]]]:
        if self.negation is None:
            return [], []
        return [self.compile(p) for p in self.negation.before], [self.compile(p) for p in self.negation.pseudo]

    def is_negated(self, text: str, start: int) -> bool:
        """Whether a negation cue governs the phrase that starts at `start` (same clause, just before it)."""
        cues, pseudo = self._negation_patterns
        if not cues:
            return False
        prefix = text[max(0, start - 40) : start]
        clause_ends = list(_CLAUSE_END.finditer(prefix))
        if clause_ends:
            prefix = prefix[clause_ends[-1].end() :]
        for pattern in pseudo:
            prefix = pattern.sub(lambda m: " " * len(m.group(0)), prefix)
        return any(cue.search(prefix) for cue in cues)

    def find(self, variants: list[str]) -> list[RuleHit]:
        """Every rule that fires on any of the prepared text variants, in file order, each rule at most once."""
        hits: list[RuleHit] = []
        for rule, patterns, unless in self._compiled_rules:
            for text in variants:
                evidence = self._fire(rule, patterns, unless, text)
                if evidence is not None:
                    hits.append(RuleHit(rule_id=rule.id, kind=rule.kind, evidence=evidence))
                    break
        return hits

    def iter_matches(self, text: str) -> list[tuple[Rule, re.Match[str]]]:
        """Every anchor match of every rule on one prepared text (negation and `unless` applied), in text order."""
        found: list[tuple[Rule, re.Match[str]]] = []
        for rule, patterns, unless in self._compiled_rules:
            anchor, others = patterns[0], patterns[1:]
            if any(p.search(text) is None for p in others) or any(p.search(text) for p in unless):
                continue
            for match in anchor.finditer(text):
                if not (rule.negatable and self.is_negated(text, match.start())):
                    found.append((rule, match))
        found.sort(key=lambda item: item[1].start())
        return found

    def _fire(
        self, rule: Rule, patterns: list[re.Pattern[str]], unless: list[re.Pattern[str]], text: str
    ) -> str | None:
        anchor, others = patterns[0], patterns[1:]
        if any(p.search(text) is None for p in others) or any(p.search(text) for p in unless):
            return None
        for found in anchor.finditer(text):
            if rule.negatable and self.is_negated(text, found.start()):
                continue
            return found.group(0)
        return None


def load_rule_file(path: Path, lexicons_from: Path | None = None) -> RuleSet:
    """Load and validate one rule file; a malformed file raises RuleError naming the file and the problem.

    `lexicons_from` names another rule file whose lexicons this one may use (its own entries win), so that a
    list such as every medicine name is kept in one place.
    """
    try:
        raw: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
        shared: Any = yaml.safe_load(lexicons_from.read_text(encoding="utf-8")) if lexicons_from else {}
    except (OSError, yaml.YAMLError) as exc:
        raise RuleError(f"cannot read rule file {path}: {exc}") from exc
    if isinstance(raw, dict) and isinstance(shared, dict) and shared.get("lexicons"):
        raw["lexicons"] = {**shared["lexicons"], **(raw.get("lexicons") or {})}
    try:
        return RuleSet.model_validate(raw)
    except ValidationError as exc:
        raise RuleError(f"invalid rule file {path}: {exc}") from exc
