"""`uvicorn assistant.api.main:app` (settings from ASSISTANT_* variables)."""

from assistant.api.app import create_app

app = create_app()
