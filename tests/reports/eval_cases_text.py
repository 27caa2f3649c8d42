"""Eval cases pasted as text: Chinese hospital sheets (varied layouts, OCR noise), US reports, chat messages."""

from __future__ import annotations

from typing import Any

TEXT_CASES: list[dict[str, Any]] = [
    {
        "id": "report-zh-cbc-001", "locale": "zh", "tags": ["zh", "cbc", "arrows"],
        "messages": ["""XX市第一人民医院 检验报告单
姓名: 李某  性别: 女  年龄: 34岁  科室: 门诊  标本: 全血
检验项目: 血常规           采样时间: 2024-05-12 08:31
No  项目                    结果     单位        参考区间
1   白细胞计数 WBC          11.2  ↑  10^9/L      3.5-9.5
2   中性粒细胞百分比 NEUT%   81.3  ↑  %           40-75
3   淋巴细胞百分比 LYMPH%    12.1  ↓  %           20-50
4   中性粒细胞绝对值 NEUT#   9.11  ↑  10^9/L      1.8-6.3
5   红细胞计数 RBC           4.02     10^12/L     3.8-5.1
6   血红蛋白 HGB             108   ↓  g/L         115-150
7   红细胞压积 HCT           33.5  ↓  %           35-45
8   平均红细胞体积 MCV       78.2  ↓  fL          82-100
9   血小板计数 PLT           286      10^9/L      125-350
检验者: 王某   审核者: 张某   本报告仅对此标本负责"""],
        "flags": [("WBC", "H"), ("NEUT%", "H"), ("LYMPH%", "L"), ("NEUT#", "H"), ("RBC", "N"), ("HGB", "L"),
                  ("HCT", "L"), ("MCV", "L"), ("PLT", "N")],
        "critical": False,
    },
    {
        "id": "report-zh-liver-ocr-002", "locale": "zh", "tags": ["zh", "liver", "ocr", "full-width"],
        "messages": ["""肝功能检查报告
性别：男    年龄：52
项目名称　　　　结果　　单位　　参考值
谷丙转氨酶(ALT)　　１２６　↑　U/L　　９－５０
谷草转氨酶(AST)　　 78 ↑  U/L   15一40
γ-谷氨酰转移酶(GGT)  95 H U/L 10~60
碱性磷酸酶 ALP  88  U/L  45--125
总胆红素 TBIL 28.6 ↑ umo1/L 0-26
直接胆红素 DBIL 6.1 umol/L 0.0-8.0
总蛋白 TP 70.2 g/L 65-85
白蛋白 ALB 38.1 ↓ g/L 40-55
球蛋白 GLB 32.1 g/L 20-40
白球比 A/G 1.19 ↓ 1.2-2.4"""],
        "flags": [("ALT", "H"), ("AST", "H"), ("GGT", "H"), ("ALP", "N"), ("TBIL", "H"), ("DBIL", "N"), ("TP", "N"),
                  ("ALB", "L"), ("GLB", "N"), ("A/G", "L")],
        "critical": False,
    },
    {
        "id": "report-zh-two-column-003", "locale": "zh", "tags": ["zh", "two-column", "no-units"],
        "messages": ["""血常规+CRP          性别 男   样本号 1023
项目     结果   参考范围        项目     结果   参考范围
WBC      6.8    3.5-9.5        PLT      412 ↑  125-350
RBC      5.10   4.3-5.8        MPV      9.8    7.4-12.5
HGB      152    130-175        CRP      18.5 ↑ 0-10
HCT      45.1   40-50          LYMPH#   0.9 ↓  1.1-3.2"""],
        "flags": [("WBC", "N"), ("PLT", "H"), ("RBC", "N"), ("MPV", "N"), ("HGB", "N"), ("CRP", "H"), ("HCT", "N"),
                  ("LYMPH#", "L")],
        "critical": False,
    },
    {
        "id": "report-zh-critical-electrolytes-004", "locale": "zh", "tags": ["zh", "critical", "electrolytes"],
        "messages": ["""急诊生化  性别:女
钾 K     6.92  mmol/L  3.5-5.3  ↑
钠 Na    118   mmol/L  137-147  ↓
氯 Cl    92    mmol/L  99-110   ↓
二氧化碳结合力 CO2CP 17.5 mmol/L 22-29 ↓
葡萄糖 GLU 5.2 mmol/L 3.9-6.1
肌酐 Cr 102 umol/L 41-73 ↑
尿素 Urea 9.8 mmol/L 2.6-7.5 ↑
危急值已电话通知临床"""],
        "flags": [("K", "HH"), ("NA", "LL"), ("CL", "L"), ("CO2", "L"), ("GLU", "N"), ("CREA", "H"), ("UREA", "H")],
        "critical": True,
    },
    {
        "id": "report-zh-lipids-005", "locale": "zh", "tags": ["zh", "lipids", "one-sided-ranges"],
        "messages": ["""体检中心 血脂血糖
性别: 男
总胆固醇(TC)      6.35   mmol/L   <5.20    ↑
甘油三酯(TG)      2.81   mmol/L   <1.70    ↑
高密度脂蛋白(HDL-C) 0.92 mmol/L   >1.04    ↓
低密度脂蛋白(LDL-C) 4.12 mmol/L   <3.40    ↑
空腹血糖(FPG)     6.8    mmol/L   3.9-6.1  ↑
糖化血红蛋白(HbA1c) 6.3  %        4.0-6.0  ↑
尿酸(UA)          398    umol/L   208-428"""],
        "flags": [("TC", "H"), ("TG", "H"), ("HDL-C", "L"), ("LDL-C", "H"), ("GLU", "H"), ("HBA1C", "H"), ("UA", "N")],
        "critical": False,
    },
    {
        "id": "report-zh-urinalysis-006", "locale": "zh", "tags": ["zh", "urine", "qualitative"],
        "messages": ["""尿常规检查
项目            结果      参考值
颜色            黄色
比重 SG         1.025     1.003-1.030
酸碱度 pH       6.0       4.5-8.0
蛋白质 PRO      ++        阴性
葡萄糖 GLU      阴性      阴性
酮体 KET        -         阴性
隐血 BLD        +-        阴性
亚硝酸盐 NIT    阳性(+)   阴性
白细胞酯酶 LEU  2+        阴性
尿胆原 URO      正常      正常
红细胞(镜检)     8         0-3       个/HP
白细胞(镜检)     25        0-5       个/HP"""],
        "flags": [("U-SG", "N"), ("U-PH", "N"), ("U-PRO", "H"), ("U-GLU", "N"), ("U-KET", "N"), ("U-BLD", "H"),
                  ("U-NIT", "H"), ("U-LEU", "H"), ("U-URO", "N"), ("U-RBC", "H"), ("U-WBC", "H")],
        "critical": False,
    },
    {
        "id": "report-zh-chat-no-range-007", "locale": "zh", "tags": ["zh", "chat", "no-range", "no-units", "sex"],
        "messages": ["我是女的，35岁，体检报告上谷丙转氨酶是62，谷草转氨酶38，"
                     "空腹血糖5.4，甘油三酯2.1，血红蛋白118，这些正常吗？"],
        "flags": [("ALT", "H"), ("AST", "H"), ("GLU", "N"), ("TG", "H"), ("HGB", "N")],
        "critical": False,
    },
    {
        "id": "report-zh-kidney-thyroid-008", "locale": "zh", "tags": ["zh", "kidney", "thyroid", "micro-sign"],
        "messages": ["""检验报告 性别：男
肌酐(酶法)  CREA  135 ↑  μmol/L  57-97
尿素氮 BUN   8.9 ↑  mmol/L  3.1-8.0
尿酸 UA      502 ↑  µmol/L  208-428
估算肾小球滤过率 eGFR  52 ↓ mL/min/1.73m² >90
胱抑素C CysC  1.45 ↑ mg/L 0.51-1.09
促甲状腺激素 TSH  0.08 ↓ mIU/L 0.27-4.2
游离甲状腺素 FT4 28.9 ↑ pmol/L 12-22
游离三碘甲状腺原氨酸 FT3 7.9 ↑ pmol/L 3.1-6.8"""],
        "flags": [("CREA", "H"), ("UREA", "H"), ("UA", "H"), ("EGFR", "L"), ("CYSC", "H"), ("TSH", "L"), ("FT4", "H"),
                  ("FT3", "H")],
        "critical": False,
    },
    {
        "id": "report-zh-coag-critical-009", "locale": "zh", "tags": ["zh", "critical", "coagulation"],
        "messages": ["""凝血功能 + 血常规（急诊）
凝血酶原时间 PT    28.6 s   11.0-14.5  ↑
国际标准化比值 INR  4.8    0.8-1.2    ↑
活化部分凝血活酶时间 APTT 45.2 秒 25-37 ↑
纤维蛋白原 FIB 1.6 g/L 2-4 ↓
D-二聚体 D-D 2.35 mg/L FEU <0.5 ↑
血小板 PLT 18 ×10⁹/L 125-350 ↓"""],
        "flags": [("PT", "H"), ("INR", "HH"), ("APTT", "H"), ("FIB", "L"), ("D-DIMER", "H"), ("PLT", "LL")],
        "critical": True,
    },
    {
        "id": "report-zh-marker-crosscheck-010", "locale": "zh", "tags": ["zh", "marker-vs-number"],
        "messages": ["""生化检验   性别：男
项目  结果  提示  单位  参考区间
ALT  45  ↑  U/L  9-50
AST  48     U/L  15-40
GGT  55  H  U/L  10-60
TBIL 8.2 ↓ umol/L 5.1-19.0
GLU  3.2    mmol/L 3.9-6.1"""],
        "flags": [("ALT", "N"), ("AST", "H"), ("GGT", "N"), ("TBIL", "N"), ("GLU", "L")],
        "critical": False,
    },
    {
        "id": "report-zh-unknown-011", "locale": "zh", "tags": ["zh", "unknown-unit", "unknown-analyte"],
        "messages": ["""检验结果
血糖  5.6  mg/L
肌酐  0.9  mg/dL
CA125  52.3  U/mL  0-35  ↑
癌胚抗原 CEA  2.1 ng/mL  0-5
甲胎蛋白 AFP 3.2 ng/mL <7.0"""],
        "flags": [("GLU", "indeterminate"), ("CREA", "N"), ("CA125", "H"), ("CEA", "N"), ("AFP", "N")],
        "critical": False,
    },
    {
        "id": "report-zh-fullwidth-tsv-012", "locale": "zh", "tags": ["zh", "full-width", "tabs"],
        "messages": ["项目\t结果\t单位\t参考范围\nＡＬＴ\t８８\tＵ／Ｌ\t７－４０\nＡＳＴ\t３２\tＵ／Ｌ\t１３－３５\n"
                     "ＧＬＵ\t１１．２\tｍｍｏｌ／Ｌ\t３．９－６．１\nＴＧ\t０．８９\tｍｍｏｌ／Ｌ\t０－１．７"],
        "flags": [("ALT", "H"), ("AST", "N"), ("GLU", "H"), ("TG", "N")],
        "critical": False,
    },
    {
        "id": "report-zh-chat-critical-hgb-013", "locale": "zh", "tags": ["zh", "chat", "critical", "sex"],
        "messages": ["血常规结果：白细胞 5.1，红细胞 2.1，血红蛋白 58 g/L，血小板 160，我是男性，最近老是头晕"],
        "flags": [("WBC", "N"), ("RBC", "L"), ("HGB", "LL"), ("PLT", "N")],
        "critical": True,
    },
    {
        "id": "report-en-cmp-014", "locale": "en", "tags": ["en", "us", "cmp", "dob-line"],
        "messages": ["""LabCorp   Patient: DOE, JANE   DOB: 04/12/1975   Sex: F
Date Collected: 02/14/2024
TESTS                         RESULT    FLAG    UNITS     REFERENCE INTERVAL
Comprehensive Metabolic Panel (14)
Glucose                 112    High   mg/dL     65-99
BUN                     22     High   mg/dL     6-20
Creatinine              0.84          mg/dL     0.57-1.00
eGFR                    84            mL/min/1.73  >59
BUN/Creatinine Ratio    26     High              9-23
Sodium                  139           mmol/L    134-144
Potassium               5.6    High   mmol/L    3.5-5.2
Chloride                101           mmol/L    96-106
Carbon Dioxide, Total   24            mmol/L    20-29
Calcium                 9.4           mg/dL     8.7-10.2
Protein, Total          7.1           g/dL      6.0-8.5
Albumin                 4.4           g/dL      3.8-4.8
Globulin, Total         2.7           g/dL      1.5-4.5
A/G Ratio               1.6                     1.2-2.2
Bilirubin, Total        0.5           mg/dL     0.0-1.2
Alkaline Phosphatase    131    High   IU/L      44-121
AST (SGOT)              19            IU/L      0-40
ALT (SGPT)              24            IU/L      0-32"""],
        "flags": [("GLU", "H"), ("UREA", "H"), ("CREA", "N"), ("EGFR", "N"), ("BUN/CREATININE", "H"), ("NA", "N"),
                  ("K", "H"), ("CL", "N"), ("CO2", "N"), ("CA", "N"), ("TP", "N"), ("ALB", "N"), ("GLB", "N"),
                  ("A/G", "N"), ("TBIL", "N"), ("ALP", "H"), ("AST", "N"), ("ALT", "N")],
        "critical": False,
    },
    {
        "id": "report-en-cbc-diff-015", "locale": "en", "tags": ["en", "us", "cbc", "differential", "marker-vs-number"],
        "messages": ["""CBC With Differential/Platelet          Sex: Male
Test                    Result   Flag   Units      Ref Range
WBC                     3.1      Low    x10E3/uL   3.4-10.8
RBC                     4.21     Low    x10E6/uL   4.14-5.80
Hemoglobin              12.1     Low    g/dL       13.0-17.7
Hematocrit              36.8     Low    %          37.5-51.0
MCV                     87              fL         79-97
MCH                     28.7            pg         26.6-33.0
MCHC                    32.9            g/dL       31.5-35.7
RDW                     16.2     High   %          11.6-15.4
Platelets               98       Low    x10E3/uL   150-450
Neutrophils             48              %          Not Estab.
Lymphs                  38              %          Not Estab.
Monocytes               10              %          Not Estab.
Eos                     3               %          Not Estab.
Basos                   1               %          Not Estab.
Neutrophils (Absolute)  1.5             x10E3/uL   1.4-7.0
Lymphs (Absolute)       1.2             x10E3/uL   0.7-3.1"""],
        "flags": [("WBC", "L"), ("RBC", "N"), ("HGB", "L"), ("HCT", "L"), ("MCV", "N"), ("MCH", "N"), ("MCHC", "N"),
                  ("RDW-CV", "H"), ("PLT", "L"), ("NEUT%", "N"), ("LYMPH%", "N"), ("MONO%", "N"), ("EO%", "N"),
                  ("BASO%", "N"), ("NEUT#", "N"), ("LYMPH#", "N")],
        "critical": False,
    },
    {
        "id": "report-en-critical-stat-016", "locale": "en", "tags": ["en", "us", "critical", "unit-conversion"],
        "messages": ["""STAT CHEMISTRY - EMERGENCY DEPT
Glucose         612   HH   mg/dL    70-99
Potassium       2.6   LL   mmol/L   3.5-5.1
Sodium          129   L    mmol/L   136-145
Creatinine      1.9   H    mg/dL    0.6-1.2
Troponin I      0.56  H    ng/mL    <0.04"""],
        "flags": [("GLU", "HH"), ("K", "LL"), ("NA", "L"), ("CREA", "H"), ("CTNI", "HH")],
        "critical": True,
    },
    {
        "id": "report-en-lipids-017", "locale": "en", "tags": ["en", "us", "lipids", "modifier"],
        "messages": ["""Lipid Panel (fasting)
Cholesterol, Total      242   H   mg/dL   100-199
Triglycerides           180   H   mg/dL   0-149
HDL Cholesterol         35    L   mg/dL   >39
VLDL Cholesterol Cal    36        mg/dL   5-40
LDL Chol Calc (NIH)     171   H   mg/dL   0-99"""],
        "flags": [("TC", "H"), ("TG", "H"), ("HDL-C", "L"), ("VLDLCHOLESTEROLCAL", "N"), ("LDL-C", "H")],
        "critical": False,
    },
    {
        "id": "report-en-chat-018", "locale": "en", "tags": ["en", "chat", "no-units", "conventional-units"],
        "messages": ["hi, got my blood work back. my a1c was 6.1 and fasting sugar 118, LDL 165. are these bad?"],
        "flags": [("HBA1C", "H"), ("GLU", "H"), ("LDL-C", "H")],
        "critical": False,
    },
    {
        "id": "report-en-typos-019", "locale": "en", "tags": ["en", "chat", "typos"],
        "messages": ["Hemoglobn 9.8 g/dL, potasium 3.2, platlets 95 - doctor's office said to ask about these"],
        "flags": [("HGB", "L"), ("K", "L"), ("PLT", "L")],
        "critical": False,
    },
    {
        "id": "report-en-thyroid-020", "locale": "en", "tags": ["en", "us", "thyroid", "unit-spellings"],
        "messages": ["""Thyroid Panel
TSH                 8.21   High  uIU/mL   0.450-4.500
T4, Free (Direct)   0.71   Low   ng/dL    0.82-1.77
Triiodothyronine, Free  2.9      pg/mL    2.0-4.4"""],
        "flags": [("TSH", "H"), ("FT4", "L"), ("FT3", "N")],
        "critical": False,
    },
    {
        "id": "report-en-urinalysis-021", "locale": "en", "tags": ["en", "us", "urine", "qualitative"],
        "messages": ["""URINALYSIS, COMPLETE
Specific Gravity        1.031   High          1.005-1.030
pH                      5.5                   5.0-7.5
Protein                 2+      Abnormal      Negative/Trace
Glucose                 Negative              Negative
Ketones                 Trace   Abnormal      Negative
Occult Blood            Negative              Negative
Nitrite, Urine          Positive Abnormal     Negative
Leukocyte Esterase      1+      Abnormal      Negative
Bilirubin               Negative              Negative
Urobilinogen,Semi-Qn    0.2             mg/dL 0.2-1.0"""],
        "flags": [("U-SG", "H"), ("U-PH", "N"), ("U-PRO", "H"), ("U-GLU", "N"), ("U-KET", "H"), ("U-BLD", "N"),
                  ("U-NIT", "H"), ("U-LEU", "H"), ("U-BIL", "N"), ("U-URO", "N")],
        "critical": False,
    },
    {
        "id": "report-mixed-language-022", "locale": "zh", "tags": ["zh", "mixed-language", "chat"],
        "messages": ["医生让我问问：我的ALT是 120 U/L，AST 80，总胆红素 35 umol/L，白蛋白 41 g/L"],
        "flags": [("ALT", "H"), ("AST", "H"), ("TBIL", "H"), ("ALB", "N")],
        "critical": False,
    },
    {
        "id": "report-zh-trend-two-messages-023", "locale": "zh", "tags": ["zh", "trend", "multi-message"],
        "messages": ["3月的化验：谷丙转氨酶 ALT 96 U/L (9-50)，甘油三酯 3.1 mmol/L (<1.7)",
                     "这是6月复查的：谷丙转氨酶 ALT 48 U/L (9-50)，甘油三酯 2.0 mmol/L (<1.7)，有好转吗"],
        "flags": [("ALT", "N"), ("TG", "H")],
        "critical": False,
    },
    {
        "id": "report-en-negation-normal-024", "locale": "en", "tags": ["en", "all-normal", "pipes"],
        "messages": ["""| Test | Result | Units | Reference |
| Sodium | 140 | mmol/L | 135-145 |
| Potassium | 4.2 | mmol/L | 3.5-5.1 |
| Glucose | 88 | mg/dL | 70-99 |
| Calcium | 9.6 | mg/dL | 8.6-10.3 |"""],
        "flags": [("NA", "N"), ("K", "N"), ("GLU", "N"), ("CA", "N")],
        "critical": False,
    },
    {
        "id": "report-en-vertical-cells-036", "locale": "en", "tags": ["en", "vertical-layout", "critical"],
        "messages": ["Potassium\nResult: 6.4 mmol/L\nReference range: 3.5-5.1\nSodium\nResult: 138 mmol/L\n"
                     "Reference range: 135-145"],
        "flags": [("K", "HH"), ("NA", "N")],
        "critical": True,
    },
    {
        "id": "report-zh-marker-before-value-037", "locale": "zh", "tags": ["zh", "column-order", "marker-first"],
        "messages": ["项目 提示 结果 单位 参考区间\n白细胞 ↑ 10.8 10^9/L 3.5-9.5\n中性粒细胞% ↑ 78.5 % 40-75\n"
                     "血红蛋白  132 g/L 130-175"],
        "flags": [("WBC", "H"), ("NEUT%", "H"), ("HGB", "N")],
        "critical": False,
    },
    {
        "id": "report-en-shorthand-sex-038", "locale": "en", "tags": ["en", "chat", "sex", "no-units"],
        "messages": ["58F, labs today: creatinine 1.1, hgb 11.8, alt 45"],
        # An English report without ranges is read against US-style ranges (female: Cr 0.6-1.1, Hb 12.0-15.5).
        "flags": [("CREA", "N"), ("HGB", "L"), ("ALT", "N")],
        "critical": False,
    },
    {
        "id": "report-en-lab-code-column-039", "locale": "en", "tags": ["en", "us", "lab-code-column"],
        "messages": ["Glucose  01  142  High  mg/dL  65-99  01\nHemoglobin A1c  02  7.4  High  %  4.8-5.6  02"],
        "flags": [("GLU", "H"), ("HBA1C", "H")],
        "critical": False,
    },
    {
        "id": "report-zh-unknown-qualitative-040", "locale": "zh", "tags": ["zh", "unknown-analyte", "qualitative"],
        "messages": ["乙肝五项：HBsAg 阴性 阴性\nHBeAg 阴性 阴性\nHBcAb 阳性 ↑ 阴性"],
        "flags": [("HBSAG", "N"), ("HBEAG", "N"), ("HBCAB", "H")],
        "critical": False,
    },
    {
        "id": "report-en-quest-columns-041", "locale": "en", "tags": ["en", "us", "in-range-out-of-range-columns"],
        "messages": ["""Test Name                         In Range    Out of Range    Reference Range    Lab
COMPREHENSIVE METABOLIC PANEL
GLUCOSE                                        112 H          65-99 mg/dL        TP
  Fasting reference interval
UREA NITROGEN (BUN)               15                          7-25 mg/dL         TP
CREATININE                        0.92                        0.60-1.29 mg/dL    TP
eGFR NON-AFR. AMERICAN            95                          > OR = 60 mL/min/1.73m2
BUN/CREATININE RATIO              NOT APPLICABLE              6-22 (calc)        TP
POTASSIUM                                      5.5 H          3.5-5.3 mmol/L     TP
WHITE BLOOD CELL COUNT            7.5                         3.8-10.8 Thousand/uL
ABSOLUTE NEUTROPHILS              4200                        1500-7800 cells/uL
PLATELET COUNT                                 120 L          140-400 Thousand/uL"""],
        "flags": [("GLU", "H"), ("UREA", "N"), ("CREA", "N"), ("EGFR", "N"), ("K", "H"), ("WBC", "N"),
                  ("NEUT#", "N"), ("PLT", "L")],
        "critical": False,
    },
    {
        "id": "report-zh-decimal-comma-042", "locale": "zh", "tags": ["zh", "decimal-comma", "ocr"],
        "messages": ["钾 K 3,1 mmol/L 3,5-5,3\n钠 Na 139 mmol/L 137-147\n葡萄糖 GLU 5,4 mmol/L 3,9-6,1"],
        "flags": [("K", "L"), ("NA", "N"), ("GLU", "N")],
        "critical": False,
    },
]
