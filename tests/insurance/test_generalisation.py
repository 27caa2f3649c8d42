"""Rules that make the insurance Q&A hold on questions nobody on the team wrote (issue 7): lay and English words,
places, years and figures, two-part questions, drug names, refusals."""

from __future__ import annotations

from pathlib import Path

from assistant.reply import Citation
from tools.insurance.answer import answer_question
from tools.insurance.evaluate import score_case
from tools.insurance.models import Answer
from tools.insurance.splitter import split_headings
from tools.insurance.terms import analyse_query


def _cited(answer: Answer) -> list[tuple[str, str]]:
    return [(c.doc_id, c.section) for c in answer.citations]


def test_a_chapter_title_after_a_page_break_is_not_taken_for_a_running_header() -> None:
    text = "\n".join([
        "# Part one", "### Drug coverage", "Some text.", "---", "## Section 6:", "# Drug coverage", "## Costs",
        "What you pay.",
    ])
    costs = next(s for s in split_headings("doc", text) if s.label == "Costs")
    assert costs.path == ["Drug coverage"]


def test_scoring_matches_a_gold_section_inside_a_longer_label() -> None:
    case = {"id": "c", "expected": {"answerable": True, "sections": [{"doc_id": "list", "section": "二甲双胍"}]}}
    cited = Citation(doc_id="list", section="西药部分 134 二甲双胍（口服常释剂型）", quote="q")
    answer = Answer(answerable=True, text="", locale="zh", citations=[cited], reason="")
    assert score_case(case, answer).correct


def test_grammar_fragments_and_the_patients_own_counts_are_not_topics() -> None:
    _, units = analyse_query("住院4天后转到护理院，我能报销吗")
    labels = {u.label for u in units}
    assert not labels & {"天后", "我能", "4"}


def test_a_compound_word_needs_all_its_parts(corpus_index: Path) -> None:
    answer = answer_question("医保报销的钱需要交个人所得税吗", "zh", corpus_index)
    assert not answer.answerable and answer.citations == []


def test_lay_words_reach_the_legal_article(corpus_index: Path) -> None:
    answer = answer_question("单位天天让我加班，结果喝醉酒摔伤了，这算工伤吗", "zh", corpus_index)
    assert ("social_insurance_law_zh", "第三十七条") in _cited(answer)
    english = answer_question("My clinic charged the insurance fund twice for one treatment. What fine applies?",
                              "en", corpus_index)
    assert ("medical_security_fund_regulation_zh", "第三十八条") in _cited(english)


def test_a_two_part_question_cites_the_article_for_each_part(corpus_index: Path) -> None:
    answer = answer_question("上班时受伤了 工伤医疗费谁出？公司一直没给我交工伤保险怎么办", "zh", corpus_index)
    assert ("social_insurance_law_zh", "第四十一条") in _cited(answer)


def test_an_article_pointing_to_its_penalty_brings_it(corpus_index: Path) -> None:
    answer = answer_question(
        "What happens to a pharmacy in China that bills the medical insurance fund for services it never provided?",
        "en", corpus_index,
    )
    assert ("medical_security_fund_regulation_zh", "第四十条") in _cited(answer)


def test_a_city_without_its_own_rules_gets_national_law_but_no_local_figure(corpus_index: Path) -> None:
    moving = answer_question("从南京换工作到成都，之前交的医保年限还算不算", "zh", corpus_index)
    assert ("social_insurance_law_zh", "第三十二条") in _cited(moving)
    figure = answer_question("成都职工医保住院报销比例是多少", "zh", corpus_index)
    assert not figure.answerable and figure.citations == []


def test_the_figure_must_be_for_the_part_asked_and_not_in_a_condition(corpus_index: Path) -> None:
    answer = answer_question("What is the Part A deductible for 2025?", "en", corpus_index)
    assert not answer.answerable and answer.citations == []
    premium = answer_question("How much is the standard monthly Part B premium in 2025?", "en", corpus_index)
    assert ("medicare_and_you_2025_en", "How much does Part B coverage cost?") in _cited(premium)


def test_an_earlier_year_in_the_story_is_history_not_the_year_asked(corpus_index: Path) -> None:
    answer = answer_question(
        "I turned 65 in 2019 and never signed up for Part B. In 2025 what is the standard monthly Part B premium?",
        "en", corpus_index,
    )
    assert answer.answerable and answer.citations


def test_status_of_ones_own_case_and_named_insurers_are_refused(corpus_index: Path) -> None:
    for question, locale in (("我的医保报销申请审核进度怎么样了", "zh"),
                             ("Does Humana's Medicare Advantage plan cover dental implants?", "en")):
        answer = answer_question(question, locale, corpus_index)
        assert not answer.answerable and answer.citations == [], question


def test_drug_aliases_and_prices(corpus_index: Path) -> None:
    botox = answer_question("打肉毒杆菌医保能报吗", "zh", corpus_index)
    assert botox.answerable and "A型肉毒毒素" in botox.citations[0].section
    brand = answer_question("Is Ozempic on China's national drug list?", "en", corpus_index)
    assert brand.answerable and "司美格鲁肽" in brand.citations[0].section
    price = answer_question("阿莫西林在药店多少钱一盒", "zh", corpus_index)
    assert not price.answerable and price.citations == []
