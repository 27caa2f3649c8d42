"""Pasted text: table layouts, free chat, qualitative results, headers and footers, OCR noise, unknown tests."""

from __future__ import annotations

import pytest

from tools.reports import interpret, parse_report
from tools.reports.headers import find_date, find_sex
from tools.reports.parse_text import parse_text


def flags(text: str, sex: str | None = None) -> dict[str, str]:
    return {a.code: a.flag for a in interpret(parse_report(text), sex=sex)}  # type: ignore[arg-type]


def test_chinese_sheet_with_header_and_footer_reads_only_results() -> None:
    parsed = parse_text("""某医院检验报告单
姓名：张三  性别：女  年龄：45岁   采样时间：2024-03-05 08:00
序号  项目名称   结果  单位  参考区间
1  白细胞计数(WBC)  12.5 ↑ 10^9/L 3.5-9.5
2  血红蛋白 HGB  125  g/L  115-150
检验者：李四  审核者：王五  本报告仅对此标本负责""")
    assert [r.code for r in parsed.results] == ["WBC", "HGB"]
    assert parsed.sex == "female" and parsed.date == "2024-03-05" and parsed.locale == "zh"
    wbc = parsed.results[0]
    assert (wbc.value, wbc.unit, wbc.marker, wbc.ref_text) == (12.5, "10^9/L", "H", "3.5-9.5")


def test_two_results_on_one_line_and_chat_lists() -> None:
    assert flags("WBC 6.8 3.5-9.5    PLT 412 ↑ 125-350") == {"WBC": "N", "PLT": "H"}
    assert flags("ALT 88, AST 76 and GGT 120") == {"ALT": "H", "AST": "H", "GGT": "H"}
    assert flags("谷丙88，谷草70") == {"ALT": "H", "AST": "H"}


@pytest.mark.parametrize(
    ("text", "code", "flag"),
    [
        ("谷丙转氨酶88U/L", "ALT", "H"),
        ("ALT: 88 U/L (ref 7-56)", "ALT", "H"),
        ("ＡＬＴ　８８　Ｕ／Ｌ　９－５０", "ALT", "H"),
        ("总胆红素 TBIL 28.6 ↑ umo1/L 0-26", "TBIL", "H"),
        ("血红蛋白 HGB 90 g/L ↓ 130～175", "HGB", "L"),
        ("Potassium 5.9 (H) [3.5-5.1]", "K", "H"),
        ("Sodium 131 (L) mmol/L 134 - 144", "NA", "L"),
        ("HDL Cholesterol 41 > OR = 40 mg/dL", "HDL-C", "N"),
        ("Hemoglobn 9.8 g/dL", "HGB", "L"),
        ("my a1c was 6.1", "HBA1C", "H"),
        ("鉀 5.8 mmol/L 3.5-5.3", "K", "H"),  # traditional characters
        ("K 3,1 mmol/L 3,5-5,3", "K", "L"),  # decimal commas
        ("WBC 4.5 x 10(9)/L", "WBC", "N"),
    ],
)
def test_layouts_and_noise(text: str, code: str, flag: str) -> None:
    assert flags(text) == {code: flag}


def test_qualitative_results_and_urine_section() -> None:
    found = flags("尿常规\n蛋白质 PRO ++ 阴性\n葡萄糖 GLU 阴性 阴性\n隐血 BLD +- 阴性\n"
                  "尿胆原 URO 正常 正常\n红细胞 8 0-3 个/HP")
    assert found == {"U-PRO": "H", "U-GLU": "N", "U-BLD": "H", "U-URO": "N", "U-RBC": "H"}
    assert flags("尿蛋白(-) 尿糖(+)") == {"U-PRO": "N", "U-GLU": "H"}
    assert flags("尿常规：白细胞 +++，亚硝酸盐 阳性") == {"U-WBC": "H", "U-NIT": "H"}


