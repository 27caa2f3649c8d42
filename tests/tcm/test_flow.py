"""The multi-turn questionnaire through the capability: intro, answers, back, pause/resume, quit, free text,
the elderly form, the result and the optional four-diagnostic intake."""

from __future__ import annotations

import json

import pytest
from tcm_session import Session

from assistant.graph.capability import CapabilityRequest, Understanding
from assistant.graph.nodes import tcm
from tools.tcm import asked_item_ids
from tools.tcm.models import Sex

TYPE_CODES = {"balanced", "qi_deficiency", "yang_deficiency", "yin_deficiency", "phlegm_dampness", "damp_heat",
              "blood_stasis", "qi_stagnation", "special_diathesis"}


@pytest.fixture
def session_zh() -> Session:
    return Session("zh")


@pytest.fixture
def session_en() -> Session:
    return Session("en")


def to_first_item(session: Session, sex: str = "female", age: str = "30") -> None:
    zh = session.locale == "zh"
    session.send("测测我的体质" if zh else "TCM constitution test")
    session.send({"female": "女", "male": "男"}[sex] if zh else sex)
    session.send(age)
    if sex == "female" and int(age) < 60:
        session.send("否" if zh else "no")


def finish_items(session: Session, sex: Sex = "female", value: str = "1") -> None:
    assert session.flow is not None
    remaining = len(asked_item_ids(sex)) - len(session.flow["answers"])
    session.send(" ".join([value] * remaining))


def test_start_asks_sex_with_choices_and_keeps_a_flow(session_zh: Session) -> None:
    reply = session_zh.send("测测我的体质")
    assert reply.route == "tcm"
    assert reply.question is not None and reply.question.id == "sex"
    assert [choice.id for choice in reply.question.choices] == ["female", "male", "unspecified"]
    assert reply.flow is not None and reply.tcm is None
    json.dumps(reply.flow)  # JSON only: the checkpointer stores it


def test_opening_message_with_sex_and_age_skips_those_questions(session_zh: Session) -> None:
    reply = session_zh.send("我是男性，42岁，想测一下中医体质")
    assert reply.question is not None and reply.question.id == "A1"
    assert "第 1/60 题" in reply.text


def test_pregnant_user_is_told_it_does_not_apply_and_the_flow_ends(session_zh: Session) -> None:
    session_zh.send("测测我的体质")
    session_zh.send("女")
    assert session_zh.send("28").question.id == "pregnant"  # type: ignore[union-attr]
    reply = session_zh.send("我怀孕了")
    assert reply.flow is None and reply.tcm is None and reply.question is None
    assert "孕" in reply.text and "医生" in reply.text


@pytest.mark.parametrize(("sex", "age"), [("male", "30"), ("female", "62")])
def test_no_pregnancy_question_for_men_or_women_over_sixty(sex: str, age: str) -> None:
    session = Session("en")
    session.send("TCM constitution test")
    session.send(sex)
    assert session.send(age).question.id == "A1"  # type: ignore[union-attr]


def test_one_question_per_turn_with_progress_and_five_choices(session_en: Session) -> None:
    to_first_item(session_en)
    first = session_en.last
    assert first.question is not None and first.question.id == "A1"
    assert [c.id for c in first.question.choices] == ["1", "2", "3", "4", "5"]
    assert first.question.choices[0].label.startswith("Never")
    assert "Question 1 of 60" in first.text
    second = session_en.send(choice="4")
    assert second.question is not None and second.question.id == "A2"
    assert "Question 2 of 60" in second.text
    assert session_en.flow["answers"] == {"A1": 4}  # type: ignore[index]


def test_chinese_labels_and_free_text_answer(session_zh: Session) -> None:
    to_first_item(session_zh)
    assert session_zh.last.question.choices[3].label.startswith("经常")  # type: ignore[union-attr]
    session_zh.send("经常")
    session_zh.send("偶尔吧")
    session_zh.send("不太经常")
    assert session_zh.flow["answers"] == {"A1": 4, "A2": 2, "A3": 2}  # type: ignore[index]


def test_several_answers_at_once_skip_the_shared_items(session_en: Session) -> None:
    to_first_item(session_en)
    reply = session_en.send("4 2 2 1 2 4 1 2 3")
    assert reply.question is not None and reply.question.id == "B3"  # B1 is A2, asked once: A1..A8 then B2
    assert session_en.flow["answers"]["B2"] == 3  # type: ignore[index]
    assert "Recorded answers to 9 questions" in reply.text


def test_extra_answers_past_the_end_are_ignored(session_en: Session) -> None:
    to_first_item(session_en)
    reply = session_en.send(" ".join(["1"] * 62))
    assert reply.tcm is not None and reply.tcm.final
    assert "2 extra answers were ignored" in reply.text


