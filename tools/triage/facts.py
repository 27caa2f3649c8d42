"""What is known about the patient (findings and slots) and how a `Condition` is checked against it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tools.triage.models import Condition

# Age ranges (years) implied by who the patient is, when no age was said: a bound holds only when the whole range
# satisfies it, and a question about age is worth asking only when part of the range does.
_AGE_RANGE_BY_SUBJECT: dict[str, tuple[float, float]] = {
    "self": (16, 120), "mother": (30, 120), "father": (30, 120), "wife": (16, 120), "husband": (16, 120),
    "grandparent": (60, 120), "elderly": (65, 120), "infant": (0, 2), "toddler": (1, 4), "child": (0, 16),
}
_AGE_RANGE_BY_GROUP: dict[str, tuple[float, float]] = {"elderly": (65, 120), "infant": (0, 2)}


@dataclass
class Facts:
    """Findings (code -> present?) with their evidence, and slots (age, temperature_c, ...)."""

    findings: dict[str, bool] = field(default_factory=dict)
    evidence: dict[str, str] = field(default_factory=dict)
    slots: dict[str, Any] = field(default_factory=dict)

    def has(self, code: str) -> bool:
        return self.findings.get(code) is True

    def denied(self, code: str) -> bool:
        return self.findings.get(code) is False

    def known(self, code: str) -> bool:
        return code in self.findings

    def add(self, code: str, present: bool, evidence: str = "") -> None:
        """A present finding is never overturned by a later denial in the same conversation (safety first);
        an explicit answer to a question may still set it (see `answer`)."""
        if self.findings.get(code) is True and not present:
            return
        self.findings[code] = present
        if evidence and present:
            self.evidence[code] = evidence

    def answer(self, code: str, present: bool, evidence: str = "") -> None:
        """The patient's direct answer to a question about `code`: present adds, absent only fills an unknown."""
        self.add(code, present, evidence)

    def age(self) -> float | None:
        age = self.slots.get("age")
        return float(age) if isinstance(age, (int, float)) and not isinstance(age, bool) else None

    def age_range(self) -> tuple[float, float]:
        """The known age as a point, else the range implied by who the patient is, else (0, 120)."""
        age = self.age()
        if age is not None:
            return age, age
        group = _AGE_RANGE_BY_GROUP.get(str(self.slots.get("age_group")))
        if group:
            return group
        return _AGE_RANGE_BY_SUBJECT.get(str(self.slots.get("subject")), (0.0, 120.0))

    def number(self, name: str) -> float | None:
        value = self.slots.get(name)
        return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None

    def pregnant(self) -> bool:
        return self.slots.get("pregnant") is True or self.has("pregnant")

    def postpartum(self) -> bool:
        return self.slots.get("postpartum") is True or self.has("postpartum")


def holds(condition: Condition, facts: Facts) -> bool:
    """Whether every part of the condition holds on what is known. Unknown slots never satisfy a bound."""
    if condition.all and not all(facts.has(code) for code in condition.all):
        return False
    if condition.any and not any(facts.has(code) for code in condition.any):
        return False
    if any(facts.has(code) for code in condition.none):
        return False
    low, high = facts.age_range()
    if condition.age_lt is not None and not (high < condition.age_lt or (low == high and low < condition.age_lt)):
        return False
    if condition.age_gte is not None and low < condition.age_gte:
        return False
    temperature = facts.number("temperature_c")
    if condition.temp_gte is not None and (temperature is None or temperature < condition.temp_gte):
        return False
    if condition.temp_lt is not None and (temperature is None or temperature >= condition.temp_lt):
        return False
    duration = facts.number("duration_hours")
    if condition.duration_gte is not None and (duration is None or duration < condition.duration_gte):
        return False
    if condition.duration_lt is not None and (duration is None or duration >= condition.duration_lt):
        return False
    if condition.pregnant is not None and facts.pregnant() != condition.pregnant:
        return False
    if condition.postpartum is not None and facts.postpartum() != condition.postpartum:
        return False
    if condition.pregnant_or_postpartum is not None and \
            (facts.pregnant() or facts.postpartum()) != condition.pregnant_or_postpartum:
        return False
    if condition.sex is not None and facts.slots.get("sex") != condition.sex:
        return False
    if condition.severity_not and facts.slots.get("severity") in condition.severity_not:
        return False
    return not (condition.severity and facts.slots.get("severity") not in condition.severity)


def evidence_for(condition: Condition, facts: Facts) -> list[str]:
    """The matched text behind a condition that holds, for the red-flag hit's `evidence`."""
    out = [facts.evidence.get(code, code) for code in [*condition.all, *condition.any] if facts.has(code)]
    if condition.age_lt is not None or condition.age_gte is not None:
        age = facts.age()
        if age is not None:
            out.append(f"age {round(age * 12)} months" if age < 2 else f"age {age:g}")
    if condition.temp_gte is not None and facts.number("temperature_c") is not None:
        out.append(f"{facts.number('temperature_c')}°C")
    if condition.pregnant or condition.pregnant_or_postpartum:
        out.append("pregnant" if facts.pregnant() else "postpartum")
    return list(dict.fromkeys(out))


def possible(condition: Condition, facts: Facts) -> bool:
    """Whether the condition could still hold once unknowns are learnt (nothing known contradicts it)."""
    if any(facts.denied(code) for code in condition.all):
        return False
    if condition.any and all(facts.denied(code) for code in condition.any):
        return False
    if any(facts.has(code) for code in condition.none):
        return False
    low, high = facts.age_range()
    if condition.age_lt is not None and low >= condition.age_lt:
        return False
    if condition.age_gte is not None and high < condition.age_gte:
        return False
    if condition.temp_gte is not None and condition.temp_gte >= 38 and facts.denied("fever") \
            and facts.number("temperature_c") is None:
        return False  # "no fever" rules out a high temperature
    for name, bound_gte, bound_lt in (("temperature_c", condition.temp_gte, condition.temp_lt),
                                      ("duration_hours", condition.duration_gte, condition.duration_lt)):
        value = facts.number(name)
        if value is None:
            continue
        if bound_gte is not None and value < bound_gte:
            return False
        if bound_lt is not None and value >= bound_lt:
            return False
    if condition.pregnant is True and facts.slots.get("pregnant") is False:
        return False
    if condition.pregnant_or_postpartum is True and facts.slots.get("pregnant") is False \
            and not facts.postpartum():
        return False
    if condition.sex is not None and facts.slots.get("sex") not in (None, condition.sex):
        return False
    severity = facts.slots.get("severity")
    return not (condition.severity and severity is not None and severity not in condition.severity)


def unknowns(condition: Condition, facts: Facts) -> set[str]:
    """The finding codes and 'slot:<name>' entries a condition depends on that are still unknown."""
    out = {code for code in [*condition.all, *condition.any] if not facts.known(code)}
    low, high = facts.age_range()
    if (condition.age_lt is not None or condition.age_gte is not None) and low != high:
        out.add("slot:age")
    if (condition.temp_gte is not None or condition.temp_lt is not None) and facts.number("temperature_c") is None:
        out.add("slot:temperature_c")
    if (condition.duration_gte is not None or condition.duration_lt is not None) \
            and facts.number("duration_hours") is None:
        out.add("slot:duration_hours")
    if (condition.pregnant or condition.pregnant_or_postpartum) and "pregnant" not in facts.slots \
            and not facts.pregnant() and not facts.postpartum():
        out.add("slot:pregnant")
    if condition.severity and "severity" not in facts.slots:
        out.add("slot:severity")
    return out