def test_ambiguous_names_follow_unit_and_magnitude() -> None:
    assert flags("Neutrophils 85 %") == {"NEUT%": "H"}
    assert flags("Neutrophils 4.1 x10E3/uL") == {"NEUT#": "N"}
    assert flags("PCT 0.25 ng/mL") == {"PCT": "H"}
    assert flags("血糖 5.2 mmol/L") == {"GLU": "N"}


def test_other_tests_named_like_catalogue_ones_are_not_misread() -> None:
    assert "K" not in flags("尿钾 30 mmol/L")
    assert "CA" not in flags("Calcium, Ionized 1.1 mmol/L 1.12-1.32")
    assert "TC" not in flags("VLDL Cholesterol Cal 36 mg/dL 5-40")
    assert "ALB" not in flags("前白蛋白 180 mg/L 200-400")
    assert flags("CA125 52.3 U/mL 0-35 ↑") == {"CA125": "H"}  # unknown test kept with its own range
    assert flags("癌胚抗原 CEA 2.1 ng/mL 0-5") == {"CEA": "N"}
    assert flags("年龄 45 岁") == {}
    assert flags("Blood pressure 150/90, heart rate 88") == {}
    assert flags("心率 88 次/分") == {}


def test_a_later_result_is_not_read_as_the_reference_of_an_earlier_one() -> None:
    found = flags("urine: protein trace, glucose neg, blood 1+, nitrite neg")
    assert found == {"U-PRO": "H", "U-GLU": "N", "U-BLD": "H", "U-NIT": "N"}
    assert flags("HBcAb 阳性 ↑ 阴性") == {"HBCAB": "H"}  # after a flag, "阴性" is still its reference


def test_header_lines_give_sex_and_date_but_never_results() -> None:
    assert find_sex("姓名: 李某  性别: 女  年龄: 34岁") == "female"
    assert find_sex("Patient: DOE, JOHN  Sex: M") == "male"
    assert find_sex("我是男性，最近头晕") == "male"
    assert find_date("Collected: 02/14/2024") == "2024-02-14"
    assert find_date("采样时间 2024年3月5日") == "2024-03-05"
    assert flags("血常规+CRP   性别 男   样本号 1023") == {}
    parsed = parse_text("DOB: 04/12/1975   Sex: F\nDate Collected: 02/14/2024\nGlucose 112 mg/dL 65-99")
    assert parsed.date == "2024-02-14"


@pytest.mark.parametrize("text", ["", "hello", "头疼三天了", "!!!", "1 2 3 4", "<<<>>>", "ALT", "ALT ↑↑↑", "\x00\x01"])
def test_text_without_results_gives_none_and_never_crashes(text: str) -> None:
    assert parse_report(text).results == []


def test_names_respect_word_boundaries() -> None:
    assert flags("PLT 250 K/uL 150-450") == {"PLT": "N"}  # "K" of the unit is not potassium
    assert "CA" not in flags("CA19-9 12 U/mL 0-37")
    assert flags("k 4.1") == {}  # single-letter names only in upper case
    assert flags("pt 45 yo, ALT 88") == {"ALT": "H"}  # "pt" is the patient; PT (prothrombin time) is in capitals
    assert flags("PT 13.5 s 11-14.5") == {"PT": "N"}


def test_random_token_soup_never_crashes() -> None:
    import random

    from tools.reports.catalogue import catalogue

    rng = random.Random(20261121)
    words = [a for analyte in catalogue().analytes for a in analyte.aliases[:3]]
    words += ["↑", "↓", "H", "LL", "阴性", "+++", "-", "(", ")", "mmol/L", "10^9/L", "<", ">=", "～", "|", "\t", ",",
              "3.5-5.3", "12.5", "0", "-7", "1e9", "9999999999", "性别", "男", "2024-01-01", "\u200b", "（", "％"]
    for _ in range(300):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 25)))
        for result in interpret(parse_report(text)):
            assert result.flag in ("N", "L", "H", "LL", "HH", "indeterminate")