def test_back_reasks_the_previous_question_and_shows_the_earlier_answer(session_zh: Session) -> None:
    to_first_item(session_zh)
    session_zh.send("3")
    session_zh.send("4")
    reply = session_zh.send("上一题")
    assert reply.question is not None and reply.question.id == "A2"
    assert "4 经常" in reply.text
    reply = session_zh.send("2")
    assert reply.question is not None and reply.question.id == "A3"
    assert session_zh.flow["answers"] == {"A1": 3, "A2": 2}  # type: ignore[index]


def test_back_from_the_first_item_returns_to_the_intro_and_at_the_start_says_so(session_en: Session) -> None:
    to_first_item(session_en)
    assert session_en.send("back").question.id == "pregnant"  # type: ignore[union-attr]
    session_en.send("back")
    reply = session_en.send("back")
    assert reply.question is not None and reply.question.id == "sex"
    reply = session_en.send("go back")
    assert "already the first question" in reply.text and reply.question.id == "sex"  # type: ignore[union-attr]


def test_pause_keeps_the_flow_and_resume_continues_where_it_stopped(session_zh: Session) -> None:
    to_first_item(session_zh)
    session_zh.send("1 2 3")
    paused = session_zh.send("暂停")
    assert paused.flow is not None and paused.flow["paused"] is True
    assert paused.question is None
    assert "继续" in paused.text and "3/60" in paused.text
    resumed = session_zh.send("继续测体质")  # match() fires again; handle() gets the saved flow
    assert resumed.question is not None and resumed.question.id == "A4"
    assert resumed.flow["paused"] is False  # type: ignore[index]
    assert session_zh.send("pause").flow["paused"] is True  # type: ignore[index]
    answered = session_zh.send("经常")  # coming back with an answer applies it
    assert answered.question.id == "A5" and session_zh.flow["answers"]["A4"] == 4  # type: ignore[union-attr,index]


@pytest.mark.parametrize("word", ["退出", "不做了", "quit"])
def test_quit_ends_the_flow(word: str) -> None:
    session = Session("zh")
    to_first_item(session)
    session.send("3")
    reply = session.send(word)
    assert reply.flow is None and reply.question is None and reply.tcm is None


def test_quit_from_a_paused_flow(session_en: Session) -> None:
    to_first_item(session_en)
    session_en.send("pause")
    assert session_en.send("quit").flow is None


def test_dont_know_and_nonsense_reask_the_same_item(session_zh: Session) -> None:
    to_first_item(session_zh)
    reply = session_zh.send("不知道")
    assert reply.question is not None and reply.question.id == "A1"
    assert "最接近" in reply.text
    reply = session_zh.send("啊这个嘛")
    assert reply.question is not None and reply.question.id == "A1" and "没看懂" in reply.text


def test_restart_clears_answers(session_en: Session) -> None:
    to_first_item(session_en)
    session_en.send("1 2 3")
    reply = session_en.send("start over")
    assert reply.question.id == "sex" and session_en.flow["answers"] == {}  # type: ignore[union-attr,index]


def test_final_result_contract(session_en: Session) -> None:
    to_first_item(session_en, sex="male", age="40")
    session_en.send("2 4 4 2 3 3 2 3")  # balanced group, weak and tired
    session_en.send("3 2 3 4 4 4")  # qi deficiency
    finish_items(session_en, sex="male", value="1")
    reply = session_en.last
    assert reply.tcm is not None and reply.tcm.final
    assert set(reply.tcm.scores) == TYPE_CODES
    result = reply.tcm.result
    assert result["primary"] == "qi_deficiency" and result["judgments"]["qi_deficiency"] == "yes"
    assert set(result["judgments"]) == TYPE_CODES
    assert set(result["guidance"]["qi_deficiency"]) >= {"diet", "sleep", "exercise", "emotions", "source"}
    assert result["intake"] == {} and isinstance(result["tendencies"], list)
    assert reply.referral is not None and reply.referral.to == "tcm_practitioner" and reply.referral.needed
    assert reply.facts == {"scores": reply.tcm.scores, "primary": "qi_deficiency"}
    assert reply.memory["tcm"]["primary"] == "qi_deficiency"
    assert "Qi deficiency" in reply.text and "licensed TCM practitioner" in reply.text and "Diet" in reply.text
    assert reply.question is not None and reply.question.id == "intake_offer"
    declined = session_en.send(choice="no")
    assert declined.flow is None and declined.tcm is not None and declined.tcm.final


def test_intake_is_stored_shown_and_does_not_change_scores(session_zh: Session) -> None:
    to_first_item(session_zh)
    finish_items(session_zh, value="2")
    before = session_zh.last.tcm.scores  # type: ignore[union-attr]
    reply = session_zh.send("好的")
    assert reply.question is not None and reply.question.id == "tongue_color"
    session_zh.send("舌头偏红")
    session_zh.send("1 3")
    session_zh.send("跳过")
    while session_zh.last.question is not None and session_zh.last.question.id not in ("menstruation", "pulse"):
        session_zh.send("没有头痛，都正常")
    assert session_zh.last.question.id == "menstruation"  # type: ignore[union-attr]
    session_zh.send("痛经，量少")
    final = session_zh.send("跳过")  # pulse: for a practitioner
    assert final.flow is None and final.tcm is not None and final.tcm.final
    intake = final.tcm.result["intake"]
    assert intake["tongue_color"]["values"] == ["red"]
    assert intake["tongue_coating"]["values"] == ["thin_white", "yellow"]
    assert intake["complexion"]["skipped"] is True
    assert intake["head_body"]["values"] == ["none"]
    assert intake["menstruation"]["values"] == ["painful", "scanty"]
    assert intake["pulse"]["skipped"] is True
    assert final.tcm.scores == before
    assert "四诊记录" in final.text and "望诊" in final.text


