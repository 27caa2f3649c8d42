"""Chinese clinical-note style and neighbouring lay phrasing from outside batch D (issue #4): phrases that start with
a negation cue but deny nothing ("无明显诱因出现…", "无痛性…", "未予重视…", "没多久就…"), a sign written as
negative after the term ("脑膜刺激征阴性"), a baby's age in a clinical header ("患儿，女，2个月"), and times that
belong to a life event or history rather than to the complaint."""

from __future__ import annotations

import pytest

from assistant.nlu import extract_findings, extract_slots
from assistant.nlu.normalize import normalize
from assistant.nlu.quantities import find_duration_hours


def _present(text: str) -> set[str]:
    return {f.code for f in extract_findings(text, "zh") if f.present}


def _denied(text: str) -> set[str]:
    return {f.code for f in extract_findings(text, "zh") if not f.present}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("患者，女，29岁，孕32周。今日下午无明显诱因出现阴道流血，量多于月经量", "vaginal_bleeding"),
        ("患者无明显诱因突发胸痛", "chest_pain"),
        ("无诱因抽搐一次", "seizure"),
        ("无特殊诱因出现胸痛", "chest_pain"),
        ("无任何诱因晕倒", "fainted"),
        ("孕晚期，无明显原因出现无痛性阴道流血", "vaginal_bleeding"),
        ("无痛性血尿", "blood_in_urine"),
        ("头痛3天未予重视今日加重伴呕吐", "vomiting"),
        ("未经治疗出现发热", "fever"),
        ("无意中发现颈部肿块", "skin_lump"),
        ("没多久就开始吐了", "vomiting"),
        ("没一会就抽起来了", "seizure"),
        ("没注意什么时候开始发烧的", "fever"),
    ],
)
def test_a_cue_that_denies_nothing_keeps_the_term(text: str, code: str) -> None:
    assert code in _present(text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("无明显诱因出现头痛，无发热、咳嗽", "cough"),  # the formal 、 list after a real denial is still denied
        ("脑膜刺激征阴性", "stiff_neck"),  # a sign written as negative after the term
        ("没有发烧", "fever"),
        ("无腹肌紧张", "rigid_abdomen"),
    ],
)
def test_real_denials_still_deny(text: str, code: str) -> None:
    assert code not in _present(text)
    assert code in _denied(text)


def test_harmless_words_are_not_findings() -> None:
    assert "runny_nose" not in _present("一年前接种过破伤风疫苗")  # 破伤风 (tetanus) is not 伤风 (a cold)
    assert "eye_injury" not in _present("打喷嚏 眼睛痒")  # 喷嚏 is not a splash into the eye
    assert "anxiety" not in _present("腹肌紧张")  # abdominal guarding, not nerves
    assert "allergen_exposure" not in _present("过敏性鼻炎又犯了")  # an allergic tendency, not an exposure now
    assert "high_pitched_cry" not in _present("我养的狗走了 这两天一直哭")  # grief, not a baby's cry
    assert "seizure" not in _present("抽了两次血 化验正常")
    assert "retinal_detachment_signs" not in _present("家里窗帘坏了挡不住光")


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("患儿，女，2个月，发热半天，腋温38.3℃", 0.167),
        ("患儿，男，7周，发烧，体温38.1度", 0.135),
        ("男婴，1个月，今日发热38.5℃", 0.083),
        ("女婴 10周 今天发烧38度", 0.192),
        ("我家宝宝4个月 这两天鼻塞", 0.333),
        ("患儿，生后20天，发热38.2℃", 0.055),
    ],
)
def test_a_babys_age_in_a_clinical_header(text: str, age: float) -> None:
    assert extract_slots(text, "zh")["age"] == pytest.approx(age, abs=0.002)


def test_months_after_a_head_word_and_before_ago_are_a_time_not_an_age() -> None:
    assert "age" not in extract_slots("宝宝3个月前开始湿疹", "zh")
    assert "age" not in extract_slots("患者，男，3个月前开始咳嗽", "zh")


def test_the_mother_and_the_dead_are_not_the_patient() -> None:
    slots = extract_slots("生完孩子一个月 乳房红肿 发烧38.5", "zh")
    assert slots.get("subject") != "child" and "age" not in slots
    assert extract_slots("奶奶上周去世了 我这几天睡不好", "zh").get("subject") != "grandparent"


def test_其他_and_drug_names_do_not_make_the_patient_male() -> None:
    assert extract_slots("肚子疼，其他还好", "zh").get("sex") is None
    assert extract_slots("以前吃氯雷他定管用", "zh").get("sex") is None


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        ("我养了十年的狗走了 这两天一直哭", 48.0),  # not ten years
        ("一年前接种过破伤风疫苗", None),  # a history, not how long the cut has been there
        ("高血压病史10年，头晕2天", 48.0),
        ("三天前开始发烧", 72.0),
        ("患儿男，2月龄", None),
    ],
)
def test_times_of_life_events_are_not_durations(text: str, hours: float | None) -> None:
    assert find_duration_hours(normalize(text)) == hours
