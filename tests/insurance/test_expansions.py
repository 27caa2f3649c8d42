"""Lay-language expansions: every bundled phrase list names a real section, widens what a question can be answered
from, and never reaches a patient as a quote; a named medicine no list holds is said to be missing."""

from __future__ import annotations

from pathlib import Path

from tools.insurance.answer import answer_question
from tools.insurance.expansions import expansion_files, load_expansions, load_file
from tools.insurance.index import load_index


def test_every_expansion_names_a_section_of_its_document(corpus_index: Path) -> None:
    labels = {(s.doc_id, s.label) for s in load_index(corpus_index).sections}
    files = expansion_files()
    assert len(files) >= 4
    for path in files:
        data = load_file(path)
        missing = [label for label in data.sections if (data.doc_id, label) not in labels]
        assert not missing, f"{path.name}: {missing[:5]}"
        assert all(entry.zh and entry.en for entry in data.sections.values()), path.name


def test_an_operator_can_add_expansions_for_their_own_documents(tmp_path: Path) -> None:
    (tmp_path / "expansions").mkdir()
    (tmp_path / "expansions" / "mine.yaml").write_text(
        'doc_id: my_plan\nsource: "operator"\nsections:\n  "Dental":\n    zh: [补牙]\n    en: [filling]\n',
        encoding="utf-8",
    )
    assert load_expansions(tmp_path)[("my_plan", "Dental")] == ["补牙", "filling"]


def test_a_lay_question_is_answered_from_the_article_in_legal_words(corpus_index: Path) -> None:
    # The regulation says 接受返还现金、实物 ("accept cash or goods returned"); the patient says 返现金.
    answer = answer_question("药店说用医保卡买药可以返现金给我，能收吗", "zh", corpus_index)
    cited = [(c.doc_id, c.section) for c in answer.citations]
    assert answer.answerable and ("medical_security_fund_regulation_zh", "第十九条") in cited
    sections = {(s.doc_id, s.label): s.text for s in load_index(corpus_index).sections}
    for citation in answer.citations:  # quotes come from the section's own text, never from an expansion
        assert citation.quote.replace("\n", "") in sections[(citation.doc_id, citation.section)].replace("\n", "")


def test_a_medicine_no_list_holds_is_said_to_be_missing(corpus_index: Path) -> None:
    missing = answer_question("感冒灵颗粒是甲类还是乙类", "zh", corpus_index)
    assert not missing.answerable and not missing.citations and "感冒灵" in missing.text
    listed = answer_question("阿莫西林胶囊是甲类吗", "zh", corpus_index)
    assert listed.answerable and any("阿莫西林" in c.section for c in listed.citations)
