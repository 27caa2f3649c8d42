"""Every knob of the service, read from ASSISTANT_* environment variables (or a .env file)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_SECRET = "change-me-dev-secret"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ASSISTANT_", env_file=".env", extra="ignore")

    environment: Literal["development", "test", "production"] = "development"
    # Signs nothing secret today, but salts token hashes: production refuses the default.
    secret_key: str = DEFAULT_SECRET

    data_dir: Path = Path("./data")
    # Empty means a SQLite file in data_dir. PostgreSQL: postgresql://user@host:5432/db
    database_url: str = ""

    host: str = "127.0.0.1"
    port: int = 8000

    # "offline" makes no model call; anything else is a LiteLLM model string.
    model: str = "offline"
    model_api_base: str | None = None
    model_api_key: str | None = None
    model_fallbacks: list[str] = Field(default_factory=list)
    model_timeout_s: float = 20.0
    model_retries: int = 1
    # How structured output is asked for: "auto" picks per provider (llama.cpp takes json_object with a schema).
    model_json_mode: Literal["auto", "json_schema", "json_object", "prompt"] = "auto"
    # Ask the model to phrase replies (checked against the decided result before the patient sees them).
    model_phrasing: bool = True
    judge_model: str | None = None

    default_locale: Literal["zh", "en"] = "zh"
    emergency_number_zh: str = "120"
    emergency_number_en: str = "911"
    crisis_lines_zh: list[str] = Field(default_factory=lambda: ["12356", "120"])
    crisis_lines_en: list[str] = Field(default_factory=lambda: ["988", "911"])

    max_message_chars: int = 20_000
    max_request_bytes: int = 10 * 1024 * 1024
    max_attachment_bytes: int = 5 * 1024 * 1024
    # Reasons whose reply waits for a clinician's approval before the patient sees it.
    review_reasons: list[str] = Field(default_factory=list)
    # Open sign-up of patients through POST /v1/users (off: an admin creates users).
    allow_signup: bool = False

    @model_validator(mode="after")
    def _refuse_default_secret_in_production(self) -> Settings:
        if self.environment == "production" and (self.secret_key == DEFAULT_SECRET or len(self.secret_key) < 16):
            raise ValueError(
                "ASSISTANT_SECRET_KEY must be set to a non-default value of at least 16 characters in production"
            )
        return self

    @property
    def sqlalchemy_url(self) -> str:
        """The URL SQLAlchemy uses (psycopg 3 driver for PostgreSQL)."""
        url = self.database_url or f"sqlite:///{(self.data_dir / 'assistant.db').as_posix()}"
        if url.startswith("postgresql://") or url.startswith("postgres://"):
            url = "postgresql+psycopg://" + url.split("://", 1)[1]
        return url

    @property
    def is_postgres(self) -> bool:
        return self.sqlalchemy_url.startswith("postgresql")

    @property
    def offline(self) -> bool:
        return self.model == "offline"

    def emergency_numbers(self) -> dict[str, str]:
        return {"zh": self.emergency_number_zh, "en": self.emergency_number_en}

    def crisis_lines(self) -> dict[str, list[str]]:
        return {"zh": self.crisis_lines_zh, "en": self.crisis_lines_en}


@lru_cache
def get_settings() -> Settings:
    return Settings()
