"""compose: the reply text. The capability's template by default; the model's phrasing when configured.

The model only rewords a final result (never a question in progress, a greeting, a refusal or an emergency) with
the versioned prompt in prompts/phrase.yaml. Its text is streamed: each sentence is checked as soon as it is
complete (every number and grounding term in it must be in the template) and only then released to the patient
through LangGraph's custom stream (`{"delta": sentence}`). The first sentence that fails ends the phrasing: the
template is the reply and the event is recorded. The whole text is checked again by `check_output`.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from typing import Any

import yaml
from langgraph.runtime import Runtime
from pydantic import BaseModel, Field

from assistant.graph.state import Context, State
from assistant.llm import ModelError
from prompts import PROMPTS_DIR, LocalizedText

log = logging.getLogger(__name__)

# Routes whose text is never rephrased: emergencies and refusals are fixed, reviewed texts; small talk is short.
FIXED_ROUTES = ("emergency", "refusal", "general")
# A phrasing far longer than the template is padding the patient did not need (and more to go wrong).
MAX_LENGTH_RATIO = 2.5
MIN_LENGTH_RATIO = 0.3

# A number not glued to Latin letters ("HbA1c" has none); a "-" is a range separator, not a sign.
_NUMBER = re.compile(r"(?<![A-Za-z0-9.])\d+(?:[.,]\d+)*")
_SENTENCE_END = "。！？!?\n"


class PhrasePrompt(BaseModel):
    version: str = Field(min_length=1)
    system: LocalizedText
    user: LocalizedText


class GroundingTerms(BaseModel):
    """Words that carry a decision (levels, referrals); a sentence may use one only if the template does."""

    version: str
    source: str
    terms: dict[str, list[str]]  # locale -> terms


@lru_cache
def phrase_prompt() -> PhrasePrompt:
    data = yaml.safe_load((PROMPTS_DIR / "phrase.yaml").read_text(encoding="utf-8"))
    return PhrasePrompt.model_validate(data)


@lru_cache
def grounding_terms() -> GroundingTerms:
    data = yaml.safe_load((PROMPTS_DIR / "grounding_terms.yaml").read_text(encoding="utf-8"))
    return GroundingTerms.model_validate(data)


def template_text(state: State) -> str:
    response = state.get("response") or {}
    text = str(response.get("text", ""))
    screen = state.get("screen") or {}
    kind = screen.get("kind")
    if kind in ("dose", "diagnosis") and response.get("route") == "triage":
        from guardrails.replies import refusal_reply

        text = refusal_reply(kind, state["locale"]) + "\n\n" + text  # type: ignore[arg-type]
    return text


def is_final_result(response: dict[str, Any]) -> bool:
    """A decided answer worth phrasing: not a question in progress, not a fixed text."""
    if response.get("route") in FIXED_ROUTES or response.get("question"):
        return False
    unfinished = [part for part in ("triage", "tcm") if response.get(part) and not response[part].get("final")]
    return not unfinished


def should_phrase(state: State, context: Context, draft: str) -> bool:
    response = state.get("response") or {}
    return bool(draft.strip()) and not context.model.offline and context.model_phrasing and is_final_result(response)


def phrase_messages(draft: str, locale: str) -> list[dict[str, str]]:
    prompt = phrase_prompt()
    return [
        {"role": "system", "content": prompt.system.get(locale)},
        {"role": "user", "content": prompt.user.get(locale).format(draft=draft)},
    ]


# --- sentence checks -------------------------------------------------------------------------------


def numbers_in(text: str) -> set[str]:
    """The numbers in `text`, normalised ("5.60" and "5.6" are one number; "1,500" is 1500)."""
    found: set[str] = set()
    for raw in _NUMBER.findall(text):
        thousands = re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", raw)
        cleaned = raw.replace(",", "") if thousands else raw.replace(",", ".")
        try:
            value = float(cleaned)
        except ValueError:
            continue
        found.add(f"{value:g}")
    return found


def allowed_numbers(draft: str, response: dict[str, Any]) -> set[str]:
    """Numbers the reply may use: the template's and the result's (values, ranges, facts)."""
    numbers = numbers_in(draft)
    for analyte in (response.get("report") or {}).get("analytes", []):
        for key in ("value", "ref_low", "ref_high", "previous"):
            if analyte.get(key) is not None:
                numbers |= numbers_in(str(analyte[key]))
    facts = (response.get("facts") or {}).values()
    numbers |= numbers_in(" ".join(str(value) for value in facts if isinstance(value, str | int | float)))
    return numbers


def sentence_problem(sentence: str, draft: str, response: dict[str, Any], locale: str) -> str | None:
    """Why `sentence` may not be released (a rule name), or None when it is grounded in the result."""
    if numbers_in(sentence) - allowed_numbers(draft, response):
        return "ungrounded_number"
    lowered_sentence, lowered_draft = sentence.lower(), draft.lower()
    for term in grounding_terms().terms.get(locale, []):
        if term.lower() in lowered_sentence and term.lower() not in lowered_draft:
            return "ungrounded_term"
    return None


def complete_sentences(buffer: str) -> tuple[list[str], str]:
    """The finished sentences at the start of `buffer` and the unfinished rest (a "." needs a space after it)."""
    sentences: list[str] = []
    start = 0
    for index, char in enumerate(buffer):
        next_char = buffer[index + 1] if index + 1 < len(buffer) else None
        ends = char in _SENTENCE_END or (char == "." and next_char is not None and next_char in " \n")
        if ends:
            sentences.append(buffer[start : index + 1])
            start = index + 1
    return sentences, buffer[start:]


def _writer() -> Any:
    """LangGraph's custom stream writer, or a no-op outside a streamed run."""
    try:
        from langgraph.config import get_stream_writer

        return get_stream_writer()
    except Exception:  # not inside a runnable context (unit tests call the helpers directly)
        return lambda _chunk: None


