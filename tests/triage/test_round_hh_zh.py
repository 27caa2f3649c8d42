"""Round HH (zh): lay wording from outside batch HH that was read wrong, on our own sentences.

Someone who "only groans when called" or "can't answer when asked" is drowsy or confused (NHS low blood sugar: call
999 for a person with diabetes who is drowsy or confused); blisters in the mouth or throat with hand, foot and mouth
or herpangina are not a burn, and "不咋烧了" is a fever that has gone; "一天才湿两回" is fewer wet nappies (NHS
dehydration); "没有尿不出来的时候" denies retention (prostate symptoms are a GP visit); a neck that "won't turn" after
sleeping is a crick (joint pain, self-care); a snorer's pauses with a gasp a few seconds later are sleep apnoea (a
GP), not someone who has stopped breathing; brief spins on rolling over in bed are positional vertigo (NHS BPPV: see
a GP)."""

from __future__ import annotations

import pytest

from assistant.nlu import extract_findings
from tools.triage.red_flags import EMERGENCY_LEVELS, find_red_flags
from tools.triage.vignettes import split_of_message


def _codes(text: str) -> set[str]:
    return {f.code for f in extract_findings(text, "zh") if f.present}


def _emergency_flags(text: str) -> list[str]:
    return [hit.id for hit in find_red_flags(text, "zh") if hit.level in EMERGENCY_LEVELS]


# --- a low sugar in someone who only groans or cannot answer
@pytest.mark.parametrize("text", [
    "我爸打胰岛素的 刚测血糖1.8 喊他只会嗯嗯 一身汗",
    "外婆吃格列美脲 血糖2.3 问她话也答不上 嘴里含糊",
])
def test_a_low_sugar_with_groaning_or_no_answers_is_an_ambulance(text: str) -> None:
    assert "severe_hypoglycaemia" in _emergency_flags(text)


def test_a_whining_child_is_not_drowsy() -> None:
    assert "drowsy" not in _codes("孩子有点鼻塞 叫他吃饭就哼哼唧唧的 不想吃")


# --- mouth or throat blisters are not a burn; "不怎么烧了" is no fever now
@pytest.mark.parametrize("text", [
    "女儿2岁 疱疹性咽峡炎 嗓子里好多小泡 不怎么烧了",
    "孩子手足口 口腔里一堆泡 不太烧了",
])
def test_mouth_blisters_are_not_a_burn(text: str) -> None:
    codes = _codes(text)
    assert "severe_burn" not in codes
    assert "fever" not in codes
    assert not _emergency_flags(text)


def test_many_blisters_after_a_scald_are_still_a_severe_burn() -> None:
    assert "severe_burn" in _codes("手背被开水烫了 起了好多泡")


def test_fewer_wet_nappies_counted_in_goes() -> None:
    assert "urine_less" in _codes("宝宝拉肚子 纸尿裤今天一天就湿了两回")


# --- denied retention
@pytest.mark.parametrize("text", [
    "我爸70 起夜三四次 尿等待 从来没有尿不出来过",
    "老公尿线变细了 尿不干净 倒没有憋得尿不出的时候",
])
def test_denied_retention_is_not_no_urine(text: str) -> None:
    codes = _codes(text)
    assert "no_urine" not in codes
    assert "urinary_obstruction" in codes
    assert split_of_message(text, "zh") == "doctor"


# --- a crick in the neck
@pytest.mark.parametrize("text", [
    "早上醒来脖子转不过去了 右边 一动就痛 没发烧 手也不麻",
    "昨晚睡落枕了 脖子一扭就疼 别的都好",
])
def test_a_crick_in_the_neck_is_self_care(text: str) -> None:
    assert "joint_pain" in _codes(text)
    assert split_of_message(text, "zh") == "self_care"


# --- a snorer's apnoea
def test_a_snorer_who_gasps_after_a_pause_is_sleep_apnoea() -> None:
    text = "我对象打鼾很厉害 半夜会停止呼吸 大概十来秒 然后呛醒 白天老犯困"
    assert "not_breathing" not in _codes(text)
    assert "breathing_pauses_asleep" in _codes(text)
    assert split_of_message(text, "zh") == "doctor"


def test_snoring_then_no_breath_and_no_waking_is_still_an_emergency() -> None:
    assert _emergency_flags("爷爷打了两声呼噜就没气了 怎么叫都叫不醒")


# --- positional vertigo
@pytest.mark.parametrize("text", [
    "这几天一躺下就天旋地转 十来秒就好了 手脚说话都正常 45岁",
    "医生说可能是耳石症 往右躺就晕 一会儿就过去",
])
def test_positional_vertigo_is_a_gp_visit(text: str) -> None:
    assert "positional_vertigo" in _codes(text)
    assert split_of_message(text, "zh") == "doctor"
