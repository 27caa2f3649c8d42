from evals_fakes import make_reply

from assistant.reply import TriageInfo
from evals.scorers import triage


def _level(level: str, final: bool = True, route: str = "triage"):  # type: ignore[no-untyped-def]
    return make_reply(route=route, triage=TriageInfo(level=level, final=final))  # type: ignore[arg-type]


def test_exact_and_three_way_match() -> None:
    score = triage.score_case(triage.Expected(level="consultation"), [_level("consultation")])
    assert score.passed and score.details["exact"] and not score.details["under_triage"]


def test_same_three_way_class_passes_but_is_not_exact() -> None:
    score = triage.score_case(triage.Expected(level="consultation"), [_level("consultation_24")])
    assert score.passed
    assert not score.details["exact"]
    assert not score.details["over_triage"]


def test_under_and_over_triage_on_the_three_way_split() -> None:
    under = triage.score_case(triage.Expected(level="emergency"), [_level("consultation_24")])
    assert not under.passed and under.details["under_triage"] and not under.details["over_triage"]
    over = triage.score_case(triage.Expected(level="self_care"), [_level("emergency")])
    assert not over.passed and over.details["over_triage"]


def test_no_decision_is_an_under_triage() -> None:
    score = triage.score_case(triage.Expected(level="emergency_ambulance"), [make_reply(route="general")])
    assert score.details["observed_level"] == "none"
    assert score.details["under_triage"]


def test_emergency_route_counts_as_ambulance_and_most_urgent_final_level_wins() -> None:
    replies = [make_reply(route="emergency", text="Call 911")]
    assert triage.observed_level(replies) == "emergency_ambulance"
    replies = [_level("self_care", final=False), _level("consultation"), _level("consultation_24")]
    assert triage.observed_level(replies) == "consultation_24"


def test_last_non_final_level_used_when_nothing_is_final() -> None:
    replies = [_level("consultation", final=False), _level("self_care", final=False)]
    assert triage.observed_level(replies) == "self_care"


def test_aggregate_counts_under_triaged_emergencies_and_confusion() -> None:
    results = [
        triage.score_case(triage.Expected(level="emergency"), [_level("emergency_ambulance")]),
        triage.score_case(triage.Expected(level="emergency_ambulance"), [_level("consultation")]),
        triage.score_case(triage.Expected(level="self_care"), [_level("emergency")]),
        triage.score_case(triage.Expected(level="consultation"), [_level("consultation")]),
    ]
    scores = triage.aggregate(results)
    assert scores.get("three_way_accuracy").value == 0.5  # type: ignore[union-attr]
    assert scores.get("exact_level_accuracy").value == 0.25  # type: ignore[union-attr]
    assert scores.get("under_triaged_emergencies").value == 1  # type: ignore[union-attr]
    assert scores.get("over_triage_rate").value == 0.25  # type: ignore[union-attr]
    assert scores.get("accuracy_emergency").value == 0.5  # type: ignore[union-attr]
    assert scores.get("self_care_sent_to_emergency").value == 1.0  # type: ignore[union-attr]
    counts = scores.tables["confusion"]["counts"]
    assert counts["emergency_ambulance"]["consultation"] == 1
    assert counts["emergency"]["emergency_ambulance"] == 1


def test_aggregate_of_nothing_has_no_values() -> None:
    scores = triage.aggregate([])
    assert scores.get("three_way_accuracy").value is None  # type: ignore[union-attr]
    assert scores.get("under_triaged_emergencies").value == 0  # type: ignore[union-attr]
