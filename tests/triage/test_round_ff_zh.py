"""Round FF (zh): lay wording from outside batch FF that was read wrong, on our own sentences. A nail gone black
after it was shut in a door is blood under the nail, not cyanosis, and a throbbing one is drained the same day;
back pain in someone who has had cancer needs checking for spread to the spine within 24 hours (NICE NG234);
eczema that weeps yellow fluid and crusts is infected (NHS atopic eczema); a fall onto the wrist that is now sore to
press needs an X-ray the same day (NHS broken arm or wrist); a baby bringing up a mouthful of milk told as
"吐奶吐一小口" is posseting; food that "噎" on the way down is trouble swallowing."""

from __future__ import annotations

import pytest

from assistant.nlu import extract_findings
from tools.triage.red_flags import EMERGENCY_LEVELS, find_red_flags
from tools.triage.vignettes import run_case, split_of_message


def _codes(text: str) -> set[str]:
    return {f.code for f in extract_findings(text, "zh") if f.present}


def _level(text: str) -> str | None:
    case = {"id": "t", "locale": "zh", "messages": [text], "answers": {}, "expected": {"level": "self_care"}}
    return run_case(case).got


def _emergency_flags(text: str) -> list[str]:
    return [hit.id for hit in find_red_flags(text, "zh") if hit.level in EMERGENCY_LEVELS]


# --- a crushed nail gone black is blood under the nail, not blue lips
@pytest.mark.parametrize("text", [
    "抽屉夹到大拇指，指甲底下全黑了，一跳一跳地疼得厉害",
    "脚趾被哑铃砸了，趾甲发黑，胀得特别疼",
])
def test_black_nail_after_a_crush_is_a_subungual_haematoma(text: str) -> None:
    codes = _codes(text)
    assert "blue_lips" not in codes and "subungual_haematoma" in codes
    assert not _emergency_flags(text)
    assert _level(text) == "consultation_24"
    # blue lips and nails with no injury stay an emergency
    assert "blue_lips" in _codes("老人嘴唇和指甲都发紫，喘不过气")
    assert split_of_message("老人嘴唇和指甲都发紫，喘不过气", "zh") == "emergency"


# --- back pain after cancer: same-day check for spinal spread; a worry about cancer is not a history of it
@pytest.mark.parametrize("text", [
    "背疼快一个月了，夜里疼得睡不着，前年做过肺癌手术",
    "我爸前列腺癌治疗过，这两周腰痛越来越明显",
])
def test_back_pain_with_a_history_of_cancer_is_seen_within_24_hours(text: str) -> None:
    assert "cancer_history" in _codes(text)
    assert _level(text) == "consultation_24"
    # a worry about cancer is not a history of it
    assert "cancer_history" not in _codes("后背酸了几天，怕自己得了骨癌")


# --- eczema weeping yellow fluid and crusting is infected
@pytest.mark.parametrize("text", [
    "宝宝脸上的湿疹抓破了在渗黄水，还结了一层痂",
    "女儿胳膊肘的湿疹这几天冒黄水，一片一片结痂",
])
def test_weeping_crusted_eczema_is_an_infection(text: str) -> None:
    assert "skin_infection" in _codes(text)
    assert _level(text) == "consultation_24"


# --- a fall onto the wrist, now sore to press: an X-ray the same day; a twist that is only swollen is self care
@pytest.mark.parametrize("text", [
    "骑车摔了手撑着地，手腕肿起来了，一按就疼，手指能动",
    "右手腕昨天跌了一跤着地，按上去挺痛，能转",
])
def test_wrist_sore_to_press_after_a_fall_needs_an_x_ray(text: str) -> None:
    assert "bony_tenderness" in _codes(text)
    assert _level(text) == "consultation_24"
    assert split_of_message("打球时手腕扭了一下，有点肿，能活动", "zh") == "self_care"


# --- a mouthful of milk after feeds in a thriving baby is posseting
@pytest.mark.parametrize("text", [
    "女儿一个半月，吐奶只吐一点点，吃得多长得胖",
    "儿子3个月，吐奶每次就一小口，精神很好",
])
def test_small_milk_spills_are_posseting_not_vomiting(text: str) -> None:
    codes = _codes(text)
    assert "posseting" in codes and "vomiting" not in codes
    assert split_of_message(text, "zh") == "self_care"


# --- food that sticks ("噎") on the way down is trouble swallowing: a doctor
@pytest.mark.parametrize("text", [
    "这两个月咽饭老是噎着，人也瘦了",
    "最近吃馒头总觉得噎，要喝水才能咽下去",
])
def test_food_that_sticks_is_dysphagia(text: str) -> None:
    assert "dysphagia" in _codes(text)
    assert split_of_message(text, "zh") == "doctor"
