"""Writes evals/suites/tcm.jsonl: answer sets with expected judgments.

The expected values are computed here by a separate, deliberately plain re-implementation of the standard's
arithmetic (shared/reference/tcm.md 1.4-1.7), not by tools.tcm, so the suite checks the product rather than
echoing it. Run: .venv/bin/python tests/tcm/build_eval_suite.py
"""

from __future__ import annotations

import json
from pathlib import Path

CODES = {"A": "balanced", "B": "qi_deficiency", "C": "yang_deficiency", "D": "yin_deficiency",
         "E": "phlegm_dampness", "F": "damp_heat", "G": "blood_stasis", "H": "qi_stagnation", "I": "special_diathesis"}
# Asked items per type, in asking order (shared items asked once under their first id).
ASKED = {
    "A": ["A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8"],
    "B": ["B2", "B3", "B4", "B5", "B6", "B8"],
    "C": ["C1", "C2", "C3", "C6", "C7"],
    "D": [f"D{i}" for i in range(1, 9)],
    "E": [f"E{i}" for i in range(1, 9)],
    "F": ["F1", "F2", "F3", "F4", "F5"],  # + F6 (women) or F7 (men)
    "G": ["G1", "G2", "G3", "G4", "G5", "G7"],
    "H": ["H2", "H3", "H4", "H5", "H6", "H7"],
    "I": [f"I{i}" for i in range(1, 8)],
}
SHARED = {"B1": "A2", "B7": "A3", "H1": "A4", "C4": "A5", "G6": "A8", "C5": "B5"}
REVERSED_A = {"A2", "A3", "A4", "A5", "A7", "A8"}
MEMBERS = {
    "A": [f"A{i}" for i in range(1, 9)], "B": [f"B{i}" for i in range(1, 9)], "C": [f"C{i}" for i in range(1, 8)],
    "D": [f"D{i}" for i in range(1, 9)], "E": [f"E{i}" for i in range(1, 9)], "G": [f"G{i}" for i in range(1, 8)],
    "H": [f"H{i}" for i in range(1, 8)], "I": [f"I{i}" for i in range(1, 8)],
}
ELDERLY = {"qi_deficiency": [2, 3, 4, 14], "yang_deficiency": [11, 12, 13, 29], "yin_deficiency": [10, 21, 26, 31],
           "phlegm_dampness": [9, 16, 28, 32], "damp_heat": [23, 25, 27, 30], "blood_stasis": [19, 22, 24, 33],
           "qi_stagnation": [5, 6, 7, 8], "special_diathesis": [15, 17, 18, 20]}


def expected_standard(groups: dict[str, list[int]], sex: str) -> dict:
    values: dict[str, int] = {}
    for letter, ids in ASKED.items():
        ids = ids + (["F6"] if sex == "female" else ["F7"]) if letter == "F" else ids
        assert len(ids) == len(groups[letter]), (letter, ids, groups[letter])
        values.update(zip(ids, groups[letter], strict=True))
    members = dict(MEMBERS, F=["F1", "F2", "F3", "F4", "F5", "F6" if sex == "female" else "F7"])
    scores = {}
    for letter, ids in members.items():
        item_scores = []
        for item in ids:
            value = values[SHARED.get(item, item)]
            item_scores.append(6 - value if letter == "A" and item in REVERSED_A else value)
        n = len(ids)
        scores[CODES[letter]] = (sum(item_scores) - n) / (4 * n) * 100
    biased = {c: s for c, s in scores.items() if c != "balanced"}
    judgments = {c: "yes" if s >= 40 else "tendency" if s >= 30 else "no" for c, s in biased.items()}
    top = max(biased.values())
    b = scores["balanced"]
    judgments["balanced"] = "yes" if b >= 60 and top < 30 else "basically_yes" if b >= 60 and top < 40 else "no"
    return _primary(scores, judgments)


def expected_elderly(values: list[int]) -> dict:
    v = dict(enumerate(values, start=1))
    scores = {code: float(sum(v[n] for n in items)) for code, items in ELDERLY.items()}
    balanced = v[1] + sum(6 - v[n] for n in (2, 4, 5, 13))
    scores["balanced"] = float(balanced)
    biased = {c: s for c, s in scores.items() if c != "balanced"}
    judgments = {c: "yes" if s >= 11 else "tendency" if s >= 9 else "no" for c, s in biased.items()}
    top = max(biased.values())
    judgments["balanced"] = "yes" if balanced >= 17 and top <= 8 else (
        "basically_yes" if balanced >= 17 and top <= 10 else "no")
    return _primary(scores, judgments)


