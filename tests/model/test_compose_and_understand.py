"""compose (phrasing, sentence checks, streaming) and understand (when to ask the model, how answers merge)."""

from __future__ import annotations

from typing import Any

import pytest

from assistant.graph.capability import CapabilityConfig, Finding, Understanding
from assistant.graph.nodes import compose as compose_module
from assistant.graph.nodes.compose import (
    complete_sentences,
    is_final_result,
    numbers_in,
    phrase_prompt,
    phrase_streaming,
    sentence_problem,
)
from assistant.graph.nodes.understand import (
    ModelFinding,
    ModelUnderstanding,
    add_model_understanding,
    merge_model_understanding,
    needs_model,
    understand_prompt,
)
from assistant.graph.state import Context, TurnInput
from assistant.llm import ModelClient
from bench.fake_openai import FakeModelServer

DRAFT_EN = "Your glucose is 7.2 mmol/L, above the range 3.9-6.1. Please see a doctor within a few weeks."
REPORT = {"route": "report", "text": DRAFT_EN,
          "report": {"analytes": [{"code": "GLU", "name": "Glucose", "value": 7.2, "ref_low": 3.9, "ref_high": 6.1}]}}


def context_for(server: FakeModelServer | None, text: str = "", phrasing: bool = True) -> Context:
    model = (ModelClient("openai/fake", api_base=server.api_base, api_key="none", retries=0, timeout_s=5)
             if server is not None else ModelClient("offline"))
    return Context(session_id="s", turn=TurnInput(text=text), model=model, config=CapabilityConfig(),
                   model_phrasing=phrasing)


