"""The FastAPI app factory."""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request, Response, status
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from assistant.api.routes import admin, clinician, health, sessions, web
from assistant.service import Assistant
from assistant.settings import Settings, get_settings

log = logging.getLogger(__name__)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        async with Assistant.open(settings) as assistant:
            app.state.assistant = assistant
            yield

    app = FastAPI(
        title="Health assistant",
        version="0.1.0",
        description="Bilingual health assistant: triage, lab reports, TCM constitution, insurance Q&A.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.metrics = {
        "assistant_http_requests_total": 0.0,
        "assistant_http_errors_total": 0.0,
        "assistant_http_request_seconds_sum": 0.0,
    }

    @app.middleware("http")
    async def limit_and_count(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        length = request.headers.get("content-length")
        if length is not None and length.isdigit() and int(length) > settings.max_request_bytes:
            return JSONResponse(
                {"detail": f"request body larger than {settings.max_request_bytes} bytes"},
                status.HTTP_413_CONTENT_TOO_LARGE,
            )
        started = time.perf_counter()
        response = await call_next(request)
        metrics = app.state.metrics
        metrics["assistant_http_requests_total"] += 1
        metrics["assistant_http_request_seconds_sum"] += time.perf_counter() - started
        if response.status_code >= 500:
            metrics["assistant_http_errors_total"] += 1
        return response

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = []
        for error in exc.errors():
            where = ".".join(str(part) for part in error.get("loc", ()) if part != "body")
            problems.append(f"{where}: {error.get('msg')}" if where else str(error.get("msg")))
        return JSONResponse(
            {"detail": "invalid request: " + "; ".join(problems), "errors": jsonable(exc.errors())},
            status.HTTP_422_UNPROCESSABLE_CONTENT,
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail
        if exc.status_code == status.HTTP_400_BAD_REQUEST and detail == "There was an error parsing the body":
            detail = "invalid request body: it must be JSON encoded as UTF-8"
        return JSONResponse({"detail": detail}, exc.status_code, headers=exc.headers)

    @app.exception_handler(Exception)
    async def unexpected_error(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return JSONResponse(
            {"detail": "internal error; nothing was stored for this request"}, status.HTTP_500_INTERNAL_SERVER_ERROR
        )

    app.include_router(health.router)
    app.include_router(sessions.router)
    app.include_router(clinician.router)
    app.include_router(admin.router)
    app.include_router(web.router)
    return app


def jsonable(errors: object) -> object:
    """Validation errors without the raw input bytes (they may not be UTF-8 or JSON-serialisable)."""
    if isinstance(errors, list):
        return [{k: v for k, v in e.items() if k in ("loc", "msg", "type")} for e in errors if isinstance(e, dict)]
    return []
