"""Units: one spelling per unit (so "×10⁹/L", "10^9/l", "10*9/L" and "x10E9/L" compare equal) and conversion
to an analyte's canonical unit with the factors in the catalogue."""

from __future__ import annotations

import math
import re

from tools.reports.models import Analyte, RefRange, UnitConversion
from tools.reports.vocabulary import clean_text

_POWER = re.compile(r"^(?:x|\*)?10(?:\^|\*\*|\*|e)(\d+)/(.+)$")
_POWER_RUN_TOGETHER = re.compile(r"^(?:x|\*)10(\d)/(.+)$")  # "x109/L" where a superscript was lost
_SPELLINGS = {
    "mcg": "ug", "mcl": "ul", "μ": "u", "µ": "u", "cumm": "mm3", "cu mm": "mm3", "mm^3": "mm3", "hpf": "hp",
    "/高倍视野": "/hp", "高倍视野": "/hp", "个/hp": "/hp", "个/ul": "/ul", "cells/ul": "/ul", "cells/hp": "/hp",
    "秒": "s", "sec": "s", "seconds": "s", "second": "s", "mm/hr": "mm/h", "mm/1h": "mm/h", "mm/60min": "mm/h",
    "m^2": "m2", "m²": "m2", "iu/l": "iu/l", "units/l": "u/l", "unit/l": "u/l", "mu/l": "miu/l",
    "uiu/ml": "miu/l", "uu/ml": "miu/l", "mu/ml": "miu/l", "mlu/l": "miu/l",
}
# OCR reads "l" as "1" or "|": "mmo1/L", "umol/1", "mg/d1".
PREFERRED_BIAS = math.log(2)
MAX_GUESS_DISTANCE = math.log(100)  # a reading a hundred-fold off its range is no reading at all
_OCR_FIXES = (("mo1/", "mol/"), ("mo1", "mol"), ("|", "l"), ("/d1", "/dl"), ("/m1", "/ml"))


def normalize_unit(raw: str | None) -> str:
    """A comparable key for a unit as printed; "" when there is none."""
    if not raw:
        return ""
    unit = clean_text(raw).strip().strip("()[],;:").strip().rstrip(".").lower().replace(" ", "")
    for wrong, right in _OCR_FIXES:
        unit = unit.replace(wrong, right)
    if unit.endswith("/1") and len(unit) > 2:
        unit = unit[:-2] + "/l"
    for spelling, key in _SPELLINGS.items():
        unit = unit.replace(spelling, key)
    power = _POWER.match(unit) or _POWER_RUN_TOGETHER.match(unit)
    if power:
        exponent, per = int(power.group(1)), power.group(2)
        if per == "mm3":
            per, exponent = "ul", exponent
        return f"10^{exponent}/{per}"
    if unit in ("k/ul", "thou/ul", "thousand/ul"):
        return "10^3/ul"
    if unit in ("m/ul", "mill/ul", "million/ul"):
        return "10^6/ul"
    if unit in ("ratio", "index", "-", "--", "/", "1"):
        return ""
    return unit


def conversion_for(analyte: Analyte, raw_unit: str | None) -> UnitConversion | None:
    """How to bring a value in `raw_unit` to the canonical unit; None when the unit is not one the catalogue knows.

    A missing unit is only accepted for dimensionless analytes (pH, specific gravity, INR, ratios).
    """
    key = normalize_unit(raw_unit)
    if key == normalize_unit(analyte.unit):
        return UnitConversion(factor=1.0)
    for unit, conversion in analyte.units.items():
        if normalize_unit(unit) == key:
            return conversion
    return None


def log_distance(value: float, reference: RefRange) -> float:
    """How far (in log units) a positive value lies outside a range; 0 inside it."""
    if value <= 0:
        return math.inf
    low = reference.low if reference.low and reference.low > 0 else None
    high = reference.high if reference.high and reference.high > 0 else None
    if low is not None and value < low:
        return math.log(low / value)
    if high is not None and value > high:
        return math.log(value / high)
    return 0.0


def _inference_band(reference: RefRange) -> RefRange:
    """A two-sided band for guessing units: "<5.2" gets a five-fold lower side, ">=1.0" a five-fold upper side;
    "0-40" stays as it is (anything under 40 fits)."""
    low, high = reference.low, reference.high
    if low is None and high is not None:
        low = high / 5
    if high is None and low is not None:
        high = low * 5
    return RefRange(low=low, high=high)


def infer_conversion(
    analyte: Analyte, probe: float, reference: RefRange | None, preferred_unit: str | None = None
) -> UnitConversion | None:
    """For a result printed without a unit: the accepted unit whose reading of `probe` (the report's range
    midpoint, else the value) sits closest to the catalogue's range. The unit the report's readers usually use
    (`preferred_unit`: SI for Chinese reports, conventional units for English ones) gets a head start of
    `PREFERRED_BIAS`. With only one accepted magnitude there is nothing to guess."""
    candidates: list[UnitConversion] = []
    for conversion in [UnitConversion(factor=1.0), *(c for c in analyte.units.values() if c.guess)]:
        if all((c.factor, c.offset) != (conversion.factor, conversion.offset) for c in candidates):
            candidates.append(conversion)
    if len(candidates) == 1:
        return candidates[0]
    if reference is None or not reference.known:
        return None
    band = _inference_band(reference)
    preferred = conversion_for(analyte, preferred_unit) if preferred_unit is not None else None
    preferred = preferred or UnitConversion(factor=1.0)
    best: tuple[float, UnitConversion] | None = None
    for conversion in candidates:
        distance = log_distance(conversion.to_canonical(probe), band)
        if distance > MAX_GUESS_DISTANCE:
            continue
        same = (conversion.factor, conversion.offset) == (preferred.factor, preferred.offset)
        score = distance - (PREFERRED_BIAS if same else 0.0)
        if best is None or score < best[0]:
            best = (score, conversion)
    return None if best is None else best[1]


def display_unit(raw: str | None) -> str | None:
    """The unit as the patient should read it: cleaned of OCR noise but otherwise as printed."""
    if raw is None:
        return None
    unit = clean_text(raw).strip().strip("()[]").strip()
    return unit or None
