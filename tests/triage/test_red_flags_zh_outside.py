"""Chinese red flags from outside-written vignettes (issue #4): lay wording the team had not seen, and harmless
uses of scary words that must not raise an emergency."""

from __future__ import annotations

import pytest

from tools.triage.red_flags import find_red_flags


def _ids(text: str) -> set[str]:
    return {hit.id for hit in find_red_flags(text, "zh")}


def _emergency(text: str) -> bool:
    return any(hit.level in ("emergency_ambulance", "emergency") for hit in find_red_flags(text, "zh"))


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("刚才突然脑袋炸开一样疼，这辈子从来没这么疼过", "thunderclap_headache"),
        ("头疼，脖子也有点发硬", "meningitis"),
        ("宝宝发烧，突然抽筋了，眼睛往上翻", "unconscious"),
        ("室友怎么叫都叫不醒，呼吸很慢", "unconscious"),
        ("孩子说把纽扣电池吃下去了", "poisoning"),
        ("家里烧煤炉取暖，早上起来头疼恶心", "poisoning"),
        ("我爸75了，吃华法林，磕到后脑勺起了个包", "serious_head_injury"),
        ("右手腕肿得像馒头，形状都变了，摔的", "open_fracture"),
        ("炒菜热油溅到左眼里了", "eye_emergency"),
        ("吐了两次血，像咖啡渣，脸白得吓人", "bleeding_with_shock"),
        ("药我已经攒够了，遗书也写好了", "suicide_plan"),
        ("宝宝5个月，喘得特别快，嘴唇周围有点发紫", "severe_breathing"),
    ],
)
def test_finds_red_flag(text: str, flag: str) -> None:
    assert flag in _ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "智齿发炎，半边脸肿了，呼吸正常",  # a swollen half face is not a drooping one
        "张嘴喝水喘气都没问题，就是牙疼",
        "感冒药都吃了三天了，还是流鼻涕",  # taking medicine is not an overdose
        "我把感冒药吃了，还要注意什么",
        "尴尬到窒息，嗓子有点干",  # internet hyperbole
        "气得我吐血，有点头疼",
        "刚跑完步有点喘，歇会儿就好了",
        "孩子刚才哭得喘不上气，哄好了就没事了",
        "昨天跑步小腿抽筋了，现在有点酸",  # a cramp is not a fit
        "患者女，26岁，鼻塞、流清涕2天，无呼吸困难",
        "甲流第三天，发烧39度，咳嗽时候右边胸口疼，走快了有点喘，坐着说话没问题",  # a chest infection
    ],
)
def test_no_emergency(text: str) -> None:
    assert not _emergency(text), [hit.id for hit in find_red_flags(text, "zh")]
