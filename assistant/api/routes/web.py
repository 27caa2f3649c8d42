"""The web client: patient chat at `/`, clinician console at `/clinician`, static assets under `/web/`.

The pages are static files (HTML, CSS, vanilla JS modules) in `assistant/web/`; they talk only to the public
`/v1` API with the bearer token the user types in. Include with `app.include_router(web.router)`.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, HTTPException, status
from fastapi.responses import FileResponse

WEB_DIR = Path(__file__).resolve().parents[2] / "web"

# Only these kinds of file are served; anything else under web/ stays private.
CONTENT_TYPES: dict[str, str] = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
}

# The pages load nothing from elsewhere and run no inline script, so a strict policy costs nothing and
# limits the harm of any rendering mistake (all patient and model text is inserted as text, never as HTML).
SECURITY_HEADERS: dict[str, str] = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-cache",
}

router = APIRouter(tags=["web"], include_in_schema=False)


def web_file(relative: str) -> FileResponse:
    """A file of the web client, or 404. Refuses paths that leave WEB_DIR and types not in CONTENT_TYPES."""
    root = WEB_DIR.resolve()
    path = (root / relative).resolve()
    if not path.is_relative_to(root) or not path.is_file() or path.suffix.lower() not in CONTENT_TYPES:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no such file: {relative}")
    return FileResponse(path, media_type=CONTENT_TYPES[path.suffix.lower()], headers=SECURITY_HEADERS)


@router.get("/")
def patient_chat() -> FileResponse:
    return web_file("index.html")


@router.get("/clinician")
def clinician_console() -> FileResponse:
    return web_file("clinician.html")


@router.get("/web/{relative:path}")
def web_asset(relative: str) -> FileResponse:
    return web_file(relative)
