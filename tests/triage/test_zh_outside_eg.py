"""Chinese phrasings found missing by outside batches E and G, tested on new sentences of the same families:
lay forms of vomiting blood, choking, a deep cut, a deformed or dislocated limb, a fall from a height, rigors,
loin pain, gangrene in a diabetic foot, urinary burning and frequency (also in pregnancy); complaints the router
missed (teething, development and growth, nappy rash, bowel change, tinnitus, fertility, a raised check-up sugar,
a foot ulcer, loose stools, a head rush); and words that must not count (a burning feeling is not a fever,
"没尿血" is not "no urine", a resolved cold is not a runny nose, sunburnt skin that feels hot is not a fever)."""

from __future__ import annotations

import pytest

from assistant.graph.nodes.triage import match
from assistant.nlu import extract_findings
from tools.triage.engine import assess
from tools.triage.red_flags import EMERGENCY_LEVELS, facts_from_text
from tools.triage.vignettes import _SPLIT


def _present(text: str) -> set[str]:
    return {f.code for f in extract_findings(text, "zh") if f.present}


def _level(text: str) -> str:
    return assess(facts_from_text(text, "zh")).level


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("老爷子刚才吐了好大一口暗红的血", "vomiting_blood"),
        ("她呕出来半碗鲜血", "vomiting_blood"),
        ("闺女吃果冻噎住了，哭不出声，脸都憋青紫了", "choking"),
        ("孙子喝水呛着了，一直说不出话，嘴唇发紫", "choking"),
        ("削苹果划到大拇指，口子很深，能看到里面", "deep_wound"),
        ("剁排骨砍到手背，皮都翻开了", "deep_wound"),
        ("滑雪摔了，左肩膀塌下去一块，胳膊动不了", "fracture_sign"),
        ("踢球被铲倒，小腿中间打了个弯", "fracture_sign"),
        ("闺女玩滑板车摔了，可能是脱臼了", "fracture_sign"),
        ("邻居从二楼阳台上掉下来了", "major_trauma"),
        ("我舅舅从5米高的梯子上摔下来，腰疼", "major_trauma"),
        ("他说下半身没知觉了", "numbness_tingling"),
        ("烧到39度多，裹着棉被还冷得发抖", "extreme_shivering"),
        ("左边的后腰一阵阵疼", "flank_pain"),
        ("外婆的脚趾头这两天变黑了", "gangrene_signs"),
        ("排尿的时候火辣辣的", "urinary_pain"),
        ("最近上厕所特别频繁，每次尿一点", "urinary_pain"),
        ("十个月的宝宝牙龈肿肿的，老爱咬东西", "teething"),
        ("儿子快三岁了只会说几个字，叫他名字也不回头", "development_concern"),
        ("女儿六岁了，比同龄的小朋友矮半个头", "development_concern"),
        ("宝宝小屁股红红的一片", "rash"),
        ("这一个月都是三四天才解一次大便，老觉得拉不干净", "constipation"),
        ("耳朵里老是像有知了叫", "hearing_loss"),
        ("结婚三年了，备孕到现在还没怀上", "fertility_concern"),
        ("单位体检查出来糖化血红蛋白7.2%", "raised_sugar_test"),
        ("我爸脚后跟烂了个口子，一直不愈合", "wound"),
        ("早上起来拉了好几回稀", "diarrhoea"),
        ("起床太猛了眼前一黑", "dizziness"),
        ("昨天同学聚会喝高了，今天头疼", "hangover"),
        ("打了三天头孢，背上起了好多红疹子", "medicine_reaction"),
        ("胸口右边起了一条带状的水疱，疼得厉害", "shingles"),
        ("女儿的右耳往外渗黄水", "ear_discharge"),
        ("下眼皮冒了个小红疙瘩", "red_eye"),
        ("血糖这两天都在16左右", "high_blood_sugar"),
        ("烂的伤口一直发臭", "skin_infection"),
    ],
)
def test_lay_phrase_found(text: str, code: str) -> None:
    assert code in _present(text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("小便的时候有点烧灼感", "fever"),  # a burning feeling is not a fever
        ("晒了一下午，胳膊发红摸着发烫", "fever"),  # sunburnt skin feels hot; that is not a fever
        ("老人家起夜两次，没尿血", "no_urine"),  # 没尿血 denies blood in the urine; it says nothing of no urine
        ("感冒好了，就是还有点咳嗽", "runny_nose"),
        ("刚才跑厕所小便特别勤", "diarrhoea"),
        ("嘴唇上起了个小水泡", "rash"),  # a cold sore, not a rash
        ("眼皮上长了个小疙瘩", "skin_lump"),  # a stye, not a lump to check
        ("伤口结的痂发黑了", "gangrene_signs"),
        ("大脚趾的趾甲发黑了", "gangrene_signs"),
        ("打嗝停不下来，试了憋气也没用", "breathless"),
    ],
)
def test_not_this_finding(text: str, code: str) -> None:
    assert code not in _present(text)


