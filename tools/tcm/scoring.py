"""Constitution scoring: pure functions over the item banks (shared/reference/tcm.md 1.4-1.7).

Standard form (ZYYXH/T157-2009): raw = sum of item scores (reverse items recoded 6 - x), transformed =
(raw - n) / (4 n) * 100 with n the number of items the respondent answered in that sub-scale (6 for damp-heat).
Judgment: balanced yes when >= 60 and every biased type < 30, basically yes when >= 60 and every biased type < 40,
else no; a biased type is yes at >= 40, tendency at 30 <= x < 40, no below 30.

Elderly form (33 items, aged 65+): raw sums only; biased yes >= 11, tendency 9-10, no <= 8; balanced yes when
>= 17 and all others <= 8, basically yes when >= 17 and all others <= 10.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel

from tools.tcm.models import (
    BALANCED,
    TYPE_CODES,
    TYPE_ORDER,
    ElderlyForm,
    Item,
    ItemBank,
    RespondentSex,
    load_elderly_form,
    load_item_bank,
)

Judgment = Literal["yes", "basically_yes", "tendency", "no"]
Form = Literal["standard", "elderly"]

# Standard-form thresholds on the transformed score (shared/reference/tcm.md 1.6).
BALANCED_MIN = 60.0
BALANCED_OTHERS_YES_BELOW = 30.0
BALANCED_OTHERS_BASICALLY_BELOW = 40.0
BIASED_YES_MIN = 40.0
BIASED_TENDENCY_MIN = 30.0
# Both deficiencies at once is contradictory: the answers should be checked again (reference 1.7).
CONTRADICTORY_PAIRS: tuple[tuple[str, str], ...] = (("yin_deficiency", "yang_deficiency"),)


class ScoreResult(BaseModel):
    form: Form
    raw: dict[str, int]
    transformed: dict[str, float]  # the scores judged: transformed (standard) or raw sums (elderly)
    item_counts: dict[str, int]
    judgments: dict[str, Judgment]
    primary: str | None
    primary_judgment: Judgment | None
    constitutions: list[str]  # every type judged yes / basically yes, highest score first (mixed constitutions)
    tendencies: list[str]  # biased types judged tendency, highest score first
    warnings: list[str]

    def rounded_scores(self, digits: int = 1) -> dict[str, float]:
        return {code: round(value, digits) for code, value in self.transformed.items()}


class AnswerError(ValueError):
    """The answers cannot be scored (missing, unknown or out-of-range items); the message says which."""


def _check_value(item_id: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        raise AnswerError(f"answer to {item_id} must be an integer 1..5, got {value!r}")
    return value


def applicable_items(bank: ItemBank, sex: RespondentSex) -> list[Item]:
    """The items that count for this respondent (sex-specific items of the other sex left out), bank order."""
    return [item for item in bank.items if item.sex is None or item.sex == sex]


def asked_item_ids(sex: RespondentSex, bank: ItemBank | None = None) -> list[str]:
    """The questions actually asked, in order: shared items once under their first id (60 for the standard)."""
    bank = bank or load_item_bank()
    return [item.id for item in applicable_items(bank, sex) if item.same_as is None]


def _judge_biased(value: float, yes_min: float, tendency_min: float) -> Judgment:
    if value >= yes_min:
        return "yes"
    if value >= tendency_min:
        return "tendency"
    return "no"


def _judge_balanced(value: float, others: list[float], minimum: float, yes_max: float, basically_max: float,
                    strict: bool) -> Judgment:
    """`strict`: others must be below the limits (standard); else at most the limits (elderly form)."""
    if value < minimum:
        return "no"
    top = max(others) if others else 0.0
    if (top < yes_max) if strict else (top <= yes_max):
        return "yes"
    if (top < basically_max) if strict else (top <= basically_max):
        return "basically_yes"
    return "no"


def _summarise(form: Form, raw: dict[str, int], scores: dict[str, float], counts: dict[str, int],
               judgments: dict[str, Judgment]) -> ScoreResult:
    order = {code: index for index, code in enumerate(TYPE_ORDER)}
    biased = [code for code in TYPE_ORDER if code != BALANCED]
    by_score = sorted(biased, key=lambda code: (-scores[code], order[code]))
    yes_biased = [code for code in by_score if judgments[code] == "yes"]
    tendencies = [code for code in by_score if judgments[code] == "tendency"]
    primary: str | None
    if judgments[BALANCED] in ("yes", "basically_yes"):
        primary = BALANCED
        constitutions = [BALANCED]
    else:
        constitutions = yes_biased
        primary = yes_biased[0] if yes_biased else (tendencies[0] if tendencies else None)
    warnings = [f"contradictory:{a}+{b}" for a, b in CONTRADICTORY_PAIRS
                if judgments[a] in ("yes", "tendency") and judgments[b] in ("yes", "tendency")]
    return ScoreResult(
        form=form,
        raw=raw,
        transformed=scores,
        item_counts=counts,
        judgments=judgments,
        primary=primary,
        primary_judgment=judgments[primary] if primary else None,
        constitutions=constitutions,
        tendencies=tendencies,
        warnings=warnings,
    )


def score(answers: dict[str, int], sex: RespondentSex, items_path: str | Path | None = None) -> ScoreResult:
    """Score the standard 60-question form.

    `answers` maps item ids to 1..5. A shared item may be given under either of its ids (A2 or B1); the
    sex-specific damp-heat item of the other sex is ignored. With sex "unspecified" (the patient declined to
    say) neither sex-specific item counts and damp-heat is scored on its 5 common items, with a warning.
    Raises AnswerError when an applicable answer is missing or out of range, or an id is unknown.
    """
    if sex not in ("female", "male", "unspecified"):
        raise AnswerError(f"sex must be 'female', 'male' or 'unspecified', got {sex!r}")
    bank = load_item_bank(items_path)
    items = bank.by_id()
    unknown = sorted(set(answers) - set(items))
    if unknown:
        raise AnswerError(f"unknown question ids: {', '.join(unknown)}")
    values: dict[str, int] = {}
    for item_id, value in answers.items():
        item = items[item_id]
        owner = item.same_as or item.id
        checked = _check_value(item_id, value)
        if owner in values and values[owner] != checked:
            raise AnswerError(f"{item_id} and {owner} are the same question but were answered differently")
        values[owner] = checked
    raw: dict[str, int] = {code: 0 for code in TYPE_ORDER}
    counts: dict[str, int] = {code: 0 for code in TYPE_ORDER}
    missing: list[str] = []
    for item in applicable_items(bank, sex):
        owner = item.same_as or item.id
        if owner not in values:
            if owner not in missing:
                missing.append(owner)
            continue
        value = values[owner]
        code = TYPE_CODES[item.letter]
        raw[code] += 6 - value if item.reverse else value
        counts[code] += 1
    if missing:
        raise AnswerError(f"missing answers: {', '.join(missing)}")
    transformed = {code: (raw[code] - counts[code]) / (counts[code] * 4) * 100 for code in TYPE_ORDER}
    result = _summarise("standard", raw, transformed, counts, _judge_standard(transformed))
    if sex == "unspecified":
        result.warnings.append("damp_heat_without_sex_specific_item")
    return result


def _judge_standard(scores: dict[str, float]) -> dict[str, Judgment]:
    """The standard's judgment table over nine transformed scores, in type order."""
    judgments: dict[str, Judgment] = {}
    for code in TYPE_ORDER:
        if code != BALANCED:
            judgments[code] = _judge_biased(scores[code], BIASED_YES_MIN, BIASED_TENDENCY_MIN)
    others = [scores[code] for code in TYPE_ORDER if code != BALANCED]
    judgments[BALANCED] = _judge_balanced(scores[BALANCED], others, BALANCED_MIN, BALANCED_OTHERS_YES_BELOW,
                                          BALANCED_OTHERS_BASICALLY_BELOW, strict=True)
    return {code: judgments[code] for code in TYPE_ORDER}


