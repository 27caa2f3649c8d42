"""The decision engine: levels only rise on stated facts, questions only when they could matter."""

from __future__ import annotations

from tools.triage.engine import MAX_QUESTIONS, assess, next_question
from tools.triage.facts import Facts


def _facts(findings: dict[str, bool], **slots: object) -> Facts:
    return Facts(findings=dict(findings), slots=dict(slots))


def test_unknowns_never_satisfy_a_rule() -> None:
    assert assess(_facts({"cough": True})).level == "self_care"
    assert assess(_facts({"cough": True}, duration_hours=600)).level == "consultation"


def test_more_urgent_wins_across_protocols_and_red_flags() -> None:
    result = assess(_facts({"cough": True, "runny_nose": True, "coughing_blood": True}))
    assert result.level == "emergency"
    assert any(hit.id == "gi_bleeding" for hit in result.red_flags)


def test_reassuring_needs_explicit_facts() -> None:
    pain = _facts({"abdominal_pain": True})
    assert assess(pain).level == "consultation"
    upset = _facts({"abdominal_pain": True, "diarrhoea": True}, duration_hours=10)
    assert assess(upset).level == "self_care"


def test_infant_fever_depends_on_age() -> None:
    assert assess(_facts({"fever": True}, age=0.1, temperature_c=38.2)).level == "emergency"
    assert assess(_facts({"fever": True}, age=0.4, temperature_c=39.1)).level == "consultation_24"
    assert assess(_facts({"fever": True}, age=30, temperature_c=38.4)).level == "self_care"


def test_no_question_once_emergency_or_after_the_limit() -> None:
    facts = _facts({"chest_pain": True, "sweating": True})
    assert next_question(facts, assess(facts), []) is None
    facts = _facts({"headache": True})
    assert next_question(facts, assess(facts), [f"q{i}" for i in range(MAX_QUESTIONS)]) is None


def test_questions_skip_what_is_known_and_what_cannot_matter() -> None:
    facts = _facts({"headache": True, "thunderclap_headache": False})
    question = next_question(facts, assess(facts), [])
    assert question is not None and question.id != "thunderclap_headache"
    man = _facts({"abdominal_pain": True}, sex="male", age=40)
    asked: list[str] = []
    while (question := next_question(man, assess(man), asked)) is not None:
        asked.append(question.id)
    assert "pregnant" not in asked
