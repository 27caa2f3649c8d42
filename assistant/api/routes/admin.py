"""Admin routes (users and tokens) and the patient's own data (export, forget me)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, status

from assistant.api.deps import AdminUser, AssistantDep, CurrentUser, SessionDep
from assistant.api.schemas import UserIn
from assistant.store import crud
from assistant.store.models import ROLES, User, UserPublic

router = APIRouter(tags=["admin"])


@router.post("/v1/users", status_code=status.HTTP_201_CREATED)
def create_user(body: UserIn, admin: AdminUser, assistant: AssistantDep, db: SessionDep) -> dict[str, Any]:
    if body.role not in ROLES:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, f"role must be one of {', '.join(ROLES)}")
    user, token = assistant.create_user(body.name, body.role)
    crud.audit(db, admin.id, "create_user", user.id)
    db.commit()
    return {"user": UserPublic.model_validate(user, from_attributes=True).model_dump(mode="json"), "token": token}


@router.get("/v1/users", response_model=list[UserPublic])
def list_users(admin: AdminUser, db: SessionDep) -> list[User]:
    return crud.list_users(db)


@router.post("/v1/users/{user_id}/tokens", status_code=status.HTTP_201_CREATED)
def issue_token(user_id: str, admin: AdminUser, assistant: AssistantDep, db: SessionDep) -> dict[str, str]:
    user = db.get(User, user_id)
    if user is None or user.disabled:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"user {user_id} not found")
    token = crud.issue_token(db, user, assistant.settings.secret_key)
    crud.audit(db, admin.id, "issue_token", user.id)
    db.commit()
    return {"token": token}


@router.delete("/v1/users/{user_id}/tokens")
def revoke_tokens(user_id: str, admin: AdminUser, db: SessionDep) -> dict[str, int]:
    if db.get(User, user_id) is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"user {user_id} not found")
    count = crud.revoke_tokens(db, user_id)
    crud.audit(db, admin.id, "revoke_tokens", user_id)
    db.commit()
    return {"revoked": count}


@router.get("/v1/me", response_model=UserPublic)
def me(user: CurrentUser) -> User:
    return user


@router.get("/v1/me/export")
def export_my_data(user: CurrentUser, db: SessionDep) -> dict[str, Any]:
    """Everything stored about the caller: profile, sessions and messages."""
    sessions = []
    for chat in crud.sessions_of(db, user.id):
        messages = [m.model_dump(mode="json", exclude={"session_id"}) for m in crud.messages_of(db, chat.id)]
        sessions.append({**chat.model_dump(mode="json"), "messages": messages})
    crud.audit(db, user.id, "export", user.id)
    db.commit()
    return {"user": UserPublic.model_validate(user, from_attributes=True).model_dump(mode="json"), "sessions": sessions}


@router.delete("/v1/me")
async def forget_me(user: CurrentUser, assistant: AssistantDep, db: SessionDep) -> dict[str, int]:
    """Deletes the caller's sessions, messages, escalations, tokens and conversation state; disables the account."""
    for chat in crud.sessions_of(db, user.id):
        await assistant.graph.checkpointer.adelete_thread(chat.id)
    counts = crud.delete_user_data(db, user.id)
    crud.audit(db, user.id, "forget_me", user.id, detail=counts)
    db.commit()
    return counts
