"""TCM capability: the constitution questionnaire (60 questions, or 33 for people aged 65 and over) and the optional
four-diagnostic intake, as a multi-turn flow (see graph/capability.py for the contract).

The flow lives in `tools.tcm.flow` (pure); this module maps it to the capability contract:
- one `Question` per turn (items: id "A1".."I7" or "EL1".."EL33", choices "1".."5"; intro ids "sex", "age",
  "pregnant", "form"; "intake_offer"; intake ids such as "tongue_color"), with progress in the text;
- `response.flow`: the JSON state (answers, sex, age, form, intake findings, paused, locale); None when finished;
- when the questionnaire is complete: `tcm=TcmInfo(scores={type_code: score}, result={...}, final=True)`, a
  routine referral to a licensed TCM practitioner, `facts={"scores", "primary"}`, and session memory "tcm".

Type codes and the reference's letters: A balanced, B qi_deficiency, C yang_deficiency, D yin_deficiency,
E phlegm_dampness, F damp_heat, G blood_stasis, H qi_stagnation, I special_diathesis.
"""

from __future__ import annotations

import difflib
import logging
import re
from functools import lru_cache
from typing import Any

from assistant.graph.capability import Attachment, CapabilityRequest, CapabilityResponse
from assistant.reply import Choice, Locale, Question, Referral, TcmInfo

logger = logging.getLogger(__name__)

STRONG = 0.92
MEDIUM_WITH_INTENT = 0.8
MEDIUM = 0.55
ELSEWHERE_FACTOR = 0.5  # an acute symptom or a report in the same message: let the other capability win
_HAN = re.compile(r"[\u4e00-\u9fff]")
_LATIN = re.compile(r"[a-z]{2,}")


@lru_cache(maxsize=1)
def _match_phrases() -> dict[str, tuple[str, ...]]:
    from tools.tcm.answers import clean
    from tools.tcm.models import load_lexicon

    groups = load_lexicon().match
    return {name: tuple(clean(word) for word in words.all()) for name, words in groups.items()}


def _has(text: str, phrase: str) -> bool:
    if _HAN.search(phrase):
        return phrase in text
    return re.search(rf"(?<![a-z]){re.escape(phrase)}(?![a-z])", text) is not None


def _fix_constitution_typos(text: str) -> str:
    """"constitusion", "consitution" -> "constitution" (the one English word that carries the request)."""
    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        close = difflib.get_close_matches(word, ["constitution", "constitutions"], n=1, cutoff=0.8)
        return close[0] if close else word

    return re.sub(r"[a-z]{9,}", fix, text)


def match(text: str, locale: Locale, attachments: list[Attachment]) -> float:
    """How sure (0..1) that the message asks for the constitution questionnaire (or to resume it)."""
    from tools.tcm.answers import clean

    if attachments:
        return 0.05  # files are lab reports or images, never a questionnaire request
    normal = _fix_constitution_typos(clean(text))
    if not normal:
        return 0.0
    phrases = _match_phrases()
    if any(_has(normal, phrase) for phrase in phrases["strong"]):
        confidence = STRONG
    elif any(_has(normal, phrase) for phrase in phrases["medium"]):
        wants_test = any(_has(normal, phrase) for phrase in phrases["intent"])
        confidence = MEDIUM_WITH_INTENT if wants_test else MEDIUM
    else:
        return 0.0
    if any(_has(normal, phrase) for phrase in phrases["elsewhere"]):
        confidence *= ELSEWHERE_FACTOR
    return confidence


def _turn_locale(request: CapabilityRequest) -> Locale:
    """The request's locale, unless the message has no words (a bare "3"): then the flow's language."""
    saved = (request.flow or {}).get("locale")
    text = (request.text or "").lower()
    if saved in ("zh", "en") and not _HAN.search(text) and not _LATIN.search(text):
        return "zh" if saved == "zh" else "en"
    return request.locale


def _question(step: Any) -> Question:
    return Question(id=step.id, prompt=step.prompt, multi=step.multi,
                    choices=[Choice(id=choice_id, label=label) for choice_id, label in step.choices])


def handle(request: CapabilityRequest) -> CapabilityResponse:
    """One turn of the questionnaire (start, answer, back, pause, resume, quit, intake, result)."""
    from tools.tcm.flow import advance

    locale = _turn_locale(request)
    try:
        turn = advance(request.flow, request.text, request.choice, locale)
    except Exception:  # a bug must not crash the patient's chat; the state is kept so nothing is lost
        logger.exception("tcm flow failed (session %s)", request.session_id)
        text = ("抱歉，体质问卷出了点问题，请再发一次您的回答，或回复“退出”。" if locale == "zh"
                else "Sorry, something went wrong with the questionnaire. Please send your answer again, or 'quit'.")
        return CapabilityResponse(route="tcm", text=text, flow=request.flow)
    flow = turn.flow
    if flow is not None:
        flow["locale"] = locale
    response = CapabilityResponse(
        route="tcm",
        text=turn.text,
        question=_question(turn.step) if turn.step is not None else None,
        flow=flow,
    )
    if turn.result is not None and turn.scores is not None:
        response.tcm = TcmInfo(scores=turn.scores, result=turn.result, final=turn.final)
        response.referral = Referral(needed=True, to="tcm_practitioner", urgency="routine")
        response.facts = {"scores": turn.scores, "primary": turn.result["primary"]}
        response.memory = {"tcm": {"primary": turn.result["primary"], "scores": turn.scores,
                                   "judgments": turn.result["judgments"], "form": turn.result["form"]}}
    return response
