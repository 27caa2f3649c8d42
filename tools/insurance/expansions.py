"""Lay-language expansions of document sections, indexed with them for retrieval and never quoted.

Patients ask in lay words and often in the other language ("my boss never paid my medical insurance", "拿别人的
医保卡买药") while laws speak legal language (用人单位应当为职工缴纳, 冒用他人医疗保障凭证). An expansion file lists,
per section label, short zh and en phrases a patient would use for what that section answers; the coverage check
(is enough of the question held by a section to answer at all?) sees them as part of the section; the BM25 rank,
the citation and the quote stay the section's own text.

Files: `data/expansions/*.yaml` (team-written, for the real documents in corpora/) and, for an operator's own
documents, `<index_dir>/expansions/*.yaml`. Several files may name the same document; their phrases add up.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, Field

BUNDLED_DIR = Path(__file__).parent / "data" / "expansions"


class SectionExpansion(BaseModel):
    zh: list[str] = Field(default_factory=list)
    en: list[str] = Field(default_factory=list)


class ExpansionFile(BaseModel):
    doc_id: str
    source: str
    sections: dict[str, SectionExpansion]


Expansions = dict[tuple[str, str], list[str]]


def load_file(path: Path) -> ExpansionFile:
    return ExpansionFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


def expansion_files(index_dir: Path | None = None) -> list[Path]:
    dirs = [BUNDLED_DIR] + ([Path(index_dir) / "expansions"] if index_dir is not None else [])
    return [p for d in dirs if d.is_dir() for p in sorted(d.glob("*.yaml"))]


@lru_cache(maxsize=8)
def _load(files: tuple[tuple[str, int], ...]) -> Expansions:
    out: Expansions = {}
    for name, _ in files:
        data = load_file(Path(name))
        for label, entry in data.sections.items():
            out.setdefault((data.doc_id, label), []).extend([*entry.zh, *entry.en])
    return out


def load_expansions(index_dir: Path | None = None) -> Expansions:
    """Phrases per (doc_id, section label), from the bundled files and the index's own; cached per file set."""
    files = tuple((str(p), p.stat().st_mtime_ns) for p in expansion_files(index_dir))
    return _load(files)


def expansion_text(expansions: Expansions, doc_id: str, label: str) -> str:
    return " ; ".join(expansions.get((doc_id, label), []))
