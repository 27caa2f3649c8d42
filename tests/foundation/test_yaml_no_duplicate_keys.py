"""Every reviewed YAML data file parses with no key given twice in one mapping.

YAML keeps the last of two equal keys without a word, so a rule written with two `none:` lines silently loses the
first condition: a change to medicine-as-data must fail here instead.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

REPO_ROOT = Path(__file__).resolve().parents[2]
DATA_FILES = sorted(
    p for pattern in ("tools/**/*.yaml", "guardrails/**/*.yaml", "assistant/**/*.yaml", "prompts/**/*.yaml",
                      "evals/*.yaml")
    for p in REPO_ROOT.glob(pattern)
)


class StrictLoader(yaml.SafeLoader):
    pass


def _mapping_without_duplicates(loader: StrictLoader, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise ValueError(f"key {key!r} given twice (lines {seen[key]} and {key_node.start_mark.line + 1})")
        seen[key] = key_node.start_mark.line + 1
    return loader.construct_mapping(node, deep=deep)


StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_without_duplicates)


def test_the_data_files_are_found() -> None:
    names = {p.name for p in DATA_FILES}
    assert {"red_flags.yaml", "symptoms.yaml", "protocols.yaml", "glossary.yaml", "requests.yaml"} <= names


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: str(p.relative_to(REPO_ROOT)))
def test_no_key_is_given_twice(path: Path) -> None:
    with path.open(encoding="utf-8") as handle:
        yaml.load(handle, Loader=StrictLoader)  # noqa: S506 (a SafeLoader subclass)


def test_a_repeated_key_is_caught() -> None:
    with pytest.raises(ValueError, match="given twice"):
        yaml.load("rule:\n  none: [fever]\n  none: [injury]\n", Loader=StrictLoader)  # noqa: S506
