"""Round DD (zh): lay wording from outside batch DD that was read wrong, on our own sentences. A couple trying for a
child "没避孕…一直没怀上" (the "没" is the story, not a denial); weeping eczema "流水" is not waters breaking; period
pain "疼得要死了" is a figure of speech; streaks of blood in the phlegm are an urgent GP visit, not A&E, unless with
breathlessness or chest pain (NHS coughing up blood); a spot "痘" on the chin; a racing heart with shaky hands
after coffee in a young adult; hand, foot and mouth disease told but not named; a pulled elbow told as an arm hanging
after a tug; "房颤" is not a shaking hand and "心跳乱跳/忽快忽慢" is palpitations; a rusty-nail puncture with an old
tetanus jab; eyesight that has slowly worsened over months (cataract) is a routine visit."""

from __future__ import annotations

import pytest

from assistant.nlu import extract_findings, extract_slots
from tools.triage.vignettes import run_case, split_of_message


def _codes(text: str) -> set[str]:
    return {f.code for f in extract_findings(text, "zh") if f.present}


def _level(text: str) -> str | None:
    case = {"id": "t", "locale": "zh", "messages": [text], "answers": {}, "expected": {"level": "self_care"}}
    return run_case(case).got


# --- trying for a baby: "没避孕" opens the story and does not deny the trouble conceiving
@pytest.mark.parametrize("text", [
    "我们没避孕快两年了还是没怀孕，想去医院查查",
    "没采取措施一年多了，一直没有怀上，女方29岁",
])
def test_unprotected_sex_without_conceiving_is_a_fertility_concern(text: str) -> None:
    assert "fertility_concern" in _codes(text)
    assert split_of_message(text, "zh") == "doctor"
    # asking whether one is pregnant after unprotected sex is not trouble conceiving
    assert "fertility_concern" not in _codes("昨天没避孕，今天会不会怀孕了")


# --- weeping skin is not fluid from the vagina, and it does not make the writer pregnant
@pytest.mark.parametrize("text", [
    "脚背上的湿疹一挠就流水，痒了半年了",
    "手指裂开的口子一直流水，冬天更厉害",
])
def test_weeping_skin_is_not_waters_breaking(text: str) -> None:
    assert "fluid_leaking" not in _codes(text)
    assert extract_slots(text, "zh").get("pregnant") is not True
    assert split_of_message(text, "zh") != "emergency"
    # waters breaking in pregnancy stays an emergency
    assert split_of_message("怀孕35周，刚才下面突然流水，止不住", "zh") == "emergency"


# --- "痛得要死了" about period pain is a figure of speech, not a sense of doom
@pytest.mark.parametrize("text", [
    "每个月来大姨妈都痛得我觉得自己要死了，吃止痛片能缓一点",
    "痛经越来越厉害，经期第一天疼得要死了一样",
])
def test_period_pain_hyperbole_is_not_impending_doom(text: str) -> None:
    assert "feeling_of_doom" not in _codes(text)
    assert split_of_message(text, "zh") != "emergency"


# --- streaks of blood in phlegm: an urgent GP visit; with breathlessness or chest pain, A&E
def test_blood_streaked_phlegm_is_a_same_day_doctor() -> None:
    text = "咳了三个星期，早上咳出来的痰带点血丝，不发烧"
    codes = _codes(text)
    assert "blood_streaked_sputum" in codes and "coughing_blood" not in codes and "nosebleed" not in codes
    assert _level(text) == "consultation_24"


@pytest.mark.parametrize("text", [
    "咳嗽痰里有血丝，今天还喘不上气",
    "痰中带血丝，胸口也疼",
])
def test_blood_streaked_phlegm_with_breathlessness_or_chest_pain_is_an_emergency(text: str) -> None:
    assert "coughing_blood" not in _codes(text)
    assert split_of_message(text, "zh") == "emergency"


# --- a spot on the face is acne, self care
@pytest.mark.parametrize("text", [
    "额头上冒了个大痘，又红又痛，后天要面试",
    "鼻翼旁边起了一个痘，肿得发亮",
])
def test_a_single_spot_is_acne(text: str) -> None:
    assert "acne" in _codes(text)
    assert split_of_message(text, "zh") == "self_care"


# --- a racing heart and shaky hands just after caffeine in a young adult
def test_caffeine_jitters_in_a_young_adult_are_self_care() -> None:
    text = "下午喝了两罐红牛，现在心跳砰砰的，手也在抖，22岁，胸口不疼"
    codes = _codes(text)
    assert {"palpitations", "tremor", "caffeine_trigger"} <= codes
    assert split_of_message(text, "zh") == "self_care"
    # with dizziness it still needs a doctor
    assert split_of_message("喝了三杯咖啡，心跳咚咚的，手抖，还头晕，24岁", "zh") != "self_care"


# --- hand, foot and mouth disease described, not named
def test_hand_foot_and_mouth_told_in_lay_words_is_self_care() -> None:
    text = "儿子2岁，手掌和脚底起了小水泡，嘴里也长了溃疡，烧到38度，喝奶正常，精神还行"
    assert "hand_foot_mouth" in _codes(text)
    assert split_of_message(text, "zh") == "self_care"


# --- pulled elbow: an arm hanging after a tug
def test_arm_hanging_after_a_tug_is_a_pulled_elbow() -> None:
    text = "牵着两岁儿子走路，他要摔倒时我猛地一扯，之后右手就一直耷拉着，不让人碰"
    assert "pulled_elbow" in _codes(text)
    assert _level(text) == "consultation_24"


# --- the heart's rhythm in lay words
def test_atrial_fibrillation_is_not_a_tremor_and_an_irregular_heartbeat_is_palpitations() -> None:
    text = "71岁，最近心跳忽快忽慢没有规律，体检心电图说是房颤"
    codes = _codes(text)
    assert "tremor" not in codes and "palpitations" in codes
    assert _level(text) == "consultation_24"


# --- a puncture by a nail or glass is a wound; with an old tetanus jab, see a doctor today
def test_rusty_nail_puncture_with_old_tetanus_jab() -> None:
    text = "踩到一根生锈的钉子，扎进去挺深，破伤风针好多年没打过了"
    assert "wound" in _codes(text)
    assert _level(text) == "consultation_24"


# --- eyesight slowly worse over months: a routine visit; a new change stays same-day
def test_slowly_worsening_eyesight_over_months_is_routine() -> None:
    text = "外婆这一年看东西越来越模糊，看电视字幕都费劲，慢慢变差的"
    assert "vision_gradual" in _codes(text)
    assert _level(text) == "consultation"
    assert _level("这几天看东西越来越模糊，以前都挺好") == "consultation_24"


# --- a little bright blood on the toilet paper with nothing else: a GP visit, not a same-day one (NHS bleeding from
# the bottom); with dizziness it is still an emergency
def test_a_little_blood_on_the_toilet_paper_is_a_routine_visit() -> None:
    text = "35岁，这几周上完厕所卫生纸上偶尔有点鲜红的血，肛门有点痒，不疼"
    assert "minor_rectal_bleeding" in _codes(text)
    assert _level(text) == "consultation"
    assert split_of_message("擦屁股纸上有血，站起来头晕眼前发黑", "zh") == "emergency"
