"""Clinician routes: the escalation queue, review-before-send, replies into a patient's session."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, HTTPException, status
from sqlmodel import col, select

from assistant.api.deps import AssistantDep, ClinicianUser, SessionDep
from assistant.api.schemas import ClinicianReplyIn, ResolveIn, ReviewIn
from assistant.reply import Reply
from assistant.service import ConflictError, NotFoundError
from assistant.store import crud
from assistant.store.models import ChatSession, Escalation, EscalationPublic, Message, MessagePublic, utcnow
from prompts import load_bundle

router = APIRouter(prefix="/v1/escalations", tags=["clinician"])

PRIORITY_ORDER = {"high": 0, "normal": 1, "low": 2}


def public(escalation: Escalation) -> EscalationPublic:
    return EscalationPublic.model_validate({**escalation.model_dump(), "held": escalation.held_reply is not None})


def load(db: SessionDep, escalation_id: str) -> Escalation:
    escalation = db.get(Escalation, escalation_id)
    if escalation is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"escalation {escalation_id} not found")
    return escalation


def session_summary(messages: list[Message]) -> dict[str, Any]:
    """What a clinician needs at a glance: the complaint, findings, triage, lab flags and the rules that fired."""
    summary: dict[str, Any] = {
        "complaint": None,
        "triage": None,
        "abnormal_results": [],
        "tcm": None,
        "rules_fired": [],
    }
    for message in messages:
        payload = message.payload or {}
        if message.sender == "patient" and summary["complaint"] is None and message.text:
            summary["complaint"] = message.text[:500]
        if message.sender != "assistant":
            continue
        if payload.get("triage"):
            summary["triage"] = payload["triage"]
        report = payload.get("report") or {}
        for analyte in report.get("analytes", []):
            if analyte.get("flag") not in ("N", None):
                summary["abnormal_results"].append(analyte)
        if payload.get("tcm") and payload["tcm"].get("final"):
            summary["tcm"] = payload["tcm"]
        for event in payload.get("safety", []):
            if event not in summary["rules_fired"]:
                summary["rules_fired"].append(event)
    return summary


@router.get("", response_model=list[EscalationPublic])
def list_escalations(
    clinician: ClinicianUser,
    db: SessionDep,
    status_filter: Literal["open", "claimed", "resolved", "active"] = "active",
    priority: Literal["high", "normal", "low"] | None = None,
    reason: str | None = None,
    mine: bool = False,
    limit: int = 100,
) -> list[EscalationPublic]:
    """The queue, most urgent first. `status_filter=active` means open or claimed."""
    query = select(Escalation)
    if status_filter == "active":
        query = query.where(col(Escalation.status).in_(["open", "claimed"]))
    else:
        query = query.where(Escalation.status == status_filter)
    if priority:
        query = query.where(Escalation.priority == priority)
    if reason:
        query = query.where(Escalation.reason == reason)
    if mine:
        query = query.where(Escalation.assignee_id == clinician.id)
    rows = list(db.exec(query.order_by(col(Escalation.created_at))).all())
    rows.sort(key=lambda e: (PRIORITY_ORDER.get(e.priority, 9), e.created_at))
    return [public(e) for e in rows[: max(1, min(limit, 500))]]


@router.get("/{escalation_id}")
def get_escalation(escalation_id: str, clinician: ClinicianUser, db: SessionDep) -> dict[str, Any]:
    escalation = load(db, escalation_id)
    chat = db.get(ChatSession, escalation.session_id)
    messages = crud.messages_of(db, escalation.session_id)
    crud.audit(db, clinician.id, "read_escalation", chat.user_id if chat else None, escalation.session_id)
    db.commit()
    return {
        "escalation": public(escalation).model_dump(mode="json"),
        "held_reply": escalation.held_reply,
        "summary": session_summary(messages),
        "transcript": [MessagePublic.model_validate(m, from_attributes=True).model_dump(mode="json") for m in messages],
    }


@router.post("/{escalation_id}/claim", response_model=EscalationPublic)
def claim(escalation_id: str, clinician: ClinicianUser, db: SessionDep) -> EscalationPublic:
    escalation = load(db, escalation_id)
    if escalation.status == "resolved":
        raise HTTPException(status.HTTP_409_CONFLICT, "this escalation is already resolved")
    if escalation.assignee_id not in (None, clinician.id):
        raise HTTPException(status.HTTP_409_CONFLICT, "another clinician has claimed this escalation")
    escalation.assignee_id = clinician.id
    escalation.status = "claimed"
    escalation.updated_at = utcnow()
    db.add(escalation)
    chat = db.get(ChatSession, escalation.session_id)
    crud.audit(db, clinician.id, "claim_escalation", chat.user_id if chat else None, escalation.session_id)
    db.commit()
    return public(escalation)


@router.post("/{escalation_id}/reply", response_model=MessagePublic, status_code=status.HTTP_201_CREATED)
def reply(escalation_id: str, body: ClinicianReplyIn, clinician: ClinicianUser, db: SessionDep) -> MessagePublic:
    """A clinician's message into the patient's session, shown to the patient as a clinician's message."""
    escalation = load(db, escalation_id)
    chat = db.get(ChatSession, escalation.session_id)
    if chat is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "the session was deleted")
    locale = chat.locale or "zh"
    prefix = load_bundle("templates/general.yaml").text("clinician_prefix", locale)
    message = crud.add_message(db, chat.id, "clinician", body.text, {"clinician_id": clinician.id, "prefix": prefix})
    if escalation.assignee_id is None:
        escalation.assignee_id = clinician.id
        escalation.status = "claimed"
    escalation.updated_at = utcnow()
    db.add(escalation)
    crud.audit(db, clinician.id, "reply_to_patient", chat.user_id, chat.id, {"escalation_id": escalation_id})
    db.commit()
    return MessagePublic.model_validate(message, from_attributes=True)


