"""Per-suite setup hooks (evals/setup.yaml), e.g. ingesting the insurance documents before the insurance suite.

The hooks are data: a suite name maps to "module:function" calls with paths. A hook whose module is not there
yet (a capability still being written) is skipped with a warning, never a crash.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, Field

SETUP_FILE = Path(__file__).resolve().parent / "setup.yaml"
REPO_ROOT = Path(__file__).resolve().parent.parent


class Hook(BaseModel):
    function: str
    paths: list[str] = Field(default_factory=list)
    exclude: list[str] = Field(default_factory=list)
    index_dir: str = "{data_dir}"


class SetupFile(BaseModel):
    version: int
    hooks: dict[str, list[Hook]] = Field(default_factory=dict)


def load_setup(path: Path = SETUP_FILE) -> SetupFile:
    if not path.is_file():
        return SetupFile(version=1)
    return SetupFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")) or {"version": 1})


def _resolve(function: str) -> Callable[..., Any]:
    module_name, _, attribute = function.partition(":")
    if not module_name or not attribute:
        raise ValueError(f"setup hook {function!r} must look like 'module:function'")
    module = importlib.import_module(module_name)
    target = getattr(module, attribute, None)
    if not callable(target):
        raise AttributeError(f"{module_name} has no function {attribute}")
    return target  # type: ignore[no-any-return]


def _matching_paths(hook: Hook, root: Path) -> list[Path]:
    found: set[Path] = set()
    for pattern in hook.paths:
        found.update(p for p in root.glob(pattern) if p.is_file() and p.name not in hook.exclude)
    return sorted(found)


async def run_setup(
    suites: Iterable[str], data_dir: Path, root: Path = REPO_ROOT, setup: SetupFile | None = None
) -> list[str]:
    """Run the hooks of `suites`; returns the warnings (hooks skipped or failed) for the run's summary."""
    setup = setup or load_setup()
    warnings: list[str] = []
    for suite in suites:
        for hook in setup.hooks.get(suite, []):
            try:
                function = _resolve(hook.function)
            except (ImportError, AttributeError, ValueError) as error:
                warnings.append(f"setup for suite {suite}: {hook.function} skipped ({error})")
                continue
            paths = _matching_paths(hook, root)
            if not paths:
                warnings.append(f"setup for suite {suite}: no files match {hook.paths} under {root}")
                continue
            index_dir = Path(hook.index_dir.format(data_dir=data_dir))
            index_dir.mkdir(parents=True, exist_ok=True)
            try:
                result = function(paths=paths, index_dir=index_dir)
                if inspect.isawaitable(result):
                    await result
            except Exception as error:  # noqa: BLE001 - a broken hook fails its suite's cases, not the run
                warnings.append(f"setup for suite {suite}: {hook.function} failed: {type(error).__name__}: {error}")
    return warnings
