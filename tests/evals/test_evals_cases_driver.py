"""Suite loading (our format and HealthBench rows), the multi-turn driver and the HTTP / in-process targets."""

import base64
import json
from pathlib import Path

import httpx
import pytest
from evals_fakes import FakeTarget, make_reply

from assistant.graph.capability import Attachment
from assistant.reply import TriageInfo
from evals.cases import SuiteFormatError, load_suite_file, parse_case, resolve_suite
from evals.driver import MAX_ANSWER_TURNS, run_conversation
from evals.targets import InProcessTarget, TargetError, open_http

DATA = Path(__file__).parent / "data"


def _write(path: Path, rows: list[object]) -> Path:
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows) + "\n",
                    encoding="utf-8")
    return path


def _case(**fields):  # type: ignore[no-untyped-def]
    row = {"id": "c1", "suite": "triage", "locale": "en", "messages": ["hi"], "expected": {"level": "self_care"}}
    row.update(fields)
    return parse_case(row, "triage", 1)


# --- loading ---


def test_loads_our_format_skipping_blank_and_comment_lines(tmp_path: Path) -> None:
    path = _write(tmp_path / "triage.jsonl", [
        {"id": "a", "suite": "triage", "locale": "zh", "messages": ["头疼"], "expected": {"level": "consultation"},
         "tags": ["zh"]},
        "",
        "// a comment",
        {"id": "b", "suite": "triage", "locale": "en", "messages": ["cough"], "answers": {"fever": "yes"},
         "expected": {"level": "consultation"}},
    ])
    suite = load_suite_file(path)
    assert [c.id for c in suite.cases] == ["a", "b"]
    assert suite.scorer.name == "triage"
    assert suite.has_expectations and not suite.has_rubrics


def test_reads_healthbench_rows_as_they_are() -> None:
    suite = load_suite_file(DATA / "healthbench_tiny.jsonl")
    first, second = suite.cases
    assert first.id == "hb-001" and first.rubrics[2].points == -6
    assert second.messages == ["我胸口很痛，出冷汗", "二十分钟了"]  # the user turns only
    assert second.prompt is not None and len(second.prompt) == 3
    assert second.tags == ["theme:emergency_referrals"]
    assert suite.has_rubrics and not suite.has_expectations


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "Expecting property name"),
        ('["a list"]', "JSON object"),
        ('{"id": "x", "suite": "triage", "messages": ["a"], "expected": {"level": "urgent"}}', "level: Input should"),
        ('{"id": "x", "suite": "triage", "messages": []}', "at least one message"),
        ('{"id": "ok", "suite": "triage", "messages": ["a"], "expected": {"level": "self_care"}}', "duplicate"),
    ],
)
def test_bad_lines_name_the_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    ok = {"id": "ok", "suite": "triage", "messages": ["a"], "expected": {"level": "self_care"}}
    path = _write(tmp_path / "triage.jsonl", [ok, "", line])
    with pytest.raises(SuiteFormatError, match=rf"triage.jsonl:3: .*{message}"):
        load_suite_file(path)


def test_resolve_suite_by_name_or_path(tmp_path: Path) -> None:
    _write(tmp_path / "safety.jsonl", [])
    assert resolve_suite("safety", tmp_path) == tmp_path / "safety.jsonl"
    assert resolve_suite(str(DATA / "healthbench_tiny.jsonl"), tmp_path) == DATA / "healthbench_tiny.jsonl"
    assert resolve_suite("missing", tmp_path) is None


# --- driving a conversation ---


async def test_answers_a_question_with_the_case_choice() -> None:
    target = FakeTarget()
    transcript = await run_conversation(target, _case(messages=["I have a cough"], answers={"fever": "yes"}), DATA)
    assert transcript.error is None
    assert [(t.text, t.choice) for t in transcript.turns] == [("I have a cough", None), (None, "yes")]
    assert transcript.replies[-1].triage is not None and transcript.replies[-1].triage.level == "consultation"


async def test_answer_by_label_free_text_and_dont_know_in_the_case_language() -> None:
    by_label = await run_conversation(FakeTarget(), _case(messages=["cough"], answers={"fever": "No"}), DATA)
    assert by_label.turns[1].choice == "no"
    free = await run_conversation(FakeTarget(), _case(messages=["cough"], answers={"fever": "a bit, 37.8"}), DATA)
    assert free.turns[1].text == "a bit, 37.8" and free.turns[1].choice is None
    zh = await run_conversation(FakeTarget(), _case(messages=["咳嗽"], locale="zh"), DATA)
    assert zh.turns[1].text == "不知道"


