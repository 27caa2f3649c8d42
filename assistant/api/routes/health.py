"""Liveness, readiness and Prometheus metrics."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response, status
from fastapi.responses import JSONResponse
from sqlalchemy import text

from assistant.api.deps import AssistantDep

router = APIRouter(tags=["health"])


@router.get("/healthz")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz")
def readyz(assistant: AssistantDep) -> JSONResponse:
    try:
        with assistant.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as exc:
        return JSONResponse(
            {"status": "unavailable", "detail": type(exc).__name__}, status.HTTP_503_SERVICE_UNAVAILABLE
        )
    return JSONResponse({"status": "ready", "model": assistant.settings.model})


@router.get("/metrics")
def metrics(request: Request) -> Response:
    counters: dict[str, float] = request.app.state.metrics
    lines = []
    for name, value in sorted(counters.items()):
        lines.append(f"{name} {value}")
    return Response("\n".join(lines) + "\n", media_type="text/plain; version=0.0.4")
