"""Round X (zh): phrase families the outside batch X exposed (colloquial reduced fetal movement, a self-harm cut with
pooled blood, slow growth, infrequent periods, antenatal booking, "要不要缝针", 月饼 read as months, a blocked nose's
"呼噜呼噜", positional hand numbness, shakiness after a missed meal), on our own sentences."""

from __future__ import annotations

import pytest

from assistant.nlu import extract_findings, extract_slots
from tools.triage.vignettes import split_of_message


def _codes(text: str, locale: str = "zh") -> set[str]:
    return {f.code for f in extract_findings(text, locale) if f.present}


# --- a baby that "hardly moves" (不咋/不太/基本不) or a kick count that came out low, in pregnancy: emergency
@pytest.mark.parametrize("text", [
    "怀孕33周，这两天宝宝不太动了，以前晚上踢得可欢",
    "孕38周 数了两个小时胎动 一共就动了三次",
    "怀孕35周了，肚子里的宝宝今天几乎不踢，有点慌",
])
def test_colloquial_reduced_fetal_movement_is_an_emergency(text: str) -> None:
    assert "reduced_fetal_movement" in _codes(text)
    assert split_of_message(text, "zh") == "emergency"


# --- a cut wrist with blood pooled on a floor or under a door: heavy bleeding, an ambulance
@pytest.mark.parametrize("text", [
    "我弟弟在浴室割了腕，浴缸里全是血，叫他也不出来",
    "表姐把自己关在卫生间，说她划开了手腕，地板上一滩血",
])
def test_self_harm_cut_with_pooled_blood_is_an_emergency(text: str) -> None:
    codes = _codes(text)
    assert {"self_harm_act", "heavy_bleeding"} <= codes
    assert split_of_message(text, "zh") == "emergency"
    # a wrist cut by accident is a wound, not self-harm
    assert "self_harm_act" not in _codes("洗碗时不小心被碎碗划破了手腕，流了点血")


# --- slow growth or the shortest in class: a doctor (outpatient growth assessment)
@pytest.mark.parametrize("text", ["女儿8岁，排队总是全班最矮的那个", "孩子10岁了，这一年只长了2公分，要不要查查"])
def test_slow_growth_sees_a_doctor(text: str) -> None:
    assert "development_concern" in _codes(text)
    assert split_of_message(text, "zh") == "doctor"


# --- periods only once or twice in half a year or a year: a doctor (NHS PCOS / irregular periods)
def test_infrequent_periods_see_a_doctor() -> None:
    text = "这一年例假总共就来了三次，脸上老长痘，28岁，没怀孕"
    assert "periods_absent" in _codes(text)
    assert split_of_message(text, "zh") == "doctor"


# --- newly pregnant and asking about booking antenatal care: a doctor, not self care for the mild nausea
def test_antenatal_booking_question_sees_a_doctor() -> None:
    text = "刚测出来怀孕了，大概七周，有点想吐，第一次产检一般几周去做，要不要建卡"
    assert "antenatal_booking" in _codes(text)
    assert split_of_message(text, "zh") == "doctor"


# --- asking "does it need stitches?" says nothing about how deep a cut is
@pytest.mark.parametrize("text", ["手指被纸划了个小口子，已经不流血了，要不要缝针啊", "膝盖擦破一点皮，是不是要缝针"])
def test_asking_about_stitches_is_not_a_deep_wound(text: str) -> None:
    assert "deep_wound" not in _codes(text)
    assert split_of_message(text, "zh") != "emergency"
    # being told it needs stitches still says the cut is deep
    assert "deep_wound" in _codes("切菜切到手指，口子挺大，医生说要缝针")


# --- 月饼, 年级: words that only contain a unit are no duration
def test_mooncakes_and_school_years_are_not_durations() -> None:
    assert extract_slots("一口气吃了两个月饼，肚子胀", "zh").get("duration_hours") is None
    assert extract_slots("儿子读二年级，今天肚子胀", "zh").get("duration_hours") != 2 * 8760
    assert extract_slots("咳嗽两个月了", "zh").get("duration_hours") == 1440


# --- a blocked nose that goes "呼噜呼噜" is not snoring (no sleep-apnoea consultation)
def test_repeated_nasal_huru_is_not_snoring() -> None:
    text = "女儿4个月，鼻子堵得呼噜呼噜响，吃奶还可以，不发烧"
    assert "snoring" not in _codes(text)
    assert split_of_message(text, "zh") == "self_care"


# --- one hand's numbness running into named fingers, or worse with neck posture: a trapped nerve, not a stroke;
# sudden numbness still is
@pytest.mark.parametrize("text", [
    "颈椎不好半年了，左手老是发麻到无名指",
    "右手有时发麻，低头看手机久了更明显",
])
def test_positional_hand_numbness_is_not_a_stroke(text: str) -> None:
    assert "one_sided_weakness" not in _codes(text)
    assert split_of_message(text, "zh") == "doctor"
    # sudden numbness of one hand is still a stroke sign
    assert "one_sided_weakness" in _codes("刚才突然右手发麻到手指，拿杯子都拿不稳")


# --- shaky and sweaty after a missed meal, settled by eating, no diabetes: self care
def test_shaky_after_missed_meal_settled_by_eating_is_self_care() -> None:
    text = "中午忙得没顾上吃饭，下午手抖冒冷汗，喝了杯糖水一会儿就好了，没有糖尿病"
    assert "missed_meal" in _codes(text)
    assert split_of_message(text, "zh") == "self_care"
    # in diabetes it is a hypo, not hunger
    assert split_of_message("我有糖尿病，早上没吃饭手抖冒汗，吃了糖好了", "zh") != "self_care"
