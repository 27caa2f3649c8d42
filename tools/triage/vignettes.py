"""Runs the triage eval vignettes (evals/suites/triage.jsonl) through `handle()` directly, like the multi-turn
runner: the input screen's red flags first, then the interview, answering each question from `answers`, else
"I don't know". Prints exact and three-way accuracy and every under-triaged emergency.

    .venv/bin/python -m tools.triage.vignettes [path/to/suite.jsonl] [-v]
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.graph.capability import CapabilityRequest, Understanding
from assistant.reply import TriageLevel

SUITE = Path(__file__).resolve().parents[2] / "evals" / "suites" / "triage.jsonl"
MAX_TURNS = 12
ROUTE_THRESHOLD = 0.5
_DONT_KNOW = {"zh": "不知道", "en": "I don't know"}
_SPLIT = {"emergency_ambulance": "emergency", "emergency": "emergency", "consultation_24": "doctor",
          "consultation": "doctor", "self_care": "self_care"}
_RANK = {"emergency": 0, "doctor": 1, "self_care": 2}


@dataclass
class Outcome:
    case_id: str
    expected: TriageLevel
    got: TriageLevel | None
    questions: list[str]

    @property
    def split_ok(self) -> bool:
        return self.got is not None and _SPLIT[self.got] == _SPLIT[self.expected]

    @property
    def under_triaged_emergency(self) -> bool:
        return _SPLIT[self.expected] == "emergency" and (self.got is None or _SPLIT[self.got] != "emergency")

    @property
    def under_triaged(self) -> bool:
        return self.got is None or _RANK[_SPLIT[self.got]] > _RANK[_SPLIT[self.expected]]


def _request(case: dict[str, Any], text: str, flow: dict[str, Any] | None, choice: str | None) -> CapabilityRequest:
    from assistant.nlu import extract_findings, extract_slots

    locale = case["locale"]
    understanding = Understanding(locale=locale, text=text, findings=extract_findings(text, locale),
                                  slots=extract_slots(text, locale))
    return CapabilityRequest(session_id=case["id"], text=text, choice=choice, locale=locale, flow=flow,
                             understanding=understanding)


def run_case(case: dict[str, Any]) -> Outcome:
    """One vignette, as the graph would run it: screen_input's red flags end the turn at an emergency."""
    from assistant.graph.nodes.triage import handle, match
    from tools.triage.red_flags import EMERGENCY_LEVELS, find_red_flags

    locale = case["locale"]
    answers: dict[str, str] = case.get("answers", {})
    flow: dict[str, Any] | None = None
    asked: list[str] = []
    messages = list(case["messages"])
    pending_answer: tuple[str | None, str] | None = None
    for turn in range(MAX_TURNS):
        if messages:
            text, choice = messages.pop(0), None
        elif pending_answer is not None:
            choice, text = pending_answer
        else:
            break
        hits = [hit for hit in find_red_flags(text, locale) if hit.level in EMERGENCY_LEVELS]
        if hits:
            return Outcome(case["id"], case["expected"]["level"], hits[0].level, asked)
        if flow is None and match(text, locale, []) < ROUTE_THRESHOLD:
            return Outcome(case["id"], case["expected"]["level"], None, asked)  # the router would not pick triage
        response = handle(_request(case, text, flow, choice))
        flow = response.flow
        if response.question is None or (response.triage is not None and response.triage.final):
            return Outcome(case["id"], case["expected"]["level"], response.triage.level if response.triage else None,
                           asked)
        if not messages:
            question = response.question
            asked.append(question.id)
            answer = answers.get(question.id)
            ids = {c.id for c in question.choices}
            if answer is None:
                pending_answer = (None, _DONT_KNOW[locale])
            elif answer in ids:
                pending_answer = (answer, "")
            else:
                pending_answer = (None, answer)
        del turn
    return Outcome(case["id"], case["expected"]["level"], None, asked)


def split_of_message(text: str, locale: str) -> str | None:
    """The three-way split (emergency / doctor / self_care) one message gets as a whole vignette, every question
    answered "I don't know"; None when the router would not pick triage."""
    case = {"id": "message", "locale": locale, "messages": [text], "answers": {}, "expected": {"level": "self_care"}}
    outcome = run_case(case)
    return _SPLIT[outcome.got] if outcome.got else None


def load(path: Path = SUITE) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def summarise(outcomes: list[Outcome]) -> dict[str, Any]:
    total = len(outcomes)
    return {
        "cases": total,
        "exact": sum(o.got == o.expected for o in outcomes) / total if total else 0.0,
        "three_way": sum(o.split_ok for o in outcomes) / total if total else 0.0,
        "under_triaged_emergencies": [o.case_id for o in outcomes if o.under_triaged_emergency],
        "under_triaged": [o.case_id for o in outcomes if o.under_triaged],
        "over_triaged": [o.case_id for o in outcomes if not o.split_ok and not o.under_triaged],
        "mean_questions": sum(len(o.questions) for o in outcomes) / total if total else 0.0,
    }


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    paths = [Path(a) for a in argv if not a.startswith("-")]
    cases = load(paths[0] if paths else SUITE)
    outcomes = [run_case(case) for case in cases]
    if verbose:
        for case, o in zip(cases, outcomes, strict=True):
            mark = "ok " if o.split_ok else "BAD"
            print(f"{mark} {o.case_id}: expected {o.expected}, got {o.got}, asked {o.questions}")
            print(f"    {case['messages']}")
    summary = summarise(outcomes)
    print(json.dumps(summary, ensure_ascii=False, indent=1))
    print(f"three-way {summary['three_way']:.1%} exact {summary['exact']:.1%} "
          f"under-triaged emergencies {len(summary['under_triaged_emergencies'])}")
    return 0 if summary["three_way"] >= 0.9 and not summary["under_triaged_emergencies"] else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