@router.post("/{escalation_id}/review", response_model=Reply)
async def review(escalation_id: str, body: ReviewIn, clinician: ClinicianUser, assistant: AssistantDep) -> Reply:
    """Approve (no text) or edit (text) a reply held for review; the patient then sees it."""
    try:
        return await assistant.resume_review(escalation_id, clinician.id, body.text)
    except NotFoundError as exc:
        raise HTTPException(status.HTTP_404_NOT_FOUND, str(exc)) from None
    except ConflictError as exc:
        raise HTTPException(status.HTTP_409_CONFLICT, str(exc)) from None


@router.post("/{escalation_id}/acknowledge", response_model=EscalationPublic)
def acknowledge(escalation_id: str, clinician: ClinicianUser, db: SessionDep) -> EscalationPublic:
    """A clinician confirms they have seen a critical value."""
    escalation = load(db, escalation_id)
    if not escalation.requires_ack:
        raise HTTPException(status.HTTP_409_CONFLICT, "this escalation has nothing to acknowledge")
    if escalation.acknowledged_at is None:
        escalation.acknowledged_at = utcnow()
        escalation.acknowledged_by = clinician.id
        escalation.updated_at = utcnow()
        db.add(escalation)
        chat = db.get(ChatSession, escalation.session_id)
        crud.audit(db, clinician.id, "acknowledge_critical", chat.user_id if chat else None, escalation.session_id)
        db.commit()
    return public(escalation)


@router.post("/{escalation_id}/resolve", response_model=EscalationPublic)
def resolve(escalation_id: str, body: ResolveIn, clinician: ClinicianUser, db: SessionDep) -> EscalationPublic:
    escalation = load(db, escalation_id)
    if escalation.requires_ack and escalation.acknowledged_at is None:
        raise HTTPException(status.HTTP_409_CONFLICT, "acknowledge the critical value before resolving")
    if escalation.held_reply is not None:
        raise HTTPException(status.HTTP_409_CONFLICT, "a reply is still held for review: approve or edit it first")
    escalation.status = "resolved"
    escalation.notes = (escalation.notes + "\n" if escalation.notes else "") + f"[{body.outcome}] {body.notes}".strip()
    escalation.assignee_id = escalation.assignee_id or clinician.id
    escalation.updated_at = utcnow()
    db.add(escalation)
    chat = db.get(ChatSession, escalation.session_id)
    crud.audit(db, clinician.id, "resolve_escalation", chat.user_id if chat else None, escalation.session_id)
    db.commit()
    return public(escalation)
