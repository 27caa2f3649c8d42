"""The release gate as CI runs it: every offline suite in-process, `python -m evals run --gate`.

Select it alone with `pytest -m release_gate`. It fails when any suite misses a threshold in evals/gate.yaml;
the failing checks and the run's summary are in the assertion message.
"""

import importlib
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
HANG_GUARD_S = 1200  # the run takes 3-9 minutes on two cores, depending on load


def _assistant_importable() -> str | None:
    try:
        importlib.import_module("assistant.service")
    except Exception as error:  # noqa: BLE001 - any import failure means there is nothing to evaluate yet
        return f"assistant.service cannot be imported yet ({type(error).__name__}: {error})"
    return None


@pytest.mark.release_gate
def test_offline_suites_pass_the_release_gate(tmp_path: Path) -> None:
    reason = _assistant_importable()
    if reason:
        pytest.skip(reason)
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_JUDGE")}
    env["ASSISTANT_MODEL"] = "offline"
    out = tmp_path / "run"
    # Its own process group, so that a run past the hang guard is killed with its spawned workers: killing only
    # the parent once left the workers running and slowed everything after it.
    process = subprocess.Popen(
        [sys.executable, "-m", "evals", "run", "--gate", "--no-progress", "--model", "offline", "--out", str(out)],
        cwd=REPO_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )
    try:
        stdout, stderr = process.communicate(timeout=HANG_GUARD_S)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        stdout, stderr = process.communicate()
        pytest.fail(f"the release gate run did not finish in {HANG_GUARD_S} s:\n{stdout[-2000:]}\n{stderr[-2000:]}")
    summary = (out / "summary.md").read_text(encoding="utf-8") if (out / "summary.md").is_file() else ""
    assert process.returncode == 0, f"release gate failed:\n{stdout}\n{stderr[-3000:]}\n{summary[:6000]}"
