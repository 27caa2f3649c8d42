"""The real thing: a uvicorn server on a free port, the CLI, and the README's commands."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def cli(
    *args: str, env: dict[str, str], input_text: str | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args],
        env=env,
        input=input_text,
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=REPO,
    )


def test_real_server_serves_a_conversation(tmp_path: Path) -> None:
    env = {**os.environ, "ASSISTANT_DATA_DIR": str(tmp_path), "ASSISTANT_DATABASE_URL": ""}
    created = cli("users", "create", "--role", "patient", "--name", "Alice", env=env)
    assert created.returncode == 0, created.stderr
    token = created.stdout.strip().splitlines()[-1]
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "assistant", "serve", "--port", str(port)],
        env=env,
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{base}/readyz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        headers = {"Authorization": f"Bearer {token}"}
        sid = httpx.post(f"{base}/v1/sessions", json={"locale": "en"}, headers=headers).json()["id"]
        reply = httpx.post(f"{base}/v1/sessions/{sid}/messages", json={"text": "hello"}, headers=headers, timeout=30)
        assert reply.status_code == 200 and reply.json()["route"] == "general"
        assert httpx.get(f"{base}/v1/sessions/{sid}/messages", headers={"Authorization": "Bearer x"}).status_code == 401
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_cli_chat_and_errors(tmp_path: Path) -> None:
    env = {**os.environ, "ASSISTANT_DATA_DIR": str(tmp_path), "ASSISTANT_DATABASE_URL": ""}
    chat = cli("chat", env=env, input_text="hello\n谢谢\nquit\n")
    assert chat.returncode == 0, chat.stderr
    assert "health assistant" in chat.stdout.lower() and "不客气" in chat.stdout
    bad_role = cli("users", "create", "--role", "wizard", "--name", "x", env=env)
    assert bad_role.returncode == 2 and "role" in bad_role.stderr
    upgraded = cli("db", "upgrade", env=env)
    assert upgraded.returncode == 0 and "head" in upgraded.stdout
    prod = cli("db", "upgrade", env={**env, "ASSISTANT_ENVIRONMENT": "production"})
    assert prod.returncode == 2 and "ASSISTANT_SECRET_KEY" in prod.stderr


def readme_commands() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sh\n(.+?)\n```", text)[:2]


def test_readme_opens_with_run_and_test_commands_and_ci_runs_the_test_one() -> None:
    run_command, test_command = readme_commands()
    assert run_command.endswith("assistant serve") and "pip install -e ." in run_command
    assert "pytest" in test_command
    ci_lines = [line.strip() for line in (REPO / ".ci" / "run").read_text().splitlines()]
    assert test_command in ci_lines
