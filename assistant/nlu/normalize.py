"""Text normalisation shared by every matcher: full-width forms, spaces, case."""

from __future__ import annotations

import re
import unicodedata

_PUNCT_MAP = str.maketrans({"，": ",", "。": ".", "：": ":", "；": ";", "！": "!", "？": "?", "（": "(", "）": ")"})


def normalize(text: str) -> str:
    """NFKC (full-width digits and letters to ASCII), Chinese punctuation to ASCII, collapsed spaces, lower case."""
    text = unicodedata.normalize("NFKC", text).translate(_PUNCT_MAP)
    return " ".join(text.split()).lower()


# ------------------------------------------------------------------ Chinese variants, for symptom matching only

# Traditional characters common in symptom talk -> simplified (one to one, so offsets do not move).
_TRADITIONAL = dict(zip(
    "發燒頭嚨嘔氣腫癢悶暈厲瀉脹膚紅熱涼傷燙腳體溫歲個醫藥噁們嚴難過嗎沒無覺腦頸視聽說話講邊側隻癱軟驚經產懷陰點黃淚"
    "腸絞劇鬆齒齦膿瘡臉額顫識這麼樣還會後從來時間現幾兩長開關糞膽腎嚥鬧壓緊鬱憂慮極乾濕變斷創車禍擊電煙噴濺鹼處蟲貓"
    "癲癇陣鐘聲啞痠癤衛帶婦嬰寶餵續應該護擔問題給請對錯臟脈療診誤農靜憶誰喪讓",
    "发烧头咙呕气肿痒闷晕厉泻胀肤红热凉伤烫脚体温岁个医药恶们严难过吗没无觉脑颈视听说话讲边侧只瘫软惊经产怀阴点黄泪"
    "肠绞剧松齿龈脓疮脸额颤识这么样还会后从来时间现几两长开关粪胆肾咽闹压紧郁忧虑极干湿变断创车祸击电烟喷溅碱处虫猫"
    "癫痫阵钟声哑酸疖卫带妇婴宝喂续应该护担问题给请对错脏脉疗诊误农静忆谁丧让", strict=True))
_TRADITIONAL_TABLE = str.maketrans(_TRADITIONAL)
# Pinyin typed for a character in Chinese text ("发shao", "嗓子有点teng", "wen子"): only next to a Chinese character.
_PINYIN = {"fashao": "发烧", "gaoshao": "高烧", "fare": "发热", "touteng": "头疼", "toutong": "头痛", "touyun": "头晕",
           "duzi": "肚子", "sangzi": "嗓子", "houlong": "喉咙", "kesou": "咳嗽", "exin": "恶心", "outu": "呕吐",
           "ganmao": "感冒", "futong": "腹痛", "teng": "疼", "tong": "痛", "shao": "烧", "yun": "晕", "wen": "蚊",
           "xiong": "胸", "yang": "痒", "zhong": "肿", "xue": "血", "chuan": "喘", "tou": "头"}
_PINYIN_WORDS = "|".join(sorted(_PINYIN, key=len, reverse=True))
_PINYIN_RE = re.compile(rf"(?<=[\u3400-\u9fff])(?:{_PINYIN_WORDS})(?![a-z])|"
                        rf"(?<![a-z])(?:{_PINYIN_WORDS})(?=[\u3400-\u9fff])")
# Cantonese written forms read as Mandarin ("透唔到气", "冇发烧", "呕咗", "有啲痛", "半边身郁唔到").
_CANTONESE = [(re.compile(r"郁(?:唔|不)(?:到|得|了)"), "动不了"), (re.compile(r"唔"), "不"),
              (re.compile(r"冇"), "没"), (re.compile(r"咗"), "了"), (re.compile(r"嘢"), "东西"),
              (re.compile(r"啲"), "点"), (re.compile(r"嘅"), "的")]
# Homophone slips of Chinese input methods, same length ("拉了三次度子", "桑子疼", "腰通").
_HOMOPHONES = [(re.compile(r"度子"), "肚子"), (re.compile(r"桑子"), "嗓子"), (re.compile(r"喉龙|候咙"), "喉咙"),
               (re.compile(r"咳簌|咳数"), "咳嗽"), (re.compile(r"恶新"), "恶心"),
               (re.compile(r"(?<=[头腰胃肚牙胸背腿脚眼耳膝子])通(?![知过风常道话电畅宵勤红信报])"), "痛")]


def symptom_text(text: str) -> str:
    """`normalize()` plus Chinese variants read as their usual form: traditional characters, pinyin typed inside
    Chinese text, written Cantonese, and common homophone slips. For symptom matching only (offsets refer to this
    text)."""
    text = normalize(text).translate(_TRADITIONAL_TABLE)
    text = _PINYIN_RE.sub(lambda m: _PINYIN[m.group(0)], text)
    for pattern, fixed in (*_CANTONESE, *_HOMOPHONES):
        text = pattern.sub(fixed, text)
    return text
