"""Eval cases and suites: our JSONL format (evals/suites/FORMAT.md) and HealthBench rows, read as they are.

A HealthBench row (`prompt`, `rubrics`, `example_tags`, `prompt_id`) becomes a case whose messages are the
prompt's user turns (our assistant keeps its own history, so earlier assistant turns cannot be replayed) and whose
rubric is graded by the judge. Loading validates every line and names the file and line of any problem.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field, ValidationError, field_validator, model_validator

from evals.scorers import Scorer, scorer_for

SUITES_DIR = Path(__file__).resolve().parent / "suites"


class SuiteFormatError(ValueError):
    """A suite file that cannot be read: the message names the file and line."""


class AttachmentSpec(BaseModel):
    kind: str = "file"
    content_type: str = "application/octet-stream"
    filename: str | None = None
    path: str  # relative to the suites folder


class RubricItem(BaseModel):
    criterion: str
    points: float
    tags: list[str] = Field(default_factory=list)


class PromptMessage(BaseModel):
    role: str
    content: str


def _as_text(answer: Any) -> Any:
    if isinstance(answer, bool):
        return "true" if answer else "false"
    if isinstance(answer, int | float):
        return str(answer)
    if isinstance(answer, list):
        return " ".join(str(item) for item in answer)
    return answer  # a string, or something invalid that validation will name


class Case(BaseModel):
    id: str
    suite: str
    locale: Literal["zh", "en"] | None = None
    messages: list[str] = Field(default_factory=list)
    attachments: list[AttachmentSpec] = Field(default_factory=list)
    answers: dict[str, str] = Field(default_factory=dict)
    expected: dict[str, Any] = Field(default_factory=dict)
    tags: list[str] = Field(default_factory=list)
    # Rubric grading (HealthBench criteria); needs a judge model.
    rubrics: list[RubricItem] = Field(default_factory=list)
    # The conversation as written (HealthBench), shown to the judge; None for our own cases.
    prompt: list[PromptMessage] | None = None

    @field_validator("answers", mode="before")
    @classmethod
    def _answers_as_text(cls, value: Any) -> Any:
        """Numbers and lists are fine in the data ("age": 30, "symptoms": ["a", "b"]); they are sent as text."""
        if not isinstance(value, dict):
            return value
        return {key: _as_text(answer) for key, answer in value.items()}

    @model_validator(mode="after")
    def _has_something_to_send(self) -> Case:
        if not self.messages and not self.attachments:
            raise ValueError("a case needs at least one message or attachment")
        return self


class Suite(BaseModel):
    name: str
    path: Path
    cases: list[Case]

    @property
    def scorer(self) -> Scorer:
        return scorer_for(*(c.suite for c in self.cases[:1]), self.name)

    @property
    def has_expectations(self) -> bool:
        return any(c.expected for c in self.cases)

    @property
    def has_rubrics(self) -> bool:
        return any(c.rubrics for c in self.cases)


def _from_healthbench(row: dict[str, Any], suite_name: str, line_no: int) -> dict[str, Any]:
    prompt = row["prompt"]
    if not isinstance(prompt, list):
        raise ValueError("`prompt` must be a list of {role, content} messages")
    user_turns = [m.get("content", "") for m in prompt if isinstance(m, dict) and m.get("role") == "user"]
    return {
        "id": str(row.get("prompt_id") or f"{suite_name}-{line_no}"),
        "suite": suite_name,
        "messages": user_turns,
        "rubrics": row.get("rubrics") or [],
        "tags": row.get("example_tags") or [],
        "prompt": prompt,
    }


def parse_case(row: dict[str, Any], suite_name: str, line_no: int) -> Case:
    """One case from one decoded JSONL row, either format; `expected` is checked against the suite's scorer."""
    if "prompt" in row and "rubrics" in row and "messages" not in row:
        row = _from_healthbench(row, suite_name, line_no)
    case = Case.model_validate(row)
    if case.expected:
        scorer_for(case.suite, suite_name).expected_model.model_validate(case.expected)
    return case


def _describe(error: ValidationError) -> str:
    """A pydantic error on one line: `field.path: message` for each problem."""
    return "; ".join(
        f"{'.'.join(str(p) for p in e['loc']) or 'case'}: {e['msg']}" for e in error.errors(include_url=False)
    )


def load_suite_file(path: Path, name: str | None = None) -> Suite:
    """Every case of a JSONL file (blank lines and lines starting with // are skipped)."""
    suite_name = name or path.stem
    cases: list[Case] = []
    seen: set[str] = set()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise SuiteFormatError(f"{path}: cannot read: {error}") from error
    for line_no, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            row = json.loads(line)
            if not isinstance(row, dict):
                raise ValueError("each line must be a JSON object")
            case = parse_case(row, suite_name, line_no)
        except ValidationError as error:
            raise SuiteFormatError(f"{path}:{line_no}: {_describe(error)}") from error
        except (json.JSONDecodeError, ValueError, KeyError) as error:
            raise SuiteFormatError(f"{path}:{line_no}: {error}") from error
        if case.id in seen:
            raise SuiteFormatError(f"{path}:{line_no}: duplicate case id {case.id!r}")
        seen.add(case.id)
        cases.append(case)
    return Suite(name=suite_name, path=path, cases=cases)


def available_suites(suites_dir: Path = SUITES_DIR) -> list[str]:
    return sorted(p.stem for p in suites_dir.glob("*.jsonl"))


def resolve_suite(name_or_path: str, suites_dir: Path = SUITES_DIR) -> Path | None:
    """A suite name in the suites folder, or a path to any JSONL file (e.g. a HealthBench download)."""
    candidate = Path(name_or_path)
    if candidate.suffix == ".jsonl" and candidate.is_file():
        return candidate
    in_dir = suites_dir / f"{name_or_path}.jsonl"
    return in_dir if in_dir.is_file() else None


def safe_file_name(text: str) -> str:
    """A case or suite name usable as a file name (per-case JSON in a run folder)."""
    return re.sub(r"[^A-Za-z0-9._-]+", "_", text)[:80] or "case"
