"""Request bodies of the HTTP API (responses reuse Reply and the *Public models)."""

from __future__ import annotations

import base64
import binascii
from typing import Literal

from pydantic import BaseModel, Field, field_validator

from assistant.graph.capability import Attachment


class AttachmentIn(BaseModel):
    kind: str = Field(default="file", max_length=30)
    content_type: str = Field(default="application/octet-stream", max_length=100)
    filename: str | None = Field(default=None, max_length=255)
    data: str = Field(description="the file's bytes, base64")

    def decoded(self) -> Attachment:
        try:
            raw = base64.b64decode(self.data, validate=True)
        except (binascii.Error, ValueError):
            raise ValueError(f"attachment {self.filename or ''} is not valid base64".replace("  ", " ")) from None
        return Attachment(kind=self.kind, content_type=self.content_type, filename=self.filename, data=raw)


class MessageIn(BaseModel):
    text: str | None = None
    choice: str | None = Field(default=None, max_length=100)
    attachments: list[AttachmentIn] = Field(default_factory=list, max_length=5)

    @field_validator("text")
    @classmethod
    def _no_control_characters(cls, value: str | None) -> str | None:
        if value is not None and "\x00" in value:
            raise ValueError("text must not contain NUL characters")
        return value


class SessionIn(BaseModel):
    locale: Literal["zh", "en"] | None = Field(default=None, description="fix the session's language")
    title: str | None = Field(default=None, max_length=200)


class ReviewIn(BaseModel):
    text: str | None = Field(default=None, max_length=20_000, description="edited text; omit to approve the draft")


class ClinicianReplyIn(BaseModel):
    text: str = Field(min_length=1, max_length=20_000)


class ResolveIn(BaseModel):
    notes: str = Field(default="", max_length=20_000)
    outcome: str = Field(default="resolved", max_length=50)


class UserIn(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    role: str = "patient"
