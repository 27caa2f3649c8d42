"""Helpers of the end-to-end tests: the server handle, browser pages with screenshots, the browser check."""

from __future__ import annotations

import importlib.util
import os
import re
import socket
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def browser_missing() -> str | None:
    """Why the browser tests cannot run here, or None."""
    if not CHROMIUM.exists():
        return "Debian's chromium is not installed (apt-get install -y chromium)"
    if importlib.util.find_spec("playwright") is None:
        return "the playwright Python package is not installed (pip install playwright)"
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    base_url: str
    admin_token: str

    def create_user(self, name: str, role: str) -> str:
        """A new user's token, created through the admin API."""
        response = httpx.post(f"{self.base_url}/v1/users", json={"name": name, "role": role},
                              headers={"Authorization": f"Bearer {self.admin_token}"}, timeout=30)
        response.raise_for_status()
        return str(response.json()["token"])

    def revoke(self, token: str) -> None:
        """Revokes every token of the user who holds `token`."""
        user_id = self.get("/v1/me", token)["id"]
        response = httpx.delete(f"{self.base_url}/v1/users/{user_id}/tokens",
                                headers={"Authorization": f"Bearer {self.admin_token}"}, timeout=30)
        response.raise_for_status()

    def get(self, path: str, token: str) -> Any:
        response = httpx.get(f"{self.base_url}{path}", headers={"Authorization": f"Bearer {token}"}, timeout=30)
        response.raise_for_status()
        return response.json()


class Pages:
    """New browser pages for one test; each one is screenshotted if the test fails."""

    def __init__(self, browser: Any, base_url: str, test_name: str) -> None:
        self.browser = browser
        self.base_url = base_url
        self.test_name = re.sub(r"[^A-Za-z0-9_.-]+", "_", test_name)
        self.opened: list[tuple[str, Any, Any]] = []

    def open(self, path: str, label: str, locale: str = "en") -> Any:
        context = self.browser.new_context(base_url=self.base_url, locale="en-US" if locale == "en" else "zh-CN",
                                           viewport={"width": 1280, "height": 900}, timezone_id="Asia/Shanghai")
        context.set_default_timeout(20_000)
        page = context.new_page()
        page.add_init_script(f"localStorage.setItem('assistant.locale', '{locale}')")
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.js_errors = errors  # uncaught script errors, checked by the tests
        page.goto(path)
        self.opened.append((label, context, page))
        return page

    def screenshot(self, page: Any, step: str) -> None:
        """A screenshot of a key step, kept only when E2E_SCREENSHOTS=1 (to look at the pages by eye)."""
        if os.environ.get("E2E_SCREENSHOTS"):
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / f"{self.test_name}--{step}.png"), full_page=True)

    def close(self, failed: bool) -> None:
        for label, context, page in self.opened:
            if failed:
                ARTIFACTS.mkdir(exist_ok=True)
                try:
                    page.screenshot(path=str(ARTIFACTS / f"{self.test_name}--{label}--failed.png"), full_page=True)
                except Exception as exc:  # a crashed page must not hide the test's own failure
                    print(f"screenshot of {label} failed: {exc}")
            context.close()


def signed_in_chat(pages: Pages, server: Server, name: str, locale: str = "en") -> tuple[Any, str]:
    from playwright.sync_api import expect

    token = server.create_user(name, "patient")
    page = pages.open("/", f"chat-{name}", locale)
    page.get_by_label("Access token" if locale == "en" else "访问令牌").fill(token)
    page.locator("#sign-in-form button[type=submit]").click()
    expect(page.locator("#app")).to_be_visible()
    return page, token


def send(page: Any, text: str) -> None:
    page.locator("#composer-text").fill(text)
    page.locator("#send").click()


def last_assistant(page: Any) -> Any:
    return page.locator("#messages li.from-assistant").last