def _primary(scores: dict[str, float], judgments: dict[str, str]) -> dict:
    order = list(CODES.values())
    primary: str | None
    if judgments["balanced"] in ("yes", "basically_yes"):
        primary = "balanced"
    else:
        ranked = sorted((c for c in order if c != "balanced"), key=lambda c: (-scores[c], order.index(c)))
        yes = [c for c in ranked if judgments[c] == "yes"]
        tendency = [c for c in ranked if judgments[c] == "tendency"]
        primary = (yes + tendency)[0] if yes or tendency else None
    return {"primary": primary, "judgments": {c: judgments[c] for c in order},
            "scores": {c: round(scores[c], 1) for c in order}}


def as_text(values: list[int], style: str) -> str:
    words = {
        "digits": {i: str(i) for i in range(1, 6)},
        "zh": {1: "没有", 2: "偶尔", 3: "有时候", 4: "经常", 5: "总是"},
        "en": {1: "never", 2: "rarely", 3: "sometimes", 4: "often", 5: "always"},
        "en_typos": {1: "nevr", 2: "hardly ever", 3: "somtimes", 4: "offen", 5: "allways"},
        "zh_lay": {1: "从来没有", 2: "不太经常", 3: "一般", 4: "常常", 5: "一直都是"},
    }[style]
    separator = {"digits": " ", "zh": "，", "zh_lay": "、"}.get(style, ", ")
    return separator.join(words[v] for v in values)


def standard_case(case_id: str, locale: str, sex: str, age: str | None, groups: dict[str, list[int]],
                  opener: str, style: str = "digits", tags: list[str] | None = None, with_scores: bool = False,
                  pregnant_answer: str = "no", form: str | None = None) -> dict:
    answers: dict[str, str] = {"sex": sex}
    if age is not None:
        answers["age"] = age
        answers["pregnant"] = pregnant_answer
    if form:
        answers["form"] = form
    for letter, ids in ASKED.items():
        answers[ids[0]] = as_text(groups[letter], style)
    full = expected_standard(groups, sex)
    expected = {"primary": full["primary"], "judgments": full["judgments"]}
    if with_scores:
        expected["scores"] = full["scores"]
    return {"id": case_id, "suite": "tcm", "locale": locale, "messages": [opener], "answers": answers,
            "expected": expected, "tags": ["standard", sex, style, *(tags or [])]}


def elderly_case(case_id: str, locale: str, sex: str, age: str, values: list[int], opener: str,
                 tags: list[str] | None = None) -> dict:
    assert len(values) == 33
    answers = {"sex": sex, "age": age, "form": "short", "EL1": as_text(values, "digits")}
    full = expected_elderly(values)
    return {"id": case_id, "suite": "tcm", "locale": locale, "messages": [opener], "answers": answers,
            "expected": full, "tags": ["elderly", sex, *(tags or [])]}


def g(a, b, c, d, e, f, g_, h, i) -> dict[str, list[int]]:
    return {"A": a, "B": b, "C": c, "D": d, "E": e, "F": f, "G": g_, "H": h, "I": i}


