from __future__ import annotations

from pathlib import Path

from tools.insurance.answer import answer_question
from tools.insurance.index import load_index


def _section_text(index_dir: Path, doc_id: str, label: str) -> str:
    return "\n".join(s.text for s in load_index(index_dir).sections if s.doc_id == doc_id and s.label == label)


def test_chinese_question_cites_the_article_with_a_verbatim_quote(corpus_index: Path) -> None:
    answer = answer_question("把医保卡借给别人用会怎么样", "zh", corpus_index)
    assert answer.answerable
    cited = {(c.doc_id, c.section) for c in answer.citations}
    assert ("medical_security_fund_regulation_zh", "第四十一条") in cited
    for citation in answer.citations:
        assert citation.quote in _section_text(corpus_index, citation.doc_id, citation.section)


def test_english_question_over_chinese_law_answers_in_english_and_quotes_in_chinese(corpus_index: Path) -> None:
    question = "What happens if my employer doesn't pay social insurance contributions?"
    answer = answer_question(question, "en", corpus_index)
    assert answer.answerable
    assert ("social_insurance_law_zh", "第八十六条") in {(c.doc_id, c.section) for c in answer.citations}
    assert "Article 86 (第八十六条)" in answer.text
    assert "quoted in the original Chinese" in answer.text
    assert any("用人单位" in c.quote for c in answer.citations)


def test_figure_question_quotes_the_sentence_with_the_figure(corpus_index: Path) -> None:
    answer = answer_question("How much is the standard Part B premium in 2025?", "en", corpus_index)
    assert answer.answerable
    assert any("$185" in c.quote for c in answer.citations)


def test_refusals_have_no_citation_and_refer_to_the_hotline(corpus_index: Path) -> None:
    for question, locale in [
        ("北京职工医保住院起付线是多少", "zh"),  # a place no document covers
        ("上海职工医保门诊报销比例是多少", "zh"),  # a figure no document gives
        ("What is the phone number of the Shanghai medical insurance bureau?", "en"),  # a kind of answer not there
        ("What will the Part B premium be in 2027?", "en"),  # a year the handbook does not cover
        ("医院停车场怎么收费", "zh"),
    ]:
        answer = answer_question(question, locale, corpus_index)  # type: ignore[arg-type]
        assert not answer.answerable, question
        assert answer.citations == []
        assert "12393" in answer.text


def test_drug_class_lookup_in_both_languages(corpus_index: Path) -> None:
    zh = answer_question("阿莫西林是甲类还是乙类", "zh", corpus_index)
    assert zh.answerable and zh.citations[0].doc_id == "china_nrdl_2025"
    assert zh.citations[0].section == "西药部分 656 阿莫西林（口服常释剂型）"
    assert "甲类" in zh.text
    en = answer_question("Is atorvastatin covered?", "en", corpus_index)
    assert en.answerable and all(d.drug_class == "乙" for d in en.drugs if d.name_zh == "阿托伐他汀")
    assert "Category B" in en.text
    negotiated = answer_question("司美格鲁肽能报销吗", "zh", corpus_index)
    assert negotiated.answerable and "协议期内谈判药品" in negotiated.citations[0].section


def test_drug_missing_from_list_is_not_guessed(corpus_index: Path) -> None:
    answer = answer_question("Is pembrolizumab covered?", "en", corpus_index)
    assert not answer.answerable and answer.citations == []
    assert "12393" in answer.text


def test_amounts_from_the_question(corpus_index: Path) -> None:
    answer = answer_question("住院花了2万，起付线1200，报销比例85%，能报多少？", "zh", corpus_index)
    # The documents do not give these rules: the arithmetic is shown, but as the patient's figures, uncited.
    assert not answer.answerable and not answer.citations and answer.amounts is not None
    assert "没有找到" in answer.text
    assert answer.amounts.fund_pays == 15980 and answer.amounts.patient_pays == 4020
    assert "15,980.00" in answer.text and "18,800.00" in answer.text
    assert 15980 in answer.numbers


def test_amount_without_rules_in_real_documents_is_refused(corpus_index: Path) -> None:
    answer = answer_question("住院花了3万块钱，医保能报多少？", "zh", corpus_index)
    assert not answer.answerable and answer.amounts is None


def test_sample_plan_is_labelled_fictional(empty_index: Path) -> None:
    answer = answer_question("住院花了2万能报多少", "zh", empty_index)
    assert answer.answerable and answer.amounts is not None and answer.amounts.rule_source == "plan"
    assert "虚构" in answer.text
    assert all(c.doc_id.startswith("sample_city_plan") for c in answer.citations)
    # (20000 - 1200) x 85% under the fictional plan's employee, level-2 hospital rule
    assert answer.amounts.fund_pays == 15980
    text_answer = answer_question("What is the deductible for a hospital stay?", "en", empty_index)
    assert text_answer.answerable and "FICTIONAL" in text_answer.text


def test_empty_question_is_answered_politely(empty_index: Path) -> None:
    answer = answer_question("  ", "en", empty_index)
    assert not answer.answerable and answer.text


def test_english_typos_are_corrected_against_the_documents(corpus_index: Path) -> None:
    answer = answer_question("Does medicare cover accupuncture?", "en", corpus_index)
    assert answer.answerable
    assert ("medicare_and_you_2025_en", "Acupuncture") in {(c.doc_id, c.section) for c in answer.citations}


def test_named_foreign_place_is_refused_even_if_a_document_mentions_its_language(corpus_index: Path) -> None:
    # The Medicare handbook lists "日本語 (Japanese)" among its languages; that does not make it about Japan.
    answer = answer_question("How does Japan's national health insurance reimburse dental care?", "en", corpus_index)
    assert not answer.answerable and answer.citations == []


def test_drug_list_notes_are_citable_and_medicare_drug_questions_skip_the_chinese_list(corpus_index: Path) -> None:
    notes = answer_question("医保药品目录里的乙类药怎么报销", "zh", corpus_index)
    assert notes.answerable
    assert ("china_nrdl_2025", "凡例（二）") in {(c.doc_id, c.section) for c in notes.citations}
    medicare = answer_question("Does Medicare cover insulin?", "en", corpus_index)
    assert all(c.doc_id == "medicare_and_you_2025_en" for c in medicare.citations)
