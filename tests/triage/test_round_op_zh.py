"""Round O/P (zh): phrase families and parser gaps found by the outside batches, on our own sentences."""

from __future__ import annotations

import pytest

from assistant.nlu import extract_findings
from tools.triage.vignettes import split_of_message


def _codes(text: str, locale: str = "zh") -> set[str]:
    return {f.code for f in extract_findings(text, locale) if f.present}


# --- a friend's farewell (goodbye, giving away a pet, "don't look for me") with low mood is a suicide emergency
@pytest.mark.parametrize(("text", "locale"), [
    ("我表姐最近心情很差，今晚突然说要把她的狗托付给我，还说谢谢我这么多年，以后别想她", "zh"),
    ("同事这阵子情绪很低落，刚给我留言说东西都安排好了，让我们别去找他", "zh"),
    ("My flatmate has been feeling really low, and tonight she asked me to look after her cat and said this "
     "is goodbye", "en"),
])
def test_farewell_with_low_mood_is_an_emergency(text: str, locale: str) -> None:
    assert split_of_message(text, locale) == "emergency"


def test_end_it_all_tonight_is_an_emergency() -> None:
    assert split_of_message("她刚发消息说今晚就结束这一切", "zh") == "emergency"


# --- a leak of clear fluid in pregnancy, in lay words
@pytest.mark.parametrize(("text", "locale"), [
    ("怀孕30周，刚才起身的时候内裤湿了一大片，没有肚子疼", "zh"),
    ("孕28周，下面一直往外渗透明的水，不是尿", "zh"),
    ("I'm 31 weeks pregnant and there is a trickle of clear fluid that keeps coming", "en"),
])
def test_fluid_leak_in_pregnancy_is_an_emergency(text: str, locale: str) -> None:
    assert split_of_message(text, locale) == "emergency"


# --- pulsing bleeding, or cloths soaked one after another
@pytest.mark.parametrize("text", [
    "我爸小腿被镰刀划了一下，拿毛巾按着，已经湿透了三条",
    "手腕被碎玻璃割到，血一阵一阵地往外冒",
])
def test_pulsing_or_soaking_bleeding_is_an_emergency(text: str) -> None:
    assert split_of_message(text, "zh") == "emergency"


# --- a scald from boiled water named without the word 烫, with a large blistered area
def test_large_boiled_water_scald_is_an_emergency() -> None:
    assert split_of_message("一壶滚水洒在脚背上，起了一大片水泡", "zh") == "emergency"


# --- "被电锯/被电动车" is a tool or a vehicle, not an electric shock
def test_power_tool_is_not_an_electric_burn() -> None:
    assert "severe_burn" not in _codes("他的手被电锯蹭破了一点皮")
    assert "severe_burn" in _codes("修插座的时候被电了一下，手指发黑")


# --- a cramp in one leg is not a fit
def test_leg_cramp_is_not_a_seizure() -> None:
    text = "晚上睡觉时大腿突然抽筋，疼了一会儿伸直腿就好了"
    assert "seizure" not in _codes(text)
    assert split_of_message(text, "zh") != "emergency"


# --- incomplete emptying is not passing no urine; getting up once in the night is not a urinary symptom
def test_incomplete_emptying_is_not_no_urine() -> None:
    text = "我爸65岁，最近总觉得没尿完，尿流也变细了"
    assert "no_urine" not in _codes(text)
    assert "urinary_obstruction" in _codes(text)
    assert split_of_message(text, "zh") == "doctor"


def test_getting_up_in_the_night_is_not_a_urinary_symptom() -> None:
    assert "urinary_obstruction" not in _codes("奶奶起夜去厕所的时候在地板上滑了一下")
    assert "urinary_obstruction" in _codes("我爷爷晚上起夜次数越来越多")


# --- a painful breast lump while feeding is mastitis (a doctor today), not a maternal emergency
def test_breast_lump_with_fever_after_birth_is_mastitis() -> None:
    text = "我生完孩子一个月，在喂奶，左边乳房里有个硬块，今天变得又红又疼，发烧38.5度"
    assert "mastitis" in _codes(text)
    assert split_of_message(text, "zh") == "doctor"


def test_breast_lump_red_and_painful_is_mastitis_in_english() -> None:
    text = "I'm breastfeeding and there's a hard lump in my right breast that is red and sore"
    assert "mastitis" in _codes(text, "en")


# --- discharge named first, then "from the ear"
def test_fluid_coming_from_the_ear_is_ear_discharge() -> None:
    assert "ear_discharge" in _codes("女儿4岁，早上枕头上有黄色的水，是从左耳朵里流出来的")
    assert "ear_discharge" in _codes("there's yellow gunk coming out of her left ear", "en")


# --- lay words for memory loss reach the memory protocol
def test_lay_memory_loss_sees_a_doctor() -> None:
    assert split_of_message("我外婆80岁，最近记性越来越不好，老忘关煤气", "zh") == "doctor"


# --- honey-coloured crusts (impetigo) are a skin infection
def test_honey_crusts_are_a_skin_infection() -> None:
    assert "skin_infection" in _codes("孩子脸上起了几个小疱，破了以后结成金黄色的痂")


# --- denials carried by the verb
def test_not_wearing_contact_lenses_is_denied() -> None:
    assert "contact_lens" not in _codes("我左眼红，眼屎多，我平时不戴隐形眼镜")
    assert "contact_lens" not in _codes("my eye is red and sticky, I don't wear contacts", "en")


def test_afraid_to_take_medicine_is_not_poisoning() -> None:
    assert "poisoning" not in _codes("我有点咳嗽，但不敢乱吃药，想问问怎么办")