async def phrase_streaming(state: State, context: Context, draft: str) -> tuple[str | None, str | None]:
    """(the phrased text, None) when every sentence passed; (None, the failed rule) otherwise."""
    response = state.get("response") or {}
    locale = state["locale"]
    # A reply that may be held for a clinician's review must not reach the patient early.
    release = _writer() if not response.get("escalate") else (lambda _chunk: None)
    released: list[str] = []
    buffer = ""
    try:
        async for chunk in context.model.stream_text(phrase_messages(draft, locale), context.usage):
            buffer += chunk
            sentences, buffer = complete_sentences(buffer)
            for sentence in sentences:
                if not sentence.strip() and not released:
                    continue  # no leading blank lines
                problem = sentence_problem(sentence, draft, response, locale)
                if problem is not None:
                    return None, problem
                released.append(sentence)
                release({"delta": sentence})
                if len("".join(released)) > MAX_LENGTH_RATIO * len(draft) + 40:
                    return None, "too_long"
    except ModelError as exc:
        log.warning("phrasing failed: %s", exc)
        return None, None
    if buffer.strip():
        problem = sentence_problem(buffer, draft, response, locale)
        if problem is not None:
            return None, problem
        released.append(buffer)
        release({"delta": buffer})
    text = "".join(released).strip()
    if not text:
        return None, None
    if numbers_in(draft) - numbers_in(text):
        # A reworded reply keeps every decided figure: one that drops a value or a range hides the result.
        return None, "dropped_number"
    if len(text) < MIN_LENGTH_RATIO * len(draft.strip()):
        return None, "too_short"
    return text, None


async def compose(state: State, runtime: Runtime[Context]) -> dict[str, Any]:
    draft = template_text(state)
    context = runtime.context
    if not should_phrase(state, context, draft):
        return {"text": draft, "prompt_version": "template"}
    text, problem = await phrase_streaming(state, context, draft)
    if text is None:
        update: dict[str, Any] = {"text": draft, "prompt_version": "template"}
        if problem is not None:
            # An ungrounded sentence is a safety event (recorded, and escalated like any replaced output); a
            # phrasing that is only too long or too short is not.
            action = "template_used" if problem in ("too_long", "too_short") else "replaced_output"
            update["safety"] = [*state.get("safety", []), {"rule": f"output_{problem}", "action": action}]
        return update
    return {"text": text, "prompt_version": phrase_prompt().version}
