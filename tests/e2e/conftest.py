"""End-to-end fixtures: a real uvicorn server on a free loopback port, users, and headless Debian Chromium.

Needs `/usr/bin/chromium` (apt-get install -y chromium) and the `playwright` Python package; nothing downloads
a browser. Screenshots of failed tests go to tests/e2e/artifacts/ (git-ignored); set E2E_SCREENSHOTS=1 to also
keep screenshots of the key steps of passing tests.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from e2e_support import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, REPO, Pages, Server, browser_missing, free_port


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The app under uvicorn, in a subprocess, on a fresh SQLite database; with an admin user."""
    data_dir = tmp_path_factory.mktemp("e2e-data")
    env = {**os.environ, "ASSISTANT_DATA_DIR": str(data_dir), "ASSISTANT_DATABASE_URL": "",
           "ASSISTANT_ENVIRONMENT": "test", "ASSISTANT_MODEL": "offline"}
    created = subprocess.run(
        [sys.executable, "-m", "assistant", "users", "create", "--role", "admin", "--name", "Root"],
        env=env, cwd=REPO, capture_output=True, text=True, timeout=120,
    )
    assert created.returncode == 0, created.stderr
    admin_token = created.stdout.strip().splitlines()[-1]
    port = free_port()
    # The server's own log (warnings and tracebacks) is kept with the screenshots, to read when a test fails.
    ARTIFACTS.mkdir(exist_ok=True)
    log_path = ARTIFACTS / "server.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "e2e_webapp:create", "--factory", "--app-dir", str(Path(__file__).parent),
             "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
            env=env, cwd=REPO, stdout=log, stderr=subprocess.STDOUT,
        )
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            if process.poll() is not None:
                pytest.fail(f"the server exited: {log_path.read_text()[-2000:]}")
            try:
                if httpx.get(f"{base_url}/readyz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"the server did not get ready: {log_path.read_text()[-2000:]}")
            time.sleep(0.2)
        yield Server(base_url, admin_token)
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    # Module scope: Playwright's sync API keeps an event loop running in this thread while it is started, which
    # would break the async tests of other modules run after it.
    reason = browser_missing()
    if reason:
        if os.environ.get("CI"):  # .ci/run installs the browser: in CI a missing one is a failure, not a skip
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import expect, sync_playwright

    # The machine may be busy (a turn's first call loads lexicons): wait up to 20 s for what a test expects.
    expect.set_options(timeout=20_000)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    # Keep each phase's report on the test item, so that fixtures can tell in teardown whether the test failed.
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    setattr(item, f"report_{report.when}", report)


@pytest.fixture
def pages(browser: Any, server: Server, request: pytest.FixtureRequest) -> Iterator[Pages]:
    opened = Pages(browser, server.base_url, request.node.name)
    yield opened
    report = getattr(request.node, "report_call", None)
    opened.close(failed=report is None or report.failed)
