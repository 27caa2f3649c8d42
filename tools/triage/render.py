"""Patient-facing template text for a triage result (bilingual), and the referral each level requires."""

from __future__ import annotations

from assistant.reply import Locale, Referral, TriageLevel
from tools.triage.engine import Assessment

_HEADLINE: dict[TriageLevel, dict[str, str]] = {
    "emergency_ambulance": {
        "zh": "这可能是急症。请立即拨打{number}急救电话，不要等待。",
        "en": "This could be an emergency. Call {number} for an ambulance now; do not wait.",
    },
    "emergency": {
        "zh": "请立即去最近的医院急诊。如果情况加重或无法安全前往，请拨打{number}。",
        "en": "Please go to the nearest emergency department now. If things get worse or you cannot get there "
              "safely, call {number}.",
    },
    "consultation_24": {
        "zh": "建议在24小时内看医生（今天或明天的门诊，夜间可去急诊）。",
        "en": "Please see a doctor within 24 hours (today or tomorrow; out of hours, an urgent care or emergency "
              "service).",
    },
    "consultation": {
        "zh": "建议近期预约医生门诊检查，不需要去急诊。",
        "en": "Please book an appointment with a doctor in the next few days; this does not need the emergency "
              "department.",
    },
    "self_care": {
        "zh": "目前看起来可以先在家自我护理。",
        "en": "From what you have told me, this looks safe to look after at home for now.",
    },
}
_REASONS = {"zh": "判断依据：", "en": "Why: "}
_DO_NOW = {"zh": "现在可以做的：", "en": "What to do now: "}
_SELF_CARE = {"zh": "自我护理：", "en": "Self-care: "}
_SAFETY_NET = {
    "zh": "如果症状加重、出现新的症状，或者您很担心，请及时就医。",
    "en": "If things get worse, new symptoms appear, or you are worried, get medical help.",
}
_NOT_DIAGNOSIS = {"zh": "以上是分诊建议，不是诊断。", "en": "This is triage advice, not a diagnosis."}
_MEDICINES = {
    "zh": "用药请遵医嘱或咨询药师。",
    "en": "For medicines, follow your doctor's advice or ask a pharmacist.",
}
_ASKING = {
    "zh": "为了判断需要多快就医，我想再问一个问题（不确定可以回答“不知道”）：",
    "en": "To work out how soon you need care, one more question (you can answer \"I don't know\"):",
}
_ASKING_URGENT = {
    "zh": "目前看需要尽快看医生。我想再确认一点（不确定可以回答“不知道”）：",
    "en": "So far this needs a doctor soon. One more thing to check (you can answer \"I don't know\"):",
}


def referral_for(level: TriageLevel) -> Referral:
    if level in ("emergency_ambulance", "emergency"):
        return Referral(needed=True, to="emergency", urgency="now")
    if level == "consultation_24":
        return Referral(needed=True, to="doctor", urgency="within_24h")
    if level == "consultation":
        return Referral(needed=True, to="doctor", urgency="routine")
    return Referral(needed=False)


def advice_for(assessment: Assessment, locale: Locale, number: str) -> list[str]:
    """What to do now: red-flag advice first; self-care advice only when the level allows it."""
    advice = [hit.advice[locale] for hit in assessment.red_flags if hit.level == assessment.level]
    advice += [hit.advice[locale] for hit in assessment.red_flags if hit.level != assessment.level]
    if not advice:
        advice.append(_HEADLINE[assessment.level][locale].format(number=number))
    if assessment.level in ("self_care", "consultation"):
        for protocol in assessment.protocols:
            if protocol.self_care:
                advice.append(protocol.self_care[locale])
    return list(dict.fromkeys(advice))


def reasons_for(assessment: Assessment, locale: Locale) -> list[str]:
    return [reason.text[locale] for reason in assessment.reasons if reason.text.get(locale)]


def final_text(assessment: Assessment, locale: Locale, number: str) -> str:
    zh = locale == "zh"
    parts = [_HEADLINE[assessment.level][locale].format(number=number)]
    reasons = reasons_for(assessment, locale)[:4]
    if reasons:
        parts.append(_REASONS[locale] + ("；".join(reasons) if zh else "; ".join(reasons)) + ("。" if zh else "."))
    red_flag_advice = [hit.advice[locale] for hit in assessment.red_flags[:2]]
    if red_flag_advice:
        parts.append(_DO_NOW[locale] + " ".join(red_flag_advice))
    if assessment.level in ("self_care", "consultation"):
        care = [p.self_care[locale] for p in assessment.protocols if p.self_care]
        if care:
            parts.append(_SELF_CARE[locale] + " ".join(dict.fromkeys(care)))
        parts.append(_MEDICINES[locale])
    if assessment.level not in ("emergency_ambulance", "emergency"):
        parts.append(_SAFETY_NET[locale])
    parts.append(_NOT_DIAGNOSIS[locale])
    return "\n".join(parts)


def asking_text(assessment: Assessment, locale: Locale, prompt: str) -> str:
    lead = _ASKING_URGENT if assessment.level == "consultation_24" else _ASKING
    return f"{lead[locale]}\n{prompt}"
