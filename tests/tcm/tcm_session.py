"""Helpers for the TCM tests: drive the capability like the graph and the eval runner do."""

from __future__ import annotations

from typing import Any

from assistant.graph.capability import CapabilityRequest, CapabilityResponse, Understanding
from assistant.graph.nodes import tcm
from assistant.nlu.language import detect_locale


class Session:
    """A conversation with the TCM capability: keeps the flow between turns like the checkpointer would."""

    def __init__(self, locale: str = "zh") -> None:
        self.locale = locale
        self.flow: dict[str, Any] | None = None
        self.replies: list[CapabilityResponse] = []

    def send(self, text: str = "", choice: str | None = None) -> CapabilityResponse:
        locale = detect_locale(text, default=self.locale)  # type: ignore[arg-type]
        request = CapabilityRequest(session_id="s1", text=text, choice=choice, locale=locale, flow=self.flow,
                                    understanding=Understanding(locale=locale, text=text))
        response = tcm.handle(request)
        self.flow = response.flow
        self.replies.append(response)
        return response

    @property
    def last(self) -> CapabilityResponse:
        return self.replies[-1]


def run_case(case: dict[str, Any], max_turns: int = 12) -> CapabilityResponse:
    """The eval runner's multi-turn driving (evals/suites/FORMAT.md): scripted messages, then answers by id."""
    session = Session(case["locale"])
    for message in case["messages"]:
        session.send(message)
    dont_know = "不知道" if case["locale"] == "zh" else "I don't know"
    for _ in range(max_turns):
        reply = session.last
        if reply.question is None or (reply.tcm is not None and reply.tcm.final):
            break
        answer = case["answers"].get(reply.question.id)
        if answer is None:
            session.send(dont_know)
            continue
        # Like evals/driver.py: an answer equal to a choice id or label is sent as that choice, else as text.
        chosen = next((c.id for c in reply.question.choices
                       if answer in (c.id,) or answer.strip().lower() == c.label.strip().lower()), None)
        if chosen is not None:
            session.send(choice=chosen)
        else:
            session.send(answer)
    return session.last
