"""Round 4: a national rule asked about a city with no document of its own (a deadline, benefits when emigrating)
is answered from the national law; a local figure there is still refused. The kind of figure asked ("how long")
is held by a section that gives one; a "when" question about benefits starting finds the waiting period."""

from __future__ import annotations

from pathlib import Path

from tools.insurance.answer import answer_question
from tools.insurance.evidence import TIME_FIGURE, figure_wanted, named_places
from tools.insurance.terms import analyse_query

LAW = "social_insurance_law_zh"


def _cited(answer: object) -> list[tuple[str, str]]:
    return [(c.doc_id, c.section) for c in answer.citations]  # type: ignore[attr-defined]


def test_a_country_emigrated_to_is_not_the_place_asked_about() -> None:
    assert named_places("下个月打算全家移民去新加坡，失业金还能领吗？") == []
    assert named_places("We are emigrating to Canada next year; does my pension go on?") == []
    # Living or being treated there is still the place asked about.
    assert [p.id for p in named_places("我在日本看病花的钱能报销吗？")] == ["japan"]
    assert [p.id for p in named_places("I moved to Tokyo, Japan and got sick there. Who pays?")] == ["japan"]


def test_a_deadline_the_national_law_sets_is_answered_for_a_city_without_a_document(corpus_index: Path) -> None:
    zh = answer_question(
        "我在青岛一家工厂刚上班二十天，厂里还没给我办社保登记，规定公司要多久之内办好？", "zh", corpus_index
    )
    assert zh.answerable and (LAW, "第五十八条") in _cited(zh)
    en = answer_question(
        "Started work in Harbin last month and the company hasn't registered me for social insurance. "
        "How long does the employer have to do it?", "en", corpus_index,
    )
    assert en.answerable and (LAW, "第五十八条") in _cited(en)


def test_a_local_amount_for_a_city_without_a_document_is_still_refused(corpus_index: Path) -> None:
    for question, locale in [
        ("青岛职工医保住院起付线是多少钱？报销比例多少？", "zh"),
        ("What is the monthly medical insurance contribution for freelancers in Harbin, in yuan?", "en"),
        # A national article holding only the generic word ("申请") does not answer a local scheme's question.
        ("青岛的长期护理保险怎么申请？", "zh"),
    ]:
        answer = answer_question(question, locale, corpus_index)  # type: ignore[arg-type]
        assert not answer.answerable and not answer.citations


def test_unemployment_benefits_when_emigrating_are_answered_from_the_national_law(corpus_index: Path) -> None:
    answer = answer_question(
        "我在长沙领失业金，打算下个月移民去新加坡，出国以后失业金还能继续领吗？", "zh", corpus_index
    )
    assert answer.answerable and (LAW, "第五十一条") in _cited(answer)


def test_a_deadline_question_asks_for_a_period() -> None:
    assert figure_wanted("What's the deadline for my employer to register me?") is TIME_FIGURE
    assert any(u.concept == "duration" for u in analyse_query("公司应该多久之内给我办好社保登记？")[1])


def test_when_benefits_start_after_paying_late_is_the_waiting_period(corpus_index: Path) -> None:
    answer = answer_question(
        "我是上海的，今年居民医保交晚了，没赶上集中缴费，补缴以后什么时候能报？", "zh", corpus_index
    )
    assert answer.answerable
    assert ("shanghai_medical_security_regulation_2024_zh", "第十七条") in _cited(answer)
