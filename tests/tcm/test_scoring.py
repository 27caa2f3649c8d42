"""Scoring of the standard and elderly forms: the standard's worked examples and hand-computed cases."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tools.tcm import (
    AnswerError,
    asked_item_ids,
    elderly_item_ids,
    judge_transformed,
    load_item_bank,
    score,
    score_elderly,
)
from tools.tcm.models import DATA_DIR, TYPE_ORDER


def all_answers(sex: str, value: int, **overrides: int) -> dict[str, int]:
    answers = dict.fromkeys(asked_item_ids(sex), value)  # type: ignore[arg-type]
    answers.update(overrides)
    return answers


def scores(**values: float) -> dict[str, float]:
    base = dict.fromkeys(TYPE_ORDER, 0.0)
    base.update(values)
    return base


def test_sixty_questions_for_each_sex_with_the_right_damp_heat_item() -> None:
    female, male = asked_item_ids("female"), asked_item_ids("male")
    assert len(female) == len(male) == 60
    assert "F6" in female and "F7" not in female
    assert "F7" in male and "F6" not in male
    for shared in ("B1", "B7", "H1", "C4", "G6", "C5"):
        assert shared not in female  # asked once, under the first id


def test_worked_example_1_balanced_overridden_by_qi_deficiency() -> None:
    result = judge_transformed(scores(balanced=75, qi_deficiency=56, yang_deficiency=27, yin_deficiency=25,
                                      phlegm_dampness=12, damp_heat=15, blood_stasis=20, qi_stagnation=18,
                                      special_diathesis=10))
    assert result.judgments["balanced"] == "no"
    assert result.judgments["qi_deficiency"] == "yes"
    assert result.primary == "qi_deficiency"


def test_worked_example_2_basically_balanced_with_phlegm_dampness_tendency() -> None:
    result = judge_transformed(scores(balanced=75, qi_deficiency=16, yang_deficiency=27, yin_deficiency=25,
                                      phlegm_dampness=32, damp_heat=25, blood_stasis=10, qi_stagnation=18,
                                      special_diathesis=10))
    assert result.judgments["balanced"] == "basically_yes"
    assert result.primary == "balanced"
    assert result.tendencies == ["phlegm_dampness"]


@pytest.mark.parametrize(
    ("value", "judgment"),
    [(40.0, "yes"), (39.3, "tendency"), (30.0, "tendency"), (29.9, "no"), (0.0, "no"), (100.0, "yes")],
)
def test_biased_thresholds(value: float, judgment: str) -> None:
    assert judge_transformed(scores(balanced=50, yin_deficiency=value)).judgments["yin_deficiency"] == judgment


@pytest.mark.parametrize(
    ("balanced", "top_other", "judgment"),
    [(60, 29.9, "yes"), (60, 30, "basically_yes"), (60, 39.9, "basically_yes"), (60, 40, "no"), (59.9, 0, "no")],
)
def test_balanced_thresholds(balanced: float, top_other: float, judgment: str) -> None:
    assert judge_transformed(scores(balanced=balanced, blood_stasis=top_other)).judgments["balanced"] == judgment


def test_all_never_is_balanced_with_reverse_scoring() -> None:
    # A: items 1 and 6 score 1, the six reversed items score 6-1=5: raw 32, (32-8)/32*100 = 75.
    result = score(all_answers("female", 1), "female")
    assert result.raw["balanced"] == 32
    assert result.transformed["balanced"] == pytest.approx(75.0)
    assert all(result.transformed[code] == 0 for code in TYPE_ORDER if code != "balanced")
    assert result.judgments["balanced"] == "yes" and result.primary == "balanced"


def test_hand_computed_qi_deficiency_case_uses_shared_items_in_both_subscales() -> None:
    # A2 (=B1) 4, A3 (=B7) 4, B2 3, B3 3, B4 2, B5 4, B6 3, B8 4: B raw 27, (27-8)/32*100 = 59.375
    answers = all_answers("male", 1, A2=4, A3=4, B2=3, B3=3, B4=2, B5=4, B6=3, B8=4)
    result = score(answers, "male")
    assert result.raw["qi_deficiency"] == 27
    assert result.transformed["qi_deficiency"] == pytest.approx(59.375)
    # C5 is B5 (4): C raw 1*6 + 4 = 10 -> (10-7)/28*100 = 10.71
    assert result.transformed["yang_deficiency"] == pytest.approx(300 / 28)
    # A: A1 1, A2 6-4=2, A3 2, A4 5, A5 5, A6 1, A7 5, A8 5 = 26 -> 56.25
    assert result.transformed["balanced"] == pytest.approx(56.25)
    assert result.judgments["qi_deficiency"] == "yes" and result.primary == "qi_deficiency"


def test_damp_heat_counts_six_items_and_only_the_own_sex_item() -> None:
    answers = all_answers("female", 1, F1=5, F2=5, F3=5, F4=5, F5=5, F6=5)
    answers["F7"] = 1  # the men's item, present but ignored for a woman
    result = score(answers, "female")
    assert result.item_counts["damp_heat"] == 6
    assert result.transformed["damp_heat"] == pytest.approx(100.0)
    male = score(all_answers("male", 1, F7=5), "male")
    assert male.transformed["damp_heat"] == pytest.approx((5 * 1 + 5 - 6) / 24 * 100)  # F1-F5 never, F7 always


def test_mixed_constitutions_are_all_reported_highest_first() -> None:
    answers = all_answers("female", 1, C1=5, C2=5, C3=5, C6=5, C7=5, D1=4, D2=4, D3=4, D4=4, D5=4)
    result = score(answers, "female")
    assert result.constitutions[0] == "yang_deficiency"
    assert "yin_deficiency" in result.constitutions
    assert result.warnings == ["contradictory:yin_deficiency+yang_deficiency"]


def test_shared_item_can_be_given_under_either_id_but_not_contradicted() -> None:
    answers = all_answers("male", 2)
    answers["B1"] = 2
    assert score(answers, "male").raw["qi_deficiency"] == 16
    answers["B1"] = 5
    with pytest.raises(AnswerError, match="same question"):
        score(answers, "male")


@pytest.mark.parametrize(
    ("answers_change", "message"),
    [({"A1": 6}, "1..5"), ({"A1": 0}, "1..5"), ({"Z9": 3}, "unknown"), ({"A1": "3"}, "integer")],
)
def test_bad_answers_are_clear_errors(answers_change: dict, message: str) -> None:
    answers = all_answers("female", 2)
    answers.update(answers_change)
    with pytest.raises(AnswerError, match=message):
        score(answers, "female")


def test_missing_answers_are_named() -> None:
    answers = all_answers("female", 2)
    del answers["D4"]
    with pytest.raises(AnswerError, match="D4"):
        score(answers, "female")
    with pytest.raises(AnswerError, match="sex"):
        score(all_answers("female", 2), "other")  # type: ignore[arg-type]


def elderly(**overrides: int) -> dict[str, int]:
    answers = dict.fromkeys(elderly_item_ids(), 1)
    answers.update(overrides)
    return answers


def test_elderly_form_all_never_is_balanced() -> None:
    # balanced: item 1 (1) + reversed 2, 4, 5, 13 (5 each) = 21 >= 17; all others 4 <= 8
    result = score_elderly(elderly())
    assert result.form == "elderly"
    assert result.raw["balanced"] == 21 and result.raw["qi_deficiency"] == 4
    assert result.judgments["balanced"] == "yes" and result.primary == "balanced"


def test_elderly_form_thresholds_hand_computed() -> None:
    # yang deficiency items 11, 12, 13, 29: 3+3+3+2 = 11 -> yes; qi deficiency 2,3,4,14: 2+3+2+2 = 9 -> tendency
    result = score_elderly(elderly(EL11=3, EL12=3, EL13=3, EL29=2, EL2=2, EL3=3, EL4=2, EL14=2))
    assert result.raw["yang_deficiency"] == 11 and result.judgments["yang_deficiency"] == "yes"
    assert result.raw["qi_deficiency"] == 9 and result.judgments["qi_deficiency"] == "tendency"
    # balanced: 1 + (6-2) + (6-2) + 5 + (6-3) = 17, but others above 10 -> no
    assert result.raw["balanced"] == 17 and result.judgments["balanced"] == "no"
    assert result.primary == "yang_deficiency"


def test_elderly_balanced_basically_when_others_at_most_ten() -> None:
    result = score_elderly(elderly(EL9=3, EL16=3, EL28=3))  # phlegm-dampness 3+3+3+1 = 10 -> tendency
    assert result.judgments["phlegm_dampness"] == "tendency"
    assert result.judgments["balanced"] == "basically_yes"
    assert result.tendencies == ["phlegm_dampness"]


def test_elderly_errors() -> None:
    with pytest.raises(AnswerError, match="EL33"):
        score_elderly({key: 1 for key in elderly_item_ids()[:-1]})
    with pytest.raises(AnswerError, match="unknown"):
        score_elderly(elderly(EL34=1))


def test_a_licensee_can_swap_in_another_item_bank(tmp_path: Path) -> None:
    data = yaml.safe_load((DATA_DIR / "items.yaml").read_text(encoding="utf-8"))
    data["items"][0]["text"] = {"zh": "官方措辞", "en": "Official wording"}
    path = tmp_path / "licensed.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert load_item_bank(path).by_id()["A1"].text.en == "Official wording"  # type: ignore[union-attr]
    result = score(all_answers("female", 1), "female", items_path=path)
    assert result.judgments["balanced"] == "yes"


def test_a_broken_item_bank_is_rejected_with_a_message(tmp_path: Path) -> None:
    data = yaml.safe_load((DATA_DIR / "items.yaml").read_text(encoding="utf-8"))
    data["items"][8]["same_as"] = "Z1"
    path = tmp_path / "broken.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ValueError, match="same_as"):
        load_item_bank(path)
    with pytest.raises(FileNotFoundError, match="not found"):
        load_item_bank(tmp_path / "missing.yaml")


def test_unspecified_sex_scores_damp_heat_on_five_items() -> None:
    answers = all_answers("unspecified", 1, F1=5, F2=5, F3=5, F4=5, F5=5)
    result = score(answers, "unspecified")
    assert len(asked_item_ids("unspecified")) == 59
    assert result.item_counts["damp_heat"] == 5 and result.transformed["damp_heat"] == pytest.approx(100.0)
    assert "damp_heat_without_sex_specific_item" in result.warnings
