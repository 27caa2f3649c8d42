"""The contract between the turn graph and a capability (triage, report, tcm, insurance, general).

A capability is a module in `assistant/graph/nodes/` that exposes two plain functions:

    def match(text: str, locale: Locale, attachments: list[Attachment]) -> float
        How sure (0..1) that this message starts a request for this capability. Pure, fast, no model.

    def handle(request: CapabilityRequest) -> CapabilityResponse
        One turn of the capability. It keeps whatever it needs across turns in `response.flow`
        (JSON-serialisable; persisted by the checkpointer) and gets it back as `request.flow`.
        `flow=None` in the response means the capability has finished (no flow in progress).

The graph wraps these in LangGraph nodes; capabilities never see LangGraph, HTTP or the database.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from assistant.reply import (
    Citation,
    Locale,
    Priority,
    Question,
    Referral,
    ReportInfo,
    Route,
    TcmInfo,
    TriageInfo,
)


class Attachment(BaseModel):
    """A file sent with a message, already base64-decoded."""

    kind: str = "file"
    content_type: str = "application/octet-stream"
    filename: str | None = None
    data: bytes = b""


class Finding(BaseModel):
    """A fact understood from the patient's text: a symptom or sign, present or denied."""

    code: str
    present: bool = True
    evidence: str = ""
    source: str = "lexicon"  # "lexicon" or "model"


class Understanding(BaseModel):
    """What the `understand` node made of this message (deterministic NLU, plus the model's JSON when configured)."""

    locale: Locale
    text: str = ""
    intent: str | None = None
    findings: list[Finding] = Field(default_factory=list)
    slots: dict[str, Any] = Field(default_factory=dict)


class CapabilityConfig(BaseModel):
    """The runtime settings a capability may need (from `Context`, never from state)."""

    emergency_number: dict[str, str] = Field(default_factory=lambda: {"zh": "120", "en": "911"})
    crisis_lines: dict[str, list[str]] = Field(default_factory=lambda: {"zh": ["12356", "120"], "en": ["988", "911"]})
    data_dir: str = "./data"
    extra: dict[str, Any] = Field(default_factory=dict)


class CapabilityRequest(BaseModel):
    session_id: str
    text: str = ""
    choice: str | None = None
    attachments: list[Attachment] = Field(default_factory=list)
    locale: Locale
    flow: dict[str, Any] | None = None
    understanding: Understanding
    config: CapabilityConfig = Field(default_factory=CapabilityConfig)
    # Whatever other capabilities keep for the session (e.g. prior lab reports for trends), read-only.
    memory: dict[str, Any] = Field(default_factory=dict)
    # The input screen of this message (guardrails.screen.InputScreen as a dict), read-only.
    screen: dict[str, Any] = Field(default_factory=dict)


class EscalationRequest(BaseModel):
    reason: str  # a stable code, e.g. "red_flag", "critical_value", "self_harm"
    priority: Priority = "normal"
    requires_ack: bool = False  # a clinician must acknowledge (critical lab values)
    summary: str = ""


class CapabilityResponse(BaseModel):
    route: Route
    text: str  # the complete template reply in the request's locale
    question: Question | None = None
    triage: TriageInfo | None = None
    report: ReportInfo | None = None
    tcm: TcmInfo | None = None
    citations: list[Citation] = Field(default_factory=list)
    referral: Referral | None = None
    escalate: EscalationRequest | None = None
    flow: dict[str, Any] | None = None
    # Facts the reply text must stay true to (numbers, names) for `check_output`; optional.
    facts: dict[str, Any] = Field(default_factory=dict)
    # Session memory to keep for later turns (merged into request.memory), e.g. {"reports": [...]}.
    memory: dict[str, Any] = Field(default_factory=dict)
