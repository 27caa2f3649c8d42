"""Round EE (zh): lay wording from outside batch EE that was read wrong, on our own sentences. Waters breaking told
as "一股清水流出来" (a gush of clear water), while a runny nose's clear water is neither waters nor heavy bleeding;
pus seen coming from a perineal or caesarean wound after the birth ("有脓往外流"), and a denial inside the phrase
("伤口没有化脓", "口腔里没有溃烂") is a denial; "喘鸣" (a wheeze) is not breathlessness; testicle pain that built up
over days with burning urine in an adult is epididymo-orchitis, a same-day doctor (NICE CKS), not torsion; a parent's
"是不是脱臼了" after a pulled arm is a question, not a sign of a break; a well baby's nappy rash under 3 months;
irregular periods ("月经不准/不规则") coming months apart; a raised cholesterol result; and a symptom story that
mentions a blood test ("查了血常规") without any values is still a triage complaint."""

from __future__ import annotations

import pytest

from assistant.graph.nodes.triage import match
from assistant.nlu import extract_findings, extract_slots
from tools.triage.vignettes import run_case, split_of_message


def _codes(text: str) -> set[str]:
    return {f.code for f in extract_findings(text, "zh") if f.present}


def _level(text: str) -> str | None:
    case = {"id": "t", "locale": "zh", "messages": [text], "answers": {}, "expected": {"level": "self_care"}}
    return run_case(case).got


# --- waters breaking told as a gush of clear water
@pytest.mark.parametrize("text", [
    "怀孕29周，刚才站起来的时候一股清水顺着腿流下来",
    "孕30周，刚刚打了个喷嚏，下面涌出一股水",
    "怀孕33周，坐着坐着突然一股液体流出来，不是尿",
])
def test_gush_of_clear_water_in_pregnancy_is_an_emergency(text: str) -> None:
    assert "fluid_leaking" in _codes(text)
    assert split_of_message(text, "zh") == "emergency"


@pytest.mark.parametrize("text", [
    "感冒三天了，鼻子里一阵一阵流出清水，打喷嚏",
    "鼻子一股一股的清水往外冒，嗓子有点痒",
])
def test_runny_nose_clear_water_is_not_waters_or_bleeding(text: str) -> None:
    codes = _codes(text)
    assert "fluid_leaking" not in codes
    assert "heavy_bleeding" not in codes
    assert extract_slots(text, "zh").get("pregnant") is not True
    assert split_of_message(text, "zh") != "emergency"
    # blood spurting from a cut stays heavy bleeding
    assert "heavy_bleeding" in _codes("手上割了个口子，血一股一股地往外冒")


# --- pus from a wound after the birth; a denial inside the phrase denies it
@pytest.mark.parametrize("text", [
    "生完孩子第十天，缝针的地方有白色的脓往外流",
    "剖腹产两周，刀口今天有黄色的脓水冒出来，有点疼",
])
def test_pus_from_a_postpartum_wound_is_an_emergency(text: str) -> None:
    assert "wound_discharge" in _codes(text)
    assert split_of_message(text, "zh") == "emergency"


def test_wound_without_pus_is_not_discharge() -> None:
    assert "wound_discharge" not in _codes("产后两周，侧切伤口没有化脓，也不怎么疼了")
    assert "wound_discharge" not in _codes("手术刀口没什么渗液，就是有点痒")


def test_mouth_sores_denied_inside_the_phrase_are_denied() -> None:
    text = "吃了阿莫西林以后身上起了红疹子，很痒，嘴里没有溃烂，也没起水疱"
    assert "mucosal_sores" not in _codes(text)
    assert split_of_message(text, "zh") == "doctor"
    # sores in the mouth with a rash after a new medicine stay an emergency
    assert split_of_message("吃了别嘌醇两周，身上起红疹子，嘴唇都溃烂了", "zh") == "emergency"


# --- "喘鸣" is the sound of a wheeze, not shortness of breath
@pytest.mark.parametrize("text", ["孩子有哮喘，晚上睡觉能听到喘鸣声", "咳嗽一周了，胸口有喘鸣音"])
def test_wheeze_sound_is_not_breathlessness(text: str) -> None:
    codes = _codes(text)
    assert "wheeze" in codes
    assert "breathless" not in codes


# --- testicle pain that built up over days (epididymo-orchitis) vs sudden pain (torsion)
@pytest.mark.parametrize("text", [
    "男，35岁，右边睾丸这两天慢慢肿起来，有点疼，小便也有点刺痛",
    "男，40岁，阴囊左边疼了三天，是一点一点加重的，不是突然疼的",
])
def test_gradual_testicle_pain_in_an_adult_is_a_same_day_doctor(text: str) -> None:
    assert _level(text) == "consultation_24"
    # sudden pain, a teenager (torsion until seen) or vomiting stay an emergency
    for other in ["男，35岁，睾丸突然剧痛，疼得直冒汗", "儿子15岁，蛋蛋慢慢肿了两天，有点疼",
                  "睾丸慢慢肿起来两天了，疼得越来越厉害，还吐了"]:
        assert split_of_message(other, "zh") == "emergency"


# --- a pulled arm and a parent's question about dislocation
def test_dislocation_question_after_a_pulled_arm_is_not_a_break() -> None:
    text = "外婆牵着3岁孙子的手一拽，孩子胳膊就垂着不肯抬了，会不会是脱臼了？"
    assert "pulled_elbow" in _codes(text)
    assert "fracture_sign" not in _codes(text)
    assert _level(text) == "consultation_24"
    # a visible deformity after a fall stays an emergency, question or not
    assert split_of_message("摔倒后肩膀鼓出来一块，是不是脱臼了？", "zh") == "emergency"


# --- nappy rash in a well baby under 3 months
def test_nappy_rash_in_a_young_well_baby_is_self_care() -> None:
    assert _level("宝宝7周大，尿布疹，纸尿裤包着的地方红红的，精神吃奶都好，不发烧") == "self_care"
    # a rash elsewhere on a baby under 3 months stays a same-day doctor
    assert _level("宝宝6周，身上起了好多红疹子") == "consultation_24"


# --- irregular periods months apart
@pytest.mark.parametrize("text", [
    "28岁，月经一直不规则，有时候四个月才来一次，脸上痘痘也多",
    "例假老是不准，一般三个月才来一次，想查查是怎么回事",
])
def test_irregular_infrequent_periods_see_a_doctor(text: str) -> None:
    assert split_of_message(text, "zh") == "doctor"


# --- a raised cholesterol result
def test_raised_cholesterol_result_sees_a_doctor() -> None:
    text = "单位体检查出胆固醇偏高，低密度脂蛋白4.6，平时没什么不舒服，需要看医生吗"
    assert "high_cholesterol" in _codes(text)
    assert split_of_message(text, "zh") == "doctor"
    # refusing a medicine is not refusing food
    assert "not_feeding" not in _codes("我不愿意吃降压药，怕有副作用")


# --- a symptom story that mentions a blood test without values is still triage
def test_symptom_story_mentioning_a_blood_test_is_triage() -> None:
    text = "孩子发烧三天了，昨天查了血常规，医生说是细菌感染，今天还是烧到38.5度"
    assert match(text, "zh", []) >= 0.5
    assert split_of_message(text, "zh") == "doctor"
    # pasted results with values are a report
    assert match("血常规：白细胞15.2，中性粒85%，发烧两天", "zh", []) < 0.5
