"""Round aa (zh): a child drowsy and sick after a fall from a height (top bunk, climbing frame, stairs), spotting in
early pregnancy told as blood in the underwear or blood in the discharge, fever after a trip to a tropical dengue area,
a shingles rash with a puffy eyelid that is not an allergy, belly pain in pregnancy told as mild, a mild head
fullness with a very high blood pressure, an ear that "流水" that is not waters breaking, and a racing heart after
coffee that has settled; on our own sentences."""

from __future__ import annotations

import pytest

from assistant.nlu import extract_findings, extract_slots
from tools.triage.red_flags import find_red_flags
from tools.triage.vignettes import split_of_message


def _codes(text: str, locale: str = "zh") -> set[str]:
    return {f.code for f in extract_findings(text, locale) if f.present}


def _flags(text: str, locale: str = "zh") -> set[str]:
    return {hit.id for hit in find_red_flags(text, locale)}


# --- under-triaged emergencies
@pytest.mark.parametrize("text", [
    "儿子6岁从双层床上面掉下来了，晚上吐了两回",
    "孩子七岁，下午从攀爬架上摔下来，回家后光想睡觉",
    "我爸从梯子上摔下来，后来吐了一次",
])
def test_vomiting_or_sleepiness_after_a_fall_from_a_height_is_an_emergency(text: str) -> None:
    assert "fall_from_height" in _codes(text)
    assert "serious_head_injury" in _flags(text)


def test_a_fall_from_a_top_bunk_with_no_warning_sign_is_not_a_red_flag() -> None:
    assert "serious_head_injury" not in _flags("女儿从上铺滚下来，膝盖青了一块，没吐，还在玩")


@pytest.mark.parametrize("text", ["摔了一跤以后特别想睡", "发烧两天，老是想睡", "孩子这两天总是想睡"])
def test_wanting_to_sleep_all_the_time_is_sleepiness(text: str) -> None:
    assert "sleepy" in _codes(text)


def test_wanting_to_sleep_but_not_managing_is_not_sleepiness() -> None:
    assert "sleepy" not in _codes("晚上很想睡可是翻来覆去睡不着")


@pytest.mark.parametrize("text", ["宝宝发烧，叫他也不怎么理", "喊她都懒得搭理，一直躺着"])
def test_hardly_answering_when_called_is_drowsiness(text: str) -> None:
    assert "drowsy" in _codes(text)


@pytest.mark.parametrize("text", [
    "怀孕七周，早上发现底裤上沾了点血",
    "孕9周，这两天白带里有血丝",
    "怀孕十周了，护垫上有一些红色的",
])
def test_spotting_in_early_pregnancy_is_bleeding(text: str) -> None:
    assert "vaginal_bleeding" in _codes(text)
    assert "pregnancy_bleeding" in _flags(text)


def test_no_blood_in_the_underwear_is_not_bleeding() -> None:
    assert "vaginal_bleeding" not in _codes("孕11周，内裤上没有血，就是腰有点酸")


def test_a_brown_discharge_in_early_pregnancy_stays_a_same_day_doctor() -> None:
    # the team's label for old brown spotting (suite triage-zh-905): the midwife or GP today, not the emergency
    assert split_of_message("怀孕7周，内裤上有点咖啡色的东西，不疼", "zh") == "doctor"


def test_a_pink_discharge_after_the_menopause_is_not_an_emergency() -> None:
    # the team's labels for pink spotting after the menopause (outside bb-zh-053, suite zh-1370): see a doctor
    assert split_of_message("我妈62岁，绝经好多年了，内裤上有过一点粉红色的分泌物", "zh") != "emergency"


def test_blood_in_the_underwear_in_english_is_bleeding() -> None:
    assert "vaginal_bleeding" in _codes("10 weeks pregnant and there is blood on my knickers", "en")


def test_a_little_blood_said_plainly_is_bleeding_but_not_a_rosy_face() -> None:
    assert "bleeding_any" in _codes("刷牙的时候牙刷上有点血")
    assert "bleeding_any" not in _codes("吃了几天药，脸上有点血色了")


# --- under-triaged (doctor, not self care)
@pytest.mark.parametrize("text", [
    "刚从泰国玩回来，昨天开始发高烧，全身酸痛",
    "去巴厘岛度假回来三天，发烧38.6",
])
def test_fever_after_a_tropical_dengue_area_is_a_same_day_doctor(text: str) -> None:
    assert "dengue_area_travel" in _codes(text)
    assert "fever_after_tropical_travel" in _flags(text)
    assert split_of_message(text, "zh") == "doctor"


