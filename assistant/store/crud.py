"""Queries over the tables. Plain functions taking a Session; the caller owns the transaction."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Any

from sqlmodel import Session, col, delete, func, select

from assistant.store.models import (
    ApiToken,
    AuditEvent,
    ChatSession,
    Escalation,
    Message,
    User,
    UserCreate,
    utcnow,
)


def hash_token(token: str, secret_key: str) -> str:
    return hmac.new(secret_key.encode(), token.encode(), hashlib.sha256).hexdigest()


def create_user(session: Session, data: UserCreate) -> User:
    user = User.model_validate(data)
    session.add(user)
    session.flush()
    return user


def issue_token(session: Session, user: User, secret_key: str) -> str:
    """A new bearer token for `user`; only its hash is stored, so it is shown once."""
    token = "ha_" + secrets.token_urlsafe(32)
    session.add(ApiToken(user_id=user.id, token_hash=hash_token(token, secret_key)))
    session.flush()
    return token


def user_for_token(session: Session, token: str, secret_key: str) -> User | None:
    row = session.exec(
        select(User)
        .join(ApiToken, col(ApiToken.user_id) == col(User.id))
        .where(ApiToken.token_hash == hash_token(token, secret_key), col(ApiToken.revoked).is_(False))
    ).first()
    if row is None or row.disabled:
        return None
    return row


def revoke_tokens(session: Session, user_id: str) -> int:
    tokens = session.exec(select(ApiToken).where(ApiToken.user_id == user_id)).all()
    for token in tokens:
        token.revoked = True
        session.add(token)
    return len(tokens)


def list_users(session: Session) -> list[User]:
    return list(session.exec(select(User).order_by(col(User.created_at))).all())


def sessions_of(session: Session, user_id: str) -> list[ChatSession]:
    return list(
        session.exec(
            select(ChatSession).where(ChatSession.user_id == user_id).order_by(col(ChatSession.created_at).desc())
        ).all()
    )


def messages_of(session: Session, session_id: str) -> list[Message]:
    return list(session.exec(select(Message).where(Message.session_id == session_id).order_by(col(Message.seq))).all())


def next_seq(session: Session, session_id: str) -> int:
    current = session.exec(select(func.max(Message.seq)).where(Message.session_id == session_id)).one()
    return int(current or 0) + 1


def add_message(
    session: Session,
    session_id: str,
    sender: str,
    text: str,
    payload: dict[str, Any] | None = None,
    message_id: str | None = None,
) -> Message:
    message = Message(
        session_id=session_id, seq=next_seq(session, session_id), sender=sender, text=text, payload=payload
    )
    if message_id:
        message.id = message_id
    session.add(message)
    session.flush()
    return message


def audit(
    session: Session,
    actor_id: str | None,
    action: str,
    subject_user_id: str | None = None,
    session_id: str | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    session.add(
        AuditEvent(
            actor_id=actor_id, action=action, subject_user_id=subject_user_id, session_id=session_id, detail=detail
        )
    )


def delete_user_data(session: Session, user_id: str) -> dict[str, int]:
    """'Forget me': the user's sessions, messages, escalations and tokens. Audit events stay (they hold no text)."""
    session_ids = [s.id for s in sessions_of(session, user_id)]
    counts = {"sessions": len(session_ids), "messages": 0, "escalations": 0}
    if session_ids:
        counts["messages"] = len(session.exec(select(Message.id).where(col(Message.session_id).in_(session_ids))).all())
        counts["escalations"] = len(
            session.exec(select(Escalation.id).where(col(Escalation.session_id).in_(session_ids))).all()
        )
        session.exec(delete(Message).where(col(Message.session_id).in_(session_ids)))
        session.exec(delete(Escalation).where(col(Escalation.session_id).in_(session_ids)))
        session.exec(delete(ChatSession).where(col(ChatSession.id).in_(session_ids)))
    session.exec(delete(ApiToken).where(col(ApiToken.user_id) == user_id))
    user = session.get(User, user_id)
    if user is not None:
        user.disabled = True
        user.name = "deleted"
        session.add(user)
    return counts


def touch(chat: ChatSession) -> None:
    chat.updated_at = utcnow()
