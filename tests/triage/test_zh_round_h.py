"""Chinese phrasings found missing by outside batch H, tested on new sentences of the same families: lay ways of
saying the whites of the eyes are yellow, a hoarse voice (and that "说话费劲" beside it is not slurred speech),
pus under the skin (an abscess, not a gaping wound), an infected surgical or stitched wound, a gout flare (not a
broken bone), cold sores on the lip (not shingles), a red or sticky eye, a child who took someone else's
medicine, motion sickness and tremor as complaints of their own, and figures of speech ("感觉要死了" after a night
of drinking) that must not raise a level."""

from __future__ import annotations

import pytest

from assistant.graph.nodes.triage import match
from assistant.nlu import extract_findings
from tools.triage.engine import assess
from tools.triage.red_flags import EMERGENCY_LEVELS, facts_from_text, find_red_flags
from tools.triage.vignettes import _SPLIT


def _present(text: str) -> set[str]:
    return {f.code for f in extract_findings(text, "zh") if f.present}


def _level(text: str) -> str:
    return assess(facts_from_text(text, "zh")).level


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("外公这两天白眼珠有点发黄", "jaundice"),
        ("体检说巩膜黄染，皮肤也黄黄的", "jaundice"),
        ("给学生讲了一天课，嗓子喊哑了", "hoarse_voice"),
        ("感冒以后声音沙哑，像公鸭嗓", "hoarse_voice"),
        ("脚趾甲边上冒脓了，又红又肿", "skin_infection"),
        ("剖腹产的刀口有点红，还流黄水", "skin_infection"),
        ("拆线的地方红肿渗液", "skin_infection"),
        ("痛风又犯了，大拇脚趾红肿热痛", "hot_swollen_joint"),
        ("上唇边上冒出一片小水泡，有点刺痛", "mouth_ulcer"),
        ("儿子右眼通红，早上起床眼睛被眼屎糊住了", "red_eye"),
        ("孩子一转身的工夫吞了几片爷爷的降糖药", "poisoning"),
        ("闺女把钙片当糖豆吃了小半瓶", "poisoning"),
        ("小儿子舔了两口电蚊液", "poisoning"),
        ("一岁的孙子把地上的烟蒂吞了", "poisoning"),
        ("鼻钉的地方发炎了，还有点脓", "skin_infection"),
        ("我奶奶这几个月走起路来往一边偏", "loss_of_balance"),
        ("每次坐船都晕得想吐", "motion_sickness"),
        ("我爸端碗的时候手一直抖，走路也是小碎步", "tremor"),
    ],
)
def test_new_phrasings_are_found(text: str, code: str) -> None:
    assert code in _present(text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("眼角分泌物发黄，眼睛有点痒", "jaundice"),  # yellow discharge is not jaundice
        ("唱了一晚上歌嗓子哑了，说话费劲", "slurred_speech"),  # a strained voice, not a stroke
        ("手指肿了，能看到里面有个白色的脓点", "deep_wound"),  # an abscess, not a gaping cut
        ("有痛风，这回脚背肿得像馒头，走不了路", "fracture_sign"),  # a flare, not a break
        ("嘴角起了一簇小水泡，痒痒的", "shingles"),  # a cold sore, not shingles
        ("晕船晕得厉害", "dizziness"),  # motion sickness, not dizziness of unknown cause
        ("紧张得手直发抖", "tremor"),  # nerves, not a tremor
        ("宿醉，头疼得感觉要死了", "feeling_of_doom"),  # a figure of speech after drinking
        ("孩子发烧吃了退烧药", "poisoning"),  # a child's own medicine as directed
    ],
)
def test_look_alikes_are_not_found(text: str, code: str) -> None:
    assert code not in _present(text)


@pytest.mark.parametrize(
    ("text", "split"),
    [
        ("我妈胆结石，肚子右上边疼了一天，发烧39度，眼白也黄了", "emergency"),
        ("外孙偷吃了外婆的降压药，现在还在玩", "emergency"),
        ("有痛风，今天下楼摔了一跤，脚踝肿得像馒头，站不起来", "emergency"),  # an injury is still a possible break
        ("食指指甲边化脓两天了，一跳一跳地疼，没发烧", "doctor"),
        ("顺产侧切的伤口发红，有黄色分泌物", "emergency"),  # an infected wound after the birth (CDC Hear Her)
        ("痛风老毛病，左脚大脚趾又红又热，肿得穿不了鞋，没发烧", "doctor"),
        ("我爸最近半年拿筷子手抖，写字越写越小", "doctor"),
        ("外婆走路不稳有两个月了，没摔过", "doctor"),  # a balance problem for weeks: see a GP
        ("嗓子哑了两天，前天演唱会喊太多，不疼也不发烧", "self_care"),
        ("闺女坐车就晕，下周春游坐大巴，有什么办法", "self_care"),
        ("嘴唇上长了几个小水泡，有点痒，每次感冒都长", "self_care"),
        ("昨晚喝大了，今天恶心头疼，感觉要死了，水能喝下去", "self_care"),
    ],
)
def test_levels(text: str, split: str) -> None:
    assert match(text, "zh", []) >= 0.5
    assert _SPLIT[_level(text)] == split


def test_a_child_taking_anothers_medicine_is_an_input_screen_emergency() -> None:
    hits = find_red_flags("两岁的孙女把奶奶的安眠药当糖吃了两颗，看着挺精神", "zh")
    assert hits and hits[0].level in EMERGENCY_LEVELS


def test_stroke_speech_is_still_flagged_without_a_hoarse_voice() -> None:
    hits = find_red_flags("我爸突然说话费劲，嘴也歪了", "zh")
    assert any(hit.id == "stroke" for hit in hits)