@pytest.mark.parametrize(
    "text",
    [
        "婆婆胃出血史，今早吐了一大口鲜红的血，脸色煞白，手脚冰凉",
        "儿子吃糖豆卡住了，咳不出来，脸憋紫了",
        "工人从三层脚手架上掉下来，说两条腿没感觉",
        "女儿荡秋千摔下来，手臂拐了个弯，肿得厉害",
        "杀鱼的时候刀划到掌心，挺深的，皮都翻开了",
        "肾盂肾炎？后腰右边疼，发烧39.5，盖了两床被子还在发抖",
        "我姥爷糖尿病二十年，脚上的溃疡发黑了，周围红肿，今天发烧38.8",
        "宝宝刚满1个月，今天量体温38.1度",
    ],
)
def test_emergency(text: str) -> None:
    assert _level(text) in EMERGENCY_LEVELS


@pytest.mark.parametrize(
    ("text", "split"),
    [
        ("怀孕30周，这两天尿尿有点刺痛，上厕所特别勤，没发烧，胎动正常", "doctor"),  # a UTI in pregnancy: same day
        ("二型糖尿病，这几天血糖都在20左右，口特别干，尿特别多，没吐，人清醒", "doctor"),
        ("婴儿7个月，口水特别多，老啃拳头，牙龈鼓鼓的，体温37.4", "self_care"),
        ("最近熬夜，脑袋两边疼死了，睡一觉就好点", "self_care"),  # "疼死了" is the everyday "killing me"
        ("喝断片了，今天头晕，吐了一回，现在能喝水", "self_care"),
        ("打胰岛素的，刚才心慌出汗，测了血糖3.5，喝了果汁，复测6.1，现在好了", "self_care"),
        ("上火了，嘴角起了个小泡，嗓子有点干", "self_care"),
    ],
)
def test_split(text: str, split: str) -> None:
    assert _SPLIT[_level(text)] == split


@pytest.mark.parametrize(
    "text",
    [
        "宝宝九个月，牙龈鼓起来了，一直流口水",
        "孩子两岁半了还只会叫爸爸妈妈",
        "我儿子8岁了，个子一直比同学矮一截",
        "宝宝屁屁红了一片，换尿布就哭",
        "我爸以前天天大便，最近一个多月三四天才一次",
        "耳朵嗡嗡响了好几个月",
        "备孕快两年了一直没怀上",
        "体检空腹血糖8.1",
        "拉了三次稀，没发烧",
        "刚才蹲久了起来眼前一黑",
    ],
)
def test_routed_to_triage(text: str) -> None:
    assert match(text, "zh", []) >= 0.5


def test_pregnant_mothers_baby_is_not_the_patient() -> None:
    from assistant.nlu import extract_slots

    slots = extract_slots("怀孕26周，今天有点拉肚子，宝宝动得挺好", "zh")
    assert slots.get("subject") != "infant"
    assert "age_group" not in slots