def judge_transformed(scores: dict[str, float]) -> ScoreResult:
    """Judge a full set of nine transformed scores directly (e.g. the standard's worked examples)."""
    missing = [code for code in TYPE_ORDER if code not in scores]
    if missing:
        raise AnswerError(f"missing scores: {', '.join(missing)}")
    values = {code: float(scores[code]) for code in TYPE_ORDER}
    return _summarise("standard", {}, values, {}, _judge_standard(values))


def elderly_item_ids(form: ElderlyForm | None = None) -> list[str]:
    """Question ids of the elderly form, in order: EL1 ... EL33."""
    form = form or load_elderly_form()
    return [f"EL{item.n}" for item in form.items]


def score_elderly(answers: dict[str, int], items_path: str | Path | None = None) -> ScoreResult:
    """Score the 33-item elderly form. `answers` maps "EL1".."EL33" (or "1".."33") to 1..5."""
    form = load_elderly_form(items_path)
    numbers = {item.n for item in form.items}
    values: dict[int, int] = {}
    for key, value in answers.items():
        text = key[2:] if key.upper().startswith("EL") else key
        if not text.isdigit() or int(text) not in numbers:
            raise AnswerError(f"unknown elderly-form question id: {key}")
        values[int(text)] = _check_value(key, value)
    missing = [f"EL{n}" for n in sorted(numbers) if n not in values]
    if missing:
        raise AnswerError(f"missing answers: {', '.join(missing)}")
    raw: dict[str, int] = {}
    counts: dict[str, int] = {}
    for code in TYPE_ORDER:
        spec = form.types[code]
        raw[code] = sum(6 - values[n] if n in spec.reverse else values[n] for n in spec.items)
        counts[code] = len(spec.items)
    limits = form.thresholds
    judgments: dict[str, Judgment] = {
        code: _judge_biased(raw[code], limits.biased["yes_min"], limits.biased["tendency_min"])
        for code in TYPE_ORDER
        if code != BALANCED
    }
    others = [float(raw[code]) for code in TYPE_ORDER if code != BALANCED]
    judgments[BALANCED] = _judge_balanced(
        raw[BALANCED], others, limits.balanced["score_min"], limits.balanced["others_max_yes"],
        limits.balanced["others_max_basically"], strict=False,
    )
    ordered = {code: judgments[code] for code in TYPE_ORDER}
    return _summarise("elderly", raw, {code: float(raw[code]) for code in TYPE_ORDER}, counts, ordered)
