"""Round Y (story first, asking last, colloquial): the figure asked is read from the sentences that ask, not from
a question word in the story; a figure sentence may hold the story concepts the asking part refers back to; a
figure the question quotes is not the answer; a product no document names is refused; lay words for inspections,
a pharmacy shifting costs to the patient, a sham inpatient stay and care in another city find their sections."""

from __future__ import annotations

from pathlib import Path

from tools.insurance.answer import answer_question
from tools.insurance.asking import referred_members
from tools.insurance.drugs import gives_figure
from tools.insurance.evidence import MONEY_FIGURE, TIME_FIGURE, figure_wanted
from tools.insurance.figure_sentence import _figure_sentence_score
from tools.insurance.index import load_index
from tools.insurance.models import DrugEntry, Hit
from tools.insurance.terms import analyse_query


def _cited(answer: object) -> list[tuple[str, str]]:
    return [(c.doc_id, c.section) for c in answer.citations]  # type: ignore[attr-defined]


def test_a_question_word_in_the_story_asks_for_no_figure() -> None:
    # "交多少年" is what the neighbour said; the patient asks how long.
    told = "我交了九年失业保险，上周被辞退了。同事说不管交多少年都一样。我这样最长能领多久？"
    assert figure_wanted(told) is TIME_FIGURE
    # "When the inspectors came" tells; the patient asks what may happen.
    story = "When the inspectors came, my cousin lied about his income. What could happen to him now?"
    assert figure_wanted(story) is None


def test_whats_without_an_apostrophe_asks_for_the_amount() -> None:
    assert figure_wanted("whats the part b premium for someone like me") is MONEY_FIGURE


def test_the_story_names_which_part_is_asked_about() -> None:
    question = (
        "I never signed up for Part B at 65 because I was still healthy. Now I want it. How is the late penalty "
        "worked out?"
    )
    asked = analyse_query("How is the late penalty worked out?")[1]
    assert [u.concept for u in referred_members(question, asked)] == ["part_b"]
    # The asking part names a part itself: the story's does not replace it.
    own = analyse_query("How is the Part D late penalty worked out?")[1]
    assert referred_members(question, own) == []


def test_a_figure_the_question_quotes_is_not_the_answer(corpus_index: Path) -> None:
    loaded = load_index(corpus_index)
    section = next(s for s in loaded.sections if s.label == "How much does Part B coverage cost?")
    hit = Hit(
        doc_id=section.doc_id, title="", label=section.label, path=section.path, text=section.text, score=5.0,
        coverage=0.5,
    )
    units = analyse_query("How much is the Part B premium?")[1]
    assert _figure_sentence_score(hit, units, loaded, MONEY_FIGURE, "How much is the Part B premium?") > 0
    quoting = "How much extra will I pay on top of the $185 Part B premium?"
    assert _figure_sentence_score(hit, units, loaded, MONEY_FIGURE, quoting) == 0


def test_the_payment_standard_is_not_what_is_left_to_pay() -> None:
    entry = DrugEntry(
        doc_id="china_nrdl_2025", no="1", name_zh="某某片", part="协议期内谈判药品部分", drug_class="乙",
        payment_standard="12.3元(10mg/片)",
    )
    assert gives_figure([entry], "某某片医保支付标准一片多少钱？", MONEY_FIGURE)
    assert not gives_figure([entry], "某某片报销以后一片自己还得掏多少钱？", MONEY_FIGURE)


def test_a_product_no_document_names_is_refused(corpus_index: Path) -> None:
    question = "My sister has a Medicare drug plan. Will it pay for Mounjaro or Zepbound to help her lose weight?"
    answer = answer_question(question, "en", corpus_index)
    assert not answer.answerable
    assert answer.reason.startswith("product not in documents")


def test_a_lone_inspector_without_papers(corpus_index: Path) -> None:
    zh = "我在镇上开了个药店，昨天有人自称医保局的来查账，就她一个人，证件也没出示，我要配合吗？"
    en = (
        "I own a small pharmacy in the insurance network. This morning someone came alone saying he was from the "
        "insurance bureau and asked for our sales records, but he never showed any ID. Must I let him inspect?"
    )
    for question, locale in ((zh, "zh"), (en, "en")):
        cited = _cited(answer_question(question, locale, corpus_index))  # type: ignore[arg-type]
        assert ("medical_security_fund_regulation_zh", "第二十九条") in cited, question


def test_a_pharmacy_making_the_patient_pay_what_the_fund_should(corpus_index: Path) -> None:
    question = "上海一家医院，本来应该医保报的检查，非要我全部自费，医院会受什么处罚？"
    cited = _cited(answer_question(question, "zh", corpus_index))
    assert ("shanghai_medical_security_regulation_2024_zh", "第六十三条") in cited


def test_a_sham_stay_and_what_happens_to_the_hospital(corpus_index: Path) -> None:
    question = (
        "My grandfather was listed as an inpatient at a township hospital for two weeks, but he went home every "
        "night and only came in for injections. Insurance was billed for the whole stay. What happens to the "
        "hospital if this is discovered?"
    )
    cited = _cited(answer_question(question, "en", corpus_index))
    assert ("medical_security_fund_regulation_zh", "第三十八条") in cited


def test_seeing_doctors_in_another_city_needs_filing_first(corpus_index: Path) -> None:
    question = (
        "My mother-in-law has Shanghai insurance and will spend the winter with us in Guangzhou. Is there anything "
        "she has to do before she goes, so that she can see doctors there?"
    )
    cited = _cited(answer_question(question, "en", corpus_index))
    assert ("shanghai_medical_security_regulation_2024_zh", "第四十六条") in cited
