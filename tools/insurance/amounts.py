"""Reimbursement arithmetic: the patient's numbers and the plan's rules, every step shown.

Rules: eligible = total - self-paid share of Category B (乙类) drugs; the fund pays (eligible - deductible) x ratio,
at most the cap; the patient pays the rest. Numbers are read from the question ("住院花了2万，起付线1200，报销比例
85%", "my bill was $3,000, deductible $257, coinsurance 20%"); missing rules may come from a plan's rule file.
"""

from __future__ import annotations

import re

from pydantic import BaseModel

from assistant.nlu.numbers import zh_to_number
from tools.insurance.models import AmountResult, AmountStep
from tools.insurance.terms import normalize

_CN_NUMBER = "零〇一二三四五六七八九十百千两"
_NUMBER = re.compile(
    rf"(?P<pct_cn>百分之(?P<pct_cn_value>[{_CN_NUMBER}]+|\d+(?:\.\d+)?))"
    rf"|(?P<cur>[$¥￥])?\s?(?P<value>\d[\d,]*(?:\.\d+)?|[{_CN_NUMBER}]+(?:点[{_CN_NUMBER}]+)?)\s*"
    r"(?P<unit>%|％|percent|成|万元|万|千元|千|k|元|块钱|块|美元|dollars?|yuan|rmb)?",
    re.I,
)
# The role of a number is named by the nearest of these words before it in the same clause.
ROLE_WORDS: dict[str, tuple[str, ...]] = {
    "deductible": ("起付线", "起付标准", "起付", "门槛", "免赔", "deductible", "deductable", "threshold"),
    "cap": ("封顶线", "封顶", "最高支付限额", "最高支付", "最高报销", "最高", "限额", "cap", "limit", "maximum"),
    "class_b_share": ("乙类先自付", "先行自付", "先自付", "个人先行自付"),
    "class_b": ("乙类药", "乙类"),
    "patient_ratio": ("自付比例", "个人负担", "coinsurance", "copay", "co-pay", "i pay", "patient pays"),
    "ratio": ("报销比例", "支付比例", "报销", "报", "比例", "ratio", "reimburse", "covers", "pays", "reimbursement"),
    # What the patient earns or owns ("收入大概两万美元", "savings of $15,000"): a means test's figures, not a bill.
    "means": (
        "收入", "存款", "资产", "积蓄", "存了", "月薪", "年薪", "工资", "income", "savings", "assets", "resources",
        "salary", "earn", "in the bank",
    ),
    "total": (
        "花了", "花费", "总共", "一共", "共计", "费用", "医药费", "住院费", "账单",
        "spent", "bill", "cost", "total", "charges", "paid", "came to",
    ),
}


class RuleSet(BaseModel):
    """A plan's rules for one kind of care (from a reviewed data file)."""

    deductible: float
    ratio: float
    cap: float | None = None
    class_b_self_paid_share: float = 0.0
    source_sections: list[str] = []


class ParsedAmounts(BaseModel):
    total: float | None = None
    deductible: float | None = None
    ratio: float | None = None
    cap: float | None = None
    class_b: float | None = None
    class_b_share: float | None = None


def parse_chinese_number(text: str) -> float | None:
    """'两万' is handled by the caller's unit; this reads '一千二百', '八十五', '十二', '三点五' (the NLU's parser)."""
    return zh_to_number(text)


def _value(raw: str) -> float | None:
    if raw[0].isdigit():
        return float(raw.replace(",", ""))
    return parse_chinese_number(raw)


def parse_amounts(question: str) -> ParsedAmounts:
    """The figures in a question with their roles. Percentages become fractions; 万/千/k multiply."""
    text = re.sub(r"(\d),(?=\d{3}(?!\d))", r"\1", normalize(question))
    parsed = ParsedAmounts()
    for clause in re.split(r"[,;。；!?？！\n]|，|\band\b|而且|然后", text):
        for match in _NUMBER.finditer(clause):
            unit = (match.group("unit") or "").lower()
            if match.group("pct_cn"):
                number = _value(match.group("pct_cn_value"))
                unit = "%"
            else:
                number = _value(match.group("value"))
            if number is None or (not match.group("value") or not match.group("value")[0].isdigit()) and not unit:
                continue  # a bare Chinese numeral ("一次") is not an amount
            after = clause[match.end() : match.end() + 8]
            if _looks_like_year(match.group("value"), unit, after, match.group("cur")):
                continue
            before = clause[: match.start()]
            role = _role(before, unit, bool(match.group("cur")))
            if role is None or _MEANS_AFTER.match(clause[match.end() :]):
                continue
            if unit in {"%", "％", "percent"}:
                number /= 100
            elif unit == "成":
                number /= 10
            elif unit in {"万", "万元"}:
                number *= 10000
            elif unit in {"千", "千元", "k"}:
                number *= 1000
            if role == "patient_ratio":
                role, number = "ratio", 1 - number
            if getattr(parsed, role) is None:
                setattr(parsed, role, number)
    return parsed