def test_fever_after_a_trip_to_south_east_asia_in_english() -> None:
    assert "fever_after_tropical_travel" in _flags("just back from vietnam and running a fever", "en")


@pytest.mark.parametrize("text", ["下个月准备去泰国，今天有点发烧", "中午吃了泰国菜，晚上发烧了"])
def test_a_planned_trip_or_a_cuisine_is_not_travel(text: str) -> None:
    assert "dengue_area_travel" not in _codes(text)


# --- over-triaged
def test_a_shingles_rash_with_a_puffy_eyelid_is_not_an_allergic_emergency() -> None:
    text = "右边额头上长了一簇水疱，针扎一样疼，右边眼皮也肿了"
    assert "shingles" in _codes(text)
    assert split_of_message(text, "zh") == "doctor"


def test_an_itchy_rash_with_swollen_lips_is_still_an_emergency() -> None:
    assert split_of_message("吃了芒果全身起疹子很痒，嘴唇肿起来了", "zh") == "emergency"


@pytest.mark.parametrize("text", ["肚子隐隐作痛，不厉害", "小肚子疼得不厉害", "下腹部隐痛两天"])
def test_belly_pain_told_as_not_bad_is_mild(text: str) -> None:
    assert extract_slots(text, "zh").get("severity") == "mild"


def test_no_pain_is_not_a_mild_severity() -> None:
    assert extract_slots("胸口不疼，就是喘不上气", "zh").get("severity") is None


def test_mild_belly_pain_in_early_pregnancy_is_a_same_day_doctor() -> None:
    assert split_of_message("怀孕6周，左下腹隐隐的疼，不厉害，没有出血", "zh") == "doctor"


def test_belly_pain_in_pregnancy_of_unknown_severity_stays_an_emergency() -> None:
    assert split_of_message("怀孕20周，肚子疼", "zh") == "emergency"


def test_a_mild_head_fullness_with_a_very_high_blood_pressure_is_a_same_day_doctor() -> None:
    assert split_of_message("今天量血压188/116，有点头胀，不胸痛，说话利索", "zh") == "doctor"


@pytest.mark.parametrize("text", ["头有点胀，睡不好", "这两天脑袋发胀"])
def test_a_head_that_feels_full_is_a_headache(text: str) -> None:
    assert "headache" in _codes(text)


def test_a_full_forehead_with_a_cold_is_not_a_headache() -> None:
    assert "headache" not in _codes("感冒五天了，鼻塞，额头有点胀")


def test_a_headache_with_a_very_high_blood_pressure_stays_an_emergency() -> None:
    assert split_of_message("血压200/120，头痛得厉害", "zh") == "emergency"


@pytest.mark.parametrize("text", ["左耳朵痒痒的，这两天一直往外流水", "眼角发红，老是流水"])
def test_an_ear_or_eye_that_runs_is_not_waters_breaking(text: str) -> None:
    assert "fluid_leaking" not in _codes(text)
    assert extract_slots(text, "zh").get("pregnant") is not True


def test_fluid_from_below_in_pregnancy_is_still_a_leak() -> None:
    assert "fluid_leaking" in _codes("孕36周，耳朵有点痒，刚才下面流水了")


@pytest.mark.parametrize("text", ["喝完奶茶心跳好快", "心脏突然跳得特别快"])
def test_a_heart_that_beats_fast_is_palpitations(text: str) -> None:
    assert "palpitations" in _codes(text)


def test_a_heart_that_is_not_fast_is_not_palpitations() -> None:
    assert "palpitations" not in _codes("心跳不快，就是有点累")


def test_a_racing_heart_after_coffee_that_settled_is_self_care() -> None:
    text = "下午喝了三杯美式，心跳一下子很快，坐着休息了一会就好了，不胸痛不头晕"
    assert split_of_message(text, "zh") == "self_care"


@pytest.mark.parametrize("text", ["头晕，躺了一会儿就好了", "胸口闷，歇了一会就好多了"])
def test_settling_after_a_rest_told_in_the_past_is_relief(text: str) -> None:
    assert "symptom_relieved" in _codes(text)
