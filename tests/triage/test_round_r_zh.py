"""Round R (zh): phrase families and figure-of-speech gaps found by the outside batch R, on our own sentences."""

from __future__ import annotations

import pytest

from assistant.nlu import extract_findings
from tools.triage.vignettes import split_of_message


def _codes(text: str, locale: str = "zh") -> set[str]:
    return {f.code for f in extract_findings(text, locale) if f.present}


# --- anaphylaxis in lay words: shellfish or nuts eaten, blotchy welts, a tight throat, noisy breathing
@pytest.mark.parametrize(("text", "locale"), [
    ("他刚吃了一盘小龙虾，现在嗓子眼发紧", "zh"),
    ("孩子吃了几颗开心果，背上一块一块地冒出红疙瘩，胸口有嘶嘶的响声", "zh"),
    ("He ate some crayfish an hour ago and now he is wheezing", "en"),
])
def test_allergic_reaction_in_lay_words_is_an_emergency(text: str, locale: str) -> None:
    assert split_of_message(text, locale) == "emergency"


def test_lay_allergy_phrases_are_recognised() -> None:
    assert {"allergen_exposure", "hives"} <= _codes("刚吃了点小龙虾，背上一片一片鼓起大包")
    assert "throat_swelling" in _codes("嗓子眼发紧，咽口水都难")
    assert "wheeze" in _codes("他喘气有呼呼的声音")


# --- an object pushed up a child's nose (not tissue put in for a nosebleed)
@pytest.mark.parametrize(("text", "locale"), [
    ("4岁女儿玩的时候把一颗小珠子塞进鼻子里了，抠不出来", "zh"),
    ("我儿子三岁，刚才把花生米塞到鼻孔里面去了", "zh"),
    ("My 3 year old shoved a bead up his nostril and we can't get it out", "en"),
])
def test_object_in_a_childs_nose_is_an_emergency(text: str, locale: str) -> None:
    assert split_of_message(text, locale) == "emergency"


def test_object_up_the_nose_but_not_tissue_for_a_nosebleed() -> None:
    assert "nose_foreign_body" in _codes("小孙子把一粒米塞进鼻子里了")
    assert "nose_foreign_body" not in _codes("流鼻血了，我拿卫生纸塞住鼻孔，现在止住了")
    assert "nose_foreign_body" not in _codes("I stuck tissue up her nose to stop the bleeding", "en")


# --- a cut whose edges stay apart needs closing
def test_gaping_cut_worded_as_mouth_open_is_an_emergency() -> None:
    text = "女儿4岁，在小区玩时下巴磕在台阶上，破了个口子，口子一直张着，血已经不流了"
    assert split_of_message(text, "zh") == "emergency"


# --- a hernia that usually goes back in and now will not
def test_hernia_that_will_not_go_back_is_an_emergency() -> None:
    text = "我爸肚子下面有个包，平躺就能按回去。今天咳嗽后又凸出来按不回去了，很疼"
    assert {"hernia", "hernia_stuck"} <= _codes(text)
    assert split_of_message(text, "zh") == "emergency"


# --- no fetal movement all day, said as "not once"
def test_baby_not_moving_once_all_day_in_pregnancy_is_an_emergency() -> None:
    text = "怀孕34周，胎儿一向很活跃，今天一整天好像一次也没动过，喝了冰水也还是没动静"
    assert split_of_message(text, "zh") == "emergency"


# --- a suspected broken collarbone in a child who will not lift the arm
@pytest.mark.parametrize(("text", "locale"), [
    ("6岁女儿从床上掉下来，锁骨那里凸起一块，胳膊不敢动", "zh"),
    ("My daughter fell off the trampoline and now there is a lump on her collarbone", "en"),
])
def test_collarbone_lump_after_a_fall_is_an_emergency(text: str, locale: str) -> None:
    assert split_of_message(text, locale) == "emergency"


def test_collarbone_lump_without_a_fall_is_not_a_fracture() -> None:
    assert "fracture_sign" in _codes("孩子摔了一跤，锁骨那里鼓起来一块")
    assert "fracture_sign" not in _codes("最近摸到锁骨上面鼓起一个小包，不疼")


