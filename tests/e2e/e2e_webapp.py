"""The app as `assistant serve` builds it, with the web router included if app.py does not include it yet.

Started by the e2e tests as `uvicorn e2e_webapp:create --factory --app-dir tests/e2e`.
"""

from __future__ import annotations

from fastapi import FastAPI

from assistant.api.app import create_app
from assistant.api.routes import web
from assistant.settings import Settings
from assistant.store.db import upgrade


def create() -> FastAPI:
    settings = Settings()
    upgrade(settings)
    app = create_app(settings)
    if not any(getattr(route, "path", None) == "/clinician" for route in app.routes):
        app.include_router(web.router)
    return app
