from __future__ import annotations

import json
from pathlib import Path

import pytest

from tools.insurance.index import ingest, list_documents, remove_document, search, uses_sample


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_ingest_list_search_remove(tmp_path: Path, empty_index: Path) -> None:
    text = "# 某市方案\n\n第一条 住院起付线为800元。\n\n第二条 门诊不设起付线。\n\n第三条 封顶线为20万元。\n"
    doc = _write(tmp_path / "city_plan.md", text)
    records = ingest([doc], empty_index)
    assert [r.doc_id for r in records] == ["city_plan"]
    assert records[0].kind == "articles" and records[0].sections == 3
    assert [r.doc_id for r in list_documents(empty_index)] == ["city_plan"]
    hits = search(empty_index, "住院起付线", "zh", 3)
    assert hits and hits[0].doc_id == "city_plan" and hits[0].label == "第一条"
    assert remove_document(empty_index, "city_plan") is True
    assert remove_document(empty_index, "city_plan") is False
    assert list_documents(empty_index) == []


def test_reingest_replaces_the_document(tmp_path: Path, empty_index: Path) -> None:
    first = _write(tmp_path / "v1.md", "# Plan\n\n## Deductible\n\nThe deductible is 100 dollars.\n")
    ingest([first], empty_index, doc_id="plan")
    second = _write(tmp_path / "v2.md", "# Plan\n\n## Cap\n\nThe yearly cap is 5000 dollars.\n")
    ingest([second], empty_index, doc_id="plan")
    assert len(list_documents(empty_index)) == 1
    labels = {h.label for h in search(empty_index, "deductible cap", "en", 5)}
    assert labels == {"Cap"}  # nothing of the first version is left


def test_failed_ingest_leaves_index_untouched(tmp_path: Path, empty_index: Path) -> None:
    good = _write(tmp_path / "good.md", "# Plan\n\n## Deductible\n\nThe deductible is 100 dollars.\n")
    ingest([good], empty_index)
    before = sorted(p.name for p in empty_index.rglob("*.json"))
    empty = _write(tmp_path / "empty.md", "   \n")
    newer = _write(tmp_path / "newer.md", "# Other\n\n## Cap\n\nCap text.\n")
    with pytest.raises(ValueError, match="empty"):
        ingest([newer, empty], empty_index)
    assert sorted(p.name for p in empty_index.rglob("*.json")) == before
    with pytest.raises(ValueError, match="no such file"):
        ingest([tmp_path / "missing.txt"], empty_index)
    with pytest.raises(ValueError, match="exactly one file"):
        ingest([good, newer], empty_index, doc_id="x")
    with pytest.raises(ValueError, match="doc id"):
        ingest([good], empty_index, doc_id="../escape")


def test_drug_list_json_is_ingested_as_a_drug_list(tmp_path: Path, empty_index: Path) -> None:
    data = {"title": "Test list", "drugs": [{"no": "1", "name_zh": "测试药", "class": "甲", "section": "西药部分"}]}
    path = _write(tmp_path / "my_list.json", json.dumps(data, ensure_ascii=False))
    [record] = ingest([path], empty_index)
    assert record.kind == "drug_list" and record.sections == 1
    bad = _write(tmp_path / "bad.json", json.dumps({"rows": []}))
    with pytest.raises(ValueError, match="drugs"):
        ingest([bad], empty_index)


def test_sample_plan_answers_when_nothing_was_ingested(empty_index: Path) -> None:
    assert uses_sample(empty_index)
    hits = search(empty_index, "住院起付线是多少", "zh", 3)
    assert hits and hits[0].doc_id.startswith("sample_city_plan")


def test_search_on_real_corpus_finds_articles_in_both_languages(corpus_index: Path) -> None:
    hits = search(corpus_index, "Which medical costs are not paid by the basic medical insurance fund?", "en", 5)
    assert ("social_insurance_law_zh", "第三十条") in {(h.doc_id, h.label) for h in hits}
    hits = search(corpus_index, "Medicare 救护车 报销吗", "zh", 3)
    assert hits[0].doc_id == "medicare_and_you_2025_en"
    assert search(corpus_index, "   ", "zh", 3) == []


def test_package_api_ingests_html_and_answers(tmp_path: Path, empty_index: Path) -> None:
    import tools.insurance as insurance
    from tools.insurance.ingest import ingest as ingest_entry_point

    page = _write(
        tmp_path / "clinic_plan.html",
        "<html><body><h1>Clinic plan</h1><h2>Deductible</h2><p>The yearly deductible is 300 dollars.</p>"
        "<h2>Dental care</h2><p>Cleanings are covered twice a year.</p></body></html>",
    )
    [record] = ingest_entry_point(paths=[page], index_dir=empty_index)
    assert record.doc_id == "clinic_plan" and record.kind == "headings"
    insurance.warm_up(empty_index)
    answer = insurance.answer_question("How much is the yearly deductible?", "en", empty_index)
    assert answer.answerable
    assert answer.citations[0].section == "Deductible" and "300 dollars" in answer.citations[0].quote
    assert not uses_sample(empty_index)
