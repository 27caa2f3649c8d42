"""Round Q/R (lay wording): a law the documents do not hold is refused even when other laws share its words; Chinese
medicine names are known by their transliterated INN endings; "how much ... money" and "how much ... every month"
ask for money, not a period; the parts of Medicare are named by what they pay for and the premium by how it is
taken."""

from __future__ import annotations

from pathlib import Path

from tools.insurance.answer import answer_question
from tools.insurance.drugs import drug_lists, mentioned_drug_names, zh_inn_like_names
from tools.insurance.evidence import MONEY_FIGURE, figure_wanted
from tools.insurance.terms import analyse_query

HANDBOOK = "medicare_and_you_2025_en"


def _cited(answer: object) -> list[tuple[str, str]]:
    return [(c.doc_id, c.section) for c in answer.citations]  # type: ignore[attr-defined]


def test_a_law_no_document_holds_is_refused(corpus_index: Path) -> None:
    en = answer_question(
        "My cousin says the national Medical Security Law changed the rules. What does it say about using my "
        "personal account for my parents?", "en", corpus_index,
    )
    assert not en.answerable and not en.citations and en.reason.startswith("law not in documents")
    zh = answer_question("听说出了《医疗保障法》，里面对个人账户给家人用是怎么规定的？", "zh", corpus_index)
    assert not zh.answerable and not zh.citations


def test_a_law_the_documents_hold_is_still_answered(corpus_index: Path) -> None:
    en = answer_question(
        "Under the Social Insurance Law, does my employer have to pay for my unemployment insurance?", "en",
        corpus_index,
    )
    assert en.answerable and en.citations
    zh = answer_question("社会保险法里失业保险金最长能领多久？", "zh", corpus_index)
    assert zh.answerable and zh.citations
    # The patient's words before the name are not part of it.
    led = answer_question("依照社会保险法，公司招了人多少天内要办社保登记？", "zh", corpus_index)
    assert led.answerable and led.citations


def test_a_chinese_medicine_name_is_known_by_its_inn_ending(corpus_index: Path) -> None:
    assert zh_inn_like_names("伐地那非医保给不给报") == ["伐地那非"]
    assert zh_inn_like_names("住院的钱能报多少") == []
    assert mentioned_drug_names("伐地那非医保给不给报", drug_lists(corpus_index)) == ["伐地那非"]
    answer = answer_question("伐地那非医保给不给报", "zh", corpus_index)
    assert not answer.answerable and not answer.citations and answer.reason == "drug not in list"


def test_how_much_money_per_month_asks_for_money() -> None:
    assert figure_wanted("how much pension money do I get in Harbin?") is MONEY_FIGURE
    assert figure_wanted("how much do they take off my check each month for it") is MONEY_FIGURE


def test_a_monthly_benefit_amount_the_documents_lack_is_refused(corpus_index: Path) -> None:
    # The national law gives the months unemployment benefit lasts, not the amount paid each month.
    answer = answer_question("how much jobless money a month would I get in Shanghai?", "en", corpus_index)
    assert not answer.answerable and not answer.citations


def test_the_parts_of_medicare_are_named_by_what_they_pay_for(corpus_index: Path) -> None:
    concepts = {u.concept for u in analyse_query("what does the doctor part of medicare cost me each month")[1]}
    assert "part_b" in concepts
    answer = answer_question(
        "how much money do they take out every month for the doctor part of medicare", "en", corpus_index
    )
    assert answer.answerable and (HANDBOOK, "How much does Part B coverage cost?") in _cited(answer)
