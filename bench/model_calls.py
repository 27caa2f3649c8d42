"""Benchmark: model calls, prompt tokens and turn latency per turn over a scripted mix of conversations, for our
turn graph and for LangGraph's prebuilt ReAct agent given the same tools, both with a model of fixed latency.

    .venv/bin/python -m bench.model_calls --latency-ms 200 [--out bench/results]

Our assistant talks to bench/fake_openai.py (an OpenAI-compatible server that answers after N ms, a careful
model: it returns the draft it is asked to phrase); the baseline's chat model sleeps the same N ms. Token counts
use one estimate for both. A reply is "grounded" when every number in it is in the offline (template) reply.
Targets (issue 9): at most one model call per turn on average, none on emergency turns, every reply grounded.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import statistics
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from assistant.graph.nodes.compose import numbers_in
from assistant.llm import ModelClient
from assistant.nlu.language import detect_locale
from assistant.service import Assistant
from assistant.settings import Settings
from bench.fake_openai import FakeModelServer
from bench.react_baseline import ScriptedToolModel, build_react_agent

# (kind, [(patient text, the tools a ReAct agent calls for it)]). Small talk needs no tool.
SYMPTOM = ["screen_input", "triage"]
MIX: list[tuple[str, list[tuple[str, list[str]]]]] = [
    ("emergency", [("My father suddenly can't move his right arm and his speech is slurred", ["screen_input"])]),
    ("emergency", [("我胸口压着疼了半小时，喘不上气，全身冒冷汗", ["screen_input"])]),
    ("report", [("My lab results: glucose 7.2 mmol/L (3.9-6.1), ALT 85 U/L (7-40)", ["report"])]),
    ("report", [("血常规：白细胞 12.5 ×10^9/L（3.5-9.5），血红蛋白 98 g/L（130-175）", ["report"])]),
    ("insurance", [("住院花了2万，能报多少？", ["insurance"])]),
    ("insurance", [("I spent 20000 yuan in hospital, how much will insurance pay?", ["insurance"])]),
    ("triage", [("I've had a sore throat and a mild cough for two days", SYMPTOM), ("no", ["triage"]),
                ("no", ["triage"]), ("no", ["triage"]), ("no", ["triage"])]),
    ("triage", [("头疼两天了，有点低烧", SYMPTOM), ("没有", ["triage"]), ("没有", ["triage"]), ("没有", ["triage"])]),
    ("small_talk", [("你好", []), ("what can you do?", []), ("谢谢", [])]),
    ("vague", [("been feeling kinda weird and off lately, not sure what it is", SYMPTOM)]),
]


@dataclass
class TurnStats:
    kind: str
    calls: int
    prompt_tokens: int
    latency_ms: float
    grounded: bool = True


@dataclass
class SystemStats:
    name: str
    turns: list[TurnStats] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        turns = self.turns
        latencies = sorted(t.latency_ms for t in turns)
        emergency = [t for t in turns if t.kind == "emergency"]
        return {
            "system": self.name,
            "turns": len(turns),
            "calls_per_turn": round(statistics.mean(t.calls for t in turns), 2),
            "prompt_tokens_per_turn": round(statistics.mean(t.prompt_tokens for t in turns), 1),
            "latency_ms_mean": round(statistics.mean(latencies), 1),
            "latency_ms_p95": round(latencies[math.ceil(0.95 * len(latencies)) - 1], 1),
            "emergency_calls": sum(t.calls for t in emergency),
            "grounded": f"{sum(t.grounded for t in turns)}/{len(turns)}",
        }


async def run_ours(latency_ms: float, workdir: Path) -> SystemStats:
    offline_texts: list[str] = []
    async with Assistant.open(_settings(workdir / "offline"), model=ModelClient("offline")) as assistant:
        for _, turns in MIX:
            session = await assistant.create_session()
            for text, _ in turns:
                offline_texts.append((await assistant.send(session, text=text)).text)
    stats = SystemStats("ours (turn graph)")
    with FakeModelServer(latency_ms=latency_ms) as server:
        model = ModelClient("openai/fake", api_base=server.api_base, api_key="none", retries=0, timeout_s=30)
        async with Assistant.open(_settings(workdir / "model"), model=model) as assistant:
            # One untimed turn first: lazy imports (LiteLLM takes seconds) and data files load once per process.
            await assistant.send(await assistant.create_session(), text=MIX[2][1][0][0])
            index = 0
            for kind, turns in MIX:
                session = await assistant.create_session()
                for text, _ in turns:
                    started = time.perf_counter()
                    reply = await assistant.send(session, text=text)
                    elapsed = (time.perf_counter() - started) * 1000
                    grounded = numbers_in(reply.text) <= numbers_in(offline_texts[index])
                    usage = reply.usage
                    stats.turns.append(TurnStats(kind, usage.llm_calls, usage.prompt_tokens, elapsed, grounded))
                    index += 1
    return stats


async def run_react(latency_ms: float) -> SystemStats:
    stats = SystemStats("LangGraph prebuilt ReAct agent")
    for kind, turns in MIX:
        model = ScriptedToolModel(latency_ms=latency_ms)
        agent = build_react_agent(model, lambda text: detect_locale(text, default="zh"))
        messages: list[Any] = []
        for text, plan in turns:
            model.plan = plan
            calls, tokens = model.calls, model.prompt_tokens
            started = time.perf_counter()
            state = await agent.ainvoke({"messages": [*messages, {"role": "user", "content": text}]})
            elapsed = (time.perf_counter() - started) * 1000
            messages = state["messages"]
            # Its answer repeats the tool's text, so it is as grounded as the tools; the model decides nothing here.
            stats.turns.append(TurnStats(kind, model.calls - calls, model.prompt_tokens - tokens, elapsed))
    return stats


def _settings(data_dir: Path) -> Settings:
    data_dir.mkdir(parents=True, exist_ok=True)
    return Settings(data_dir=data_dir, database_url="", environment="test", model="offline")


def markdown(summaries: list[dict[str, Any]], latency_ms: float) -> str:
    header = list(summaries[0])
    lines = [f"Model of fixed latency: {latency_ms:g} ms per call. Mix: {len(MIX)} conversations.", "",
             "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(row[key]) for key in header) + " |" for row in summaries]
    return "\n".join(lines) + "\n"


async def main_async(latency_ms: float, out: Path | None) -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory() as workdir:
        ours = await run_ours(latency_ms, Path(workdir))
    await run_react(0.0)  # warm-up, as for ours
    react = await run_react(latency_ms)
    summaries = [ours.summary(), react.summary()]
    print(markdown(summaries, latency_ms))
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        (out / "model_calls.md").write_text(markdown(summaries, latency_ms), encoding="utf-8")
        detail = {"latency_ms": latency_ms, "summary": summaries,
                  "turns": {s.name: [asdict(t) for t in s.turns] for s in (ours, react)}}
        (out / "model_calls.json").write_text(json.dumps(detail, ensure_ascii=False, indent=2), encoding="utf-8")
    return summaries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--latency-ms", type=float, default=200.0, help="the fake model's latency per call")
    parser.add_argument("--out", type=Path, default=None, help="a folder for model_calls.md and model_calls.json")
    args = parser.parse_args()
    asyncio.run(main_async(args.latency_ms, args.out))


if __name__ == "__main__":
    main()