def test_men_are_not_asked_about_menstruation() -> None:
    session = Session("en")
    to_first_item(session, sex="male")
    finish_items(session, sex="male")
    session.send("yes")
    asked = []
    while session.last.question is not None:
        asked.append(session.last.question.id)
        session.send("skip")
    assert "menstruation" not in asked and asked[0] == "tongue_color" and asked[-1] == "pulse"


def test_elderly_short_form(session_zh: Session) -> None:
    session_zh.send("测测我的体质")
    session_zh.send("女")
    reply = session_zh.send("70岁")
    assert reply.question is not None and reply.question.id == "form"
    reply = session_zh.send("简表")
    assert reply.question is not None and reply.question.id == "EL1" and "第 1/33 题" in reply.text
    session_zh.send(" ".join(["1"] * 8))
    ninth = session_zh.last.question
    assert ninth is not None and ninth.id == "EL9" and "BMI" in ninth.choices[0].label
    final = session_zh.send(" ".join(["1"] * 25))
    assert final.tcm is not None and final.tcm.final
    assert final.tcm.result["form"] == "elderly" and final.tcm.scores["balanced"] == 21
    assert final.tcm.result["primary"] == "balanced"


def test_bare_numbers_keep_the_flows_language() -> None:
    session = Session("en")
    to_first_item(session)
    request = CapabilityRequest(session_id="s", text="3", locale="zh", flow=session.flow,
                                understanding=Understanding(locale="zh", text="3"))
    reply = tcm.handle(request)
    assert "Question 2 of 60" in reply.text


def test_a_corrupt_flow_restarts_politely() -> None:
    request = CapabilityRequest(session_id="s", text="3", locale="en", flow={"answers": "nonsense"},
                                understanding=Understanding(locale="en", text="3"))
    reply = tcm.handle(request)
    assert reply.question is not None and reply.question.id == "sex" and reply.flow is not None


def test_a_patient_who_declines_to_give_sex_can_still_finish(session_en: Session) -> None:
    session_en.send("TCM constitution test")
    session_en.send("prefer not to say")
    session_en.send("40")
    reply = session_en.send("no")  # asked about pregnancy, as the sex is unknown
    assert reply.question is not None and reply.question.id == "A1" and "Question 1 of 59" in reply.text
    final = session_en.send(" ".join(["1"] * 54 + ["5"] * 5))  # the last five (special diathesis) always
    assert final.tcm is not None and final.tcm.final
    assert final.tcm.scores["damp_heat"] == 0.0 and final.tcm.result["judgments"]["special_diathesis"] == "yes"
    assert "damp_heat_without_sex_specific_item" in final.tcm.result["warnings"]
    assert "5 common questions" in final.text


@pytest.mark.parametrize(
    ("step_answers", "expected"),
    [
        (["BMI 23.5"], 1),
        (["身高170厘米，体重70公斤"], 2),  # BMI 24.2
        (["27"], 4),
        (["5"], 5),  # an option number stays an option
    ],
)
def test_elderly_bmi_item_accepts_a_measurement(step_answers: list[str], expected: int) -> None:
    session = Session("zh")
    session.send("测测我的体质")
    session.send("男")
    session.send("72岁")
    session.send("2")
    session.send(" ".join(["1"] * 8))
    for answer in step_answers:
        session.send(answer)
    assert session.flow is not None and session.flow["answers"]["EL9"] == expected


def test_elderly_colds_and_waist_measurements() -> None:
    session = Session("en")
    session.send("TCM constitution test")
    session.send("female")
    session.send("seventy")
    session.send("short")
    session.send(" ".join(["1"] * 13))
    session.send("about 3 colds a year")
    assert session.flow is not None and session.flow["answers"]["EL14"] == 2
    session.send(" ".join(["1"] * 13))
    session.send("waist 95 cm")
    assert session.flow["answers"]["EL28"] == 4


def test_asking_for_the_test_again_mid_flow_resumes_it(session_zh: Session) -> None:
    to_first_item(session_zh)
    session_zh.send("1 2")
    reply = session_zh.send("测测我的体质")
    assert reply.question is not None and reply.question.id == "A3"
    assert "接着做" in reply.text and session_zh.flow["answers"] == {"A1": 1, "A2": 2}  # type: ignore[index]


def test_a_very_long_message_is_handled(session_en: Session) -> None:
    to_first_item(session_en)
    reply = session_en.send("blah " * 20000)
    assert reply.question is not None and reply.question.id == "A1"
