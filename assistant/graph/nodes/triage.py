"""The triage capability: a short interview over free text that ends in a level on the five-level scale.

Each turn merges what the patient said (the deterministic lexicon, plus the model's findings when configured;
a symptom either side saw counts) with the interview so far, runs the red flags over everything known, and
either asks the next most useful question or gives the final disposition. State lives in `response.flow`.
"""

from __future__ import annotations

import re
from typing import Any

from assistant.graph.capability import (
    Attachment,
    CapabilityRequest,
    CapabilityResponse,
    EscalationRequest,
    Finding,
)
from assistant.reply import Choice, Locale, Question, TriageInfo

# Findings that describe context (history, medicines), not a complaint: alone they do not make a triage request.
_CONTEXT_CODES = frozenset({"pregnant", "postpartum", "diabetes", "heart_disease", "lung_disease", "immunosuppressed",
                            "anticoagulant", "recent_surgery", "vaccination_recent", "allergen_exposure",
                            "contact_lens", "usual_pattern"})
_COMPLAINT_WORDS = re.compile(
    r"\b(?:sick|unwell|ill|hurts?|hurting|pain(?:ful)?|ache|aching|sore|symptoms?|feel(?:ing)? (?:bad|awful|off|"
    r"terrible|weird|strange)|not feeling well|worried about my|what should i do|should i (?:go|see))\b|"
    r"不舒服|难受|疼|痛|症状|生病|病了|怎么办|要不要去医院|需要去医院|看医生吗|挂什么科")
# Lay ways of raising a health worry without naming a symptom ("something's off with nana", "a funny turn",
# "should I be worried about a mole", "is it normal for a 2 month old to ..."): the triage interview takes them.
_EN_CONCERN = re.compile(
    r"\b(?:something'?s|something is|something was) (?:off|wrong|not right|up) with (?:my|her|him|his|nana|"
    r"grandma|grandad|mum|mom|dad|the baby)\b|\b(?:a|had a|having a|took a) funny turn\b|\bout of sorts\b|"
    r"\b(?:should|do) i (?:be )?(?:worried|concerned|worry)\b|"
    r"\b(?:worried|concerned|anxious) (?:about|that) (?:my|his|her|this|a|the)\b|"
    r"\bis (?:it|this|that) (?:normal|ok|okay|serious|something to worry about) for (?:a|an|my|our) "
    r"(?:\d+[- ](?:day|week|month|year)[- ]old|baby|newborn|toddler|child|son|daughter|kid|teenager)\b|"
    r"\b(?:swallowed|inhaled|choked on) (?:a|an|some|his|her|my|one of)\b|"
    r"\b(?:up|in) (?:his|her|my|their) (?:nose|ear|nostril)\b|"
    r"\b(?:rolled|fell) off (?:the|a|our|my) (?:bed|sofa|couch|changing table|table|chair)\b|"
    r"\bdrink (?:was|got|has been) spiked\b|"
    r"\b(?:dark|brown|cloudy|smelly|foamy|red|pink)(?: and \w+)? (?:wee|pee|urine)\b|"
    r"\b(?:wee|pee|urine) (?:is|looks) (?:really |very )?(?:dark|brown|cloudy|red|pink)\b")
# A body part with a word of trouble ("my toe is purple", "后背长了个东西"): a complaint the lexicon may not know.
_BODY_TROUBLE = re.compile(
    r"\b(?:head|eyes?|ears?|nose|mouth|lips?|tongue|teeth|tooth|gums?|throat|neck|shoulders?|chest|breasts?|back|"
    r"stomach|tummy|belly|abdomen|arms?|elbows?|wrists?|hands?|fingers?|nails?|hips?|legs?|knees?|ankles?|feet|foot|"
    r"toes?|skin|scalp|hair|bottom|bum|anus|penis|testicles?|vagina|groin|bladder|bowels?|pee|urine|poo|stool|"
    r"period)\b[^.;!?]{0,30}\b(?:hurts?|hurting|sore|swollen|swelling|itch\w*|red|lump|bump|bleed\w*|weird|strange|"
    r"funny|odd|wrong|problem|issue|stiff|numb|tingl\w*|purple|blue|black|yellow|rash|spots?|pain\w*|ache|aching|"
    r"discharge|smell\w*|burn\w*|cracked|peeling|bruis\w*|growth|changed|clicking)\b|"
    r"(?:头|眼|耳|鼻|嘴|唇|舌|牙|喉|嗓|脖|颈|肩|胸|乳|背|腰|腹|肚|胃|手|臂|胳膊|肘|腕|指|甲|髋|腿|膝|脚|踝|趾|皮肤|头皮|"
    r"头发|屁股|肛|尿|便|月经|阴|睾丸|下面)[^,.;!?]{0,8}(?:痛|疼|肿|痒|红|胀|麻|酸|烫|流|出血|长了|异常|不对|不舒服|"
    r"难受|发紫|发黑|发黄|发白|硬|僵|起|掉)")
