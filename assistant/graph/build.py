"""build_graph(): the turn graph of DESIGN.md, compiled with the caller's checkpointer."""

from __future__ import annotations

from typing import Any

from langgraph.graph import END, START, StateGraph

from assistant.graph.nodes.capability_node import make_capability_node, refusal
from assistant.graph.nodes.check_output import check_output
from assistant.graph.nodes.compose import compose
from assistant.graph.nodes.emergency import emergency_reply
from assistant.graph.nodes.escalate import escalate, needs_escalation
from assistant.graph.nodes.route import after_route, choose_route
from assistant.graph.nodes.screen import after_screen, screen_input
from assistant.graph.nodes.understand import understand
from assistant.graph.state import Context, State

CAPABILITY_NODES = ("triage", "report", "tcm", "insurance", "general")


def build_graph(checkpointer: Any = None) -> Any:
    """START -> screen_input -> (emergency_reply | understand -> route -> capability -> compose -> check_output)
    -> escalate? -> END."""
    graph = StateGraph(State, context_schema=Context)
    graph.add_node("screen_input", screen_input)
    graph.add_node("emergency_reply", emergency_reply)
    graph.add_node("understand", understand)
    graph.add_node("route", choose_route)
    for name in CAPABILITY_NODES:
        graph.add_node(name, make_capability_node(name))  # type: ignore[call-overload]
    graph.add_node("refusal", refusal)
    graph.add_node("compose", compose)
    graph.add_node("check_output", check_output)
    graph.add_node("escalate", escalate)

    graph.add_edge(START, "screen_input")
    graph.add_conditional_edges("screen_input", after_screen)
    graph.add_edge("understand", "route")
    graph.add_conditional_edges("route", after_route)
    for name in (*CAPABILITY_NODES, "refusal"):
        graph.add_edge(name, "compose")
    graph.add_edge("compose", "check_output")
    # The emergency reply is fixed text: it skips compose but still passes the output checks and escalates.
    graph.add_edge("emergency_reply", "check_output")
    graph.add_conditional_edges("check_output", needs_escalation)
    graph.add_edge("escalate", END)
    return graph.compile(checkpointer=checkpointer)
