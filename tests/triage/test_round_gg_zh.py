"""Round GG (zh): lay wording from outside batch GG that was read wrong, on our own sentences.

A plan to "end it" at a set time ("打算今晚就结束") is a suicide plan (red_flags.md 3.8); blisters on one side of the
forehead or round one eye are shingles (NHS shingles: urgent GP); "今天到现在就尿了一次" is peeing less (NHS
dehydration); a cycle that is irregular with a time said in between, or comes every two months, is a period problem
(NHS irregular periods); "一咳胸口就疼" is pain on coughing (a chest infection under 40, not a heart attack); gums that
bleed on brushing, with nothing else, are gum disease to treat at home (NHS gum disease)."""

from __future__ import annotations

import pytest

from assistant.nlu import extract_findings
from tools.triage.red_flags import EMERGENCY_LEVELS, find_red_flags
from tools.triage.vignettes import split_of_message


def _codes(text: str) -> set[str]:
    return {f.code for f in extract_findings(text, "zh") if f.present}


def _emergency_flags(text: str) -> list[str]:
    return [hit.id for hit in find_red_flags(text, "zh") if hit.level in EMERGENCY_LEVELS]


# --- a plan to end it at a set time
@pytest.mark.parametrize("text", [
    "活着太累了，我决定明天就了断",
    "已经跟家里人道过别了，准备这周末就结束吧",
    "真的熬不下去了，想结束，绳子都买好了",
    "过几天我就不在了，你们保重，药都准备好了",
])
def test_a_plan_to_end_it_at_a_set_time_is_an_emergency(text: str) -> None:
    assert "suicide_plan" in _emergency_flags(text)


@pytest.mark.parametrize("text", [
    "这个项目打算今晚就结束，累得头疼",
    "这段感情准备明天就了断，最近老失眠",
    "输液打算明天就结束了，手背有点肿",
    "明天我就不在家了，东西都准备好了，孩子有点咳嗽",
])
def test_ending_a_project_or_a_treatment_is_not_a_suicide_plan(text: str) -> None:
    assert "suicide_plan" not in _codes(text)
    assert not _emergency_flags(text)


# --- shingles on one side of the face
@pytest.mark.parametrize("text", [
    "左边太阳穴和眉毛上面长了一片小水泡，前几天那里就一阵阵刺痛",
    "右边眼皮和眉骨上起了好几个水疱，看东西还行",
])
def test_one_sided_blisters_on_the_face_are_shingles(text: str) -> None:
    assert "shingles" in _codes(text)
    assert split_of_message(text, "zh") == "doctor"


def test_a_scald_blister_on_one_side_of_the_face_is_not_shingles() -> None:
    assert "shingles" not in _codes("右边脸颊被热油溅到，起了个小水泡")


# --- peeing less, told with the time so far
@pytest.mark.parametrize("text", [
    "孩子3岁，喉咙疼不肯喝水，从早上到现在只尿过一次",
    "宝宝拉肚子，一整天就尿了两回",
])
def test_one_wee_since_morning_is_peeing_less(text: str) -> None:
    assert "urine_less" in _codes(text)
    assert split_of_message(text, "zh") == "doctor"


# --- an irregular cycle
@pytest.mark.parametrize("text", [
    "例假这一年都不太准，经常三个多月才来一次",
    "大姨妈最近半年一直紊乱，一个月来两次",
])
def test_an_irregular_cycle_is_a_period_problem(text: str) -> None:
    assert "heavy_periods" in _codes(text)
    assert split_of_message(text, "zh") == "doctor"


def test_a_regular_cycle_is_not_a_period_problem() -> None:
    assert "heavy_periods" not in _codes("月经一直挺规律的，就是来之前胸有点胀")


# --- pain on coughing in a young adult with a chest infection
@pytest.mark.parametrize("text", [
    "28岁，咳嗽五天了，发烧38.4，咳黄痰，每次咳嗽胸口就疼，走快了有点喘",
    "30岁，发烧咳嗽三天，咳得胸口疼，有点气短",
])
def test_pain_on_coughing_with_a_chest_infection_is_a_doctor_today(text: str) -> None:
    assert "pleuritic_pain" in _codes(text)
    assert split_of_message(text, "zh") == "doctor"


# --- bleeding gums on brushing
@pytest.mark.parametrize("text", [
    "最近刷牙吐出来的泡沫带血，牙不疼",
    "用牙线的时候牙龈流血，别的都好",
    "刷牙时吐出来的水带血丝，牙不痛",
])
def test_gums_that_bleed_on_brushing_are_self_care(text: str) -> None:
    assert "gum_bleeding" in _codes(text)
    assert split_of_message(text, "zh") == "self_care"


def test_a_vomit_with_blood_is_still_vomiting_blood() -> None:
    assert "gum_bleeding" not in _codes("吐了两次，吐出来的东西带血")
    assert "gi_bleeding" in _emergency_flags("吐了两次，吐出来的东西带血")


def test_bleeding_gums_in_pregnancy_are_not_pregnancy_bleeding() -> None:
    text = "怀孕18周，这几天刷牙牙龈老出血"
    assert not _emergency_flags(text)
    assert split_of_message(text, "zh") == "self_care"


def test_bleeding_gums_on_a_blood_thinner_with_bruises_is_a_doctor_today() -> None:
    text = "我在吃华法林，这几天刷牙牙龈出血，腿上好几块淤青，不记得碰过"
    assert split_of_message(text, "zh") == "doctor"
