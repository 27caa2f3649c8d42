"""The web router and the static files, without a browser: what is served, with which headers, and what is not;
and that every interface string the pages use exists in both languages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from assistant.api.routes import web

WEB_DIR = Path(web.__file__).resolve().parents[2] / "web"


@pytest.fixture
def client() -> Iterator[TestClient]:
    # Synchronous on purpose: the browser tests' Playwright keeps an event loop running in this thread.
    app = FastAPI()
    app.include_router(web.router)
    with TestClient(app) as http:
        yield http


def test_pages_are_served_with_a_strict_security_policy(client: TestClient) -> None:
    for path, marker in [("/", 'src="/web/chat.js"'), ("/clinician", 'src="/web/clinician.js"')]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers["content-type"] == "text/html; charset=utf-8"
        assert marker in response.text
        policy = response.headers["content-security-policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy
        assert response.headers["x-content-type-options"] == "nosniff"


def test_assets_have_the_types_browsers_need(client: TestClient) -> None:
    expected = {"chat.js": "text/javascript", "clinician.js": "text/javascript", "render.js": "text/javascript",
                "api.js": "text/javascript", "i18n.js": "text/javascript", "style.css": "text/css"}
    for name, content_type in expected.items():
        response = client.get(f"/web/{name}")
        assert response.status_code == 200, name
        assert response.headers["content-type"].startswith(content_type), name


@pytest.mark.parametrize("path", [
    "/web/../routes/web.py",
    "/web/%2e%2e/%2e%2e/settings.py",
    "/web/..%2f..%2fsettings.py",
    "/web/__init__.py",
    "/web/missing.js",
    "/web/",
])
def test_nothing_outside_the_client_files_is_served(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404, path
    assert "detail" in response.json()


def test_web_file_refuses_escapes_directly() -> None:
    from fastapi import HTTPException

    for relative in ["../api/app.py", "/etc/passwd", "../../pyproject.toml", "__init__.py"]:
        with pytest.raises(HTTPException) as caught:
            web.web_file(relative)
        assert caught.value.status_code == 404


def i18n_entries() -> dict[str, str]:
    """key -> the text of its entry in i18n.js."""
    source = (WEB_DIR / "i18n.js").read_text(encoding="utf-8")
    table = source.split("export const STRINGS = {", 1)[1].split("\n};", 1)[0]
    return dict(re.findall(r"^  (\w+): (\{.*?\}),?$", table, flags=re.MULTILINE | re.DOTALL))


def test_every_interface_string_has_chinese_and_english() -> None:
    entries = i18n_entries()
    assert len(entries) > 100
    for key, entry in entries.items():
        zh = re.search(r'zh: "(.*?)"', entry)
        en = re.search(r'en: "(.*?)"', entry)
        assert zh and zh.group(1).strip(), key
        assert en and en.group(1).strip(), key
        assert re.search(r"[\u4e00-\u9fff]", zh.group(1)), f"{key}: the zh text has no Chinese"
        assert set(re.findall(r"\{\w+\}", zh.group(1))) == set(re.findall(r"\{\w+\}", en.group(1))), key


def test_every_key_the_pages_use_is_defined() -> None:
    entries = i18n_entries()
    used: set[str] = set()
    for page in WEB_DIR.glob("*.html"):
        used |= set(re.findall(r'data-i18n(?:-placeholder|-label)?="(\w+)"', page.read_text(encoding="utf-8")))
    for script in WEB_DIR.glob("*.js"):
        text = script.read_text(encoding="utf-8")
        used |= set(re.findall(r'\bt\("(\w+)"', text))
        used |= set(re.findall(r'actionButton\("(\w+)"', text))
    missing = sorted(key for key in used if key not in entries)
    assert not missing, missing
    assert {"emergency_title", "triage", "report", "tcm", "citations", "claim", "approve"} <= used


def test_pages_run_no_inline_script_and_load_nothing_from_elsewhere() -> None:
    for page in WEB_DIR.glob("*.html"):
        html = page.read_text(encoding="utf-8")
        for tag in re.findall(r"<script[^>]*>", html):
            assert 'src="/web/' in tag, (page.name, tag)
        assert "http://" not in html and "https://" not in html, page.name
        assert " style=" not in html and " on" + "click=" not in html, page.name


def test_scripts_never_insert_server_text_as_html() -> None:
    for script in WEB_DIR.glob("*.js"):
        text = script.read_text(encoding="utf-8")
        assert "innerHTML" not in text and "outerHTML" not in text and "insertAdjacentHTML" not in text, script.name
        assert "eval(" not in text and "new Function" not in text, script.name
