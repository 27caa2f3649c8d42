"""Typed shapes of the lab-report tools: the analyte catalogue (data) and a parsed report (input)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from pydantic import BaseModel, Field, field_validator, model_validator

Sex = Literal["male", "female"]
Convention = Literal["cn", "us"]  # which default ranges: Chinese national standards or US-style
Marker = Literal["H", "L", "HH", "LL", "A", "N"]
QualitativeResult = Literal["negative", "trace", "positive"]


class Text(BaseModel):
    """A patient-facing string in both languages."""

    zh: str
    en: str

    def get(self, locale: str) -> str:
        return self.zh if locale == "zh" else self.en


class RefRange(BaseModel):
    """A reference interval. `low_strict` means the value must be > low (">1.0"); `high_strict`: < high ("<5.2")."""

    low: float | None = None
    high: float | None = None
    low_strict: bool = False
    high_strict: bool = False

    def classify(self, value: float) -> Literal["L", "N", "H"]:
        if self.low is not None and (value < self.low or (self.low_strict and value == self.low)):
            return "L"
        if self.high is not None and (value > self.high or (self.high_strict and value == self.high)):
            return "H"
        return "N"

    @property
    def known(self) -> bool:
        return self.low is not None or self.high is not None

    def converted(self, convert: Callable[[float], float]) -> RefRange:
        """The same interval with each bound passed through `convert` (e.g. to the canonical unit)."""
        return RefRange(
            low=None if self.low is None else convert(self.low),
            high=None if self.high is None else convert(self.high),
            low_strict=self.low_strict,
            high_strict=self.high_strict,
        )

    def scaled(self, divide_by: float) -> RefRange:
        """The same interval expressed in another unit (canonical value / factor)."""
        return RefRange(
            low=None if self.low is None else self.low / divide_by,
            high=None if self.high is None else self.high / divide_by,
            low_strict=self.low_strict,
            high_strict=self.high_strict,
        )


class UnitConversion(BaseModel):
    """canonical = value * factor + offset (offset only for HbA1c IFCC -> NGSP)."""

    factor: float
    offset: float = 0.0
    guess: bool = True  # may be guessed for a value printed without a unit (not for rare units such as mEq/L Ca)

    def to_canonical(self, value: float) -> float:
        return value * self.factor + self.offset

    def from_canonical(self, value: float) -> float:
        return (value - self.offset) / self.factor


class CriticalLimits(BaseModel):
    """Critical (panic) limits in the canonical unit: value <= low -> LL, value >= high -> HH."""

    low: float | None = None
    high: float | None = None


class Analyte(BaseModel):
    code: str
    loinc: str | None = None
    other_loinc: list[str] = Field(default_factory=list)
    panel: str
    name: Text
    aliases: list[str] = Field(default_factory=list)
    kind: Literal["quantitative", "qualitative"] = "quantitative"
    unit: str = ""  # canonical unit as displayed; "" for dimensionless (pH, SG, INR, ratios)
    units: dict[str, UnitConversion] = Field(default_factory=dict)  # other accepted units -> canonical
    conventional_unit: str | None = None  # the usual unit on US/English reports, when not the canonical one
    range: RefRange | None = None  # both sexes (Chinese national standards, WS/T)
    range_male: RefRange | None = None
    range_female: RefRange | None = None
    # US-style ranges for English reports, written in `conventional_unit` when set (converted on load).
    range_us: RefRange | None = None
    range_us_male: RefRange | None = None
    range_us_female: RefRange | None = None
    normal_results: list[QualitativeResult] = Field(default_factory=lambda: list[QualitativeResult](["negative"]))
    critical: CriticalLimits = Field(default_factory=CriticalLimits)
    high: Text | None = None  # what a high (or positive) value can mean in general
    low: Text | None = None
    source: str

    @field_validator("units", mode="before")
    @classmethod
    def _numbers_are_factors(cls, value: object) -> object:
        if isinstance(value, dict):
            return {k: ({"factor": v} if isinstance(v, int | float) else v) for k, v in value.items()}
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Analyte:
        for prefix in ("range", "range_us"):
            both, male, female = (getattr(self, prefix + s) for s in ("", "_male", "_female"))
            if (male is None) != (female is None):
                raise ValueError(f"{self.code}: give both {prefix}_male and {prefix}_female or neither")
            if both is not None and male is not None:
                raise ValueError(f"{self.code}: give either {prefix} or {prefix}_male/{prefix}_female")
        if not self.source.strip():
            raise ValueError(f"{self.code}: source is required")
        if self.conventional_unit is not None:
            if self.conventional_unit not in self.units:
                raise ValueError(f"{self.code}: conventional_unit {self.conventional_unit} is not among its units")
            conversion = self.units[self.conventional_unit]
            for name in ("range_us", "range_us_male", "range_us_female"):
                written = getattr(self, name)
                if written is not None:
                    setattr(self, name, written.converted(conversion.to_canonical))
        return self

    def range_for(self, sex: Sex | None, convention: Convention = "cn") -> RefRange | None:
        """The default adult range (US-style for convention "us" when the catalogue has one); with sex unknown,
        the union of both sexes (flag only what is abnormal for both)."""
        if convention == "us" and (self.range_us is not None or self.range_us_male is not None):
            return _by_sex(self.range_us, self.range_us_male, self.range_us_female, sex)
        return _by_sex(self.range, self.range_male, self.range_female, sex)

    def sex_ranges(self, convention: Convention = "cn") -> tuple[RefRange, RefRange] | None:
        if convention == "us" and self.range_us_male is not None and self.range_us_female is not None:
            return self.range_us_male, self.range_us_female
        if self.range_male is not None and self.range_female is not None:
            return self.range_male, self.range_female
        return None


def _by_sex(both: RefRange | None, male: RefRange | None, female: RefRange | None, sex: Sex | None) -> RefRange | None:
    if both is not None:
        return both
    if male is None or female is None:
        return None
    if sex == "male":
        return male
    if sex == "female":
        return female
    lows = [male.low, female.low]
    highs = [male.high, female.high]
    return RefRange(
        low=None if None in lows else min(x for x in lows if x is not None),
        high=None if None in highs else max(x for x in highs if x is not None),
    )


class Catalogue(BaseModel):
    version: str
    analytes: list[Analyte]

    @model_validator(mode="after")
    def _unique_codes(self) -> Catalogue:
        seen: set[str] = set()
        for analyte in self.analytes:
            if analyte.code.upper() in seen:
                raise ValueError(f"duplicate analyte code {analyte.code}")
            seen.add(analyte.code.upper())
        return self


class RawResult(BaseModel):
    """One result line as read from a report, before interpretation (units and range as printed)."""

    name: str
    code: str | None = None  # catalogue code when the name (or LOINC) was recognised
    loinc: str | None = None
    value: float | None = None
    comparator: str | None = None  # "<" / ">" for results like "<0.01"
    qualitative: QualitativeResult | None = None
    value_text: str = ""
    unit: str | None = None
    ref: RefRange | None = None
    ref_qualitative: QualitativeResult | None = None  # e.g. 参考 "阴性"
    ref_text: str = ""
    marker: Marker | None = None
    date: str | None = None  # ISO date of this result when it differs per result (FHIR, CSV with a date column)


class ParsedReport(BaseModel):
    format: Literal["text", "csv", "fhir", "pdf", "empty"]
    results: list[RawResult] = Field(default_factory=list)
    sex: Sex | None = None
    date: str | None = None  # ISO date (YYYY-MM-DD) when the report says it
    locale: Literal["zh", "en"] = "en"
    warnings: list[str] = Field(default_factory=list)


class ReportParseError(ValueError):
    """A file or text that cannot be read as a lab report; the message says why."""
