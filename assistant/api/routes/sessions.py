"""Patient routes: sessions and messages (JSON and Server-Sent Events)."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator

from fastapi import APIRouter, HTTPException, status
from fastapi.responses import StreamingResponse
from sqlmodel import select

from assistant.api.deps import AssistantDep, CurrentUser, SessionDep
from assistant.api.schemas import MessageIn, SessionIn
from assistant.graph.capability import Attachment
from assistant.reply import Reply
from assistant.service import InputError, NotFoundError
from assistant.store import crud
from assistant.store.models import ChatSession, ChatSessionPublic, Escalation, MessagePublic, User

log = logging.getLogger(__name__)
router = APIRouter(prefix="/v1/sessions", tags=["sessions"])


def readable_session(db: SessionDep, user: User, session_id: str) -> ChatSession:
    """The session if `user` may read it: its owner, a clinician when it was escalated, or an admin.
    Anyone else gets 404, so that ids of other patients' sessions are not confirmed."""
    chat = db.get(ChatSession, session_id)
    if chat is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"session {session_id} not found")
    if chat.user_id == user.id:
        return chat
    escalated = db.exec(select(Escalation.id).where(Escalation.session_id == session_id)).first() is not None
    if user.role == "admin" or (user.role == "clinician" and escalated):
        crud.audit(db, user.id, "read_session", chat.user_id, session_id)
        db.commit()
        return chat
    raise HTTPException(status.HTTP_404_NOT_FOUND, f"session {session_id} not found")


def own_session(db: SessionDep, user: User, session_id: str) -> ChatSession:
    chat = db.get(ChatSession, session_id)
    if chat is None or chat.user_id != user.id:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"session {session_id} not found")
    return chat


@router.post("", status_code=status.HTTP_201_CREATED, response_model=ChatSessionPublic)
async def create_session(body: SessionIn, user: CurrentUser, assistant: AssistantDep, db: SessionDep) -> ChatSession:
    session_id = await assistant.create_session(user.id, body.locale, body.title)
    chat = db.get(ChatSession, session_id)
    assert chat is not None
    return chat


@router.get("", response_model=list[ChatSessionPublic])
def list_sessions(user: CurrentUser, db: SessionDep) -> list[ChatSession]:
    return crud.sessions_of(db, user.id)


@router.get("/{session_id}", response_model=ChatSessionPublic)
def get_session(session_id: str, user: CurrentUser, db: SessionDep) -> ChatSession:
    return readable_session(db, user, session_id)


@router.get("/{session_id}/messages", response_model=list[MessagePublic])
def list_messages(session_id: str, user: CurrentUser, db: SessionDep) -> list[MessagePublic]:
    readable_session(db, user, session_id)
    return [MessagePublic.model_validate(m, from_attributes=True) for m in crud.messages_of(db, session_id)]


def decode_attachments(body: MessageIn, max_bytes: int) -> list[Attachment]:
    attachments = []
    for item in body.attachments:
        try:
            attachment = item.decoded()
        except ValueError as exc:
            raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(exc)) from None
        if len(attachment.data) > max_bytes:
            raise HTTPException(status.HTTP_413_CONTENT_TOO_LARGE, f"attachment larger than {max_bytes} bytes")
        attachments.append(attachment)
    return attachments


@router.post("/{session_id}/messages", response_model=Reply)
async def post_message(
    session_id: str, body: MessageIn, user: CurrentUser, assistant: AssistantDep, db: SessionDep
) -> Reply:
    own_session(db, user, session_id)
    attachments = decode_attachments(body, assistant.settings.max_attachment_bytes)
    try:
        return await assistant.send(
            session_id, text=body.text, choice=body.choice, attachments=attachments, user_id=user.id
        )
    except InputError as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(exc)) from None
    except NotFoundError as exc:
        raise HTTPException(status.HTTP_404_NOT_FOUND, str(exc)) from None


def sse(event: str, data: object) -> str:
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


@router.post("/{session_id}/messages/stream")
async def post_message_stream(
    session_id: str, body: MessageIn, user: CurrentUser, assistant: AssistantDep, db: SessionDep
) -> StreamingResponse:
    """Server-Sent Events: `delta` (text chunks, each already checked), then `reply` (the Reply), or `error`."""
    own_session(db, user, session_id)
    attachments = decode_attachments(body, assistant.settings.max_attachment_bytes)
    if not (body.text or "").strip() and body.choice is None and not attachments:
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT, "the message is empty: send text, a choice or an attachment"
        )

    async def events() -> AsyncIterator[str]:
        try:
            async for kind, value in assistant.stream(
                session_id, text=body.text, choice=body.choice, attachments=attachments, user_id=user.id
            ):
                if kind == "delta":
                    yield sse("delta", {"text": value})
                else:
                    yield sse("reply", value.model_dump(mode="json"))
        except (InputError, NotFoundError) as exc:
            yield sse("error", {"detail": str(exc)})
        except Exception:
            log.exception("streamed turn failed")
            yield sse("error", {"detail": "the turn failed; nothing was stored"})

    return StreamingResponse(events(), media_type="text/event-stream", headers={"Cache-Control": "no-cache"})
