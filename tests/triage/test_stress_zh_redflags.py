"""Stress round (zh): emergency phrase families found by writing outside-style messages blind, on our own sentences."""

from __future__ import annotations

import pytest

from assistant.nlu import extract_findings, extract_slots
from tools.triage.engine import assess
from tools.triage.red_flags import EMERGENCY_LEVELS, facts_from_text, find_red_flags


def _codes(text: str) -> set[str]:
    return {f.code for f in extract_findings(text, "zh") if f.present}


def _flags(text: str) -> set[str]:
    return {hit.id for hit in find_red_flags(text, "zh")}


def _level(text: str) -> str:
    return assess(facts_from_text(text, "zh")).level


# ---------------------------------------------------------------- cauda equina
@pytest.mark.parametrize("text", [
    "腰痛一周了，这两天肛门一圈都发木，没什么感觉",
    "老腰椎间盘突出，今天上厕所擦的时候下身没知觉",
    "后背疼得厉害，今天一整天尿不出来",
    "闪了腰以后，解大便控制不住了",
])
def test_back_pain_with_saddle_or_bladder_signs_is_cauda_equina(text: str) -> None:
    assert "cauda_equina" in _flags(text)


def test_plain_back_ache_is_not_cauda_equina() -> None:
    assert "cauda_equina" not in _flags("坐久了腰有点酸，大小便都正常")


# ---------------------------------------------------------------- reduced fetal movements
@pytest.mark.parametrize("text", [
    "孕35周，从昨晚到现在都没觉得宝宝在动",
    "怀孕九个月了，今天肚子里的宝宝特别安静，没什么动静",
    "37周，数了一个钟头宝宝才动了一下",
])
def test_baby_moving_less_in_pregnancy_is_an_emergency(text: str) -> None:
    assert "reduced_fetal_movement" in _codes(text)
    assert _level(text) in EMERGENCY_LEVELS


def test_lively_baby_in_pregnancy_is_not_reduced_movement() -> None:
    assert "reduced_fetal_movement" not in _codes("怀孕30周，宝宝踢得可欢了")


def test_days_followed_by_not_are_a_duration_not_an_age() -> None:
    assert extract_slots("闺女两天都没好好吃饭", "zh").get("age") is None
    assert extract_slots("宝宝20天，吃奶有点少", "zh").get("age") == pytest.approx(20 / 365, abs=0.01)


# ---------------------------------------------------------------- eye pain (acute glaucoma)
@pytest.mark.parametrize("text", [
    "右眼胀痛，看路灯周围一圈彩虹，视力也下降了",
    "眼睛疼得厉害还想吐",
])
def test_painful_eye_with_sight_change_or_sickness_is_an_emergency(text: str) -> None:
    assert _level(text) in EMERGENCY_LEVELS


# ---------------------------------------------------------------- bowel obstruction
@pytest.mark.parametrize("text", [
    "肚子胀疼两天了，屁都不放，刚又吐了",
    "我妈肚子绞痛，吐出来的东西一股屎味",
])
def test_no_wind_with_pain_or_vomiting_is_bowel_obstruction(text: str) -> None:
    assert "bowel_obstruction" in _flags(text)


def test_groin_lump_that_will_not_go_back_is_stuck() -> None:
    assert "hernia_stuck" in _codes("腹股沟那个鼓包今天塞不回去了，还挺疼")


# ---------------------------------------------------------------- airway, breathing, circulation words
@pytest.mark.parametrize(("text", "code"), [
    ("他喘得一句话要断成好几截说", "severe_breathless"),
    ("哮喘，用了信必可也不管用", "severe_breathless"),
    ("吃完腰果喉咙好像被人掐住了", "throat_swelling"),
    ("宝宝呼吸有点吃力", "breathless"),
    ("孩子身上的红点拿杯子压着都不褪色", "non_blanching_rash"),
    ("女儿手脚冰凉发紫", "mottled_skin"),
    ("娃抱起来软得像棉花一样", "floppy"),
    ("吞了硬币以后吸气有咝咝的声音", "stridor"),
    ("血糖测不出来，人一直在吐", "vomiting"),
    ("头疼得快吐了", "nausea"),
    ("他心率一百五，喘不上来", "palpitations"),
    ("宝宝尿不湿从早上到现在一直是干的", "no_urine"),
    ("孩子眼窝都塌下去了", "dehydration"),
    ("右眼突然一黑", "vision_loss"),
])
def test_lay_words_for_emergency_signs(text: str, code: str) -> None:
    assert code in _codes(text)


# ---------------------------------------------------------------- injuries, water, pills
@pytest.mark.parametrize(("text", "code"), [
    ("孩子在河边玩滑进河里了，刚被拉上来", "drowning"),
    ("游泳时呛了好几口水，现在一直咳", "drowning"),
    ("他被人拿匕首捅了一下", "deep_wound"),
    ("她一口气吞了一整瓶止痛药", "poisoning"),
    ("锅里的热油烧到了两条胳膊", "severe_burn"),
    ("被开水烫完皮都发白了", "severe_burn"),
    ("骑车摔了，满头是血", "head_injury"),
])
def test_injury_water_and_overdose_families(text: str, code: str) -> None:
    assert code in _codes(text)


def test_ending_it_all_with_a_plan_word_is_a_suicide_plan() -> None:
    assert "suicide_plan" in _flags("我打算这周末就结束这一切")


def test_breathless_sweaty_and_sick_is_a_heart_attack() -> None:
    assert "heart_attack" in _flags("我妈突然气短，一身冷汗，还恶心想吐")


def test_pulsing_tummy_lump_with_back_pain_calls_an_ambulance() -> None:
    assert "aortic_dissection" in _flags("他肚脐旁边有个一跳一跳的包，现在后腰疼得不行")


def test_heavy_bleeding_from_the_bottom_with_dizziness_is_an_emergency() -> None:
    assert "gi_bleeding" in _flags("拉血拉了好几次，头晕")


# ---------------------------------------------------------------- look-alikes that are not emergencies
@pytest.mark.parametrize("text", [
    "期末复习压力大到快窒息了",
    "喘不过气是因为刚才跑楼梯上来，坐着歇一下就好了",
    "胸口闷闷的，都是因为心情不好，被领导骂了",
    "饿得想死，一天没吃饭了",
    "蛋疼，这破游戏又掉线了",
    "在吃补铁的药，大便发黑",
    "前几年有过一次休克，现在没事，想问体检查什么",
    "游泳的时候耳朵进了点水",
])
def test_look_alikes_are_not_emergencies(text: str) -> None:
    assert _level(text) not in EMERGENCY_LEVELS


def test_black_stool_on_iron_with_dizziness_is_still_an_emergency() -> None:
    assert _level("吃着铁剂，这两天大便黑，今天站起来就头晕") in EMERGENCY_LEVELS
