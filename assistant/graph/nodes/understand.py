"""understand: deterministic NLU always; the model's intent and findings (validated JSON) when one is configured.

The model is asked only when the deterministic reading is thin: free text that no capability recognises, with no
symptom found, no small talk, no flow in progress and no attachment. That keeps model calls to what the lexicons
miss (lay wording, typos, other phrasings), and at most one per turn. Its answer is JSON validated against
`ModelUnderstanding`; invalid output gets one repair attempt (assistant/llm.py), then the deterministic result
stands. For findings the union counts: a symptom either side saw is kept, and the model can never remove one.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any, Literal

import yaml
from langgraph.runtime import Runtime
from pydantic import BaseModel, Field

from assistant.graph.capability import Finding, Understanding
from assistant.graph.nodes.general import small_talk_intent
from assistant.graph.state import Context, State
from prompts import PROMPTS_DIR

log = logging.getLogger(__name__)

Intent = Literal["triage", "report", "tcm", "insurance", "greeting", "capabilities", "thanks", "other"]
# A capability at least this sure (route.START_THRESHOLD) already knows what the message is about.
CONFIDENT_MATCH = 0.5
MAX_TEXT_CHARS = 4000


class ModelFinding(BaseModel):
    code: str = Field(max_length=80)
    present: bool = True


class ModelUnderstanding(BaseModel):
    intent: Intent = "other"
    findings: list[ModelFinding] = Field(default_factory=list, max_length=30)


class UnderstandPrompt(BaseModel):
    version: str = Field(min_length=1)
    system: str = Field(min_length=1)
    user: str = Field(min_length=1)


@lru_cache
def understand_prompt() -> UnderstandPrompt:
    data = yaml.safe_load((PROMPTS_DIR / "understand.yaml").read_text(encoding="utf-8"))
    return UnderstandPrompt.model_validate(data)


def deterministic_findings(text: str, locale: str) -> tuple[list[Finding], dict[str, Any]]:
    try:
        from assistant.nlu.findings import extract_findings, extract_slots
    except ImportError:  # the symptom lexicon is not installed
        return [], {}
    return extract_findings(text, locale), extract_slots(text, locale)  # type: ignore[arg-type]


def known_finding_codes() -> list[str]:
    """The symptom codes of the triage lexicon, which are the only codes the model may answer with."""
    try:
        from tools.triage.knowledge import symptom_lexicon
    except ImportError:  # the triage capability is not installed
        return []
    return sorted(symptom_lexicon().findings)


async def understand(state: State, runtime: Runtime[Context]) -> dict[str, Any]:
    locale = state["locale"]
    text = runtime.context.turn.text
    findings, slots = deterministic_findings(text, locale) if text.strip() else ([], {})
    understanding = Understanding(
        locale=locale, text=text, intent=small_talk_intent(text), findings=findings, slots=slots  # type: ignore[arg-type]
    )
    if not runtime.context.model.offline and needs_model(state, understanding, runtime.context):
        await add_model_understanding(understanding, runtime.context)
    return {"understanding": understanding.model_dump()}


def best_match(text: str, locale: str, context: Context | None) -> float:
    """How sure the most confident capability is about this message (0 when none is installed)."""
    from assistant.graph.capabilities import available_capabilities

    attachments = context.turn.attachments if context is not None else []
    best = 0.0
    for module in available_capabilities().values():
        try:
            best = max(best, float(module.match(text, locale, attachments)))
        except Exception:  # a faulty matcher must not break the turn (route treats it the same way)
            continue
    return best


def needs_model(state: State, understanding: Understanding, context: Context | None = None) -> bool:
    """Ask the model only when the deterministic reading is thin."""
    if not understanding.text.strip() or state.get("active_flow") or understanding.intent is not None:
        return False
    if context is not None and (context.turn.attachments or context.turn.choice is not None):
        return False
    if any(finding.present for finding in understanding.findings):
        return False
    return best_match(understanding.text, understanding.locale, context) < CONFIDENT_MATCH


def understanding_messages(text: str, codes: list[str]) -> list[dict[str, str]]:
    prompt = understand_prompt()
    return [
        {"role": "system", "content": prompt.system},
        {"role": "user", "content": prompt.user.format(codes=", ".join(codes) or "(none)", text=text[:MAX_TEXT_CHARS])},
    ]


async def add_model_understanding(understanding: Understanding, context: Context) -> None:
    """Adds the model's intent and findings. For findings the union counts (a symptom either side saw is kept)."""
    codes = known_finding_codes()
    messages = understanding_messages(understanding.text, codes)
    result, _ = await context.model.complete_json(messages, ModelUnderstanding, context.usage)
    if result is None:
        return  # no model answer, or invalid twice: the deterministic reading stands
    merge_model_understanding(understanding, result, set(codes))
    understanding.slots["model_prompt"] = understand_prompt().version


def merge_model_understanding(understanding: Understanding, result: ModelUnderstanding, allowed: set[str]) -> None:
    """The model may add an intent and findings with known codes. It never removes what the lexicon saw, and for
    safety a symptom either side saw as present counts as present (the model cannot deny a lexicon finding)."""
    if result.intent != "other":
        understanding.slots["model_intent"] = result.intent
    present = {finding.code for finding in understanding.findings if finding.present}
    mentioned = {finding.code for finding in understanding.findings}
    for finding in result.findings:
        if finding.code not in allowed or finding.code in present:
            continue
        if finding.present or finding.code not in mentioned:
            understanding.findings.append(Finding(code=finding.code, present=finding.present, source="model"))
            mentioned.add(finding.code)
            if finding.present:
                present.add(finding.code)
