"""Typed records of the insurance capability: sections, documents, hits, answers, amounts."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from assistant.reply import Citation, Locale

DocLanguage = Literal["zh", "en"]


class Section(BaseModel):
    """One citable piece of a document: an article (第X条) of a law, or a heading's text in a handbook.

    Long sections are stored as several chunks with the same `label`; `chunk` numbers them.
    """

    doc_id: str
    label: str  # what a citation names: "第二十八条" or the heading ("Part B deductible")
    path: list[str] = Field(default_factory=list)  # enclosing chapters / headings, outermost first
    text: str
    chunk: int = 0


class IngestedDoc(BaseModel):
    doc_id: str
    title: str
    source_path: str
    language: DocLanguage
    kind: Literal["articles", "headings", "plain", "drug_list"]
    sections: int
    sha256: str


class Hit(BaseModel):
    doc_id: str
    title: str
    label: str
    path: list[str] = Field(default_factory=list)
    text: str
    score: float
    coverage: float = 0.0  # share of the query's content terms found in this section (0..1)


class AmountStep(BaseModel):
    """One line of shown arithmetic, bilingual."""

    zh: str
    en: str


class AmountResult(BaseModel):
    total: float
    deductible: float
    ratio: float  # the fund's share of the eligible amount, 0..1
    cap: float | None = None
    self_paid_share: float = 0.0  # Category B (乙类) share paid first by the patient, 0..1
    fund_pays: float
    patient_pays: float
    steps: list[AmountStep] = Field(default_factory=list)
    rule_source: Literal["question", "plan"] = "question"


class DrugEntry(BaseModel):
    doc_id: str
    name_zh: str
    no: str
    dosage_form: str | None = None
    part: str
    drug_class: str  # "甲" or "乙", or "商保创新药" for the commercial list (not paid by the fund)
    restriction: str | None = None
    payment_standard: str | None = None
    agreement_period: str | None = None

    @property
    def label(self) -> str:
        form = f"（{self.dosage_form}）" if self.dosage_form else ""
        return f"{self.part} {self.no} {self.name_zh}{form}"


class Answer(BaseModel):
    answerable: bool
    text: str
    locale: Locale
    citations: list[Citation] = Field(default_factory=list)
    amounts: AmountResult | None = None
    drugs: list[DrugEntry] = Field(default_factory=list)
    reason: str = ""  # why it was refused or how it was answered (for logs and tests)
    numbers: list[float] = Field(default_factory=list)  # every figure shown in `text`
