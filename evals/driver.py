"""Drive one case's whole conversation: the scripted messages, then answers to the assistant's questions.

After the scripted messages, while the last reply asks a question and its result is not final, the driver answers
from the case's `answers` (a choice id, a choice label, or free text), else "I don't know" / "不知道", for at most
MAX_ANSWER_TURNS turns. HealthBench prompts get no answers: the reply to their last message is what is graded.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, Field

from assistant.graph.capability import Attachment
from assistant.reply import Question, Reply
from evals.cases import Case
from evals.targets import Target

MAX_ANSWER_TURNS = 12
DONT_KNOW = {"zh": "不知道", "en": "I don't know"}


class Turn(BaseModel):
    text: str | None = None
    choice: str | None = None
    attachments: list[str] = Field(default_factory=list)
    reply: Reply | None = None


class Transcript(BaseModel):
    session_id: str | None = None
    turns: list[Turn] = Field(default_factory=list)
    error: str | None = None

    @property
    def replies(self) -> list[Reply]:
        return [t.reply for t in self.turns if t.reply is not None]


def load_attachments(case: Case, suites_dir: Path) -> list[Attachment]:
    """The case's files as bytes; a missing file is a clear error naming the case and path."""
    loaded = []
    for spec in case.attachments:
        path = suites_dir / spec.path
        try:
            data = path.read_bytes()
        except OSError as error:
            raise FileNotFoundError(f"case {case.id}: attachment {spec.path} cannot be read: {error}") from error
        loaded.append(
            Attachment(kind=spec.kind, content_type=spec.content_type, filename=spec.filename or path.name, data=data)
        )
    return loaded


def needs_answer(reply: Reply) -> bool:
    if reply.question is None or reply.route == "emergency":
        return False
    finished = (reply.triage is not None and reply.triage.final) or (reply.tcm is not None and reply.tcm.final)
    return not finished


def answer_for(question: Question, case: Case, locale: str) -> tuple[str | None, str | None]:
    """(text, choice) answering `question` from the case data, or "I don't know" in the case's language."""
    answer = case.answers.get(question.id)
    if answer is None:
        return DONT_KNOW.get(case.locale or locale, DONT_KNOW["en"]), None
    for choice in question.choices:
        if answer == choice.id:
            return None, choice.id
    wanted = answer.strip().lower()
    for choice in question.choices:
        if wanted == choice.label.strip().lower():
            return None, choice.id
    return answer, None


async def run_conversation(
    target: Target, case: Case, suites_dir: Path, transcript: Transcript | None = None
) -> Transcript:
    """Every turn of `case` against `target`, appended to `transcript` (so a caller that times the conversation
    out keeps the turns so far). Failures end the conversation and are kept in `error`."""
    transcript = transcript if transcript is not None else Transcript()
    try:
        attachments = load_attachments(case, suites_dir)
        transcript.session_id = await target.create_session(case.locale)
        messages = case.messages or [""]
        for index, message in enumerate(messages):
            sent = attachments if index == 0 else []
            reply = await target.send(transcript.session_id, message, None, sent)
            transcript.turns.append(Turn(text=message, attachments=[a.filename or "" for a in sent], reply=reply))
        # A HealthBench prompt is graded on the reply to its last message, a question back included.
        answer_turns = 0 if case.prompt is not None else MAX_ANSWER_TURNS
        for _ in range(answer_turns):
            last = transcript.replies[-1]
            if not needs_answer(last) or last.question is None:
                break
            text, choice = answer_for(last.question, case, last.locale)
            reply = await target.send(transcript.session_id, text, choice, [])
            transcript.turns.append(Turn(text=text, choice=choice, reply=reply))
    except Exception as error:  # noqa: BLE001 - any failure of the system under test is a result to record
        transcript.error = f"{type(error).__name__}: {error}"
    return transcript