_LAB_ROWS = re.compile(r"(?im)^.*\d+(?:\.\d+)?\s*(?:mmol/l|umol/l|μmol/l|g/l|mg/dl|u/l|iu/l|x?10\^?\d+/l|×10|%|"
                       r"pg|fl|ng/ml|miu/ml).*$")
_LAB_WORDS = re.compile(r"化验|检验报告|报告单|血常规|肝功能|参考范围|参考值|lab report|blood test results|"
                        r"reference range")


def _has_lab_results(text: str) -> bool:
    """Whether the text holds results themselves (a catalogue test with its value, a range or a flag).

    Without any, "查了血常规说是病毒感染" beside a symptom story is a complaint that mentions a test, not a report to
    read (round ee zh). The reports capability's own parser and analyte catalogue decide, so a test it knows is
    known here too.
    """
    from tools.reports.parse_text import parse_text

    return any(r.code or r.ref or r.ref_qualitative or r.marker for r in parse_text(text).results)


def match(text: str, locale: Locale, attachments: list[Attachment]) -> float:
    """How sure (0..1) this message is a symptom complaint. Pure and fast; no model."""
    from assistant.nlu.findings import extract_findings

    text = text or ""
    if len(_LAB_ROWS.findall(text)) >= 3 or (attachments and _LAB_WORDS.search(text)):
        return 0.1
    present = [f for f in extract_findings(text, locale) if f.present and f.code not in _CONTEXT_CODES]
    if attachments and not present:
        return 0.1
    if _LAB_WORDS.search(text.lower()) and not (present and not _has_lab_results(text)):
        return 0.3 if present else 0.05
    if present:
        return min(0.95, 0.75 + 0.05 * len(present))
    lowered = text.lower()
    if _COMPLAINT_WORDS.search(lowered) or _BODY_TROUBLE.search(lowered) or _EN_CONCERN.search(lowered):
        return 0.6
    return 0.05


def handle(request: CapabilityRequest) -> CapabilityResponse:
    """One turn of the triage interview (see the module docstring)."""
    from tools.triage.answers import all_choices, apply_answer
    from tools.triage.engine import MAX_QUESTIONS, assess, next_question
    from tools.triage.knowledge import questions_by_id, symptom_lexicon
    from tools.triage.red_flags import EMERGENCY_LEVELS
    from tools.triage.render import advice_for, asking_text, final_text, reasons_for, referral_for

    locale = request.locale
    flow = dict(request.flow or {})
    facts = _facts_from_flow(flow)
    asked: list[str] = list(flow.get("asked", []))
    pending = flow.get("pending")
    bank = questions_by_id()
    if pending in bank:
        apply_answer(bank[pending], facts, choice=request.choice, text=request.text)
    _merge_message(request, facts, set(symptom_lexicon().findings))

    assessment = assess(facts)
    question = next_question(facts, assessment, asked) if len(asked) < MAX_QUESTIONS else None
    number = request.config.emergency_number.get(locale) or ("120" if locale == "zh" else "911")
    complaint = assessment.protocols[0].label[locale] if assessment.protocols else None
    red_flags = [hit.label[locale] for hit in assessment.red_flags]
    facts_out: dict[str, Any] = {"level": assessment.level, "red_flags": [hit.id for hit in assessment.red_flags],
                                 "protocols": [p.id for p in assessment.protocols]}

    if question is not None:
        asked.append(question.id)
        choices = [Choice(id=c.id, label=c.label[locale]) for c in all_choices(question)]
        return CapabilityResponse(
            route="triage",
            text=asking_text(assessment, locale, question.prompt[locale]),
            question=Question(id=question.id, prompt=question.prompt[locale], choices=choices),
            triage=TriageInfo(level=assessment.level, reasons=reasons_for(assessment, locale),
                              red_flags=red_flags, final=False, complaint=complaint),
            flow=_flow_from_facts(facts, asked, question.id),
            facts=facts_out,
        )

    escalate = None
    if assessment.level in EMERGENCY_LEVELS:
        summary = "; ".join(f"{hit.id}: {hit.evidence}" for hit in assessment.red_flags) or assessment.level
        escalate = EscalationRequest(reason="red_flag", priority="high", summary=summary[:500])
    return CapabilityResponse(
        route="triage",
        text=final_text(assessment, locale, number),
        triage=TriageInfo(level=assessment.level, reasons=reasons_for(assessment, locale), red_flags=red_flags,
                          final=True, advice=advice_for(assessment, locale, number), complaint=complaint),
        referral=referral_for(assessment.level),
        escalate=escalate,
        flow=None,
        facts=facts_out,
    )


