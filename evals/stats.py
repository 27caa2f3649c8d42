"""Confidence intervals for eval scores: Wilson for proportions, bootstrap for means.

Small suites make point estimates misleading, so every score in a summary carries an interval.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Sequence

# z for a two-sided 95% interval.
Z_95 = 1.959963984540054


def wilson_interval(successes: int, total: int, z: float = Z_95) -> tuple[float, float] | None:
    """The Wilson score interval of a proportion, or None when there is nothing to estimate."""
    if total <= 0:
        return None
    if successes < 0 or successes > total:
        raise ValueError(f"successes must be within 0..{total}, got {successes}")
    p = successes / total
    denominator = 1 + z * z / total
    centre = (p + z * z / (2 * total)) / denominator
    half = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


def clipped_mean(values: Sequence[float]) -> float:
    """The mean clipped to [0, 1] (the HealthBench overall score)."""
    if not values:
        raise ValueError("clipped_mean needs at least one value")
    return min(1.0, max(0.0, sum(values) / len(values)))


def _bootstrap_stats(
    values: Sequence[float], statistic: Callable[[Sequence[float]], float], samples: int, seed: int
) -> list[float]:
    rng = random.Random(seed)  # seeded: the same run gives the same interval
    n = len(values)
    return sorted(statistic([values[rng.randrange(n)] for _ in range(n)]) for _ in range(samples))


def bootstrap_std_error(
    values: Sequence[float],
    statistic: Callable[[Sequence[float]], float] = clipped_mean,
    samples: int = 1000,
    seed: int = 0,
) -> float | None:
    """The standard deviation of `statistic` over bootstrap resamples (None for fewer than two values)."""
    if len(values) < 2:
        return None
    stats = _bootstrap_stats(values, statistic, samples, seed)
    mean = sum(stats) / len(stats)
    return math.sqrt(sum((s - mean) ** 2 for s in stats) / (len(stats) - 1))


def bootstrap_interval(
    values: Sequence[float],
    statistic: Callable[[Sequence[float]], float] = clipped_mean,
    samples: int = 1000,
    seed: int = 0,
    level: float = 0.95,
) -> tuple[float, float] | None:
    """The percentile bootstrap interval of `statistic` (None for fewer than two values)."""
    if len(values) < 2:
        return None
    stats = _bootstrap_stats(values, statistic, samples, seed)
    tail = (1 - level) / 2
    low = stats[int(math.floor(tail * (len(stats) - 1)))]
    high = stats[int(math.ceil((1 - tail) * (len(stats) - 1)))]
    return low, high
