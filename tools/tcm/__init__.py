"""TCM body constitution: the 60-question questionnaire (ZYYXH/T157-2009 structure, our own wording), the 33-item
form for people aged 65 and over, lifestyle guidance per type, and the four-diagnostic intake.

Public API (pure functions over the data files in tools/tcm/data/):
- score(answers, sex, items_path=None) -> ScoreResult          the standard form
- score_elderly(answers, items_path=None) -> ScoreResult        the 33-item form
- judge_transformed(scores) -> ScoreResult                      judge nine transformed scores directly
- asked_item_ids(sex) / elderly_item_ids()                      the question ids in asking order
- load_item_bank(path=None), load_elderly_form(path=None)      item banks (path or env var overrides)
- advance(flow, text, choice, locale) -> Turn                   one turn of the multi-turn flow
- validate_data()                                               load and validate every data file (start-up check)
"""

from tools.tcm.flow import Turn, advance
from tools.tcm.models import (
    TYPE_CODES,
    TYPE_ORDER,
    load_elderly_form,
    load_guidance,
    load_intake,
    load_item_bank,
    load_lexicon,
    load_messages,
)
from tools.tcm.scoring import (
    AnswerError,
    ScoreResult,
    asked_item_ids,
    elderly_item_ids,
    judge_transformed,
    score,
    score_elderly,
)


def validate_data() -> None:
    """Load every TCM data file once (pydantic-validated); raises with the file and field on a bad file."""
    load_item_bank()
    load_elderly_form()
    load_guidance()
    load_intake()
    load_lexicon()
    load_messages()


__all__ = [
    "TYPE_CODES",
    "TYPE_ORDER",
    "AnswerError",
    "ScoreResult",
    "Turn",
    "advance",
    "asked_item_ids",
    "elderly_item_ids",
    "judge_transformed",
    "load_elderly_form",
    "load_item_bank",
    "score",
    "score_elderly",
    "validate_data",
]
