"""The data files: complete, bilingual, and free of prescriptions."""

from __future__ import annotations

import re

from tools.tcm.models import (
    DATA_DIR,
    TYPE_ORDER,
    load_elderly_form,
    load_guidance,
    load_intake,
    load_item_bank,
    load_messages,
)

# Herbal formulas and doses never belong in guidance or replies.
PRESCRIPTION = re.compile(
    r"(\d+\s*(mg|g|克|毫克|ml)\b|剂量|\bdose|汤剂|丸|颗粒|黄芪|党参|附子|当归|人参|枸杞)", re.IGNORECASE
)


def test_item_bank_has_text_in_both_languages_for_every_asked_item() -> None:
    bank = load_item_bank()
    asked = [item for item in bank.items if item.same_as is None]
    assert len(asked) == 61  # 60 per respondent + the other sex's damp-heat item
    for item in asked:
        assert item.text is not None and item.text.zh.strip() and item.text.en.strip()
    assert [item.id for item in bank.items if item.reverse] == ["A2", "A3", "A4", "A5", "A7", "A8"]


def test_elderly_form_has_33_items_and_the_reference_mapping() -> None:
    form = load_elderly_form()
    assert len(form.items) == 33
    assert form.types["balanced"].items == [1, 2, 4, 5, 13] and form.types["balanced"].reverse == [2, 4, 5, 13]
    assert {n for n in range(1, 34) if form.items[n - 1].options} == {9, 14, 17, 28}


def test_guidance_covers_every_type_and_area_with_a_source_and_no_prescription() -> None:
    guidance = load_guidance()
    for code in TYPE_ORDER:
        entry = guidance.types[code]
        assert entry.source
        for area in ("diet", "sleep", "exercise", "emotions"):
            text = getattr(entry, area)
            assert text.zh and text.en
            assert not PRESCRIPTION.search(text.zh + text.en), (code, area)


def test_messages_and_intake_are_bilingual_and_prescription_free() -> None:
    for key, text in load_messages().messages.items():
        assert (text.zh and text.en) or key.startswith("primary_prefix_yes"), key
    for question in load_intake().questions:
        assert question.prompt.zh and question.prompt.en and question.options
        for option in question.options:
            assert option.zh and option.en
    assert not PRESCRIPTION.search((DATA_DIR / "messages.yaml").read_text(encoding="utf-8"))
