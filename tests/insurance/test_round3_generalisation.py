"""Round 3 of generalisation: medicine names the glossary does not know, a year the handbook points elsewhere
for, a figure from another insurance scheme, and story words of a workplace accident or a shop's misuse."""

from __future__ import annotations

from pathlib import Path

from tools.insurance.answer import answer_question
from tools.insurance.drugs import drug_lists, inn_like_names, mentioned_drug_names


def _cited(answer: object) -> list[tuple[str, str]]:
    return [(c.doc_id, c.section) for c in answer.citations]  # type: ignore[attr-defined]


def test_an_english_medicine_name_by_its_inn_ending_is_found() -> None:
    assert inn_like_names("Will they pay for tadalafil or sumatriptan?") == ["tadalafil", "sumatriptan"]
    assert inn_like_names("My cholesterol is high and I need a hospital") == []


def test_a_name_with_a_dosage_form_is_cut_after_the_patients_words(corpus_index: Path) -> None:
    names = mentioned_drug_names("头疼想去买银翘解毒丸，医保管不管？", drug_lists(corpus_index))
    assert "银翘解毒" in names
    assert mentioned_drug_names("昨天去医院拍片子花了两百", drug_lists(corpus_index)) == []


def test_an_unknown_medicine_is_refused_as_not_in_the_list(corpus_index: Path) -> None:
    zh = answer_question("肚子疼想买个肠胃舒宁胶囊，这药医保目录里有吗？", "zh", corpus_index)
    assert not zh.answerable and not zh.citations and zh.reason == "drug not in list"
    en = answer_question(
        "Can Chinese basic medical insurance pay for sumatriptan for my migraines?", "en", corpus_index
    )
    assert not en.answerable and not en.citations


def test_a_year_the_handbook_sends_elsewhere_for_is_refused(corpus_index: Path) -> None:
    answer = answer_question(
        "What are the 2025 resource limits for a married couple to get Extra Help with drug costs?", "en", corpus_index
    )
    assert not answer.answerable and not answer.citations


def test_a_figure_from_the_pension_scheme_does_not_answer_for_medical_insurance(corpus_index: Path) -> None:
    answer = answer_question("在北京，职工医保退休时要交满多少年才能不再缴费？", "zh", corpus_index)
    assert not answer.answerable and not answer.citations


def test_a_workplace_accident_story_does_not_hide_the_rule(corpus_index: Path) -> None:
    answer = answer_question(
        "我弟弟在车间上班，喝醉了从梯子上摔倒扭伤了腰，厂里说这样不算工伤，对吗？", "zh", corpus_index
    )
    assert answer.answerable
    assert ("social_insurance_law_zh", "第三十七条") in _cited(answer)


def test_goods_bought_with_the_card_and_a_report_find_the_reporting_rule(corpus_index: Path) -> None:
    answer = answer_question(
        "楼下超市模样的药店让人刷医保卡买大米和洗衣液，我想去举报，举报人有奖励吗？", "zh", corpus_index
    )
    assert answer.answerable
    assert ("medical_security_fund_regulation_zh", "第三十五条") in _cited(answer)
