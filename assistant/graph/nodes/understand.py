"""understand: deterministic NLU always; the model's intent and findings (validated JSON) when one is configured."""

from __future__ import annotations

from typing import Any, Literal

from langgraph.runtime import Runtime
from pydantic import BaseModel, Field

from assistant.graph.capability import Finding, Understanding
from assistant.graph.nodes.general import small_talk_intent
from assistant.graph.state import Context, State
from prompts import PROMPTS_DIR

Intent = Literal["triage", "report", "tcm", "insurance", "greeting", "capabilities", "thanks", "other"]


class ModelFinding(BaseModel):
    code: str
    present: bool = True


class ModelUnderstanding(BaseModel):
    intent: Intent = "other"
    findings: list[ModelFinding] = Field(default_factory=list)


def deterministic_findings(text: str, locale: str) -> tuple[list[Finding], dict[str, Any]]:
    try:
        from assistant.nlu.findings import extract_findings, extract_slots
    except ImportError:  # the symptom lexicon is not installed
        return [], {}
    return extract_findings(text, locale), extract_slots(text, locale)  # type: ignore[arg-type]


def known_finding_codes() -> list[str]:
    try:
        from assistant.nlu.findings import finding_codes
    except ImportError:
        return []
    return sorted(finding_codes())


async def understand(state: State, runtime: Runtime[Context]) -> dict[str, Any]:
    locale = state["locale"]
    text = runtime.context.turn.text
    findings, slots = deterministic_findings(text, locale) if text.strip() else ([], {})
    understanding = Understanding(locale=locale, text=text, intent=small_talk_intent(text), findings=findings, slots=slots)  # type: ignore[arg-type]
    if not runtime.context.model.offline and needs_model(state, understanding):
        await add_model_understanding(understanding, runtime)
    return {"understanding": understanding.model_dump()}


def needs_model(state: State, understanding: Understanding) -> bool:
    """Ask the model only when the deterministic reading is thin: free text, no flow in progress, no small talk."""
    return bool(understanding.text.strip()) and not state.get("active_flow") and understanding.intent is None


async def add_model_understanding(understanding: Understanding, runtime: Runtime[Context]) -> None:
    """Adds the model's intent and findings. For findings the union counts (a symptom either side saw is kept)."""
    import yaml

    prompt = yaml.safe_load((PROMPTS_DIR / "understand.yaml").read_text(encoding="utf-8"))
    codes = known_finding_codes()
    messages = [
        {"role": "system", "content": prompt["system"]},
        {"role": "user", "content": prompt["user"].format(codes=", ".join(codes), text=understanding.text[:4000])},
    ]
    result, _ = await runtime.context.model.complete_json(messages, ModelUnderstanding, runtime.context.usage)
    if result is None:
        return
    if result.intent != "other":
        understanding.slots["model_intent"] = result.intent
    seen = {(f.code, f.present) for f in understanding.findings}
    allowed = set(codes)
    for finding in result.findings:
        if finding.code in allowed and (finding.code, finding.present) not in seen:
            understanding.findings.append(Finding(code=finding.code, present=finding.present, source="model"))
