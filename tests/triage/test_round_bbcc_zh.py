"""Round bbcc (zh): tearing back pain told pain-first, a quiet baby told without naming it, a fingertip cut off, a
large scald from a pot pulled over, an infected keyhole cut called "口子", the loin ("腰眼") that is not the eye, a
breastfeeding mother who is the patient, a denial of suicidal thoughts when asked, medicines and single foods that
are not symptoms, sensitive teeth, chilblains, and a heavy period that is not a wound; on our own sentences."""

from __future__ import annotations

import pytest

from assistant.nlu import extract_findings, extract_slots
from tools.triage.red_flags import find_red_flags
from tools.triage.vignettes import split_of_message


def _codes(text: str, locale: str = "zh") -> set[str]:
    return {f.code for f in extract_findings(text, locale) if f.present}


def _flags(text: str) -> set[str]:
    return {hit.id for hit in find_red_flags(text, "zh")}


# --- under-triaged emergencies
@pytest.mark.parametrize("text", [
    "刚才弯腰提水桶，胸口一下子剧痛，好像被撕裂一样，一直往后背窜",
    "七十岁，后背突然疼得厉害，就像被劈开似的",
])
def test_tearing_pain_told_before_its_simile_is_aortic_dissection(text: str) -> None:
    assert "tearing_pain" in _codes(text)
    assert "aortic_dissection" in _flags(text)


def test_a_splitting_headache_is_not_a_tearing_pain() -> None:
    assert "tearing_pain" not in _codes("头疼得像要裂开一样")


@pytest.mark.parametrize("text", [
    "孕33周，从中午到现在基本没感觉到动，有点慌",
    "怀孕29周，晚上侧躺着数了两个小时，才有三次",
])
def test_a_quiet_baby_in_pregnancy_without_naming_the_baby(text: str) -> None:
    assert "reduced_fetal_movement" in _codes(text)
    assert split_of_message(text, "zh") == "emergency"


@pytest.mark.parametrize("text", [
    "用电锯的时候把右手中指锯掉了一截，手指头我们捡回来了",
    "剁排骨时大拇指连指甲一起剁下来一小块",
    "孩子的手指被门夹断了半截",
])
def test_a_finger_cut_off_is_an_emergency(text: str) -> None:
    assert "amputation" in _codes(text)
    assert "severed_body_part" in _flags(text)
    assert split_of_message(text, "zh") == "emergency"


def test_a_sliver_of_skin_sliced_off_is_not_an_amputation() -> None:
    assert "amputation" not in _codes("刨黄瓜的时候手指削掉了一点皮，流了点血")


@pytest.mark.parametrize("text", [
    "3岁女儿把暖瓶碰翻了，一条腿都烫了，皮一片片地掉下来",
    "开水泼了，从肩膀到后背全都烫红了起泡",
])
def test_a_large_scald_or_skin_coming_off_is_a_severe_burn(text: str) -> None:
    assert {"burn", "severe_burn"} <= _codes(text)
    assert split_of_message(text, "zh") == "emergency"


def test_a_pot_named_before_the_verb_that_knocked_it_over_is_a_burn() -> None:
    assert "burn" in _codes("孩子把热汤扯翻了，溅到手背上一点")


# --- a doctor case that was self care
def test_an_infected_keyhole_cut_called_kouzi_needs_a_doctor() -> None:
    text = "我爸上周刚做了阑尾手术，右下腹的小口子发红，渗出黄色的液体"
    assert {"skin_infection", "recent_surgery"} <= _codes(text)
    assert split_of_message(text, "zh") == "doctor"


# --- over-triage
def test_the_loin_is_not_the_eye() -> None:
    text = "小便烧灼感两天，今天左边腰眼疼，有点低烧37.8"
    assert "eye_pain" not in _codes(text)
    assert "flank_pain" in _codes(text)


def test_a_breastfeeding_mother_is_the_patient_not_her_baby() -> None:
    text = "孩子四个月，还在喂母乳，左边乳房红肿有个硬块，发烧38.6，身上发冷"
    assert extract_slots(text, "zh").get("subject") not in ("infant", "child")
    assert split_of_message(text, "zh") == "doctor"


def test_a_sick_baby_with_a_breastfeeding_mother_stays_the_patient() -> None:
    text = "宝宝发烧38.5，精神不好，我在喂奶，乳房有点胀痛"
    assert extract_slots(text, "zh").get("subject") == "infant"


@pytest.mark.parametrize("text", [
    "爷爷最近总是闷闷不乐，我问他有没有想过轻生，他说没有",
    "医生问我是否有自杀的想法，我说从来没有",
])
def test_thoughts_of_suicide_asked_and_denied_are_negated(text: str) -> None:
    found = {(f.code, f.present) for f in extract_findings(text, "zh")}
    assert ("self_harm_thoughts", False) in found
    assert split_of_message(text, "zh") != "emergency"


def test_thoughts_of_suicide_asked_and_admitted_stay_present() -> None:
    assert "self_harm_thoughts" in _codes("问她有没有想过轻生，她说有")


def test_a_prostate_medicine_and_a_food_eaten_less_are_not_symptoms() -> None:
    codes = _codes("我爸平时吃前列腺的药非那雄胺，最近水果吃得少，四天没解大便，肚子不疼")
    assert "urinary_obstruction" not in codes
    assert "not_feeding" not in codes
    assert "constipation" in codes


@pytest.mark.parametrize("text", [
    "吃冰淇淋的时候下面的门牙酸得受不了，过一会就好",
    "牙齿一碰冷水就酸，牙龈不肿",
])
def test_sensitive_teeth_are_self_care(text: str) -> None:
    assert "tooth_sensitivity" in _codes(text)
    assert split_of_message(text, "zh") == "self_care"


def test_chilblains_are_not_a_skin_infection() -> None:
    text = "天一冷耳朵和脚趾就长冻疮，红肿，烤火以后痒得厉害"
    assert "skin_infection" not in _codes(text)
    assert split_of_message(text, "zh") == "self_care"


def test_a_heavy_period_is_not_a_bleeding_wound() -> None:
    text = "这半年例假量很大，卫生巾一小时就湿透，还有大血块"
    assert "severe_bleeding" not in _flags(text)
    assert split_of_message(text, "zh") == "doctor"


def test_a_heavy_period_with_dizziness_stays_an_emergency() -> None:
    assert split_of_message("月经量很多，卫生巾一小时就湿透，一站起来就头晕眼花", "zh") == "emergency"