async def test_driver_stops_after_the_turn_limit() -> None:
    class AlwaysAsks(FakeTarget):
        async def send(self, session_id, text, choice, attachments):  # type: ignore[no-untyped-def]
            return make_reply(route="triage", question={"id": "q", "prompt": "?", "choices": []},
                              triage=TriageInfo(level="consultation", final=False))

    transcript = await run_conversation(AlwaysAsks(), _case(), DATA)
    assert len(transcript.turns) == 1 + MAX_ANSWER_TURNS


async def test_healthbench_prompt_is_not_answered() -> None:
    case = load_suite_file(DATA / "healthbench_tiny.jsonl").cases[0]
    transcript = await run_conversation(FakeTarget(), case, DATA)
    assert len(transcript.turns) == 1 and transcript.replies[0].question is not None


async def test_attachments_go_with_the_first_message_and_missing_ones_are_errors(tmp_path: Path) -> None:
    (tmp_path / "files").mkdir()
    (tmp_path / "files" / "r.txt").write_bytes(b"K 6.9 mmol/L")
    target = FakeTarget()
    case = _case(messages=["read this", "thanks"], attachments=[{"path": "files/r.txt", "content_type": "text/plain"}])
    transcript = await run_conversation(target, case, tmp_path)
    assert transcript.turns[0].attachments == ["r.txt"] and transcript.turns[1].attachments == []
    assert transcript.replies[0].report is not None and transcript.replies[0].report.critical
    broken = await run_conversation(target, _case(attachments=[{"path": "files/nope.pdf"}]), tmp_path)
    assert broken.error is not None and "nope.pdf" in broken.error


async def test_a_crash_of_the_assistant_is_recorded_not_raised() -> None:
    transcript = await run_conversation(FakeTarget(), _case(messages=["crash please"]), DATA)
    assert transcript.error == "RuntimeError: boom" and transcript.turns == []


# --- targets ---


async def test_http_target_speaks_the_api() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path == "/v1/sessions":
            return httpx.Response(201, json={"id": "abc"})
        return httpx.Response(200, json=make_reply(text="hello").model_dump(mode="json"))

    async with open_http("http://test/", "tok", transport=httpx.MockTransport(handler)) as target:
        session = await target.create_session("zh")
        reply = await target.send(session, "hi", None, [Attachment(filename="a.pdf", data=b"%PDF")])
    assert session == "abc" and reply.text == "hello"
    assert json.loads(seen[0].content) == {"locale": "zh"}
    assert seen[1].url.path == "/v1/sessions/abc/messages"
    assert seen[1].headers["authorization"] == "Bearer tok"
    body = json.loads(seen[1].content)
    assert body["text"] == "hi" and "choice" not in body
    assert base64.b64decode(body["attachments"][0]["data"]) == b"%PDF"


async def test_http_target_errors_are_clear() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v1/sessions":
            return httpx.Response(401, json={"detail": "bad token"})
        return httpx.Response(200, json={"text": "no contract"})

    async with open_http("http://test", None, transport=httpx.MockTransport(handler)) as target:
        with pytest.raises(TargetError, match="401"):
            await target.create_session(None)
        with pytest.raises(TargetError, match="Reply contract"):
            await target.send("s", "hi", None, [])


async def test_in_process_target_calls_the_assistant_service_signature() -> None:
    calls: list[dict[str, object]] = []

    class FakeAssistant:
        async def create_session(self, user_id: str | None = None, locale: str | None = None) -> str:
            calls.append({"user_id": user_id, "locale": locale})
            return "s1"

        async def send(self, session_id: str, *, text=None, choice=None, attachments=None):  # type: ignore[no-untyped-def]
            calls.append({"session": session_id, "text": text, "choice": choice, "attachments": attachments})
            return make_reply(text="ok")

    target = InProcessTarget(FakeAssistant(), "fake")
    assert await target.create_session("en") == "s1"
    assert (await target.send("s1", None, "yes", [])).text == "ok"
    assert calls == [{"user_id": None, "locale": "en"},
                     {"session": "s1", "text": None, "choice": "yes", "attachments": []}]


def test_answers_may_be_numbers_booleans_or_lists() -> None:
    case = _case(answers={"age": 30, "smoker": False, "symptoms": ["cough", "fever"], "sex": "female"})
    assert case.answers == {"age": "30", "smoker": "false", "symptoms": "cough fever", "sex": "female"}
