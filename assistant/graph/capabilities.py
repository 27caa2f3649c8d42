"""The capabilities the router can pick, each a module with `match()` and `handle()` (see capability.py)."""

from __future__ import annotations

import importlib
import logging
from functools import lru_cache
from types import ModuleType

log = logging.getLogger(__name__)

CAPABILITY_MODULES: dict[str, str] = {
    "triage": "assistant.graph.nodes.triage",
    "report": "assistant.graph.nodes.report",
    "tcm": "assistant.graph.nodes.tcm",
    "insurance": "assistant.graph.nodes.insurance",
}


@lru_cache
def available_capabilities() -> dict[str, ModuleType]:
    """The capability modules that are installed. One that is missing is simply not routed to."""
    modules: dict[str, ModuleType] = {}
    for name, path in CAPABILITY_MODULES.items():
        try:
            modules[name] = importlib.import_module(path)
        except ModuleNotFoundError as exc:
            if exc.name != path:
                raise
            log.warning("capability %s is not installed", name)
    return modules
