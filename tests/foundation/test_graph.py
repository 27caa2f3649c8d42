"""The turn graph end to end through the service (offline model, SQLite)."""

from __future__ import annotations

import pytest

from assistant.service import Assistant, InputError, NotFoundError, split_sentences


async def test_greeting_in_each_language(assistant: Assistant) -> None:
    session = await assistant.create_session()
    reply = await assistant.send(session, text="你好")
    assert reply.route == "general" and reply.locale == "zh" and "健康助手" in reply.text
    reply = await assistant.send(session, text="Hello there")
    assert reply.route == "general" and reply.locale == "en" and "health assistant" in reply.text.lower()
    assert reply.usage.llm_calls == 0


async def test_capabilities_and_thanks(assistant: Assistant) -> None:
    session = await assistant.create_session()
    reply = await assistant.send(session, text="what can you do?")
    assert reply.route == "general" and "lab report" in reply.text.lower()
    reply = await assistant.send(session, text="谢谢")
    assert reply.route == "general" and reply.locale == "zh"


async def test_out_of_scope_is_refused_politely(assistant: Assistant) -> None:
    session = await assistant.create_session()
    reply = await assistant.send(session, text="Who won the football world cup in 1998? Tell me about the final.")
    assert reply.route == "refusal"
    assert any(event.action == "out_of_scope" for event in reply.safety)
    reply = await assistant.send(session, text="帮我写一首关于秋天的诗")
    assert reply.route == "refusal" and reply.locale == "zh"


async def test_emergency_ends_the_turn_with_number_and_escalation(assistant: Assistant) -> None:
    session = await assistant.create_session()
    reply = await assistant.send(session, text="My father suddenly can't move his right arm and his speech is slurred")
    assert reply.route == "emergency"
    assert reply.triage is not None and reply.triage.level == "emergency_ambulance" and reply.triage.final
    assert "911" in reply.text
    assert reply.referral is not None and reply.referral.to == "emergency"
    assert reply.escalation is not None and reply.escalation.priority == "high"
    assert reply.usage.llm_calls == 0


async def test_emergency_in_chinese_uses_120(assistant: Assistant) -> None:
    session = await assistant.create_session()
    reply = await assistant.send(session, text="我爸突然嘴歪了，说话不清楚，左手抬不起来")
    assert reply.route == "emergency" and "120" in reply.text and reply.locale == "zh"


async def test_crisis_language_gets_crisis_lines(assistant: Assistant) -> None:
    session = await assistant.create_session()
    reply = await assistant.send(session, text="我不想活了，想结束这一切")
    assert reply.route == "emergency" and "12356" in reply.text
    assert reply.escalation is not None and reply.escalation.reason == "self_harm"


async def test_who_pays_for_a_stated_symptom_is_an_insurance_question(assistant: Assistant) -> None:
    session = await assistant.create_session()
    question = "My dad has a bad cough and a fever. Will Medicare pay for his antibiotics?"
    reply = await assistant.send(session, text=question)
    assert reply.route == "insurance"
    other = await assistant.create_session()
    reply = await assistant.send(other, text="My dad has a bad cough and a fever, what should we do?")
    assert reply.route == "triage"


async def test_an_insurance_question_beside_a_red_flag_keeps_the_emergency_first(assistant: Assistant) -> None:
    session = await assistant.create_session()
    reply = await assistant.send(session, text="我弟弟从三楼脚手架上摔下来了，两条腿没知觉，住院医保的起付线是多少")
    assert reply.route == "emergency" and reply.text.index("120") < 80
    assert reply.escalation is not None and reply.escalation.priority == "high"
    assert reply.citations and all(c.doc_id for c in reply.citations)
    other = await assistant.create_session()
    reply = await assistant.send(other, text="我弟弟从三楼脚手架上摔下来了，两条腿没知觉")
    assert reply.route == "emergency" and not reply.citations


async def test_an_english_insurance_question_beside_a_red_flag_is_answered_after_the_911_advice(
    assistant: Assistant,
) -> None:
    session = await assistant.create_session()
    text = ("My husband fell off a ladder and can't feel his legs. "
            "How much is the insurance deductible for a hospital stay?")
    reply = await assistant.send(session, text=text)
    assert reply.route == "emergency" and "911" in reply.text
    assert reply.citations and reply.text.index("911") < reply.text.index(reply.citations[0].quote[:20])


async def test_session_locale_is_fixed(assistant: Assistant) -> None:
    session = await assistant.create_session(locale="en")
    reply = await assistant.send(session, text="你好")
    assert reply.locale == "en"


async def test_bad_input_is_rejected_and_nothing_is_stored(assistant: Assistant) -> None:
    from sqlmodel import Session

    from assistant.store import crud

    session = await assistant.create_session()
    with pytest.raises(InputError):
        await assistant.send(session, text="   ")
    with pytest.raises(InputError):
        await assistant.send(session, text="x" * (assistant.settings.max_message_chars + 1))
    with pytest.raises(InputError, match="choice"):
        await assistant.send(session, choice="nonexistent")
    with pytest.raises(NotFoundError):
        await assistant.send("no-such-session", text="hi")
    with Session(assistant.engine) as db:
        assert crud.messages_of(db, session) == []


async def test_turns_are_stored_with_their_reply(assistant: Assistant) -> None:
    from sqlmodel import Session

    from assistant.store import crud

    session = await assistant.create_session()
    reply = await assistant.send(session, text="hello")
    with Session(assistant.engine) as db:
        messages = crud.messages_of(db, session)
    assert [m.sender for m in messages] == ["patient", "assistant"]
    assert messages[1].id == reply.message_id and messages[1].payload["route"] == "general"


def test_split_sentences_loses_nothing() -> None:
    text = "第一句。第二句！Third one. Fourth?\nLast"
    pieces = split_sentences(text)
    assert "".join(pieces) == text
    assert pieces[:3] == ["第一句。", "第二句！", "Third one."] and pieces[-1] == "Last"


async def test_concurrent_sessions_do_not_lock_each_other_out(assistant: Assistant) -> None:
    """Several patients at once on SQLite: every turn completes and is stored (no 'database is locked')."""
    import asyncio

    from sqlmodel import Session

    from assistant.store import crud

    sessions = [await assistant.create_session() for _ in range(6)]
    texts = ["hello", "我头疼两天了", "what can you do", "谢谢", "I have a sore throat", "你好"]
    replies = await asyncio.wait_for(
        asyncio.gather(*(assistant.send(s, text=t) for s, t in zip(sessions, texts, strict=True))), 60
    )
    assert len(replies) == 6
    with Session(assistant.engine) as db:
        assert all(len(crud.messages_of(db, s)) == 2 for s in sessions)
