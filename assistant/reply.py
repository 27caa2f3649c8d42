"""The `Reply` contract: what every patient turn returns (see DESIGN.md, "The reply contract").

Web and mobile clients render it, evals and benchmarks read it. Fields that do not apply are
`None` or empty.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

Locale = Literal["zh", "en"]
Route = Literal["triage", "report", "tcm", "insurance", "general", "emergency", "refusal"]
TriageLevel = Literal["emergency_ambulance", "emergency", "consultation_24", "consultation", "self_care"]
Flag = Literal["N", "L", "H", "LL", "HH", "indeterminate"]
ReferralTarget = Literal["emergency", "doctor", "specialist", "tcm_practitioner", "insurer"]
Priority = Literal["high", "normal", "low"]

# Most urgent first; used to compare levels (a lower index is more urgent).
TRIAGE_LEVELS: tuple[TriageLevel, ...] = (
    "emergency_ambulance",
    "emergency",
    "consultation_24",
    "consultation",
    "self_care",
)


def more_urgent(a: TriageLevel, b: TriageLevel) -> TriageLevel:
    """The more urgent of two levels."""
    return a if TRIAGE_LEVELS.index(a) <= TRIAGE_LEVELS.index(b) else b


class Choice(BaseModel):
    id: str
    label: str


class Question(BaseModel):
    id: str
    prompt: str
    choices: list[Choice] = Field(default_factory=list)
    multi: bool = False


class TriageInfo(BaseModel):
    level: TriageLevel
    reasons: list[str] = Field(default_factory=list)
    red_flags: list[str] = Field(default_factory=list)
    final: bool = False
    # Additions to the design's contract: what to do now and safe self-care, shown as lists.
    advice: list[str] = Field(default_factory=list)
    complaint: str | None = None


class AnalyteResult(BaseModel):
    code: str
    name: str
    value: float | str | None = None
    unit: str | None = None
    ref_low: float | None = None
    ref_high: float | None = None
    flag: Flag = "indeterminate"
    loinc: str | None = None
    # Additions: a plain-words explanation and the previous value of the same test, when known.
    explanation: str | None = None
    previous: float | str | None = None


class ReportInfo(BaseModel):
    analytes: list[AnalyteResult] = Field(default_factory=list)
    critical: bool = False


class TcmInfo(BaseModel):
    scores: dict[str, float] = Field(default_factory=dict)
    result: dict[str, Any] = Field(default_factory=dict)
    final: bool = False


class Citation(BaseModel):
    doc_id: str
    section: str
    quote: str


class Referral(BaseModel):
    needed: bool
    to: ReferralTarget | None = None
    urgency: str | None = None


class EscalationInfo(BaseModel):
    id: str
    reason: str
    priority: Priority


class SafetyEvent(BaseModel):
    rule: str
    action: str


class Usage(BaseModel):
    llm_calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    latency_ms: float = 0.0
    cost_usd: float = 0.0

    def add(self, other: Usage) -> None:
        self.llm_calls += other.llm_calls
        self.prompt_tokens += other.prompt_tokens
        self.completion_tokens += other.completion_tokens
        self.latency_ms += other.latency_ms
        self.cost_usd += other.cost_usd


class Reply(BaseModel):
    message_id: str
    route: Route
    text: str
    locale: Locale
    question: Question | None = None
    triage: TriageInfo | None = None
    report: ReportInfo | None = None
    tcm: TcmInfo | None = None
    citations: list[Citation] = Field(default_factory=list)
    referral: Referral | None = None
    escalation: EscalationInfo | None = None
    safety: list[SafetyEvent] = Field(default_factory=list)
    usage: Usage = Field(default_factory=Usage)
    # Addition: the prompt version used to phrase the text ("template" when no model phrased it).
    prompt_version: str = "template"
