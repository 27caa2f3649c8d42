"""SQLModel tables and their public shapes (one family per entity: Base / Create / Public / table).

Alembic owns the schema (assistant/store/migrations); these classes describe it for queries.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import field_validator
from sqlalchemy import JSON, Column, Text
from sqlmodel import Field, SQLModel

Role = Literal["patient", "clinician", "admin"]
ROLES: tuple[str, ...] = ("patient", "clinician", "admin")


def new_id() -> str:
    return uuid.uuid4().hex


def utcnow() -> datetime:
    return datetime.now(UTC)


# --- users and tokens -------------------------------------------------------------------------


class UserBase(SQLModel):
    name: str = Field(min_length=1, max_length=100)
    role: str = Field(default="patient", max_length=20)

    @field_validator("role")
    @classmethod
    def _known_role(cls, value: str) -> str:
        if value not in ROLES:
            raise ValueError(f"role must be one of {', '.join(ROLES)}")
        return value


class UserCreate(UserBase):
    pass


class User(UserBase, table=True):
    __tablename__ = "users"
    id: str = Field(default_factory=new_id, primary_key=True, max_length=32)
    disabled: bool = False
    created_at: datetime = Field(default_factory=utcnow)


class UserPublic(UserBase):
    id: str
    created_at: datetime


class ApiToken(SQLModel, table=True):
    __tablename__ = "api_tokens"
    id: str = Field(default_factory=new_id, primary_key=True, max_length=32)
    user_id: str = Field(foreign_key="users.id", index=True, max_length=32)
    token_hash: str = Field(index=True, unique=True, max_length=64)
    created_at: datetime = Field(default_factory=utcnow)
    revoked: bool = False


# --- chat sessions and messages ---------------------------------------------------------------


class ChatSessionBase(SQLModel):
    locale: str | None = Field(default=None, max_length=5)
    title: str | None = Field(default=None, max_length=200)


class ChatSessionCreate(ChatSessionBase):
    @field_validator("locale")
    @classmethod
    def _known_locale(cls, value: str | None) -> str | None:
        if value is not None and value not in ("zh", "en"):
            raise ValueError("locale must be 'zh' or 'en'")
        return value


class ChatSession(ChatSessionBase, table=True):
    __tablename__ = "chat_sessions"
    id: str = Field(default_factory=new_id, primary_key=True, max_length=32)
    user_id: str = Field(foreign_key="users.id", index=True, max_length=32)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    # "active", or "held" while a reply waits for a clinician's review.
    status: str = Field(default="active", max_length=20)


class ChatSessionPublic(ChatSessionBase):
    id: str
    user_id: str
    created_at: datetime
    updated_at: datetime
    status: str


class Message(SQLModel, table=True):
    __tablename__ = "messages"
    id: str = Field(default_factory=new_id, primary_key=True, max_length=32)
    session_id: str = Field(foreign_key="chat_sessions.id", index=True, max_length=32)
    seq: int = Field(index=True)
    # "patient", "assistant" or "clinician"
    sender: str = Field(max_length=20)
    text: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    # The Reply for assistant messages; attachments' metadata for patient messages.
    payload: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    created_at: datetime = Field(default_factory=utcnow)


class MessagePublic(SQLModel):
    id: str
    seq: int
    sender: str
    text: str
    payload: dict[str, Any] | None
    created_at: datetime


# --- escalations and audit --------------------------------------------------------------------


class Escalation(SQLModel, table=True):
    __tablename__ = "escalations"
    id: str = Field(default_factory=new_id, primary_key=True, max_length=32)
    session_id: str = Field(foreign_key="chat_sessions.id", index=True, max_length=32)
    message_id: str | None = Field(default=None, max_length=32)
    reason: str = Field(max_length=50)
    priority: str = Field(default="normal", max_length=10)
    # open -> claimed -> resolved
    status: str = Field(default="open", max_length=20, index=True)
    assignee_id: str | None = Field(default=None, foreign_key="users.id", max_length=32)
    summary: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    notes: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    requires_ack: bool = False
    acknowledged_at: datetime | None = None
    acknowledged_by: str | None = Field(default=None, max_length=32)
    # A drafted Reply that waits for review before the patient sees it (review-before-send).
    held_reply: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class EscalationPublic(SQLModel):
    id: str
    session_id: str
    message_id: str | None
    reason: str
    priority: str
    status: str
    assignee_id: str | None
    summary: str
    notes: str
    requires_ack: bool
    acknowledged_at: datetime | None
    acknowledged_by: str | None
    held: bool = False
    created_at: datetime
    updated_at: datetime


class AuditEvent(SQLModel, table=True):
    """Who read or wrote whose data. Never the text of a message."""

    __tablename__ = "audit_events"
    id: str = Field(default_factory=new_id, primary_key=True, max_length=32)
    actor_id: str | None = Field(default=None, max_length=32, index=True)
    action: str = Field(max_length=50)
    subject_user_id: str | None = Field(default=None, max_length=32, index=True)
    session_id: str | None = Field(default=None, max_length=32)
    detail: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    created_at: datetime = Field(default_factory=utcnow)