LOW6, LOW5, LOW7, LOW8 = [1] * 6, [1] * 5, [1] * 7, [1] * 8
BAL_A = [4, 2, 1, 1, 2, 4, 2, 2]
CASES = [
    standard_case("tcm-zh-001", "zh", "female", "30", g(BAL_A, [2, 1, 1, 2, 1, 1], LOW5, [1, 2, 2, 1, 1, 1, 1, 2], LOW8,
                  [2, 1, 1, 1, 1, 1], LOW6, LOW6, LOW7), "测测我的体质", with_scores=True, tags=["balanced"]),
    standard_case("tcm-en-002", "en", "male", "40", g([2, 4, 4, 2, 3, 3, 2, 3], [3, 2, 3, 4, 4, 4], [2, 2, 2, 2, 1],
                  LOW8, [2, 2, 1, 1, 1, 1, 2, 1], [1, 1, 1, 1, 1, 1], LOW6, LOW6, LOW7), "TCM constitution test",
                  with_scores=True, tags=["qi_deficiency"]),
    standard_case("tcm-zh-003", "zh", "female", "45", g([3, 3, 2, 2, 5, 3, 2, 2], [2, 1, 2, 3, 2, 2], [5, 4, 4, 4, 3],
                  LOW8, LOW8, [1, 1, 1, 1, 1, 1], LOW6, LOW6, LOW7), "我想做个中医体质测试", style="zh",
                  tags=["yang_deficiency"]),
    standard_case("tcm-en-004", "en", "female", "28", g([4, 2, 2, 2, 1, 4, 3, 2], [2, 1, 2, 1, 1, 2], LOW5,
                  [4, 4, 5, 3, 4, 3, 4, 4], LOW8, [2, 2, 1, 1, 2, 1], LOW6, LOW6, LOW7), "what's my body constitution",
                  style="en", tags=["yin_deficiency"]),
    standard_case("tcm-zh-005", "zh", "male", "50", g([3, 3, 2, 2, 2, 3, 2, 3], [2, 1, 1, 2, 2, 2], LOW5, LOW8,
                  [4, 4, 5, 4, 3, 4, 4, 4], [2, 1, 2, 2, 1, 2], LOW6, LOW6, LOW7), "我是什么体质？",
                  tags=["phlegm_dampness"]),
    standard_case("tcm-en-006", "en", "male", "25", g([4, 2, 1, 2, 1, 4, 2, 2], LOW6, LOW5, [1, 1, 2, 1, 2, 1, 1, 2],
                  [2, 1, 1, 3, 1, 2, 1, 2], [5, 4, 4, 3, 4, 4], LOW6, LOW6, LOW7), "Which TCM body type am I?",
                  with_scores=True, tags=["damp_heat", "male_item"]),
    standard_case("tcm-zh-007", "zh", "female", "33", g([4, 2, 2, 2, 2, 4, 2, 2], LOW6, LOW5, LOW8, LOW8,
                  [4, 4, 3, 4, 3, 5], LOW6, LOW6, LOW7), "中医体质辨识", style="zh_lay",
                  tags=["damp_heat", "female_item"]),
    standard_case("tcm-zh-008", "zh", "female", "35", g([3, 3, 2, 2, 2, 3, 2, 4], LOW6, LOW5, LOW8, LOW8, LOW6,
                  [4, 3, 4, 5, 4, 3], [2, 1, 1, 2, 1, 1], LOW7), "帮我测一下体质类型", with_scores=True,
                  tags=["blood_stasis"]),
    standard_case("tcm-en-009", "en", "female", "22", g([2, 3, 2, 4, 2, 2, 4, 3], [2, 1, 2, 1, 3, 1], LOW5, LOW8,
                  LOW8, LOW6, LOW6, [4, 5, 4, 3, 4, 4], LOW7), "constitution questionnaire please", style="en_typos",
                  tags=["qi_stagnation", "typos"]),
    standard_case("tcm-zh-010", "zh", "male", "30", g([4, 2, 1, 1, 2, 3, 2, 2], LOW6, LOW5, LOW8, LOW8, LOW6, LOW6,
                  LOW6, [4, 5, 4, 5, 3, 2, 4]), "测测我的体制", tags=["special_diathesis", "typo"]),
    standard_case("tcm-en-011", "en", "female", "55", g([2, 4, 4, 2, 4, 3, 2, 3], [3, 3, 3, 4, 3, 4], [4, 4, 5, 4, 3],
                  LOW8, LOW8, LOW6, LOW6, LOW6, LOW7), "I'd like the TCM constitution test", with_scores=True,
                  tags=["mixed", "qi_deficiency", "yang_deficiency"]),
    standard_case("tcm-zh-012", "zh", "female", "40", g([4, 2, 1, 1, 2, 4, 2, 2], [2, 1, 1, 2, 1, 1], LOW5, LOW8,
                  [3, 2, 3, 2, 2, 2, 2, 2], LOW6, LOW6, LOW6, LOW7), "中医体质测评", with_scores=True,
                  tags=["basically_balanced", "tendency"]),
    standard_case("tcm-en-013", "en", "male", "38", g([4, 2, 2, 1, 1, 4, 1, 1], [3, 3, 3, 3, 2, 3], LOW5, LOW8, LOW8,
                  LOW6, LOW6, LOW6, LOW7), "check my body constitution", tags=["balanced_overridden", "qi_deficiency"]),
    standard_case("tcm-zh-014", "zh", "male", "45", g([3] * 8, [3] * 6, [3] * 5, [3] * 8, [3] * 8, [3] * 6, [3] * 6,
                  [3] * 6, [3] * 7), "体质自测", with_scores=True, tags=["all_sometimes", "mixed"]),
    standard_case("tcm-zh-015", "zh", "female", "29", g([2, 3, 3, 3, 3, 2, 3, 3], [2, 2, 2, 2, 2, 2], [2, 2, 2, 2, 2],
                  [3, 2, 2, 3, 2, 2, 2, 3], [2, 2, 2, 2, 2, 2, 2, 2], [2, 2, 2, 2, 2, 2], LOW6, LOW6, LOW7),
                  "我想知道自己是什么体质", tags=["tendency_only"]),
    standard_case("tcm-en-016", "en", "female", "48", g([3, 3, 2, 2, 4, 3, 3, 2], LOW6, [4, 4, 4, 3, 3],
                  [4, 4, 4, 3, 3, 3, 3, 4], LOW8, LOW6, LOW6, LOW6, LOW7), "TCM body type test", with_scores=True,
                  tags=["contradictory", "yin_yang"]),
    standard_case("tcm-zh-017", "zh", "male", "68", g([2, 4, 4, 2, 3, 3, 2, 3], [3, 2, 3, 4, 4, 4], [2, 2, 2, 2, 1],
                  LOW8, [2, 2, 1, 1, 1, 1, 2, 1], LOW6, LOW6, LOW6, LOW7), "老人家想测测中医体质", form="full",
                  tags=["65_plus", "full_form"]),
    standard_case("tcm-zh-018", "zh", "female", "62", g([3, 3, 2, 3, 4, 3, 3, 4], LOW6, LOW5, LOW8, LOW8, LOW6,
                  [3, 3, 4, 4, 4, 3], LOW6, LOW7), "做一下体质辨识问卷", style="zh", tags=["no_pregnancy_question"]),
    standard_case("tcm-en-019", "en", "male", "34", g([4, 1, 1, 1, 1, 5, 1, 1], LOW6, LOW5, LOW8, LOW8, LOW6, LOW6,
                  LOW6, LOW7), "nine constitutions quiz", style="en", with_scores=True, tags=["balanced", "extreme"]),
    standard_case("tcm-zh-020", "zh", "female", "26", g([3, 3, 2, 4, 2, 3, 4, 3], LOW6, LOW5, LOW8, LOW8, LOW6, LOW6,
                  [4, 4, 3, 4, 4, 3], [3, 3, 2, 3, 2, 1, 3]), "测下体质吧", pregnant_answer="不确定",
                  tags=["qi_stagnation", "pregnancy_unsure"]),
    elderly_case("tcm-zh-021", "zh", "female", "70", [3, 3, 2, 2, 1, 2, 2, 1, 2, 2, 5, 4, 4, 3, 1, 2, 1, 1, 1, 1, 2, 2,
                 1, 1, 1, 2, 1, 2, 4, 1, 2, 2, 1], "我70岁了，想测测中医体质", tags=["yang_deficiency"]),
    elderly_case("tcm-en-022", "en", "male", "72", [4, 1, 1, 1, 1, 1, 2, 1, 2, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1,
                 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1], "TCM constitution test for my age", tags=["balanced"]),
    elderly_case("tcm-zh-023", "zh", "male", "80", [2, 4, 4, 4, 2, 2, 2, 2, 3, 2, 2, 2, 3, 3, 1, 3, 1, 1, 2, 1, 2, 2,
                 2, 2, 1, 2, 2, 3, 2, 2, 2, 3, 2], "测测体质", tags=["qi_deficiency", "tendency"]),
    elderly_case("tcm-en-024", "en", "female", "66", [3, 2, 2, 2, 1, 1, 1, 1, 4, 1, 1, 1, 2, 2, 1, 4, 2, 1, 1, 1, 1, 1,
                 2, 1, 2, 1, 2, 4, 1, 2, 1, 4, 1], "my body constitution please", tags=["phlegm_dampness"]),
]


def main() -> None:
    path = Path(__file__).resolve().parents[2] / "evals" / "suites" / "tcm.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for case in CASES:
            handle.write(json.dumps(case, ensure_ascii=False) + "\n")
    print(f"wrote {len(CASES)} cases to {path}")
    for case in CASES:
        print(case["id"], case["expected"]["primary"])


if __name__ == "__main__":
    main()
