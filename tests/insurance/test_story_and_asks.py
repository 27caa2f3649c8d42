"""Questions told as a story: the words of the story weigh less than those of the part that asks, a figure is asked
for only by the part that asks, a count needs a number, brand names reach the drug list, a year the list is not
for is refused, a sum told in passing is no arithmetic, and a city with no document of its own needs a national
article that holds most of the question. All questions here are the team's own."""

from __future__ import annotations

from pathlib import Path

from tools.insurance.answer import answer_question
from tools.insurance.evidence import COUNT_TIME_FIGURE, figure_wanted
from tools.insurance.models import Answer, Hit
from tools.insurance.scoring import section_covers
from tools.insurance.terms import analyse_query, narrative_spans, plain_question


def _cited(answer: Answer) -> list[tuple[str, str]]:
    return [(c.doc_id, c.section) for c in answer.citations]


def _story(question: str) -> list[str]:
    text = plain_question(question)
    return [text[a:b] for a, b in narrative_spans(text)]


def test_the_story_around_a_question_is_found_by_sentence_and_clause() -> None:
    story = _story("上周我去菜市场买菜。邻居说天气要变冷了。我换了工作以后，医保年限还算吗？")
    assert story[0].startswith("上周我去菜市场") and any("天气" in s for s in story)
    assert not any("年限" in s for s in story)
    # A short asking clause ("对吗") asks about the clause before it.
    clauses = _story("我周末骑车摔伤了膝盖，单位说这不算工伤，对吗？")
    assert clauses == ["我周末骑车摔伤了膝盖,"]
    english = _story("We are flying to Spain. Will Original Medicare pay for a hospital stay?")
    assert english == ["we are flying to spain. "]
    assert _story("换工作以后医保年限还算吗？") == []


def test_story_words_weigh_less_than_the_words_that_ask() -> None:
    _, units = analyse_query("上周我去菜市场买菜，跟邻居聊天。我换了工作以后，医保年限还算吗？")
    by_label = {u.label: u for u in units}
    assert by_label["菜市场"].factor < 1.0
    assert all(u.factor == 1.0 for u in units if u.concept)


def test_a_long_story_does_not_hide_the_article_that_answers(corpus_index: Path) -> None:
    answer = answer_question(
        "上周我去菜市场买了很多菜，回家路上和邻居聊了半天天气。我换了工作以后，以前交的医保年限还算吗？", "zh",
        corpus_index,
    )
    assert ("social_insurance_law_zh", "第三十二条") in _cited(answer)


def test_counts_in_the_story_ask_for_no_figure() -> None:
    assert figure_wanted("这几个月我一直在吃药，前后花了两万多。医保能报吗？") is None
    assert figure_wanted("我交了十几年医保，个人账户能给父母用吗？") is None
    assert figure_wanted("待遇等待期具体要等几个月？") is COUNT_TIME_FIGURE


def test_a_count_of_days_or_months_needs_a_number_not_a_named_period(corpus_index: Path) -> None:
    answer = answer_question("我在上海以灵活就业人员身份参保，待遇等待期到底是多少天？", "zh", corpus_index)
    assert not answer.answerable and answer.citations == []


def test_a_cap_on_another_amount_does_not_give_the_deductible(corpus_index: Path) -> None:
    answer = answer_question("美国Medicare的D部分，2025年免赔额最多是多少美元？", "zh", corpus_index)
    assert not answer.answerable and answer.citations == []


def test_brand_names_reach_the_drug_list(corpus_index: Path) -> None:
    zh = answer_question("拜糖平是甲类药吗？", "zh", corpus_index)
    assert zh.answerable and any("阿卡波糖" in section for _, section in _cited(zh))
    en = answer_question("Is Smecta on the Chinese drug list?", "en", corpus_index)
    assert en.answerable and any("蒙脱石" in section for _, section in _cited(en))


def test_a_drug_question_about_another_years_list_is_refused(corpus_index: Path) -> None:
    answer = answer_question("阿托伐他汀在2021年版医保目录里吗？", "zh", corpus_index)
    assert not answer.answerable and answer.citations == []


def test_a_bill_told_in_passing_is_no_arithmetic(corpus_index: Path) -> None:
    answer = answer_question("我妈被一辆摩托车撞了，骑车的人跑了，住院花了三万多，医保给报吗？", "zh", corpus_index)
    assert answer.amounts is None
    assert ("social_insurance_law_zh", "第三十条") in _cited(answer)


def test_the_kind_of_answer_asked_must_be_named_as_a_phrase() -> None:
    _, units = analyse_query("Has my claim been approved yet?")
    status = next(u for u in units if u.concept == "case_status")
    scattered = Hit(doc_id="d", title="t", label="Appeals", text="File a claim. Check the status of your plan.",
                    score=1.0)
    named = Hit(doc_id="d", title="t", label="Claims", text="You can check your claim status online.", score=1.0)
    assert not section_covers(None, scattered, status)  # type: ignore[arg-type]
    assert section_covers(None, named, status)  # type: ignore[arg-type]


def test_a_personal_status_question_is_refused(corpus_index: Path) -> None:
    answer = answer_question("I mailed my Medigap application last month. Has it been approved yet?", "en",
                             corpus_index)
    assert not answer.answerable and answer.citations == []


def test_a_city_without_its_own_document(corpus_index: Path) -> None:
    answered = answer_question("我在南京上班，换工作以后之前交的医保年限还算吗？", "zh", corpus_index)
    assert ("social_insurance_law_zh", "第三十二条") in _cited(answered)
    refused = answer_question("苏州的长期护理保险怎么申请？", "zh", corpus_index)
    assert not refused.answerable and refused.citations == []


def test_lay_stories_reach_the_article(corpus_index: Path) -> None:
    cruise = answer_question("We are going on a cruise to Greece in May. Will Original Medicare cover a hospital "
                             "stay there?", "en", corpus_index)
    assert ("medicare_and_you_2025_en", "Foreign travel") in _cited(cruise)
    bed = answer_question("我家老人住院了，可他晚上都回家睡，床位一直空着，医院这么做合规吗？", "zh", corpus_index)
    assert ("medical_security_fund_regulation_zh", "第三十八条") in _cited(bed)


def test_a_document_that_points_elsewhere_for_a_figure_does_not_give_it(corpus_index: Path) -> None:
    from tools.insurance.evidence import MONEY_FIGURE
    from tools.insurance.index import load_index
    from tools.insurance.selection import _defers_figure

    _, units = analyse_query("What is the 2025 income limit for the savings program?")
    pointer = Hit(doc_id="medicare_and_you_2025_en", title="t", label="Savings", score=1.0,
                  text="You can find the 2025 income limit for the savings program on Medicare.gov.")
    giving = Hit(doc_id="medicare_and_you_2025_en", title="t", label="Savings", score=1.0,
                 text="In 2025 the income limit for the savings program is $1,000 a month.")
    loaded = load_index(corpus_index)
    assert _defers_figure([pointer], units, loaded, MONEY_FIGURE)
    assert not _defers_figure([giving], units, loaded, MONEY_FIGURE)
    answer = answer_question("What is the 2025 resource limit for getting Extra Help?", "en", corpus_index)
    assert not answer.answerable and answer.citations == []
