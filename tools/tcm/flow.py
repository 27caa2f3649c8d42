"""The constitution questionnaire as a multi-turn flow: one pure function per turn, state as plain JSON.

`advance(flow, text, choice, locale)` takes the saved state (None to start), the patient's message or chosen
option, and returns the next `Turn`: the text, the next question, the new state (None when finished or quit)
and, once the questionnaire is complete, the scores and result payload.

Order of questions: sex, age, pregnancy (women under 60), form (65 and over: full 60 or short 33), the items,
then an optional four-diagnostic intake offered together with the final result. The next question is always the
first one without an answer, so "back" simply clears the previous answer.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field, ValidationError

from tools.tcm import answers as parse
from tools.tcm.intake import intake_questions, parse_intake_answer, question_by_id
from tools.tcm.models import RespondentSex, load_elderly_form, load_item_bank, load_messages
from tools.tcm.scoring import ScoreResult, asked_item_ids, elderly_item_ids, score, score_elderly
from tools.tcm.summary import build_result, render_result

INTRO_STEPS = ("sex", "age", "pregnant", "form")
OFFER_STEP = "intake_offer"
PREGNANCY_AGE_LIMIT = 60  # women of this age or over are not asked about pregnancy
STATE_VERSION = 1
MAX_REPLY_CHARS = 2000  # longer messages are cut: answers are short, and the parser scans every position


class FlowState(BaseModel):
    """What the flow keeps between turns (JSON in the checkpointer)."""

    v: int = STATE_VERSION
    locale: str | None = None
    pending: str | None = None
    sex: RespondentSex | None = None
    age: int | None = None
    age_band: str | None = None  # under_65 | 65_plus | unknown
    pregnancy: str | None = None  # no | unsure
    form: str | None = None  # full | short
    answers: dict[str, int] = Field(default_factory=dict)
    intake_wanted: bool | None = None
    intake: dict[str, Any] = Field(default_factory=dict)
    paused: bool = False
    previous: dict[str, Any] = Field(default_factory=dict)


class Step(BaseModel):
    id: str
    prompt: str
    choices: list[tuple[str, str]] = Field(default_factory=list)
    multi: bool = False


class Turn(BaseModel):
    text: str
    step: Step | None = None
    flow: dict[str, Any] | None = None
    scores: dict[str, float] | None = None
    result: dict[str, Any] | None = None
    final: bool = False
    quit: bool = False
    pregnant: bool = False


# --- the sequence of steps --------------------------------------------------------------------------------------


def item_steps(state: FlowState) -> list[str]:
    if state.sex is None:
        return []
    return elderly_item_ids() if state.form == "short" else asked_item_ids(state.sex)


def all_steps(state: FlowState) -> list[str]:
    steps = ["sex", "age"]
    if state.sex != "male" and state.age_band != "65_plus" and (state.age is None or state.age < PREGNANCY_AGE_LIMIT):
        steps.append("pregnant")
    if state.age_band == "65_plus":
        steps.append("form")
    steps += item_steps(state)
    steps.append(OFFER_STEP)
    if state.intake_wanted:
        steps += [question.id for question in intake_questions(state.sex)]
    return steps


def is_answered(state: FlowState, step: str) -> bool:
    values = {"sex": state.sex, "age": state.age_band, "pregnant": state.pregnancy, "form": state.form,
              OFFER_STEP: state.intake_wanted}
    if step in values:
        return values[step] is not None
    return step in state.answers or step in state.intake


def first_missing(state: FlowState) -> str | None:
    return next((step for step in all_steps(state) if not is_answered(state, step)), None)


def clear(state: FlowState, step: str) -> None:
    """Forget the answer to `step` (going back), keeping it in `previous` to show."""
    if step in ("sex", "pregnant", "form", OFFER_STEP):
        attribute = {"sex": "sex", "pregnant": "pregnancy", "form": "form", OFFER_STEP: "intake_wanted"}[step]
        state.previous[step] = getattr(state, attribute)
        setattr(state, attribute, None)
    elif step == "age":
        state.previous[step] = state.age if state.age is not None else state.age_band
        state.age, state.age_band = None, None
    elif step in state.answers:
        state.previous[step] = state.answers.pop(step)
    else:
        state.previous[step] = state.intake.pop(step, None)


# --- questions --------------------------------------------------------------------------------------------------


def _t(key: str, locale: str, **values: object) -> str:
    return load_messages().get(key, locale, **values)


def _scale_choices(locale: str) -> list[tuple[str, str]]:
    return [(value, text.get(locale)) for value, text in sorted(load_item_bank().scale.items())]


def build_step(state: FlowState, step: str, locale: str) -> tuple[Step, str]:
    """The question for `step` and the progress line to show above it ("" for none)."""
    if step == "sex":
        return Step(id=step, prompt=_t("ask_sex", locale),
                    choices=[(c, _t(f"sex_{c}", locale)) for c in ("female", "male", "unspecified")]), ""
    if step == "age":
        return Step(id=step, prompt=_t("ask_age", locale),
                    choices=[("under_65", _t("age_under_65", locale)), ("65_plus", _t("age_65_plus", locale))]), ""
    if step == "pregnant":
        choices = [(c, _t(f"pregnant_{c}", locale)) for c in ("yes", "no", "unsure")]
        return Step(id=step, prompt=_t("ask_pregnant", locale), choices=choices), ""
    if step == "form":
        choices = [("full", _t("form_full", locale)), ("short", _t("form_short", locale))]
        return Step(id=step, prompt=_t("ask_form", locale), choices=choices), ""
    if step == OFFER_STEP:
        choices = [("yes", _t("offer_yes", locale)), ("no", _t("offer_no", locale))]
        return Step(id=step, prompt=_t("intake_offer", locale), choices=choices), ""
    items = item_steps(state)
    if step in items:
        progress = _t("progress", locale, n=items.index(step) + 1, total=len(items))
        if step.startswith("EL"):
            item = load_elderly_form().items[int(step[2:]) - 1]
            choices = _scale_choices(locale)
            if item.options:
                choices = [(value, f"{label} - {item.options[value].get(locale)}") for value, label in choices]
            return Step(id=step, prompt=item.text(locale), choices=choices), progress
        bank_item = load_item_bank().by_id()[step]
        assert bank_item.text is not None  # asked items always carry their own text (validated on load)
        return Step(id=step, prompt=bank_item.text.get(locale), choices=_scale_choices(locale)), progress
    question = question_by_id(step)
    questions = [q.id for q in intake_questions(state.sex)]
    progress = _t("intake_progress", locale, n=questions.index(step) + 1, total=len(questions))
    choices = [(option.id, option.label(locale)) for option in question.options]
    choices.append(("skip", _t("intake_skip", locale)))
    return Step(id=step, prompt=question.prompt.get(locale), choices=choices, multi=question.multi), progress


def _step_text(step: Step, progress: str, locale: str, hint: bool) -> str:
    colon = "：" if locale == "zh" else ": "
    head = f"{progress}{colon}{step.prompt}" if progress else step.prompt
    if all(choice.isdigit() for choice, _ in step.choices):
        options = "  ".join(f"{choice} {label}" for choice, label in step.choices)
    elif step.id in (*INTRO_STEPS, OFFER_STEP):
        options = " / ".join(label for _, label in step.choices)
    else:  # intake: numbered options, answered by number or words
        options = "  ".join(f"{index}) {label}" for index, (_, label) in enumerate(step.choices, start=1))
    lines = [head, options, _t("answer_hint", locale) if hint else ""]
    return "\n".join(line for line in lines if line)


# --- results ----------------------------------------------------------------------------------------------------


def compute(state: FlowState) -> ScoreResult:
    if state.form == "short":
        return score_elderly(dict(state.answers))
    assert state.sex is not None
    return score(dict(state.answers), state.sex)


def _result_turn(state: FlowState, locale: str, notes: list[str], finished: bool, intro: str = "") -> Turn:
    scored = compute(state)
    profile = {"sex": state.sex, "age": state.age, "age_band": state.age_band, "pregnancy": state.pregnancy,
               "form": state.form or "full"}
    payload = build_result(scored, locale, profile, state.answers, state.intake if state.intake_wanted else None)
    scores = scored.rounded_scores()
    parts = [*notes, intro, render_result(payload, scores, locale)]
    step = None
    if not finished:
        step, _ = build_step(state, OFFER_STEP, locale)
        parts += ["", step.prompt]
        state.pending = OFFER_STEP
    text = "\n".join(part for part in parts if part is not None and part != "").strip()
    return Turn(text=text, step=step, flow=None if finished else state.model_dump(), scores=scores, result=payload,
                final=True)


def _ask_next(state: FlowState, locale: str, notes: list[str], hint: bool = False) -> Turn:
    step_id = first_missing(state)
    if step_id is None:
        return _result_turn(state, locale, notes, finished=True, intro=_t("intake_done", locale))
    if step_id == OFFER_STEP:
        return _result_turn(state, locale, notes, finished=False)
    state.pending = step_id
    step, progress = build_step(state, step_id, locale)
    first_item = bool(item_steps(state)) and step_id == item_steps(state)[0]
    if first_item and not state.answers:
        notes = [*notes, load_item_bank().recall_period.get(locale)]
    if state.previous.get(step_id) is not None:
        notes = [*notes, _t("back_previous_answer", locale, answer=_describe(state.previous[step_id], locale))]
    text = "\n".join([*notes, _step_text(step, progress, locale, hint or first_item)])
    return Turn(text=text, step=step, flow=state.model_dump())


def _describe(value: Any, locale: str) -> str:
    if isinstance(value, int) and 1 <= value <= 5:
        return f"{value} {load_item_bank().scale[str(value)].get(locale)}"
    if isinstance(value, dict):
        return ", ".join(value.get("values", [])) or str(value.get("text") or "")
    return str(value)


# --- one turn ---------------------------------------------------------------------------------------------------


def _apply_intro(state: FlowState, step: str, reply: str, locale: str, notes: list[str]) -> Turn | bool:
    """Apply an answer to an intro or offer step: True when applied, False when not understood, or a final Turn."""
    skipped = parse.command(reply, allow_substring=False) == "skip"
    if step == "sex":
        sex = "unspecified" if skipped else parse.parse_sex(reply)
        if sex not in ("female", "male", "unspecified"):
            return False
        state.sex = sex  # type: ignore[assignment]  # one of the three, checked above
    elif step == "age":
        band = reply if reply in ("under_65", "65_plus") else None
        age, parsed_band = (None, band) if band else parse.parse_age(reply)
        if parsed_band is None and not skipped:
            return False
        state.age, state.age_band = age, parsed_band or "unknown"
    elif step == "pregnant":
        answer = "unsure" if skipped else parse.parse_pregnancy(reply)
        if answer is None:
            return False
        if answer == "yes":
            return Turn(text=_t("pregnant_stop", locale), flow=None, pregnant=True)
        state.pregnancy = answer
        if answer == "unsure":
            notes.append(_t("pregnant_unsure_note", locale))
    elif step == "form":
        form = "full" if skipped else parse.parse_form(reply)
        if form is None:
            return False
        state.form = form
    elif step == OFFER_STEP:
        wanted = False if skipped else parse.yes_no(reply)
        if wanted is None:
            return False
        state.intake_wanted = wanted
        if wanted:
            notes.append(_t("intake_start", locale))
        else:
            return _result_turn(state, locale, notes, finished=True, intro=_t("intake_declined", locale))
    return True


def _apply_items(state: FlowState, step: str, reply: str, locale: str, notes: list[str]) -> bool | None:
    """Apply one or several frequency answers from `step` on: True applied, False not understood, None skip."""
    items = item_steps(state)
    pairs = {key: value for key, value in parse.parse_pairs(reply).items() if key in items}
    if pairs:
        state.answers.update(pairs)
        notes.append(_t("recorded_many", locale, count=len(pairs)))
        return True
    measure = load_elderly_form().items[int(step[2:]) - 1].measure if step.startswith("EL") else None
    measured = parse.parse_measure(reply, measure.kind) if measure is not None else None
    if measure is not None and measured is not None:
        state.answers[step] = measure.option(measured)  # "BMI 23.5", "一年感冒3次", "腰围95厘米"
        return True
    without_skip, had_skip = parse.remove_command_phrases(reply, "skip")
    values = parse.parse_frequencies(without_skip)
    if not values:
        return None if had_skip else False
    start = items.index(step)
    targets = items[start:start + len(values)]
    for item_id, value in zip(targets, values, strict=False):
        state.answers[item_id] = value
        state.previous.pop(item_id, None)
    if len(values) > 1:
        notes.append(_t("recorded_many", locale, count=len(targets)))
    if len(values) > len(targets):
        notes.append(_t("extra_ignored", locale, count=len(values) - len(targets)))
    return True


def _command_turn(state: FlowState, name: str, step: str, locale: str, notes: list[str]) -> Turn:
    if name == "quit":
        return Turn(text=_t("quit", locale), flow=None, quit=True)
    if name == "pause":
        state.paused = True
        items = item_steps(state)
        done = sum(1 for item_id in items if item_id in state.answers)
        total = len(items) or len(asked_item_ids("female"))
        return Turn(text=_t("paused", locale, done=done, total=total), flow=state.model_dump())
    if name == "restart":
        return _ask_next(FlowState(), locale, [*notes, _t("restarted", locale)])
    if name == "back":
        steps = all_steps(state)
        index = steps.index(step)
        if index == 0:
            return _ask_next(state, locale, [*notes, _t("back_first", locale)])
        clear(state, steps[index - 1])
        return _ask_next(state, locale, [*notes, _t("back_done", locale)])
    if name == "skip" and step in item_steps(state):
        return _ask_next(state, locale, [*notes, _t("cannot_skip", locale)], hint=True)
    return _ask_next(state, locale, notes)  # resume, or a command with nothing to do here


def start(text: str, locale: str) -> Turn:
    """A new questionnaire; sex and age already named in the opening message are taken ("女，35岁，测体质")."""
    state = FlowState()
    sex, age = parse.profile_from_text(text)
    if sex in ("female", "male"):
        state.sex = "female" if sex == "female" else "male"
    if age is not None:
        state.age, state.age_band = age, "65_plus" if age >= 65 else "under_65"
    return _ask_next(state, locale, [_t("start", locale)])


def advance(flow: dict[str, Any] | None, text: str, choice: str | None, locale: str) -> Turn:
    """One turn of the flow. `flow` None starts a new questionnaire."""
    if flow is None:
        return start(text, locale)
    notes: list[str] = []
    try:
        state = FlowState.model_validate(flow)
    except ValidationError:
        return _ask_next(FlowState(), locale, [_t("restarted", locale)])
    reply = (choice or text or "").strip()[:MAX_REPLY_CHARS]
    was_paused, state.paused = state.paused, False
    step = first_missing(state)
    if step is None:  # nothing left to ask (a stale state): show the result again
        return _result_turn(state, locale, notes, finished=True)
    exact = parse.command(reply, allow_substring=False) if not choice else None
    if exact is not None and exact != "skip":
        if exact == "resume" and was_paused:
            notes.append(_t("resumed", locale))
        return _command_turn(state, exact, step, locale, notes)
    applied: bool | None | Turn
    if step in item_steps(state):
        applied = _apply_items(state, step, reply, locale, notes)
    elif step in (*INTRO_STEPS, OFFER_STEP):
        applied = _apply_intro(state, step, reply, locale, notes)
    else:
        finding = parse_intake_answer(question_by_id(step), reply)
        if finding is not None:
            state.intake[step] = finding
        applied = finding is not None
    if isinstance(applied, Turn):
        return applied
    if applied:
        state.previous.pop(step, None)
        return _ask_next(state, locale, notes)
    if applied is None:  # "don't know" to a questionnaire item: every item needs an answer
        return _ask_next(state, locale, [_t("cannot_skip", locale)], hint=True)
    loose = parse.command(reply) if not choice else None
    if loose is not None:
        return _command_turn(state, loose, step, locale, notes)
    if was_paused or parse.is_start_request(reply):  # "测测我的体质" again: carry on where we are
        return _ask_next(state, locale, [_t("resumed", locale)])
    key = {"sex": "reask_sex", "age": "reask_age", "pregnant": "reask_pregnant", "form": "reask_form"}.get(step)
    if key is None and step == OFFER_STEP:  # not a yes or no: close the questionnaire, the patient moved on
        return _result_turn(state, locale, notes, finished=True, intro=_t("offer_unclear", locale))
    if key is None and step not in item_steps(state):
        key = "intake_not_understood"
    message = _t(key, locale) if key else _t("not_understood", locale)
    return _ask_next(state, locale, [message], hint=key is None)
