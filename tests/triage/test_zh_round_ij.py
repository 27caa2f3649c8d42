"""Round I/J (zh): red-flag phrase families and parser gaps found by the outside batches, on our own sentences."""

from __future__ import annotations

import pytest

from assistant.nlu import extract_findings
from tools.triage.red_flags import find_red_flags


def _codes(text: str) -> set[str]:
    return {f.code for f in extract_findings(text, "zh") if f.present}


def _flags(text: str) -> set[str]:
    return {hit.id for hit in find_red_flags(text, "zh")}


@pytest.mark.parametrize("text", [
    "我老公糖尿病好多年了，今天血糖仪测不出来，一直吐，肚子也疼",
    "孩子是1型糖尿病，尿酮两个加号，吐了三回",
    "我有糖尿病，血糖机显示high，呼吸又快又深",
    "糖尿病人，这两天嘴里有股烂苹果的味道，一直呕吐",
])
def test_dka_family_is_an_emergency(text: str) -> None:
    assert "diabetic_ketoacidosis" in _flags(text)


def test_high_sugar_alone_is_not_dka() -> None:
    assert "diabetic_ketoacidosis" not in _flags("我有糖尿病，最近血糖控制不太好，吃饭也正常")


@pytest.mark.parametrize("text", [
    "我爸突然胸口撕裂样疼，疼到后背",
    "老婆说后背像刀劈开一样疼，出了一身冷汗",
    "他说胸口像被撕裂一样疼，脸都白了",
])
def test_tearing_pain_calls_an_ambulance(text: str) -> None:
    assert "aortic_dissection" in _flags(text)


def test_anal_tear_is_not_dissection() -> None:
    assert "aortic_dissection" not in _flags("便秘好几天，拉屎的时候肛门撕裂一样疼，纸上有血")


@pytest.mark.parametrize("text", [
    "晚饭喝鱼汤，鱼骨头卡在喉咙里了，咽东西就疼",
    "吃鸭子的时候有块碎骨卡住了，到现在还觉得嗓子里扎着",
    "孩子吃枣，枣核卡在食道那里下不去",
])
def test_stuck_fish_bone_is_an_emergency(text: str) -> None:
    assert "throat_foreign_body" in _flags(text)


def test_bone_that_came_out_is_not_stuck() -> None:
    assert "throat_foreign_body" not in _codes("刚才鱼刺卡了一下，后来咳出来了，现在没感觉")


def test_splinter_in_hand_is_not_a_throat_object() -> None:
    assert "throat_foreign_body" not in _codes("手指上扎了根刺，有点疼")


@pytest.mark.parametrize("text", [
    "我爷爷摔了一跤，头磕在台阶上了",
    "小孩从床上掉下来，脑门撞到地板上",
])
def test_head_striking_something_is_a_head_injury(text: str) -> None:
    assert "head_injury" in _codes(text)


@pytest.mark.parametrize("text", ["我奶奶今天说话前言不搭后语的", "我爸早上起来人糊涂了，认不得人"])
def test_colloquial_confusion(text: str) -> None:
    assert "confusion" in _codes(text)


def test_stray_dog_bite_with_punctures_and_blood() -> None:
    codes = _codes("被邻居家不认识的狗咬了一口，小腿上两个牙印，流了好多血")
    assert {"animal_bite", "rabies_risk", "wound", "bleeding_any"} <= codes


def test_tooth_cavity_is_not_a_deep_wound() -> None:
    assert "deep_wound" not in _codes("后槽牙有个牙洞挺深的，喝冷水就疼")


def test_feeding_as_usual_is_not_refusing_feeds() -> None:
    codes = _codes("宝宝有点流鼻涕，吃奶和平时差不多")
    assert "not_feeding" not in codes
    assert "eating_normally" in codes


@pytest.mark.parametrize("text", ["孩子拉肚子，今天一天只换了一次尿不湿", "宝宝发烧两天，尿量明显少"])
def test_fewer_wet_nappies(text: str) -> None:
    assert "urine_less" in _codes(text)


def test_fingernail_scratch_to_the_eye() -> None:
    assert "eye_scratch" in _codes("给女儿洗澡的时候被她指甲刮到眼睛了，一直流泪")


def test_tinea_and_failed_cream() -> None:
    codes = _codes("胳膊上长了一圈癣，抹了两周药膏还越长越大")
    assert {"fungal_skin", "treatment_failed"} <= codes


def test_psoriasis_is_not_tinea() -> None:
    assert "fungal_skin" not in _codes("我有牛皮癣好多年了")


def test_bedwetting_is_a_complaint() -> None:
    from assistant.graph.nodes.triage import match

    assert "bedwetting" in _codes("女儿6岁了晚上还老尿床")
    assert match("女儿6岁了晚上还老尿床", "zh", []) >= 0.5


def test_teething_gums() -> None:
    assert "teething" in _codes("宝宝7个月，牙床肿肿的，见什么咬什么")
