"""Round M-P, second pass (zh): phrase families and parser gaps left by the outside batches, on our own sentences."""

from __future__ import annotations

import pytest

from assistant.nlu import extract_findings, extract_slots
from tools.triage.vignettes import split_of_message


def _codes(text: str, locale: str = "zh") -> set[str]:
    return {f.code for f in extract_findings(text, locale) if f.present}


# --- 头 closing another word (舌头, 骨头, 手指头) is not the head: no headache, no head injury
@pytest.mark.parametrize("text", [
    "嘴里长了个溃疡，舌头一碰就疼",
    "舌头上长了个泡，舌头一碰到牙就痛",
])
def test_tongue_is_not_the_head(text: str) -> None:
    assert not _codes(text) & {"headache", "head_injury"}
    assert split_of_message(text, "zh") != "emergency"
    assert "head_injury" in _codes("被石头砸到头了，起了个大包")  # a stone hitting the head still is


# --- "一个来月", "两个来小时": about a month, about two hours
@pytest.mark.parametrize(("text", "hours"), [("咳嗽一个来月了", 720.0), ("肚子疼了两个来小时", 2.0)])
def test_about_n_months_is_a_duration(text: str, hours: float) -> None:
    duration = extract_slots(text, "zh").get("duration_hours")
    assert duration is not None and duration >= hours


# --- yellow fluid weeping from a wound or rash is not ear discharge
@pytest.mark.parametrize("text", ["膝盖擦破的地方这两天一直流黄水", "剖腹产的刀口有点流黄水"])
def test_weeping_wound_is_not_ear_discharge(text: str) -> None:
    assert "ear_discharge" not in _codes(text)
    assert "ear_discharge" in _codes("宝宝左边耳朵流黄水，有股臭味")  # a weeping ear still is


def test_red_swollen_weeping_incision_is_infected() -> None:
    assert "skin_infection" in _codes("手术的切口这几天又红又肿，还往外渗黄水")


# --- a known, recurring panic attack that passes on its own is not a breathing emergency
@pytest.mark.parametrize(("text", "locale"), [
    ("我有好几年了，经常突然发作一次，心跳很快、透不过气，感觉要死了，过五六分钟自己就缓过来了，医院查过没问题", "zh"),
    ("I've had panic attacks for a year: my heart pounds, I can't breathe and feel like I'm going to die, "
     "then it passes on its own after a few minutes", "en"),
])
def test_recurring_self_limiting_panic_is_not_an_emergency(text: str, locale: str) -> None:
    assert split_of_message(text, locale) == "doctor"
    assert split_of_message("突然喘不上气，觉得自己要死了", "zh") == "emergency"  # happening now still is


# --- skin that cracks by itself (dry heels, athlete's foot) is not a cut
@pytest.mark.parametrize("text", ["一到冬天脚后跟就干得裂开好几道口子", "脚丫子又痒又脱皮，有时候裂开细细的口子"])
def test_skin_cracks_are_not_a_wound(text: str) -> None:
    codes = _codes(text)
    assert "wound" not in codes and "dry_skin" in codes
    # a knife cut or a split from a knock still is a wound
    assert "wound" in _codes("切菜的时候划了个口子") and "wound" in _codes("下巴磕在台阶上，磕裂了一个口子")


# --- a small lump where a vaccine went in
@pytest.mark.parametrize(("text", "locale"), [
    ("儿子一岁，昨天打了预防针，腿上打针的地方有个小硬块，不发烧", "zh"),
    ("孩子打完疫苗，胳膊上针眼那里鼓了个小包，硬硬的，精神很好", "zh"),
    ("My 1 year old had her jabs two days ago and there is a small hard lump where the needle went in. No fever.",
     "en"),
])
def test_small_lump_at_a_vaccine_site_is_self_care(text: str, locale: str) -> None:
    assert split_of_message(text, locale) == "self_care"


# --- period pain: the usual monthly pain that painkillers settle is self care; severe or changed is a GP
def test_usual_period_pain_that_settles_is_self_care() -> None:
    text = "我22岁，每次来月经头一天都疼得厉害，喝点红糖水、躺着就能好一些，量正常"
    assert split_of_message(text, "zh") == "self_care"


def test_monthly_period_pain_over_two_days_is_not_urgent() -> None:
    assert split_of_message("每次来例假头两天小肚子都挺疼的，好多年都这样，吃布洛芬能缓解", "zh") == "self_care"


def test_worsening_severe_period_pain_is_a_doctor_not_an_emergency() -> None:
    assert split_of_message("这两年痛经越来越厉害，现在疼得打滚，吃止痛药也不太管用", "zh") == "doctor"
    # with a warning sign (fever, pregnancy) it stays an emergency
    assert split_of_message("痛经疼得打滚，还发烧39度", "zh") == "emergency"
    assert split_of_message("怀孕了还痛经一样疼得打滚", "zh") == "emergency"


# --- hand, foot and mouth disease: spots with a mild fever in a well child is self care
@pytest.mark.parametrize(("text", "locale"), [
    ("女儿两岁得了手足口，手上脚上有几个小疱，体温37.8，喝水正常，精神好", "zh"),
    ("My 2 year old has hand foot and mouth, a few spots on his palms, temp 38.2, drinking fine", "en"),
])
def test_hand_foot_mouth_in_a_well_child_is_self_care(text: str, locale: str) -> None:
    assert split_of_message(text, locale) == "self_care"
    assert split_of_message("孩子得了手足口，今天精神很差叫不醒", "zh") == "emergency"  # a drowsy child still is


# --- swallowed chewing gum or a fruit pip
@pytest.mark.parametrize(("text", "locale"), [
    ("女儿三岁，把泡泡糖咽下去了，没呛着，现在在玩", "zh"),
    ("My 4 year old swallowed his chewing gum, he's fine and playing", "en"),
])
def test_swallowed_gum_is_self_care(text: str, locale: str) -> None:
    assert split_of_message(text, locale) == "self_care"
    assert split_of_message("孩子把一颗纽扣电池咽下去了", "zh") == "emergency"  # a button battery still is


# --- a newborn girl's spot of pink blood in the nappy (the mother's hormones)
@pytest.mark.parametrize(("text", "locale"), [
    ("女儿出生第四天，尿布上有一点粉红色的血，吃奶很好", "zh"),
    ("Our 5 day old daughter has a tiny bit of pink blood in her nappy from her vagina, feeding well", "en"),
])
def test_newborn_vaginal_spotting_is_self_care(text: str, locale: str) -> None:
    assert split_of_message(text, locale) == "self_care"


# --- a slip that sits someone down on the floor is a fall
@pytest.mark.parametrize(("text", "locale"), [
    ("奶奶在卫生间脚一滑，一屁股坐在地上了", "zh"),
    ("Grandad slipped on the wet floor and landed on his bottom", "en"),
])
def test_a_slip_onto_the_bottom_is_an_injury(text: str, locale: str) -> None:
    assert "injury" in _codes(text, locale)
