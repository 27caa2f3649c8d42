from __future__ import annotations

from pathlib import Path

import pytest

from tools.insurance.splitter import detect_language, read_text, split_document

LAW = """# 某某条例

2024年1月1日 通过

<!-- INFO END -->

## 第一章 总则

第一条 为了规范管理，制定本条例。

第二条 本条例适用于本市。

第二款的内容。

## 第二章 待遇

### 第一节 住院

第三条 住院费用按规定支付。
"""

HANDBOOK = """# Plan handbook

## Contents
Costs ........ 3
Drugs ........ 7
Appeals ...... 9
---
# Costs
## Deductible
You pay $100 first.
---
# Costs
The plan then pays 80%.
## Drugs
Generic drugs are covered.
"""


def test_law_is_split_by_article_with_chapter_and_section_path() -> None:
    kind, sections = split_document("law", LAW)
    assert kind == "articles"
    labels = [s.label for s in sections]
    assert labels == ["题注", "第一条", "第二条", "第三条"]
    second = sections[2]
    assert second.path == ["第一章 总则"]
    assert "第二款的内容。" in second.text  # a later paragraph stays with its article
    assert sections[3].path == ["第二章 待遇", "第一节 住院"]


def test_handbook_is_split_by_heading_and_drops_toc_and_running_headers() -> None:
    kind, sections = split_document("book", HANDBOOK)
    assert kind == "headings"
    labels = [s.label for s in sections]
    assert "Contents" not in labels  # a table of contents is not citable
    deductible = next(s for s in sections if s.label == "Deductible")
    # "# Costs" repeated after a page break is a running header: the text continues the Deductible section
    assert "The plan then pays 80%." in deductible.text
    assert next(s for s in sections if s.label == "Drugs").path == ["Costs"]


def test_real_documents_have_every_article() -> None:
    corpora = Path(__file__).resolve().parents[2] / "corpora"
    counts = {"social_insurance_law_zh": 98, "medical_security_fund_regulation_zh": 50,
              "shanghai_medical_security_regulation_2024_zh": 66}
    for doc_id, articles in counts.items():
        kind, sections = split_document(doc_id, read_text(corpora / f"{doc_id}.md"))
        assert kind == "articles"
        assert len([s for s in sections if s.label != "题注"]) == articles
        labels = [s.label for s in sections]
        assert len(labels) == len(set(labels))


def test_html_headings_and_paragraphs(tmp_path: Path) -> None:
    page = tmp_path / "plan.html"
    page.write_text(
        "<html><head><style>p{}</style><script>var x=1;</script></head><body><h1>Plan</h1>"
        "<h2>Deductible</h2><p>You pay the first 500 yuan.</p><h2>Cap</h2><p>At most 10,000 a year.</p></body></html>",
        encoding="utf-8",
    )
    kind, sections = split_document("plan", read_text(page))
    assert kind == "headings"
    assert [s.label for s in sections] == ["Deductible", "Cap"]
    assert "var x" not in " ".join(s.text for s in sections)


def _minimal_pdf(text: str) -> bytes:
    """A one-page PDF with a text layer (Helvetica), written by hand so no PDF writer is needed."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


def test_pdf_with_text_layer(tmp_path: Path) -> None:
    pdf = tmp_path / "policy.pdf"
    pdf.write_bytes(_minimal_pdf("The deductible is 300 dollars per year."))
    assert "deductible is 300" in read_text(pdf)


def test_unreadable_files_raise_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="no such file"):
        read_text(tmp_path / "missing.md")
    docx = tmp_path / "policy.docx"
    docx.write_bytes(b"PK")
    with pytest.raises(ValueError, match="unsupported file type"):
        read_text(docx)
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"not a pdf at all")
    with pytest.raises(ValueError, match="PDF"):
        read_text(broken)


def test_language_detection() -> None:
    assert detect_language("第一条 为了规范管理") == "zh"
    assert detect_language("Medicare Part B covers doctor visits") == "en"
