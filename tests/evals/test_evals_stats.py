import pytest

from evals.stats import bootstrap_interval, bootstrap_std_error, clipped_mean, wilson_interval


def test_wilson_interval_known_values() -> None:
    low, high = wilson_interval(0, 10)  # type: ignore[misc]
    assert low == 0.0
    assert high == pytest.approx(0.2775, abs=1e-4)
    low, high = wilson_interval(8, 10)  # type: ignore[misc]
    assert low == pytest.approx(0.4902, abs=1e-4)
    assert high == pytest.approx(0.9433, abs=1e-4)


def test_wilson_interval_narrows_with_more_cases() -> None:
    small = wilson_interval(9, 10)
    large = wilson_interval(900, 1000)
    assert small is not None and large is not None
    assert (large[1] - large[0]) < (small[1] - small[0])


def test_wilson_interval_without_cases_is_none_and_bad_counts_raise() -> None:
    assert wilson_interval(0, 0) is None
    with pytest.raises(ValueError, match="within"):
        wilson_interval(11, 10)


def test_clipped_mean_clips_to_unit_interval() -> None:
    assert clipped_mean([-0.5, -0.2]) == 0.0
    assert clipped_mean([0.5, 1.0]) == 0.75
    with pytest.raises(ValueError):
        clipped_mean([])


def test_bootstrap_std_error_is_zero_for_constant_values_and_reproducible() -> None:
    assert bootstrap_std_error([0.5, 0.5, 0.5]) == 0.0
    values = [0.0, 0.2, 0.9, 1.0, 0.4, 0.7]
    first = bootstrap_std_error(values, seed=3)
    assert first is not None and first > 0
    assert bootstrap_std_error(values, seed=3) == first
    assert bootstrap_std_error([0.3]) is None


def test_bootstrap_interval_contains_the_mean() -> None:
    values = [0.1, 0.4, 0.5, 0.6, 0.9, 0.3, 0.8]
    interval = bootstrap_interval(values)
    assert interval is not None
    assert interval[0] <= clipped_mean(values) <= interval[1]