@pytest.fixture
def released(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What compose hands to LangGraph's custom stream."""
    sent: list[str] = []
    monkeypatch.setattr(compose_module, "_writer", lambda: lambda chunk: sent.append(chunk["delta"]))
    return sent


def test_prompts_are_versioned_and_bilingual() -> None:
    prompt = phrase_prompt()
    assert prompt.version.startswith("phrase-") and "{draft}" in prompt.user.zh and "{draft}" in prompt.user.en
    assert understand_prompt().version.startswith("understand-")


def test_numbers_are_normalised() -> None:
    assert numbers_in("7.20 mmol/L, 1,500 yuan, 3.9-6.1") == {"7.2", "1500", "3.9", "6.1"}
    assert numbers_in("血糖7.2，参考3.9～6.1") == {"7.2", "3.9", "6.1"}


def test_sentence_checks_catch_new_numbers_and_decision_words() -> None:
    assert sentence_problem("Your glucose is 7.2, a bit above 6.1.", DRAFT_EN, REPORT, "en") is None
    assert sentence_problem("Your glucose is 8.5.", DRAFT_EN, REPORT, "en") == "ungrounded_number"
    assert sentence_problem("Go to the emergency room now.", DRAFT_EN, REPORT, "en") == "ungrounded_term"
    assert sentence_problem("This means you have diabetes.", DRAFT_EN, REPORT, "en") == "ungrounded_term"
    assert sentence_problem("Take 500 mg of metformin.", DRAFT_EN, REPORT, "en") is not None
    zh_draft = "您的血糖为7.2 mmol/L，高于参考范围3.9-6.1，建议就医复查。"
    assert sentence_problem("血糖7.2，比正常上限6.1高一些。", zh_draft, REPORT, "zh") == "ungrounded_term"
    assert sentence_problem("血糖7.2偏高一点，建议复查。", zh_draft, REPORT, "zh") == "ungrounded_term"
    assert sentence_problem("血糖7.2，高于3.9-6.1，建议复查。", zh_draft, REPORT, "zh") is None


def test_complete_sentences_waits_for_the_end_of_a_sentence() -> None:
    assert complete_sentences("Value 7.") == ([], "Value 7.")  # "7." may still become "7.2"
    assert complete_sentences("Value 7.2. Next") == (["Value 7.2."], " Next")
    assert complete_sentences("第一句。第二") == (["第一句。"], "第二")


def test_only_final_results_are_phrased() -> None:
    assert is_final_result(REPORT)
    assert not is_final_result({"route": "triage", "question": {"id": "q", "prompt": "How old?"}})
    assert not is_final_result({"route": "triage", "triage": {"level": "consultation", "final": False}})
    assert not is_final_result({"route": "emergency"}) and not is_final_result({"route": "general"})
    assert is_final_result({"route": "triage", "triage": {"level": "consultation", "final": True}})


async def test_a_grounded_phrasing_is_released_sentence_by_sentence(released: list[str]) -> None:
    answer = "Glucose: 7.2 mmol/L. It is above 3.9-6.1. Please see a doctor."
    with FakeModelServer(responder=lambda body: answer) as server:
        state: Any = {"locale": "en", "response": REPORT}
        text, problem = await phrase_streaming(state, context_for(server), DRAFT_EN)
    assert problem is None and text == "Glucose: 7.2 mmol/L. It is above 3.9-6.1. Please see a doctor."
    assert released == ["Glucose: 7.2 mmol/L.", " It is above 3.9-6.1.", " Please see a doctor."]


async def test_an_ungrounded_sentence_stops_the_phrasing(released: list[str]) -> None:
    with FakeModelServer(responder=lambda body: "Glucose is 7.2. Your HbA1c of 9.1 confirms it.") as server:
        state: Any = {"locale": "en", "response": REPORT, "safety": []}
        context = context_for(server)
        text, problem = await phrase_streaming(state, context, DRAFT_EN)
        assert text is None and problem == "ungrounded_number"
        assert released == ["Glucose is 7.2."]  # the failing sentence never left
        update = await compose_module.compose(state, _Runtime(context))  # type: ignore[arg-type]
    assert update["text"] == DRAFT_EN and update["prompt_version"] == "template"
    assert {"rule": "output_ungrounded_number", "action": "replaced_output"} in update["safety"]


async def test_a_phrasing_that_drops_a_decided_value_is_not_used(released: list[str]) -> None:
    with FakeModelServer(responder=lambda body: "Your glucose is 7.2 mmol/L. Please see a doctor.") as server:
        text, problem = await phrase_streaming({"locale": "en", "response": REPORT}, context_for(server), DRAFT_EN)  # type: ignore[typeddict-item]
    assert text is None and problem == "dropped_number"  # the range 3.9-6.1 went missing


async def test_an_echo_of_the_prompt_is_stopped(released: list[str]) -> None:
    with FakeModelServer(responder=lambda body: "Draft:\n" + DRAFT_EN) as server:
        text, problem = await phrase_streaming({"locale": "en", "response": REPORT}, context_for(server), DRAFT_EN)  # type: ignore[typeddict-item]
    assert text is None and problem == "ungrounded_term" and released == []


async def test_compose_records_the_prompt_version_and_counts_one_call(released: list[str]) -> None:
    with FakeModelServer() as server:  # the careful responder returns the draft as it is
        context = context_for(server)
        update = await compose_module.compose({"locale": "en", "response": REPORT}, _Runtime(context))  # type: ignore[arg-type]
    assert update["text"] == DRAFT_EN and update["prompt_version"] == phrase_prompt().version
    assert context.usage.llm_calls == 1 and context.usage.prompt_tokens > 0


async def test_compose_makes_no_call_offline_or_for_questions() -> None:
    with FakeModelServer() as server:
        for context, response in [
            (context_for(None), REPORT),
            (context_for(server, phrasing=False), REPORT),
            (context_for(server), {"route": "triage", "text": "How old?", "question": {"id": "age", "prompt": "?"}}),
        ]:
            update = await compose_module.compose({"locale": "en", "response": response}, _Runtime(context))  # type: ignore[arg-type]
            assert update["text"] == response["text"] and update["prompt_version"] == "template"
        assert server.requests == []


async def test_a_broken_model_leaves_the_template(released: list[str]) -> None:
    dead = ModelClient("openai/x", api_base="http://127.0.0.1:9/v1", api_key="none", retries=0, timeout_s=2)
    context = Context(session_id="s", turn=TurnInput(), config=CapabilityConfig(), model=dead)
    update = await compose_module.compose({"locale": "en", "response": REPORT}, _Runtime(context))  # type: ignore[arg-type]
    assert update["text"] == DRAFT_EN and update["prompt_version"] == "template" and released == []


async def test_a_reply_that_may_be_held_is_not_streamed(released: list[str]) -> None:
    with FakeModelServer() as server:
        response = {**REPORT, "escalate": {"reason": "critical_value", "priority": "high"}}
        text, _ = await phrase_streaming({"locale": "en", "response": response}, context_for(server), DRAFT_EN)  # type: ignore[typeddict-item]
    assert text == DRAFT_EN and released == []


# --- understand --------------------------------------------------------------------------------------------


def test_model_is_asked_only_when_the_reading_is_thin() -> None:
    free = Understanding(locale="en", text="I feel kind of off since yesterday")
    assert needs_model({}, free)
    assert not needs_model({"active_flow": "tcm"}, free)
    assert not needs_model({}, Understanding(locale="en", text="hi", intent="greeting"))
    assert not needs_model({}, Understanding(locale="en", text="x", findings=[Finding(code="fever")]))
    assert not needs_model({}, Understanding(locale="en", text="   "))


def test_the_model_cannot_remove_or_deny_a_lexicon_finding() -> None:
    understanding = Understanding(locale="en", text="x", findings=[Finding(code="fever", present=True),
                                                                     Finding(code="cough", present=False)])
    result = ModelUnderstanding(intent="triage", findings=[
        ModelFinding(code="fever", present=False),  # denies what the lexicon saw: ignored
        ModelFinding(code="cough", present=True),  # present wins over a denial
        ModelFinding(code="made_up_code", present=True),  # not a known code: dropped
        ModelFinding(code="headache", present=True),
    ])
    merge_model_understanding(understanding, result, {"fever", "cough", "headache"})
    present = {f.code for f in understanding.findings if f.present}
    assert present == {"fever", "cough", "headache"}
    assert understanding.slots["model_intent"] == "triage"
    assert all(f.code != "made_up_code" for f in understanding.findings)


async def test_malformed_model_understanding_leaves_the_deterministic_reading() -> None:
    with FakeModelServer(responder=lambda body: "intent: triage!!") as server:
        understanding = Understanding(locale="en", text="feel weird", findings=[Finding(code="fever")])
        before = understanding.model_dump()
        context = context_for(server)
        await add_model_understanding(understanding, context)
    assert understanding.model_dump() == before and context.usage.llm_calls == 2


class _Runtime:
    """The part of LangGraph's Runtime that the nodes read."""

    def __init__(self, context: Context) -> None:
        self.context = context
