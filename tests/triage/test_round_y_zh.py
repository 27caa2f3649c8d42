"""Round Y (zh): the children, pregnancy and newborn families missed by outside batch Y (croup stridor at rest, a
baby's fall then drowsiness, thirst with weight loss, bone tenderness after a fall, "一个多月经常" read as 月经,
delayed walking, and everyday baby worries with no protocol: head lice, milk spots, cradle cap, colic, cracked
nipples), on our own sentences."""

from __future__ import annotations

import pytest

from assistant.nlu import extract_findings
from tools.triage.vignettes import split_of_message


def _codes(text: str, locale: str = "zh") -> set[str]:
    return {f.code for f in extract_findings(text, locale) if f.present}


# --- croup: a loud noise on breathing in, said at length ("吸气的时候喉咙里…"), is stridor
@pytest.mark.parametrize("text", [
    "儿子三岁，半夜咳得像小狗叫，坐着不动的时候吸气时嗓子里也有尖尖的响声",
    "孩子喉咙里有拉风箱一样的声音，吸气的时候特别明显",
])
def test_croup_stridor_at_rest_is_an_emergency(text: str) -> None:
    assert "stridor" in _codes(text)
    assert split_of_message(text, "zh") == "emergency"


# --- a baby or toddler who falls and is then drowsy, or (under 2) vomits, is treated as a head injury
@pytest.mark.parametrize("text", [
    "10个月宝宝从沙发上掉下来了，过了一会儿吐了两回",
    "两岁女儿从椅子上摔下来，之后一直想睡，喊她也不太睁眼",
])
def test_young_child_fall_with_vomiting_or_drowsiness_is_an_emergency(text: str) -> None:
    assert split_of_message(text, "zh") == "emergency"


# --- new thirst and peeing at night, worded as a parent would, with weight loss in a child: same-day check
def test_child_thirst_night_peeing_and_weight_loss() -> None:
    text = "5岁儿子这几周老喊渴，晚上要起来尿好几趟，衣服穿着都松了"
    assert {"thirst_polyuria", "weight_loss"} <= _codes(text)
    assert split_of_message(text, "zh") == "doctor"


def test_dry_again_then_wet_is_a_warning_sign() -> None:
    assert "thirst_polyuria" in _codes("女儿本来早就不尿床了，最近又尿湿了好几次，水也喝得多")


# --- pain when pressing on the bone after a fall is a possible break: same day, not home care
def test_bone_tenderness_after_a_fall_needs_a_doctor() -> None:
    text = "孩子骑车摔了一下，脚踝那里的骨头一按就疼，能动"
    assert "bony_tenderness" in _codes(text)
    assert split_of_message(text, "zh") == "doctor"


# --- "一个多月经常…" is "for a month, often", never a period
def test_month_then_often_is_not_a_period() -> None:
    text = "女儿这两个多月经常喊肚子疼，也不发烧"
    assert not _codes(text) & {"period_pain", "heavy_periods", "periods_absent"}
    assert split_of_message(text, "zh") == "doctor"


# --- a toddler not walking yet, worded with 自己/独立, or other children who "早就会跑了"
@pytest.mark.parametrize("text", [
    "女儿20个月了还不会独立走，扶着沙发能走几步",
    "我家宝宝快两岁，同龄的孩子都会说句子了",
])
def test_development_worry_reaches_a_doctor(text: str) -> None:
    assert "development_concern" in _codes(text)
    assert split_of_message(text, "zh") == "doctor"


# --- everyday baby worries with no protocol of their own used to end at the fallback (a doctor) or nowhere
@pytest.mark.parametrize("text", [
    "儿子头发里有虱子，学校好几个同学也长了",
    "宝宝10天，鼻尖上一片小白点，不红也不痒",
    "两个月宝宝头皮上有一层油油的黄色的痂，洗澡也洗不掉",
    "宝宝一个月，每天到了傍晚就开始哭，一哭就是两三个小时，白天吃睡都好",
    "喂母乳三周，左边乳头裂开了，喂的时候很疼，没发烧",
])
def test_everyday_baby_worries_are_self_care(text: str) -> None:
    assert split_of_message(text, "zh") == "self_care"


# ... while the same worry with a warning sign still reaches a doctor, and pubic lice are not head lice
@pytest.mark.parametrize(("worry", "with_warning_sign"), [
    ("宝宝傍晚哭闹，一哭一两个小时，白天挺好", "宝宝傍晚哭闹，一哭一两个小时，今天发烧38.5，不肯吃奶"),
    ("喂奶一周，乳头破了，很疼", "喂奶一周，乳头破了，今天发烧38.6还打寒战"),
])
def test_baby_worry_with_a_warning_sign_is_not_self_care(worry: str, with_warning_sign: str) -> None:
    assert split_of_message(worry, "zh") == "self_care"
    assert split_of_message(with_warning_sign, "zh") == "doctor"


def test_pubic_lice_are_not_head_lice() -> None:
    assert "head_lice" in _codes("女儿头上长了虱子")
    assert "head_lice" not in _codes("下面长了阴虱，很痒")
