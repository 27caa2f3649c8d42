"""Chinese red flags and triage levels from outside batch D (issue #4) and neighbouring phrasings: infant fever in a
clinical header, intussusception, bile-stained vomit, urinary retention, retinal detachment, bleeding in late
pregnancy, unresponsiveness, suicide with means or a place; and the harmless ones that must stay self-care."""

from __future__ import annotations

import pytest

from tools.triage.engine import assess
from tools.triage.red_flags import facts_from_text, find_red_flags


def _ids(text: str) -> set[str]:
    return {hit.id for hit in find_red_flags(text, "zh")}


def _level(text: str) -> str:
    return assess(facts_from_text(text, "zh")).level


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("患儿，女，2个月，发热半天，腋温38.3℃，吃奶稍减少，无抽搐。", "infant_fever_under_3_months"),
        ("男婴，1个月，今日发热38.5℃。", "infant_fever_under_3_months"),
        ("患儿，男，10个月，阵发性哭闹半天，哭时双腿蜷缩，呕吐3次，尿布里有果酱样大便。", "intussusception"),
        ("我儿子11个月 突然一阵阵大哭 两腿往肚子上蜷 吐了三次", "intussusception"),
        ("宝宝8个月，吐了三次，吐的是绿色的水", "bilious_vomiting_child"),
        ("今天早上右眼前面突然冒出好多黑点和闪光 现在像有块帘子从上面往下挡住了一半", "retinal_detachment"),
        ("患者，女，60岁，右眼突发眼前黑影飘动伴闪光感1天，视野上方幕布样遮挡。", "retinal_detachment"),
        ("患者，女，29岁，孕32周。今日下午无明显诱因出现阴道流血，量多于月经量，无明显腹痛。", "pregnancy_bleeding"),
        ("怀孕七个多月了 今天下面突然出了好多血 不疼", "pregnancy_bleeding"),
        ("家属发现其大汗淋漓、意识不清、呼之不应。", "unconscious"),
        ("我现在在楼顶天台上 不想活了 跟家里人都发过消息告别了", "suicide_plan"),
        ("想死 绳子都买好了", "suicide_plan"),
        ("产后两周 发烧39度 恶露有臭味", "pregnancy_warning_signs"),
    ],
)
def test_flag_raised(text: str, flag: str) -> None:
    assert flag in _ids(text)


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("患者，男，72岁，前列腺增生病史，昨晚至今未能排尿，下腹部胀痛明显，可触及膨隆。", "emergency"),
        ("老公从昨天晚上开始小便解不出来，小肚子鼓鼓的很胀", "emergency"),
        # mastitis with a fever after the birth: a doctor today, not the emergency department
        ("患者，女，26岁，产后5周，哺乳期。右侧乳房外上方红肿热痛2天，体温38.2℃，无寒战，精神可。", "consultation_24"),
        ("生完孩子一个月 左边乳房堵奶 又红又疼 发烧38.5 精神还行", "consultation_24"),
        ("每年春天都會鼻子癢 打喷嚏 眼睛痒 今年又开始了 没有喘 以前吃氯雷他定管用", "self_care"),
        ("过敏性鼻炎又犯了 一直打喷嚏流清鼻涕 眼睛痒 没有喘", "self_care"),
        ("心都碎了 我养了十年的狗走了 这两天一直哭 睡不好 但是没有想不开 就是难过", "self_care"),
        ("患者，男，40岁，切菜时割伤左手食指，伤口约0.5厘米，浅表，按压数分钟后止血，一年前接种过破伤风疫苗。",
         "self_care"),
        ("患者，女，22岁，海边游玩后肩背部皮肤发红、灼痛1天，无水疱，无发热，无头晕。", "self_care"),
        ("我家宝宝4个月 这两天鼻塞 有点流清鼻涕 不发烧（37.0） 吃奶量跟平时一样 精神挺好", "self_care"),
    ],
)
def test_level(text: str, level: str) -> None:
    assert _level(text) == level


@pytest.mark.parametrize(
    "text",
    [
        "月经推迟了十来天 今天左下腹突然很疼 还有点出血 头晕",  # possible ectopic pregnancy
        "患者，男，60岁，高血压病史，突发胸背部撕裂样剧痛1小时。",  # tearing chest and back pain
        "患者，女，25岁，服用大量对乙酰氨基酚约30片，2小时前，目前无不适。",  # an overdose with no symptoms yet
    ],
)
def test_emergency_neighbours(text: str) -> None:
    assert _level(text) in ("emergency", "emergency_ambulance")


@pytest.mark.parametrize("text", ["跑完步累得快不行了 歇了一会就好了", "这个商场跳楼价大甩卖", "好久不见 想死你了"])
def test_figures_of_speech_raise_no_flag(text: str) -> None:
    assert not _ids(text)


def test_postpartum_fever_without_a_breast_source_is_still_an_emergency() -> None:
    assert "pregnancy_warning_signs" in _ids("产后两周 发烧38.6度 肚子疼")
    assert "pregnancy_warning_signs" not in _ids("产后5周 乳房红肿热痛 体温38.2℃ 精神可")
