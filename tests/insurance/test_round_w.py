"""Round W (story first, asking last): coverage is also judged on the sentences that ask (with the claim they refer
back to), so the story's words do not make the section about the question look off-topic; a price on the drug list
does not answer a share asked for; "what does X cost per month" asks for money."""

from __future__ import annotations

from pathlib import Path

from tools.insurance.asking import MIN_ASKING_COVERAGE, asking_sentences, with_asking_coverage
from tools.insurance.drugs import gives_figure
from tools.insurance.evidence import MONEY_FIGURE, PERCENT_FIGURE, figure_wanted
from tools.insurance.index import load_index
from tools.insurance.models import DrugEntry, Hit

STORY_ZH = (
    "我表哥在工地开塔吊。那天中午跟工友喝了半斤白酒，下午干活时从塔吊上摔下来，腰摔伤了。"
    "包工头说只要是上班时间受伤都算工伤。喝醉了出事也算吗？"
)


def test_the_asking_sentence_brings_the_claim_it_refers_back_to() -> None:
    assert asking_sentences(STORY_ZH) == "包工头说只要是上班时间受伤都算工伤。 喝醉了出事也算吗？"
    # A story count ("十几年") is no question word: the asking part starts where the question mark is.
    claim = "人事说我医保年限不够，退休后不能享受医保待遇。"
    told = f"我在厂里上了十几年班，明年退休。{claim}这个说法对吗？有没有补救的办法？"
    assert asking_sentences(told) == f"{claim} 这个说法对吗？ 有没有补救的办法？"
    assert asking_sentences("退休以后职工医保还要交吗？") is None


def test_a_section_holding_the_asking_part_gets_its_coverage(corpus_index: Path) -> None:
    loaded = load_index(corpus_index)
    section = next(s for s in loaded.sections if s.doc_id == "social_insurance_law_zh" and s.label == "第三十七条")
    hit = Hit(
        doc_id=section.doc_id, title="", label=section.label, path=section.path, text=section.text, score=5.0,
        coverage=0.25,
    )
    raised = with_asking_coverage([hit], STORY_ZH, loaded)[0]
    assert raised.coverage >= MIN_ASKING_COVERAGE
    # Too little of the whole question held: the story is not all beside the point.
    low = hit.model_copy(update={"coverage": 0.1})
    assert with_asking_coverage([low], STORY_ZH, loaded)[0].coverage == 0.1


def test_a_share_asked_is_not_given_by_a_price_on_the_drug_list() -> None:
    assert figure_wanted("像这种甲类药，刷职工医保能报销百分之多少？") is PERCENT_FIGURE
    entry = DrugEntry(
        doc_id="list", name_zh="某药缓释片", no="1", part="协议期内谈判药品部分", drug_class="乙",
        payment_standard="3.50元(0.5g/片)",
    )
    assert not gives_figure([entry], "这药报销百分之多少？", PERCENT_FIGURE)
    assert gives_figure([entry], "这药一片多少钱？", MONEY_FIGURE)


def test_what_a_plan_costs_per_month_asks_for_money() -> None:
    assert figure_wanted("What does Medigap Plan N usually cost per month?") is MONEY_FIGURE
    assert figure_wanted("Can she stay somewhere for a few days, and what would that cost us?") is None
