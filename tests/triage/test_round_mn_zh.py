"""Round M/N (zh): phrase families and parser gaps found by the outside batches M and N, on our own sentences."""

from __future__ import annotations

import pytest

from assistant.nlu import extract_findings, extract_slots
from tools.triage.vignettes import split_of_message


def _present(text: str, locale: str = "zh") -> set[str]:
    return {f.code for f in extract_findings(text, locale) if f.present}


# ---------------------------------------------------------------- a space ends a clause in chat messages

def test_a_denial_does_not_cross_a_space_between_clauses() -> None:
    assert "vomiting" in _present("昨天没怎么睡 今天一直吐")
    assert "stiff_neck" in _present("从来没这样过 脖子发硬")


def test_a_plan_after_a_spaced_clause_with_a_cue_is_an_emergency() -> None:
    assert split_of_message("觉得没啥盼头 安眠药攒了一瓶 准备今晚吃", "zh") == "emergency"


# ---------------------------------------------------------------- sudden headache in dialect words for the head

@pytest.mark.parametrize("text", ["刚才突然脑阔像要炸开了", "上厕所时突然脑瓜子像被锤了一下 疼得要命"])
def test_thunderclap_headache_in_dialect_words(text: str) -> None:
    assert split_of_message(text, "zh") == "emergency"


def test_never_had_a_headache_like_this_in_english() -> None:
    assert "thunderclap_headache" in _present("my head started hurting and I have never had pain like this", "en")


# ---------------------------------------------------------------- rabies risk: an animal that was not vaccinated

@pytest.mark.parametrize(("text", "locale"), [
    ("被朋友家的猫咬出血了，那猫从来没打过疫苗", "zh"),
    ("bitten by my neighbour's cat, it's bleeding and the cat has never been vaccinated", "en"),
])
def test_a_bleeding_bite_from_an_unvaccinated_animal_is_an_emergency(text: str, locale: str) -> None:
    assert split_of_message(text, locale) == "emergency"


# ---------------------------------------------------------------- a glucose meter off its scale (HHS range)

@pytest.mark.parametrize(("text", "locale"), [
    ("我妈有糖尿病，最近总口渴，尿也特别多，刚才血糖仪一测，屏幕上显示HI", "zh"),
    ("my dad is diabetic, very thirsty and weeing a lot, and his meter just reads HI", "en"),
])
def test_meter_reading_hi_with_thirst_is_an_emergency(text: str, locale: str) -> None:
    assert split_of_message(text, locale) == "emergency"


# ---------------------------------------------------------------- words that only contain a negation cue

def test_ring_finger_numbness_is_not_denied() -> None:
    assert "numbness_tingling" in _present("这几天左手无名指一直发麻")


# ---------------------------------------------------------------- Cantonese and lay fever words

def test_cantonese_temperature_and_forehead_heat() -> None:
    assert extract_slots("阿女探咗39.2", "zh").get("temperature_c") == 39.2
    assert "fever" in _present("个仔额头好热")


def test_cantonese_diarrhoea_word() -> None:
    assert "diarrhoea" in _present("今日屙咗三次稀嘅")


# ---------------------------------------------------------------- redness past a drawn line

@pytest.mark.parametrize(("text", "locale"), [
    ("蚊子包抓破了，今天红的范围跑出了昨晚圈的记号", "zh"),
    ("insect bite on my arm, the red area has gone beyond the circle I drew", "en"),
])
def test_redness_past_a_drawn_line_needs_a_doctor(text: str, locale: str) -> None:
    assert split_of_message(text, locale) == "doctor"


# ---------------------------------------------------------------- whooping cough and mumps

@pytest.mark.parametrize(("text", "locale"), [
    ("女儿五岁，咳嗽十来天，咳完吸气像公鸡打鸣", "zh"),
    ("my son has coughing fits and then a whoop when he breathes in", "en"),
])
def test_whooping_cough_signs_need_a_doctor(text: str, locale: str) -> None:
    assert split_of_message(text, locale) == "doctor"


@pytest.mark.parametrize(("text", "locale"), [
    ("孩子两边腮帮子鼓起来了", "zh"),
    ("my son's got swollen cheeks and looks like a hamster", "en"),
])
def test_parotid_swelling_needs_a_doctor(text: str, locale: str) -> None:
    assert split_of_message(text, locale) == "doctor"


# ---------------------------------------------------------------- less urine: not drinking, drier nappies

def test_not_drinking_and_peeing_less_needs_a_doctor() -> None:
    assert split_of_message("孩子喉咙疼得不肯喝水，一天才尿了一次", "zh") == "doctor"


def test_nappies_drier_than_usual_is_less_urine_not_none() -> None:
    assert split_of_message("宝宝五个月，拉肚子两天，纸尿裤比平常干一些，精神还好", "zh") == "doctor"


# ---------------------------------------------------------------- dizziness after a new or changed medicine

@pytest.mark.parametrize(("text", "locale"), [
    ("刚加了降压药的剂量，这几天一起身就头晕", "zh"),
    ("since I started new blood pressure tablets I feel dizzy when I stand up", "en"),
])
def test_dizziness_after_a_medicine_change_needs_a_doctor(text: str, locale: str) -> None:
    assert split_of_message(text, locale) == "doctor"


# ---------------------------------------------------------------- mania and development worries are routed

def test_mania_signs_need_a_doctor() -> None:
    assert split_of_message("我哥最近好几天没睡觉，精力特别旺盛，天天说要投资", "zh") == "doctor"


def test_a_late_sitter_is_a_development_worry() -> None:
    assert split_of_message("宝宝九个月了还不太会坐，同龄的孩子都会爬了", "zh") == "doctor"


# ---------------------------------------------------------------- reassuring lay descriptions

@pytest.mark.parametrize(("text", "locale"), [
    ("宝宝一个半月，吃完奶总会溢一点出来，体重长得很好", "zh"),
    ("my 6 week old spits up a little milk after feeds but is gaining weight well", "en"),
])
def test_posseting_in_a_thriving_baby_is_self_care(text: str, locale: str) -> None:
    assert split_of_message(text, locale) == "self_care"


@pytest.mark.parametrize("text", [
    "看电脑久了眼睛发干发涩",
    "睡醒脖子扭不过来，往右转会疼",
    "舌头边上长了个溃疡，吃东西碰到就疼，快十天了",
])
def test_minor_complaints_in_lay_words_are_self_care(text: str) -> None:
    assert split_of_message(text, "zh") == "self_care"
