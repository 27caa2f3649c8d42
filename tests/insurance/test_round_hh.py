"""Round HH: which drug is "best" / has the fewest side effects is a treatment choice (refused, never a drug list),
and asking to look up whether Medicare or a plan already paid one's own claim is a case's status (refused).
"""

from __future__ import annotations

from pathlib import Path

from tools.insurance.answer import answer_question


def test_which_drug_works_best_with_fewest_side_effects_is_refused(corpus_index: Path) -> None:
    zh = "我血压有点高，医生让我先吃氨氯地平，哪种降压药效果最好、副作用最小？"
    en = "My doctor wants me on metformin. Which insulin is the safest for someone like me?"
    for question, locale in ((zh, "zh"), (en, "en")):
        answer = answer_question(question, locale, corpus_index)  # type: ignore[arg-type]
        assert not answer.answerable, question
        assert not answer.citations


def test_looking_up_whether_my_own_claim_was_paid_is_refused(corpus_index: Path) -> None:
    en = "Could you see whether my plan already paid for the X-ray I had on May 5th? My number is 2AB3-CD4-EF56."
    zh = "帮我查一下医保报了没，上个月8号我在瑞金医院做的CT。"
    for question, locale in ((en, "en"), (zh, "zh")):
        answer = answer_question(question, locale, corpus_index)  # type: ignore[arg-type]
        assert not answer.answerable, question
        assert not answer.citations
