"""The benchmark's targets (issue 9) on the scripted mix, with a model of zero latency."""

from __future__ import annotations

import tempfile
from pathlib import Path

from bench.model_calls import run_ours, run_react


async def test_at_most_one_call_per_turn_none_on_emergencies_all_grounded() -> None:
    with tempfile.TemporaryDirectory() as workdir:
        ours = (await run_ours(0.0, Path(workdir))).summary()
    assert ours["calls_per_turn"] <= 1.0
    assert ours["emergency_calls"] == 0
    assert ours["grounded"] == f"{ours['turns']}/{ours['turns']}"
    react = (await run_react(0.0)).summary()
    assert react["turns"] == ours["turns"] and react["calls_per_turn"] > ours["calls_per_turn"]
