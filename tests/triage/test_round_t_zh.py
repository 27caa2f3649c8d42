"""Round T (zh): phrase families and misreadings found by the outside batch T, on our own sentences."""

from __future__ import annotations

import pytest

from assistant.nlu import extract_findings
from tools.triage.vignettes import split_of_message


def _codes(text: str, locale: str = "zh") -> set[str]:
    return {f.code for f in extract_findings(text, locale) if f.present}


# --- a named epilepsy on its medicine is history, not a fit happening now; a fit now still is one
@pytest.mark.parametrize(("text", "locale"), [
    ("我儿子有癫痫，一直吃丙戊酸，这几天胃口不太好", "zh"),
    ("癫痫病人，刚换了拉莫三嗪，腿上起了些小红点", "zh"),
    ("My son is epileptic and takes his tablets, he has had a runny nose for two days", "en"),
])
def test_known_epilepsy_is_not_a_seizure_now(text: str, locale: str) -> None:
    assert "seizure" not in _codes(text, locale)
    assert split_of_message(text, locale) != "emergency"
    # a fit happening now, with the diagnosis named, still is one
    for fit_now in ("他有癫痫，今天早上又犯了", "我女儿有癫痫病史，刚才又抽起来了"):
        assert split_of_message(fit_now, "zh") == "emergency"


# --- a blow to the eye in lay words, and blood over the iris (hyphaema)
@pytest.mark.parametrize(("text", "locale"), [
    ("踢足球的时候被人一脚踢到左眼了，现在看东西朦朦胧胧的", "zh"),
    ("打乒乓球被球打中了眼睛，现在眼睛有点红", "zh"),
    ("他眼珠子上有一层血，刚才不小心撞到桌角了", "zh"),
    ("He got punched and now there's a layer of blood across the front of his eye", "en"),
])
def test_blunt_eye_injury_is_an_emergency(text: str, locale: str) -> None:
    assert "eye_injury" in _codes(text, locale)
    assert split_of_message(text, locale) == "emergency"


def test_misty_vision_is_a_vision_change() -> None:
    assert "vision_change" in _codes("这两天看什么都像蒙着一层纱")


# --- an arm that will not go up because the shoulder hurts is pain, not a stroke's weakness
@pytest.mark.parametrize(("text", "locale"), [
    ("左肩膀疼了三个多月，晾衣服的时候胳膊抬不起来，晚上睡觉压着也疼", "zh"),
    ("肩周炎犯了，疼得胳膊抬不起来", "zh"),
    ("My shoulder has been aching for months and I can't raise my arm above my head", "en"),
])
def test_pain_limited_arm_is_not_a_stroke(text: str, locale: str) -> None:
    assert "one_sided_weakness" not in _codes(text, locale)
    assert split_of_message(text, locale) != "emergency"
    # a sudden arm that will not lift, without the pain explaining it, is still a stroke sign
    assert split_of_message("我爸刚才突然右边胳膊抬不起来，嘴也有点歪", "zh") == "emergency"


# --- a one-off stab of chest pain lasting a second or two in a young person; asking "is it my heart" is no history
@pytest.mark.parametrize(("text", "locale"), [
    ("我22岁，刚才看书时左胸像针扎了一下，几秒钟就好了，现在一点事没有，会不会是心脏病？", "zh"),
    ("I'm 23, a sharp stab in my chest lasted a couple of seconds, then nothing. Is it heart disease?", "en"),
])
def test_fleeting_chest_stab_in_the_young_is_self_care(text: str, locale: str) -> None:
    assert "heart_disease" not in _codes(text, locale)
    assert split_of_message(text, locale) == "self_care"


@pytest.mark.parametrize("text", [
    "我55岁，刚才左胸像针扎了一下，几秒钟就好了",
    "我28岁，刚才左胸像针扎了一下，几秒钟就好了，但是出了一身冷汗",
])
def test_fleeting_chest_stab_with_age_or_a_cardiac_sign_stays_an_emergency(text: str) -> None:
    assert split_of_message(text, "zh") == "emergency"


# --- a stitched or surgical wound that gets more painful or smells days later is a wound infection
@pytest.mark.parametrize(("text", "locale"), [
    ("剖腹产十天了，刀口一天比一天疼，不发烧", "zh"),
    ("手上缝针的地方这两天反而越来越肿，没发烧", "zh"),
    ("The cut on my leg that was stitched last week is getting more painful, no fever", "en"),
])
def test_worsening_wound_needs_a_doctor_soon(text: str, locale: str) -> None:
    assert "skin_infection" in _codes(text, locale)
    assert split_of_message(text, locale) == "doctor"


# --- a small lump at a vaccine site with a temperature under 38°C is a common side effect
@pytest.mark.parametrize(("text", "locale"), [
    ("我30岁，前天打了流感疫苗，打针的地方起了个疙瘩，硬硬的，低烧37.4", "zh"),
    ("I'm 40, had my flu jab yesterday, now a hard lump at the injection site and a low-grade fever of 37.6", "en"),
])
def test_vaccine_lump_with_a_low_temperature_is_self_care(text: str, locale: str) -> None:
    assert split_of_message(text, locale) == "self_care"
