"""Round S (zh): phrase, grammar and patient-identity gaps found by the outside batch S, on our own sentences."""

from __future__ import annotations

import pytest

from assistant.nlu import extract_findings, extract_slots
from tools.triage.vignettes import split_of_message


def _codes(text: str, locale: str = "zh") -> set[str]:
    return {f.code for f in extract_findings(text, locale) if f.present}


# --- fewer fetal movements said as a comparison with usual ("动得比平时少")
@pytest.mark.parametrize(("text", "locale"), [
    ("怀孕33周，这两天觉得胎儿动得比以前少了好多", "zh"),
    ("怀孕29周，宝宝比往常安静，踢得也轻", "zh"),
    ("32 weeks pregnant and the baby is moving much less than usual today", "en"),
])
def test_fewer_fetal_movements_than_usual_is_an_emergency(text: str, locale: str) -> None:
    assert split_of_message(text, locale) == "emergency"


# --- a denial inside a relative clause ("没打过疫苗的狗") describes the noun, not the bite after it
def test_relative_clause_denial_does_not_negate_the_bite() -> None:
    assert "animal_bite" in _codes("昨天被一只没打过针的猫咬了手指，出了点血")
    assert split_of_message("昨天被一只没打过针的猫咬了手指，出了点血", "zh") != "self_care"


# --- a wound with tetanus vaccination unknown or lapsed (NHS tetanus: urgent GP / 111)
@pytest.mark.parametrize(("text", "locale"), [
    ("修车的时候被铁片划了一下，口子不深，破伤风针记不清什么时候打的了", "zh"),
    ("踩到一块带锈的铁皮，脚底划破了，从来没打过破伤风", "zh"),
    ("I cut my hand on an old rusty gate, not deep, and I can't remember when I last had a tetanus jab", "en"),
])
def test_wound_with_unknown_tetanus_sees_a_doctor(text: str, locale: str) -> None:
    assert split_of_message(text, locale) == "doctor"


# --- parkinsonian signs in lay words: a shake at rest, smaller steps, smaller handwriting
@pytest.mark.parametrize("text", [
    "我外公这一年左手歇着的时候老是颤，走路脚步变碎了",
    "我姑父写字越来越小，步子也小了",
])
def test_lay_parkinsonian_signs_are_a_tremor(text: str) -> None:
    assert "tremor" in _codes(text)
    assert split_of_message(text, "zh") == "doctor"


# --- bleeding after sex is vaginal bleeding
@pytest.mark.parametrize(("text", "locale"), [
    ("这两个月性生活之后老是有血，不疼，我35岁", "zh"),
    ("I keep bleeding a little after sex, I'm 35", "en"),
])
def test_bleeding_after_sex_sees_a_doctor(text: str, locale: str) -> None:
    assert "vaginal_bleeding" in _codes(text, locale)
    assert split_of_message(text, locale) == "doctor"


# --- a mild temperature after a vaccine is a vaccine reaction (NHS vaccine side effects)
def test_mild_temperature_after_vaccine_is_self_care() -> None:
    text = "女儿一岁，前天打了预防针，今天低烧37.6，能吃能玩"
    assert "vaccine_reaction" in _codes(text)
    assert split_of_message(text, "zh") == "self_care"


# --- a little milk brought up after feeds ("吐出来一小口奶") is posseting, not vomiting
def test_milk_brought_up_after_feeds_is_posseting() -> None:
    text = "宝宝一个半月，喂完奶常常吐出来几口奶，长得挺胖，很精神"
    assert "vomiting" not in _codes(text)
    assert split_of_message(text, "zh") == "self_care"


# --- "没反应" about an erection is not an unresponsive person
def test_erection_no_response_is_not_drowsy() -> None:
    text = "我42岁，最近那方面力不从心，晨勃也没反应"
    assert "drowsy" not in _codes(text)
    assert split_of_message(text, "zh") != "emergency"


# --- "摔倒下巴…": 倒 ends 摔倒 and 下巴 is the next word; a fall is not a faint
def test_fall_onto_the_chin_is_not_fainting() -> None:
    text = "孩子5岁，在滑梯上摔倒下巴磕破了一点皮"
    assert "fainted" not in _codes(text)
    assert "fainted" in _codes("他突然倒下了")


# --- in-laws and other kin are relatives: the writer is not the patient
@pytest.mark.parametrize(("text", "subject"), [
    ("我婆婆最近老是头晕", "mother"),
    ("我岳父这两天咳嗽", "father"),
    ("我嫂子肚子疼", "relative"),
    ("我小舅子发烧了", "relative"),
])
def test_kin_words_name_the_patient(text: str, subject: str) -> None:
    assert extract_slots(text, "zh").get("subject") == subject


# --- "上午" alone and "第一天" are not durations
def test_morning_and_first_day_are_not_durations() -> None:
    assert extract_slots("每天上午都有点头疼", "zh").get("duration_hours") is None
    assert extract_slots("每次月经第一天都腰酸", "zh").get("duration_hours") is None
    assert extract_slots("发烧第三天了", "zh").get("duration_hours") == 72.0


# --- a baby, a young child or a man with something leaking "down there" is not pregnant
@pytest.mark.parametrize("text", ["宝宝下面流出黄色的东西", "儿子6岁，下面流出一点白色的水", "男，30岁，下面流出脓水"])
def test_leak_in_a_child_or_man_is_not_pregnancy(text: str) -> None:
    assert extract_slots(text, "zh").get("pregnant") is not True


# --- a red, swollen, hot joint in lay words ("很红很肿，很热", "被子碰着都疼"): NHS joint pain, urgent
def test_lay_red_hot_swollen_joint_is_urgent() -> None:
    text = "今天早上脚踝特别红也特别肿，摸上去发热，床单蹭一下都疼"
    assert "hot_swollen_joint" in _codes(text)
    assert split_of_message(text, "zh") == "doctor"
