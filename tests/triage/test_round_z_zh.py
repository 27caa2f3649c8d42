"""Round Z (zh): the hidden red flags of everyday primary care missed by outside batch Z, told in lay words
(an erection that will not go down, a foreskin stuck back, a rash with a raw mouth on carbamazepine-type drugs, a
painful eye in a lens wearer, quinsy, weakness that spreads, cauda equina told as "木木的" or both legs numb, a
tooth knocked out root and all), a habit of angina that is not chest pain now, and a self-description header
("女，26，…") that a partner named later does not override; on our own sentences."""

from __future__ import annotations

import pytest

from assistant.nlu import extract_findings, extract_slots
from tools.triage.vignettes import split_of_message


def _codes(text: str, locale: str = "zh") -> set[str]:
    return {f.code for f in extract_findings(text, locale) if f.present}


# --- medicines and conditions whose named side effect is the emergency
@pytest.mark.parametrize(("text", "code"), [
    ("吃了曲唑酮以后，半夜勃起到现在都没软下去，已经六个小时了", "priapism"),
    ("包皮往上撸了以后退不回去了，龟头肿得发紫", "paraphimosis"),
])
def test_genital_emergencies_in_lay_words(text: str, code: str) -> None:
    assert code in _codes(text)
    assert split_of_message(text, "zh") == "emergency"


@pytest.mark.parametrize("text", [
    "吃拉莫三嗪两周，身上起了红疹，还发烧",
    "开始吃别嘌醇后全身红斑，嘴唇都烂了",
])
def test_rash_with_fever_or_raw_mouth_on_a_high_risk_drug_is_an_emergency(text: str) -> None:
    assert split_of_message(text, "zh") == "emergency"


# --- a painful eye in a contact lens wearer with light sensitivity or a white spot: keratitis
@pytest.mark.parametrize("text", [
    "戴隐形眼镜过夜，右眼疼，很怕光",
    "戴隐形眼镜，眼睛疼，角膜上有个白点",
])
def test_contact_lens_keratitis_is_an_emergency(text: str) -> None:
    assert split_of_message(text, "zh") == "emergency"


# --- quinsy: a sore throat with a mouth that will barely open or a muffled voice
@pytest.mark.parametrize("text", [
    "喉咙痛得厉害，嘴只能张开一条缝",
    "嗓子疼，说话像嘴里含着热土豆",
])
def test_quinsy_signs_are_an_emergency(text: str) -> None:
    assert split_of_message(text, "zh") == "emergency"


# --- weakness that keeps getting worse and spreads (Guillain-Barré)
def test_spreading_weakness_is_an_emergency() -> None:
    text = "感冒好了以后脚趾发麻，现在腿越来越没劲，手也开始没力气"
    assert "weakness_spreading" in _codes(text)
    assert split_of_message(text, "zh") == "emergency"


# --- cauda equina and sciatica on both sides, said the lay way
@pytest.mark.parametrize("text", [
    "老腰疼又犯了，肛门周围木木的",
    "腰疼，两条腿都发麻",
    "腰疼，小便要使劲才尿得出来，腿也发麻",
])
def test_back_pain_with_lay_cauda_equina_signs_is_an_emergency(text: str) -> None:
    assert split_of_message(text, "zh") == "emergency"


def test_knocked_out_tooth_root_and_all_is_an_emergency() -> None:
    text = "打球摔了一跤，一颗门牙连根掉出来了，25岁"
    assert "tooth_knocked_out" in _codes(text)
    assert split_of_message(text, "zh") == "emergency"


# --- look-alikes that are not emergencies
def test_habit_of_angina_is_not_chest_pain_now() -> None:
    text = "有冠心病，心绞痛的时候会含硝酸甘油，想问能不能吃西地那非"
    assert not _codes(text) & {"chest_pain", "abdominal_pain"}
    assert split_of_message(text, "zh") == "doctor"


def test_aching_body_with_blisters_is_not_a_chemical_burn() -> None:
    assert "severe_burn" not in _codes("下面长了好几个小水疱，浑身酸痛")


def test_self_header_sex_wins_over_a_partner_named_later() -> None:
    slots = extract_slots("女，30，上周跟男朋友吵架后一直胃疼", "zh")
    assert slots.get("sex") == "female"
    assert slots.get("subject") == "self"


# --- everyday worries that are self care or a routine visit, not more
@pytest.mark.parametrize("text", [
    "昨天坐飞机，降落时右耳疼得厉害，现在疼已经好多了，就是有点闷",
    "脚指甲上长了几个小白点，不疼不痒",
    "最近打羽毛球，右边膝盖内侧有点疼，休息就好",
    "舌头上有几块红的，边上一圈白，过两天又换了地方，不疼",
    "22岁，前几天搬家之后右边肋骨按着疼，深呼吸不疼",
])
def test_benign_everyday_complaints_are_self_care(text: str) -> None:
    assert split_of_message(text, "zh") == "self_care"


def test_buying_a_weight_loss_injection_online_needs_a_doctor() -> None:
    text = "医生说我胖，想自己网上买减肥针打，可以吗"
    assert "prescription_medicine_self_source" in _codes(text)
    assert split_of_message(text, "zh") == "doctor"


def test_known_asthma_flaring_with_a_tight_chest_is_not_a_heart_attack() -> None:
    text = "哮喘又加重了，一天要喷万托林五六次，胸口发紧"
    assert "wheeze" in _codes(text)
    assert split_of_message(text, "zh") == "doctor"
