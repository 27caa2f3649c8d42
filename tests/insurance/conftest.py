"""Shared fixtures: an index of the real documents in corpora/ (built once per test session)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.insurance.evaluate import prepare_eval_index


@pytest.fixture(scope="session")
def corpus_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    index_dir = tmp_path_factory.mktemp("insurance_index")
    prepare_eval_index(index_dir)
    return index_dir


@pytest.fixture()
def empty_index(tmp_path: Path) -> Path:
    return tmp_path / "insurance"
