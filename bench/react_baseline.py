"""The baseline: LangGraph's prebuilt ReAct agent given the same tools (the capabilities and the input screen).

Its chat model is a stand-in with the same fixed latency as the fake server and the same token estimate. It acts
as a well-behaved tool-calling model would: it calls the tool that the script names for the turn, then answers
with the tool's text (small talk gets a direct answer). Accuracy is not measured here, only cost and latency.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Sequence
from typing import Any

from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, ToolMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from langchain_core.tools import StructuredTool

from assistant.graph.capability import CapabilityRequest, Understanding
from bench.fake_openai import estimate_tokens

SYSTEM_PROMPT = (
    "You are a bilingual (zh/en) health assistant. Always call screen_input first on symptoms. Use the tools for "
    "triage, lab reports, the TCM questionnaire and insurance questions; never decide levels or numbers yourself; "
    "answer in the patient's language from the tool result only."
)


class ScriptedToolModel(BaseChatModel):
    """A tool-calling chat model with fixed latency whose next tool is set by the benchmark per turn."""

    latency_ms: float = 0.0
    plan: list[str] = []
    calls: int = 0
    prompt_tokens: int = 0
    tool_schemas: list[dict[str, Any]] = []

    @property
    def _llm_type(self) -> str:
        return "scripted-tool-model"

    def bind_tools(self, tools: Sequence[Any], **kwargs: Any) -> ScriptedToolModel:  # type: ignore[override]
        from langchain_core.utils.function_calling import convert_to_openai_tool

        self.tool_schemas = [convert_to_openai_tool(tool) for tool in tools]
        return self

    def _generate(
        self, messages: list[BaseMessage], stop: Any = None, run_manager: Any = None, **kwargs: Any
    ) -> ChatResult:
        raise NotImplementedError("the benchmark runs the agent asynchronously")

    async def _agenerate(
        self, messages: list[BaseMessage], stop: Any = None, run_manager: Any = None, **kwargs: Any
    ) -> ChatResult:
        await asyncio.sleep(self.latency_ms / 1000)
        self.calls += 1
        text = "".join(str(message.content) for message in messages) + json.dumps(self.tool_schemas, ensure_ascii=False)
        self.prompt_tokens += estimate_tokens(text) + 4 * len(messages)
        turn_start = max(i for i, message in enumerate(messages) if isinstance(message, HumanMessage))
        tools_done = sum(1 for message in messages[turn_start:] if isinstance(message, ToolMessage))
        if tools_done < len(self.plan):
            name = self.plan[tools_done]
            call = {"name": name, "args": {"text": str(messages[turn_start].content)}, "id": f"call_{self.calls}"}
            return ChatResult(generations=[ChatGeneration(message=AIMessage(content="", tool_calls=[call]))])
        last_tool = next((m for m in reversed(messages[turn_start:]) if isinstance(m, ToolMessage)), None)
        answer = str(last_tool.content) if last_tool is not None else "Hello! How can I help?"
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=answer))])


def capability_tools(locale_of: Any) -> list[StructuredTool]:
    """The same tools our graph uses: the input screen and each installed capability's `handle()`."""
    from assistant.graph.capabilities import available_capabilities

    flows: dict[str, Any] = {}

    def run(name: str, text: str) -> str:
        module = available_capabilities()[name]
        locale = locale_of(text)
        request = CapabilityRequest(session_id="bench", text=text, locale=locale, flow=flows.get(name),
                                    understanding=Understanding(locale=locale, text=text))
        response = module.handle(request)
        flows[name] = response.flow
        return str(response.text)

    def screen_input(text: str) -> str:
        """Screen a patient's message for red flags and crisis language; returns the emergency advice if any."""
        from guardrails.screen import screen_input as screen

        return json.dumps(screen(text, locale_of(text)).model_dump(), ensure_ascii=False, default=str)

    tools = [StructuredTool.from_function(screen_input)]
    descriptions = {
        "triage": "Assess symptoms: ask the next question or give the triage level.",
        "report": "Interpret a lab report: flag each value against its reference range.",
        "tcm": "Run the TCM constitution questionnaire.",
        "insurance": "Answer a medical-insurance question with citations from the policy documents.",
    }
    for name in available_capabilities():
        def tool(text: str, _name: str = name) -> str:
            return run(_name, text)

        tools.append(StructuredTool.from_function(tool, name=name, description=descriptions.get(name, name)))
    return tools


def build_react_agent(model: ScriptedToolModel, locale_of: Any) -> Any:
    import warnings

    from langgraph.prebuilt import create_react_agent

    with warnings.catch_warnings():
        # The issue asks for LangGraph's prebuilt agent; its successor lives in the `langchain` package.
        warnings.simplefilter("ignore")
        return create_react_agent(model, capability_tools(locale_of), prompt=SYSTEM_PROMPT)