def _merge_message(request: CapabilityRequest, facts: Any, known_codes: set[str]) -> None:
    """This message's findings and slots: our own lexicon over the text, plus the understanding step's.

    A model's denial is ignored (it must not hide a symptom or skip a question); its present findings count.
    """
    from assistant.nlu.findings import extract_findings, extract_slots

    findings: list[Finding] = list(request.understanding.findings)
    if request.text:
        findings += extract_findings(request.text, request.locale)
    for finding in findings:
        if finding.code not in known_codes:
            continue
        if finding.source == "model" and not finding.present:
            continue
        facts.add(finding.code, finding.present, finding.evidence)
    slots: dict[str, Any] = {}
    for name, value in (request.understanding.slots or {}).items():
        clean = _clean_slot(name, value)
        if clean is not None:
            slots[name] = clean
    if request.text:
        slots.update(extract_slots(request.text, request.locale))
    for name, value in slots.items():
        if name == "pregnant" and facts.slots.get("pregnant") is True and value is False:
            continue  # a later "not pregnant" in passing does not undo a stated pregnancy
        if name == "temperature_c" and isinstance(facts.slots.get(name), (int, float)):
            value = max(float(facts.slots[name]), float(value))  # the highest temperature counts
        if name == "subject" and name in facts.slots:
            continue  # who the patient is was settled by the first message
        facts.slots[name] = value
    temperature = facts.slots.get("temperature_c")
    if isinstance(temperature, (int, float)) and temperature >= 38.0:
        facts.add("fever", True, f"{temperature}°C")


_NUMERIC_SLOTS = frozenset({"age", "temperature_c", "duration_hours", "pregnancy_weeks"})
_BOOL_SLOTS = frozenset({"pregnant", "postpartum"})


def _clean_slot(name: str, value: Any) -> Any:
    """A slot from the understanding step (possibly a model's), kept only when it has the expected type."""
    if value is None:
        return None
    if name in _NUMERIC_SLOTS:
        try:
            number = float(value)
        except (TypeError, ValueError):
            return None
        return number if number >= 0 else None
    if name in _BOOL_SLOTS:
        return value if isinstance(value, bool) else None
    return value if isinstance(value, (str, int, float, bool)) else None


def _facts_from_flow(flow: dict[str, Any]) -> Any:
    from tools.triage.facts import Facts

    return Facts(findings={str(k): bool(v) for k, v in dict(flow.get("findings", {})).items()},
                 evidence={str(k): str(v) for k, v in dict(flow.get("evidence", {})).items()},
                 slots=dict(flow.get("slots", {})))


def _flow_from_facts(facts: Any, asked: list[str], pending: str) -> dict[str, Any]:
    return {"findings": dict(facts.findings), "evidence": dict(facts.evidence), "slots": dict(facts.slots),
            "asked": list(asked), "pending": pending}
