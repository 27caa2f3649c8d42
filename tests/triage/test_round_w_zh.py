"""Round W (zh): phrase families found by the outside batch W (medicine toxicity and kidney-care red flags,
questions about a regular medicine, normal changes in pregnancy and after birth), on our own sentences."""

from __future__ import annotations

import pytest

from assistant.nlu import extract_findings, extract_slots
from tools.triage.vignettes import split_of_message


def _codes(text: str, locale: str = "zh") -> set[str]:
    return {f.code for f in extract_findings(text, locale) if f.present}


# --- digoxin poisoning: a slow pulse or yellow-green vision on digoxin is an emergency (NHS digoxin)
@pytest.mark.parametrize(("text", "locale"), [
    ("外公一直吃地高辛，这两天脉搏只有四十几下，一分钟46次，吃不下饭", "zh"),
    ("奶奶在吃地高辛，说看什么都是黄黄的，有点恶心", "zh"),
    ("My nan takes digoxin and says everything looks yellow, and she keeps feeling sick", "en"),
])
def test_digoxin_toxicity_is_an_emergency(text: str, locale: str) -> None:
    assert split_of_message(text, locale) == "emergency"


# --- a dialysis fistula that has lost its buzz may have clotted: the unit or A&E now
@pytest.mark.parametrize(("text", "locale"), [
    ("我在做透析，胳膊上的瘘管今天摸不到震颤了", "zh"),
    ("妈妈透析用的动静脉瘘早上没有杂音了，也不嗡嗡了", "zh"),
    ("My dad's dialysis fistula stopped buzzing this morning", "en"),
])
def test_lost_fistula_thrill_is_an_emergency(text: str, locale: str) -> None:
    assert "fistula_thrill_lost" in _codes(text, locale)
    assert split_of_message(text, locale) == "emergency"


# --- fever or a sore throat on an antithyroid drug may be agranulocytosis (MHRA carbimazole): like low immunity
@pytest.mark.parametrize(("text", "locale"), [
    ("吃他巴唑治甲亢半年了，今天发烧38.6度，嗓子疼", "zh"),
    ("在吃丙硫氧嘧啶，昨晚开始发高烧39度", "zh"),
    ("On methimazole for Graves, now a fever of 38.7", "en"),
])
def test_fever_on_antithyroid_drug_is_an_emergency(text: str, locale: str) -> None:
    assert "immunosuppressed" in _codes(text, locale)
    assert split_of_message(text, locale) == "emergency"


# --- a regular medicine while planning a pregnancy is for a doctor (MHRA valproate); the writer is the patient
@pytest.mark.parametrize("text", ["我在吃碳酸锂，准备怀孕了，需要停药吗",
                                  "我们打算要二胎，我一直在吃甲氨蝶呤，能备孕吗", "吃这种药可不可以怀孕啊"])
def test_medicine_while_planning_pregnancy_is_for_a_doctor(text: str) -> None:
    assert "preconception_medicine" in _codes(text)
    assert split_of_message(text, "zh") == "doctor"


def test_partner_named_as_company_is_not_the_patient() -> None:
    assert extract_slots("我和老公准备要孩子，我在吃华法林", "zh").get("subject") == "self"
    assert extract_slots("跟我爱人一起备孕半年了", "zh").get("subject") != "wife"
    assert extract_slots("我老公发烧两天了", "zh").get("subject") == "husband"


# --- a round face or weight gain on months of steroid tablets: a GP (NHS prednisolone)
@pytest.mark.parametrize(("text", "locale"), [
    ("吃强的松半年了，满月脸，体重也涨了", "zh"),
    ("因为红斑狼疮吃激素，脸变圆了，人也胖了一圈", "zh"),
])
def test_steroid_side_effects_are_for_a_doctor(text: str, locale: str) -> None:
    assert "steroid_side_effects" in _codes(text, locale)
    assert split_of_message(text, locale) == "doctor"


# --- a missed dose or some grapefruit with no symptom is self-care; a missed contraceptive pill is not
@pytest.mark.parametrize(("text", "locale"), [
    ("早上的降压药忘了吃，现在中午了还要补吗", "zh"),
    ("在吃阿托伐他汀，早上喝了一杯西柚汁，有影响吗", "zh"),
    ("我一直吃缬沙坦，今天漏服了一次", "zh"),
])
def test_missed_dose_or_grapefruit_is_self_care(text: str, locale: str) -> None:
    assert split_of_message(text, locale) == "self_care"


def test_missed_contraceptive_pill_is_for_a_doctor() -> None:
    assert split_of_message("昨天晚上的避孕药忘了吃，要补吃吗", "zh") == "doctor"


# --- more discharge in pregnancy that is white or clear and neither smells nor itches is normal (NHS)
def test_normal_increase_of_discharge_in_pregnancy_is_self_care() -> None:
    assert split_of_message("孕20周，最近分泌物变多了，透明的，不痒也没有异味", "zh") == "self_care"
    assert split_of_message("孕20周，最近白带增多，有腥臭味", "zh") == "doctor"


# --- heavy shedding of hair after giving birth is normal; bald patches are not (NHS hair loss)
def test_hair_loss_after_birth_is_self_care_but_patches_are_not() -> None:
    assert split_of_message("产后四个月，头发掉得很厉害，一洗一大把", "zh") == "self_care"
    assert split_of_message("产后四个月，头顶秃了一块，圆形的", "zh") == "doctor"


# --- breathing "no worse than usual" is not new breathlessness; "不流脓" is not ear discharge
@pytest.mark.parametrize("text", ["我有哮喘，最近喘得跟平时差不多，就是鼻子不通", "老慢支，喘得也没比以前厉害"])
def test_breathing_no_worse_than_usual_is_not_breathless(text: str) -> None:
    assert "breathless" not in _codes(text)


def test_negated_ear_discharge_is_not_discharge() -> None:
    assert "ear_discharge" not in _codes("耳朵不疼也不流脓，就是有点痒")
    assert "ear_discharge" in _codes("耳朵里面流黄水")


# --- a hoarse voice said with "老是/总是", a denture ulcer, and an injection-site bruise are what they are
def test_lay_wordings_of_minor_complaints() -> None:
    assert "hoarse_voice" in _codes("嗓子总是有点沙哑，一个多礼拜了")
    assert "mouth_ulcer" in _codes("新配的假牙把牙龈磨破了，有个小口子")
    assert "mouth_ulcer" in _codes("牙套磨出了一个溃疡")


@pytest.mark.parametrize("text", ["每天打肝素针，肚皮上打针的地方一块一块青紫，不疼", "昨天抽血的地方青了一块"])
def test_injection_site_bruise_is_self_care_not_injury(text: str) -> None:
    assert "injury" not in _codes(text)
    assert split_of_message(text, "zh") == "self_care"


# --- one raised sugar reading after a treat, back in range since, is self-care; readings that stay high are not
def test_one_off_raised_blood_sugar_is_self_care() -> None:
    assert split_of_message("我有糖尿病，昨晚吃了火锅，血糖到了12.5，今天早上空腹5.8，人挺好的", "zh") == "self_care"
    assert split_of_message("我有糖尿病，这几天血糖一直在12左右", "zh") == "doctor"
