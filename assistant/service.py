"""The assistant service: runs a patient's turn through the graph and stores it, in one place for the API, the
CLI and the eval runner.

A turn is stored only when it completed: the patient's message, the assistant's Reply and any escalation are
written in one transaction after the graph has finished (the graph persists its own state only at exit).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import Any

from langgraph.types import Command
from sqlalchemy.engine import Engine
from sqlmodel import Session

from assistant.graph.build import build_graph
from assistant.graph.capability import Attachment, CapabilityConfig, CapabilityResponse
from assistant.graph.state import Context, TurnInput
from assistant.llm import ModelClient
from assistant.reply import EscalationInfo, Reply, SafetyEvent, Usage
from assistant.settings import Settings, get_settings
from assistant.store import crud
from assistant.store.checkpointer import open_checkpointer
from assistant.store.db import make_engine, session_scope, upgrade
from assistant.store.models import ChatSession, Escalation, User, UserCreate, new_id, utcnow
from prompts import load_bundle

log = logging.getLogger(__name__)

SYSTEM_USER_NAME = "system"


class NotFoundError(LookupError):
    """An unknown id (session, escalation, user)."""


class ConflictError(RuntimeError):
    """The request does not fit the current state (e.g. a reply already held for review)."""


class InputError(ValueError):
    """The patient's input cannot be used (empty, too long, a choice that was not offered)."""