# --- a toddler with a fever who cries when weeing, strong-smelling nappies: a urine infection, same day
@pytest.mark.parametrize(("text", "locale"), [
    ("儿子1岁半，发烧38.6度，撒尿时就哭闹，尿不湿的味道特别冲", "zh"),
    ("My 18 month old has a temperature of 38.7 and cries when she wees, her nappy smells really strong", "en"),
])
def test_toddler_fever_with_urinary_signs_needs_a_doctor_today(text: str, locale: str) -> None:
    assert split_of_message(text, locale) == "doctor"


# --- an animal named, then "被它抓/咬" in the next clause
def test_scratch_by_a_stray_cat_said_with_a_pronoun_is_a_bite() -> None:
    text = "下班路上想摸一只流浪猫，被它挠了一下，手腕破皮渗血"
    assert "animal_bite" in _codes(text)
    assert split_of_message(text, "zh") != "self_care"


# --- a pharmacy treatment that "did not do much"
def test_acne_cream_with_little_effect_needs_a_gp() -> None:
    text = "下巴上的痘痘两个月了，买的过氧化苯甲酰凝胶抹了一个月效果不大"
    assert "treatment_failed" in _codes(text)
    assert split_of_message(text, "zh") == "doctor"


# --- infrequent periods: NHS irregular periods, see a GP
def test_periods_every_few_months_need_a_gp() -> None:
    assert split_of_message("25岁，最近一年月经三四个月才来一次，也没怀孕", "zh") == "doctor"


# --- gradual memory loss in an older relative
def test_gradual_forgetfulness_needs_a_gp() -> None:
    text = "我外公78岁，这一年总是忘东西，同样的话一天要说好几遍，不过生活能自理"
    assert "memory_problems" in _codes(text)
    assert split_of_message(text, "zh") == "doctor"


# --- mania: sleepless nights with fast talk, spending or grandiosity a clause later
def test_mania_signs_spread_over_clauses_need_a_doctor() -> None:
    text = "我弟这一周基本不睡觉，每天凌晨还在到处打电话，说话快得别人插不上嘴，还说自己有超能力"
    assert "mania_signs" in _codes(text)
    assert split_of_message(text, "zh") == "doctor"


# --- figures of speech and harmless contexts read literally (narrow)
def test_blocked_nose_is_not_a_bowel_that_passes_no_wind() -> None:
    assert "bowel_obstruction_signs" not in _codes("感冒了鼻子不通气，流鼻涕")
    assert split_of_message("这几天鼻子不通气，打喷嚏流清鼻涕，没发烧", "zh") == "self_care"


def test_itchy_throat_is_not_skin_itching() -> None:
    assert "itching" not in _codes("喉咙有点发痒，流点鼻涕")


def test_redness_at_the_jab_site_in_the_thigh_is_not_swollen_legs() -> None:
    text = "宝宝8个月，昨天打完疫苗，打针的大腿那里有点红肿，吃睡都正常"
    assert "ankle_swelling" not in _codes(text)


def test_fingers_red_and_swollen_from_the_cold_are_not_a_hot_joint() -> None:
    text = "在外面站了一上午，脚趾冻得又红又肿，晚上一暖就痒"
    assert "hot_swollen_joint" not in _codes(text)
    assert split_of_message(text, "zh") == "self_care"


def test_stye_that_hurts_when_blinking_is_not_eye_pain() -> None:
    text = "左眼下眼皮冒了个小疙瘩，一眨眼就疼，视力没变化"
    assert "eye_pain" not in _codes(text)
    assert split_of_message(text, "zh") == "self_care"
    assert "eye_pain" in _codes("右眼一眨就疼，看东西模糊")  # no lid lump: still eye pain


# --- a brief racing heart or shaky hands after caffeine that has settled, in a younger person
def test_settled_palpitations_after_coffee_are_self_care_but_not_with_chest_pain() -> None:
    text = "25岁，刚才连喝了三杯咖啡，心慌手抖，坐下歇了二十分钟已经好多了，没有胸闷"
    assert split_of_message(text, "zh") == "self_care"
    assert split_of_message("25岁，喝了两杯咖啡后心跳很快，胸口痛", "zh") == "emergency"
