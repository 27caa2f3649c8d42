"""Round U (zh): phrase families and misreadings found by the outside batch U, on our own sentences."""

from __future__ import annotations

import pytest

from assistant.nlu import extract_findings, extract_slots
from tools.triage.vignettes import split_of_message


def _codes(text: str, locale: str = "zh") -> set[str]:
    return {f.code for f in extract_findings(text, locale) if f.present}


# --- a baby's months written straight before the complaint are its age, not how long the complaint has lasted
@pytest.mark.parametrize("text", ["宝宝4个月鼻塞，喝奶时鼻子呼噜呼噜响，没发烧，精神很好", "女儿7个月流鼻涕，能吃能睡"])
def test_baby_months_before_complaint_are_age_not_duration(text: str) -> None:
    slots = extract_slots(text, "zh")
    assert slots.get("age") is not None and slots.get("duration_hours") is None
    assert split_of_message(text, "zh") == "self_care"


def test_months_before_with_time_word_stay_a_duration() -> None:
    assert extract_slots("孩子两个月前开始咳嗽", "zh").get("age") is None


# --- numbness confined to a finger or toe is not one-sided weakness (stroke); a whole hand going numb still is
@pytest.mark.parametrize(("text", "locale"), [
    ("左手无名指和小指老是发麻，三个多月了，颈椎也不好", "zh"),
    ("右脚大脚趾头有点麻木，好几周了", "zh"),
])
def test_finger_numbness_is_not_stroke(text: str, locale: str) -> None:
    assert "one_sided_weakness" not in _codes(text, locale)
    assert split_of_message(text, locale) == "doctor"
    assert split_of_message("刚才右手突然发麻，拿不住东西", "zh") == "emergency"


# --- a red hot swelling ("红肿发热") over a whole hand is inflammation, not a large burn; a scald still is one
def test_inflamed_whole_hand_is_not_a_burn() -> None:
    assert "severe_burn" not in _codes("手指被玫瑰刺扎了，两天后整个手掌红肿发热")
    assert split_of_message("手指被玫瑰刺扎了，两天后整个手掌红肿发热", "zh") == "doctor"
    assert "severe_burn" in _codes("端汤洒了，热汤泼到整条胳膊上")


# --- a tender scalp touched while grooming (giant cell arteritis) is not a knock to the head
@pytest.mark.parametrize("text", ["我爸72岁，左边太阳穴胀痛好几天，洗头摸到头皮就痛",
                                  "外婆70岁，头一侧疼，一碰头皮就疼"])
def test_scalp_tenderness_is_not_head_injury(text: str) -> None:
    assert "head_injury" not in _codes(text)
    assert split_of_message(text, "zh") == "doctor"
    assert "head_injury" in _codes("洗头的时候头撞到水龙头了")


# --- pain during sex, or period pain getting worse or keeping her off work, is for a GP (NHS endometriosis)
@pytest.mark.parametrize(("text", "locale"), [
    ("每次来例假都疼，过性生活的时候也会疼", "zh"),
    ("痛经比以前厉害多了，止痛药不太管用", "zh"),
    ("痛经疼得每个月都得请假在家躺着", "zh"),
    ("I get period pain every month and sex has become painful", "en"),
    ("My period cramps have got much worse over the last year", "en"),
])
def test_period_pain_with_endometriosis_features_sees_a_doctor(text: str, locale: str) -> None:
    assert split_of_message(text, locale) == "doctor"
    assert split_of_message("来月经肚子有点疼，和每个月一样，热敷就好", "zh") == "self_care"


# --- an eyelid twitch alone is self care; one lasting weeks sees a GP (NHS eye twitching)
@pytest.mark.parametrize(("text", "locale", "split"), [
    ("右眼皮最近老是跳，睡得少，别的都好", "zh", "self_care"),
    ("下眼皮一抽一抽地跳，有三个星期了", "zh", "doctor"),
    ("my right eyelid keeps twitching since yesterday", "en", "self_care"),
])
def test_eyelid_twitch(text: str, locale: str, split: str) -> None:
    assert "eyelid_twitch" in _codes(text, locale)
    assert split_of_message(text, locale) == split
