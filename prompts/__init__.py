"""Prompt and template texts, versioned, per task and locale. Loaded from YAML files in this folder."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

PROMPTS_DIR = Path(__file__).parent


class LocalizedText(BaseModel):
    zh: str
    en: str

    def get(self, locale: str) -> str:
        return self.zh if locale == "zh" else self.en


class TextBundle(BaseModel):
    version: str
    texts: dict[str, LocalizedText]

    def text(self, key: str, locale: str, **values: Any) -> str:
        template = self.texts[key].get(locale)
        return template.format(**values) if values else template


@lru_cache
def load_bundle(relative_path: str) -> TextBundle:
    """A YAML bundle of zh/en texts under prompts/, validated."""
    with open(PROMPTS_DIR / relative_path, encoding="utf-8") as handle:
        return TextBundle.model_validate(yaml.safe_load(handle))