# What one owns or earns named after the figure ("$9,000 in savings", "两万的存款").
_MEANS_AFTER = re.compile(
    r"\s*(?:in (?:savings|the bank|assets|resources)|of (?:income|savings|assets)|的?(?:存款|积蓄|收入))"
)
_TIME_AFTER = re.compile(r"[\s-]*(?:years?|yrs?|months?|weeks?|days?|hours?|times)\b")


def _looks_like_year(value: str | None, unit: str, after: str, currency: str | None) -> bool:
    if not value or currency or unit:
        return False
    return (
        bool(re.fullmatch(r"(19|20)\d\d", value))
        or after.startswith(("年", "岁", "周岁", "天", "个月", "次"))
        # "paid in for 7 years": a count of time or of times, not an amount of money
        or _TIME_AFTER.match(after) is not None
    )


def _role(before: str, unit: str, has_currency: bool = False) -> str | None:
    is_share = unit in {"%", "％", "percent", "成"}
    best: tuple[int, str] | None = None
    for candidate, words in ROLE_WORDS.items():
        if candidate == "means" and is_share:
            continue  # a share of one's income ("工资的8%") is a rate, read as before
        for word in words:
            at = before.rfind(word)
            if at >= 0 and (best is None or at + len(word) > best[0]):
                best = (at + len(word), candidate)
    role: str | None = best[1] if best else None
    if role == "means":
        return None
    if is_share:
        if role == "class_b":
            return "class_b_share"
        return role if role in {"ratio", "patient_ratio", "class_b_share"} else ("ratio" if role is None else None)
    if role in {"ratio", "patient_ratio", "class_b_share"}:
        return None  # money named by a ratio word ("报了3000") is an outcome, not a rule
    if role is None and not (has_currency or unit):
        return None  # a bare number with no money word or currency ("Part B", "3 times") is not an amount
    return role or "total"


def _money(value: float) -> str:
    return f"{value:,.2f}"


def compute(amounts: ParsedAmounts, plan: RuleSet | None = None) -> AmountResult | None:
    """The arithmetic, when the total and a ratio are known (from the question, else from the plan)."""
    if amounts.total is None:
        return None
    from_plan = plan is not None and (amounts.ratio is None or amounts.deductible is None)
    ratio = amounts.ratio if amounts.ratio is not None else (plan.ratio if plan else None)
    if ratio is None or not 0 < ratio <= 1:
        return None
    deductible = amounts.deductible if amounts.deductible is not None else (plan.deductible if plan else 0.0)
    cap = amounts.cap if amounts.cap is not None else (plan.cap if plan and from_plan else None)
    share = amounts.class_b_share
    if share is None:
        share = plan.class_b_self_paid_share if plan and amounts.class_b else 0.0
    total = amounts.total
    class_b = min(amounts.class_b or 0.0, total)
    steps: list[AmountStep] = []
    first_paid = round(class_b * share, 2)
    eligible = total - first_paid
    if first_paid:
        steps.append(AmountStep(
            zh=f"乙类药品先自付：{_money(class_b)} × {share:.0%} = {_money(first_paid)} 元",
            en=f"Category B drugs, self-paid share first: {_money(class_b)} × {share:.0%} = {_money(first_paid)}",
        ))
        steps.append(AmountStep(
            zh=f"进入报销的费用：{_money(total)} − {_money(first_paid)} = {_money(eligible)} 元",
            en=f"Amount eligible for reimbursement: {_money(total)} − {_money(first_paid)} = {_money(eligible)}",
        ))
    above = max(0.0, eligible - deductible)
    steps.append(AmountStep(
        zh=f"扣除起付线：{_money(eligible)} − {_money(deductible)} = {_money(above)} 元",
        en=f"After the deductible: {_money(eligible)} − {_money(deductible)} = {_money(above)}",
    ))
    fund = round(above * ratio, 2)
    steps.append(AmountStep(
        zh=f"按报销比例：{_money(above)} × {ratio:.0%} = {_money(fund)} 元",
        en=f"At the reimbursement ratio: {_money(above)} × {ratio:.0%} = {_money(fund)}",
    ))
    if cap is not None and fund > cap:
        steps.append(AmountStep(
            zh=f"超过封顶线 {_money(cap)} 元，医保最多支付 {_money(cap)} 元",
            en=f"This exceeds the cap of {_money(cap)}; the plan pays at most {_money(cap)}",
        ))
        fund = cap
    patient = round(total - fund, 2)
    steps.append(AmountStep(
        zh=f"个人负担：{_money(total)} − {_money(fund)} = {_money(patient)} 元",
        en=f"You pay: {_money(total)} − {_money(fund)} = {_money(patient)}",
    ))
    return AmountResult(
        total=total, deductible=deductible, ratio=ratio, cap=cap, self_paid_share=share, fund_pays=fund,
        patient_pays=patient, steps=steps, rule_source="plan" if from_plan else "question",
    )