class Assistant:
    def __init__(self, settings: Settings, engine: Engine, graph: Any, model: ModelClient) -> None:
        self.settings = settings
        self.engine = engine
        self.graph = graph
        self.model = model
        self._locks: dict[str, asyncio.Lock] = {}

    @classmethod
    @asynccontextmanager
    async def open(cls, settings: Settings | None = None, model: ModelClient | None = None) -> AsyncIterator[Assistant]:
        """Migrates the schema, opens the checkpointer and compiles the graph, for the life of the context."""
        settings = settings or get_settings()
        await asyncio.to_thread(upgrade, settings)
        engine = make_engine(settings)
        # Load the slow parts (rule files, lexicons, jieba's dictionary) off the first turn's path.
        warming = asyncio.get_running_loop().run_in_executor(None, warm_up, settings)
        try:
            async with open_checkpointer(settings) as saver:
                yield cls(settings, engine, build_graph(saver), model or ModelClient.from_settings(settings))
        finally:
            await warming
            engine.dispose()

    # --- users -----------------------------------------------------------------------------------

    def create_user(self, name: str, role: str = "patient") -> tuple[User, str]:
        """A new user and their first bearer token (shown once)."""
        with session_scope(self.engine) as db:
            user = crud.create_user(db, UserCreate(name=name, role=role))
            token = crud.issue_token(db, user, self.settings.secret_key)
            return user, token

    def user_for_token(self, token: str) -> User | None:
        with Session(self.engine) as db:
            return crud.user_for_token(db, token, self.settings.secret_key)

    def _system_user_id(self, db: Session) -> str:
        for user in crud.list_users(db):
            if user.name == SYSTEM_USER_NAME and user.role == "admin" and not user.disabled:
                return user.id
        return crud.create_user(db, UserCreate(name=SYSTEM_USER_NAME, role="admin")).id

    # --- sessions --------------------------------------------------------------------------------

    async def create_session(
        self, user_id: str | None = None, locale: str | None = None, title: str | None = None
    ) -> str:
        with session_scope(self.engine) as db:
            owner = user_id or self._system_user_id(db)
            chat = ChatSession(user_id=owner, locale=locale, title=title)
            db.add(chat)
            db.flush()
            return chat.id

    def get_session(self, session_id: str) -> ChatSession:
        with Session(self.engine) as db:
            chat = db.get(ChatSession, session_id)
            if chat is None:
                raise NotFoundError(f"session {session_id} not found")
            return chat

    def _context(self, session_id: str, turn: TurnInput) -> Context:
        settings = self.settings
        return Context(
            session_id=session_id,
            turn=turn,
            model=self.model,
            config=CapabilityConfig(
                emergency_number=settings.emergency_numbers(),
                crisis_lines=settings.crisis_lines(),
                data_dir=str(settings.data_dir),
            ),
            default_locale=settings.default_locale,
            model_phrasing=settings.model_phrasing,
            review_reasons=tuple(settings.review_reasons),
        )

    def _lock(self, session_id: str) -> asyncio.Lock:
        return self._locks.setdefault(session_id, asyncio.Lock())

    async def send(
        self,
        session_id: str,
        *,
        text: str | None = None,
        choice: str | None = None,
        attachments: Sequence[Attachment] | None = None,
        user_id: str | None = None,
    ) -> Reply:
        """One patient turn. Raises NotFoundError, InputError; stores nothing unless the turn completes."""
        text = (text or "").strip()
        attachments = list(attachments or [])
        if not text and choice is None and not attachments:
            raise InputError("the message is empty: send text, a choice or an attachment")
        if len(text) > self.settings.max_message_chars:
            raise InputError(f"the message is longer than {self.settings.max_message_chars} characters")
        chat = await asyncio.to_thread(self.get_session, session_id)
        if user_id is not None and chat.user_id != user_id:
            raise NotFoundError(f"session {session_id} not found")
        async with self._lock(session_id):
            if chat.status == "held":
                return await asyncio.to_thread(self._store_held_message, chat, text, choice, attachments)
            if choice is not None:
                await asyncio.to_thread(self._check_choice, session_id, choice)
            turn = TurnInput(text=text, choice=choice, attachments=attachments)
            context = self._context(session_id, turn)
            config = {"configurable": {"thread_id": session_id}}
            state = await self.graph.ainvoke(
                {"session_locale": chat.locale}, config, context=context, durability="exit"
            )
            return await asyncio.to_thread(self._store_turn, chat, turn, state, context.usage)

    def _check_choice(self, session_id: str, choice: str) -> None:
        with Session(self.engine) as db:
            last = next((m for m in reversed(crud.messages_of(db, session_id)) if m.sender == "assistant"), None)
        question = (last.payload or {}).get("question") if last is not None else None
        offered = [c["id"] for c in (question or {}).get("choices", [])]
        if choice not in offered:
            raise InputError(
                f"choice {choice!r} is not one of the last question's choices ({', '.join(offered) or 'none offered'})"
            )

    async def stream(self, session_id: str, **kwargs: Any) -> AsyncIterator[tuple[str, Any]]:
        """("delta", text chunk)* then ("reply", Reply). Same arguments, checks and storage as `send`.

        A phrased reply is released sentence by sentence while the model writes, each sentence only after it passed
        the grounding checks in `compose`; a fixed or template reply (and any reply that may be held for review)
        is split into sentences once the turn is done. The final Reply's text is authoritative: when a later
        sentence fails its check, the phrasing stops and the Reply carries the template text instead.
        """
        text = str(kwargs.get("text") or "").strip()
        choice: str | None = kwargs.get("choice")
        attachments = list(kwargs.get("attachments") or [])
        user_id: str | None = kwargs.get("user_id")
        if not text and choice is None and not attachments:
            raise InputError("the message is empty: send text, a choice or an attachment")
        if len(text) > self.settings.max_message_chars:
            raise InputError(f"the message is longer than {self.settings.max_message_chars} characters")
        chat = await asyncio.to_thread(self.get_session, session_id)
        if user_id is not None and chat.user_id != user_id:
            raise NotFoundError(f"session {session_id} not found")
        released: list[str] = []
        async with self._lock(session_id):
            if chat.status == "held":
                reply = self._store_held_message(chat, text, choice, attachments)
            else:
                if choice is not None:
                    self._check_choice(session_id, choice)
                turn = TurnInput(text=text, choice=choice, attachments=attachments)
                context = self._context(session_id, turn)
                config = {"configurable": {"thread_id": session_id}}
                state: dict[str, Any] = {}
                interrupts: list[Any] = []
                async for mode, payload in self.graph.astream(
                    {"session_locale": chat.locale},
                    config,
                    context=context,
                    durability="exit",
                    stream_mode=["custom", "updates", "values"],
                ):
                    if mode == "custom" and isinstance(payload, dict) and isinstance(payload.get("delta"), str):
                        released.append(payload["delta"])
                        yield "delta", payload["delta"]
                    elif mode == "updates" and isinstance(payload, dict) and payload.get("__interrupt__"):
                        interrupts.extend(payload["__interrupt__"])
                    elif mode == "values" and isinstance(payload, dict):
                        state = payload
                if interrupts:
                    state = {**state, "__interrupt__": interrupts}
                reply = self._store_turn(chat, turn, state, context.usage)
        if not released:
            for sentence in split_sentences(reply.text):
                yield "delta", sentence
        yield "reply", reply

    # --- storing a turn ----------------------------------------------------------------------------

    def _patient_payload(self, turn: TurnInput) -> dict[str, Any]:
        return {
            "choice": turn.choice,
            "attachments": [
                {"filename": a.filename, "content_type": a.content_type, "kind": a.kind, "size": len(a.data)}
                for a in turn.attachments
            ],
        }

    def _store_turn(self, chat: ChatSession, turn: TurnInput, state: dict[str, Any], usage: Usage) -> Reply:
        response = CapabilityResponse.model_validate(state["response"])
        interrupted = bool(state.get("__interrupt__"))
        escalation_request = state.get("escalation")
        message_id = new_id()
        reply = Reply(
            message_id=message_id,
            route=response.route,
            text=state.get("text") or response.text,
            locale=state.get("locale", self.settings.default_locale),
            question=response.question,
            triage=response.triage,
            report=response.report,
            tcm=response.tcm,
            citations=response.citations,
            referral=response.referral,
            safety=[SafetyEvent.model_validate(e) for e in state.get("safety", [])],
            usage=usage,
            prompt_version=state.get("prompt_version", "template"),
        )
        with session_scope(self.engine) as db:
            crud.add_message(db, chat.id, "patient", turn.text or (turn.choice or ""), self._patient_payload(turn))
            if interrupted:
                escalation_request = state["__interrupt__"][0].value["escalation"]
            escalation = None
            if escalation_request:
                escalation = Escalation(
                    session_id=chat.id,
                    message_id=message_id,
                    reason=escalation_request["reason"],
                    priority=escalation_request.get("priority", "normal"),
                    requires_ack=bool(escalation_request.get("requires_ack")),
                    summary=escalation_request.get("summary", ""),
                )
                reply.escalation = EscalationInfo(
                    id=escalation.id, reason=escalation.reason, priority=escalation.priority
                )  # type: ignore[arg-type]
            if interrupted and escalation is not None:
                # The drafted reply waits for a clinician; the patient reads a holding message.
                escalation.held_reply = reply.model_dump(mode="json")
                number = self.settings.emergency_numbers()[reply.locale]
                reply = reply.model_copy(
                    update={
                        "text": load_bundle("templates/general.yaml").text("held", reply.locale, emergency=number),
                        "question": None,
                    }
                )
                stored = db.get(ChatSession, chat.id)
                if stored is not None:
                    stored.status = "held"
                    db.add(stored)
            if escalation is not None:
                db.add(escalation)
            crud.add_message(db, chat.id, "assistant", reply.text, reply.model_dump(mode="json"), message_id=message_id)
            stored_chat = db.get(ChatSession, chat.id)
            if stored_chat is not None:
                crud.touch(stored_chat)
                db.add(stored_chat)
        return reply

    def _store_held_message(
        self, chat: ChatSession, text: str, choice: str | None, attachments: list[Attachment]
    ) -> Reply:
        locale = chat.locale or self.settings.default_locale
        number = self.settings.emergency_numbers()[locale]
        reply = Reply(
            message_id=new_id(),
            route="general",
            text=load_bundle("templates/general.yaml").text("held", locale, emergency=number),
            locale=locale,  # type: ignore[arg-type]
        )
        with session_scope(self.engine) as db:
            crud.add_message(
                db,
                chat.id,
                "patient",
                text or (choice or ""),
                self._patient_payload(TurnInput(text, choice, attachments)),
            )
            crud.add_message(
                db, chat.id, "assistant", reply.text, reply.model_dump(mode="json"), message_id=reply.message_id
            )
        return reply

    # --- clinician review ------------------------------------------------------------------------

    async def resume_review(self, escalation_id: str, clinician_id: str, text: str | None = None) -> Reply:
        """A clinician approves (text=None) or edits a held reply; the patient then sees it."""
        with Session(self.engine) as db:
            escalation = db.get(Escalation, escalation_id)
            if escalation is None:
                raise NotFoundError(f"escalation {escalation_id} not found")
            if escalation.held_reply is None:
                raise ConflictError("this escalation has no reply waiting for review")
            held = Reply.model_validate(escalation.held_reply)
        final_text = text.strip() if text and text.strip() else held.text
        session_id = escalation.session_id
        async with self._lock(session_id):
            context = self._context(session_id, TurnInput())
            config = {"configurable": {"thread_id": session_id}}
            await self.graph.ainvoke(Command(resume={"text": final_text}), config, context=context, durability="exit")
            reply = held.model_copy(update={"message_id": new_id(), "text": final_text})
            reply.safety.append(SafetyEvent(rule="review", action="approved" if text is None else "edited"))
            await asyncio.to_thread(self._store_review, escalation_id, session_id, clinician_id, reply)
        return reply

    def _store_review(self, escalation_id: str, session_id: str, clinician_id: str, reply: Reply) -> None:
        with session_scope(self.engine) as db:
            stored = db.get(Escalation, escalation_id)
            chat = db.get(ChatSession, session_id)
            if stored is None or chat is None:
                raise NotFoundError("the session was deleted")
            stored.held_reply = None
            stored.updated_at = utcnow()
            stored.assignee_id = stored.assignee_id or clinician_id
            chat.status = "active"
            db.add(stored)
            db.add(chat)
            crud.add_message(
                db,
                session_id,
                "assistant",
                reply.text,
                {**reply.model_dump(mode="json"), "reviewed_by": clinician_id},
                message_id=reply.message_id,
            )
            crud.audit(db, clinician_id, "review_reply", chat.user_id, session_id, {"escalation_id": escalation_id})


def warm_up(settings: Settings) -> None:
    """Compile the guardrail rules and load the capabilities' data now rather than on the first message."""
    try:
        from guardrails.warmup import warm_up as warm_guardrails

        warm_guardrails()
        from tools.triage.knowledge import warm_up as warm_triage

        warm_triage()
        from assistant.graph.capabilities import available_capabilities

        available_capabilities()
        from tools.insurance import warm_up as warm_insurance

        warm_insurance(settings.data_dir / "insurance")
    except Exception:  # a cold start is slower, never broken
        log.warning("warm-up failed", exc_info=True)


def split_sentences(text: str) -> list[str]:
    """Text cut after sentence ends (。！？.!? and line breaks), keeping the punctuation; no piece is lost."""
    pieces: list[str] = []
    current = ""
    for index, char in enumerate(text):
        current += char
        next_char = text[index + 1] if index + 1 < len(text) else ""
        if char in "。！？!?\n" or (char == "." and (next_char in (" ", "\n", ""))):
            pieces.append(current)
            current = ""
    if current:
        pieces.append(current)
    return pieces
