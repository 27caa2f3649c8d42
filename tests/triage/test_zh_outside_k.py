"""Chinese phrasings found missing by outside batch K, tested on new sentences of the same families: pain that
moves from the navel to the lower right and rebound pain ("按下去一松手更疼") or pain jolted by walking or a bumpy
ride (appendicitis, peritonism); retinal detachment told as a curtain, veil or shadow drawn over the sight, or new
floaters together with flashes; shingles as a band of blisters on one side; a stye's gritty feeling that is not a
scratched eye; and single alarming words that context explains: blisters with nothing burned are not a burn, "没有
发黑" is no gangrene, a foot ulcer is not a mouth ulcer, an oxygen level the person says is their usual, a full
stomach after overeating."""

from __future__ import annotations

import pytest

from assistant.graph.nodes.triage import match
from assistant.nlu import extract_findings
from tools.triage.engine import assess
from tools.triage.red_flags import EMERGENCY_LEVELS, facts_from_text, find_red_flags
from tools.triage.vignettes import _SPLIT


def _present(text: str) -> set[str]:
    return {f.code for f in extract_findings(text, "zh") if f.present}


def _split(text: str) -> str:
    if any(hit.level in EMERGENCY_LEVELS for hit in find_red_flags(text, "zh")):
        return "emergency"
    return _SPLIT[assess(facts_from_text(text, "zh")).level]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("女儿肚子痛，开始在肚脐眼周围，后来慢慢到了右侧下腹", "right_lower_pain"),
        ("先是上腹部隐隐作痛，之后转到右下角去了", "right_lower_pain"),
        ("肚子右边下面一阵阵地疼", "right_lower_pain"),
        ("医生按他肚子，按住再放开的时候疼得叫出声", "rigid_abdomen"),
        ("小肚子压下去还好，手一拿开就痛得厉害", "rigid_abdomen"),
        ("坐车一路颠簸，肚子疼得更厉害", "rigid_abdomen"),
        ("走路震得右下肚子疼", "rigid_abdomen"),
        ("左眼前面有一片黑影，越来越大", "retinal_detachment_signs"),
        ("看东西好像被蒙上一层灰纱", "retinal_detachment_signs"),
        ("右眼视线里像挡了块黑布", "retinal_detachment_signs"),
        ("眼前好多黑点飘，还有闪电一样的光", "retinal_detachment_signs"),
        ("后背起了一簇小水泡，像一条腰带，只在左侧", "shingles"),
        ("疹子只长在右边，排成一条带状", "shingles"),
        ("左边肋骨那块针扎一样痛，第二天冒出一串水疱", "shingles"),
        ("昨晚吃席吃得太饱，胃里胀胀的", "overeating"),
        ("火锅吃多了，肚子胀", "overeating"),
        ("高烧一阵阵发抖停不下来", "rigors"),
        ("冷得身子直哆嗦，整个人抖得被子都在颤", "rigors"),
        ("左眼前面突然一大堆头发丝样的东西", "retinal_detachment_signs"),
    ],
)
def test_new_zh_phrasings_are_read(text: str, code: str) -> None:
    assert code in _present(text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("上眼皮长了个针眼，眨眼时有沙子感", "eye_scratch"),  # a stye rubbing, not a scratched eye
        ("腰上一串水泡，只在一边，火辣辣的", "severe_burn"),  # blisters with nothing burned are not a burn
        ("脚底的伤口两周没好，没有发黑", "gangrene_signs"),
        ("脚后跟长了个溃疡一直不好", "mouth_ulcer"),
        ("血氧90，跟平时差不多，慢阻肺好多年了", "abnormal_vitals"),
        ("药吃多了，吃了太多安眠药", "overeating"),
        ("按压手臂的伤口止血，一松开有点疼", "rigid_abdomen"),  # rebound counts only on the belly
    ],
)
def test_context_explains_a_single_alarming_word(text: str, code: str) -> None:
    assert code not in _present(text)


@pytest.mark.parametrize(
    "text",
    [
        "手被开水烫了，起了好多水泡",  # a real scald still is a burn
        "脚趾头发黑了，有点臭",  # gangrene without a denial still reads
        "血氧88，嘴唇发紫",  # a low oxygen level not said to be usual is still a red flag
    ],
)
def test_the_alarm_still_reads_without_the_explaining_context(text: str) -> None:
    assert _split(text) == "emergency"


@pytest.mark.parametrize(
    ("text", "split"),
    [
        ("22岁，肚子先在肚脐那一圈疼，现在挪到右下边了，按下去一松手更疼", "emergency"),
        ("高度近视，今天左眼像有块幕布从下面往上升", "emergency"),
        ("我外婆75岁，右边胸口到背火辣辣地疼，今天冒出一串水泡，只在右边", "doctor"),
        ("晚饭吃自助吃撑了，胃胀难受想打嗝，没吐也不发烧", "self_care"),
        ("右眼下眼皮起了个小疙瘩，有点疼，总觉得有异物感，看东西清楚", "self_care"),
        ("体温39.2，浑身打颤停不下来", "doctor"),  # fever with rigors is never self-care
        ("刚从尼日利亚出差回来一周，打摆子", "emergency"),  # rigors after travel to a malaria area
    ],
)
def test_zh_levels_for_the_families(text: str, split: str) -> None:
    assert _split(text) == split


def test_a_curtain_over_the_sight_is_routed_to_triage() -> None:
    assert match("眼睛看东西像隔着一层黑纱，从上往下盖过来", "zh", []) >= 0.5
