"""Read a policy document (Markdown, text, HTML, PDF) and split it into citable sections.

Laws and regulations are split by article (第X条), with their chapter (第X章) and section (第X节) as the path.
Handbooks are split by heading; the label is the nearest heading. Page furniture of converted documents is
dropped: running headers repeated after a page break, tables of contents and indexes (lines ending in page
numbers), HTML comments.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from tools.insurance.models import DocLanguage, Section

_CN_NUM = "零〇一二三四五六七八九十百千两"
ARTICLE_START = re.compile(rf"^\s*(第[{_CN_NUM}\d]+条(?:之[{_CN_NUM}]+)?)[\s\u3000]*(.*)$")
CHAPTER_LINE = re.compile(rf"^\s*#*\s*(第[{_CN_NUM}\d]+[编章])[\s\u3000]*(.*)$")
SUBSECTION_LINE = re.compile(rf"^\s*#*\s*(第[{_CN_NUM}\d]+节)[\s\u3000]*(.*)$")
HEADING_LINE = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
PAGE_BREAK = re.compile(r"^\s*(---+|\*\*\*+|___+)\s*$")
HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
# A table-of-contents or index line: text then page numbers ("Deductible 45, 62-63", "Section 1 ....... 15").
TOC_LINE = re.compile(r"(\.{4,}|…{2,})\s*\d+\s*$|^[^\d]{2,80}?\s\**\d{1,3}\**(\s*[,\-–]\s*\**\d{1,3}\**)*\s*$")
MAX_CHUNK_CHARS = 1200
MIN_ARTICLES = 3
_HAN = re.compile(r"[\u4e00-\u9fff]")

READABLE_SUFFIXES = {".md", ".markdown", ".txt", ".text", ".html", ".htm", ".pdf"}


class _HtmlToText(HTMLParser):
    """HTML to Markdown-like text: headings become '#' lines, blocks become new lines, scripts are dropped."""

    _BLOCKS = {"p", "div", "li", "br", "tr", "section", "article", "table", "ul", "ol", "dd", "dt", "blockquote"}

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "style", "noscript"}:
            self._skip += 1
        elif re.fullmatch(r"h[1-6]", tag):
            self.parts.append("\n\n" + "#" * int(tag[1]) + " ")
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style", "noscript"}:
            self._skip = max(0, self._skip - 1)
        elif re.fullmatch(r"h[1-6]", tag) or tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(re.sub(r"[ \t\r\n]+", " ", data))


def _decode(raw: bytes, path: Path) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValueError(f"{path}: not UTF-8 or GB18030 text")


def read_text(path: Path) -> str:
    """The document's text, Markdown-like. Raises ValueError for a missing, unsupported or unreadable file."""
    if not path.is_file():
        raise ValueError(f"{path}: no such file")
    suffix = path.suffix.lower()
    if suffix not in READABLE_SUFFIXES:
        raise ValueError(f"{path}: unsupported file type {suffix or '(none)'}; use .md, .txt, .html or .pdf")
    if suffix == ".pdf":
        try:
            from pypdf import PdfReader  # imported here: only PDF ingest needs it

            reader = PdfReader(str(path))
            pages = [page.extract_text() or "" for page in reader.pages]
        except Exception as exc:  # pypdf raises many types for broken files
            raise ValueError(f"{path}: cannot read PDF ({exc})") from exc
        text = "\n\n".join(pages)
        if not text.strip():
            raise ValueError(f"{path}: the PDF has no text layer (scanned?); run OCR first")
        return text
    text = _decode(path.read_bytes(), path)
    if suffix in {".html", ".htm"}:
        parser = _HtmlToText()
        parser.feed(text)
        text = "".join(parser.parts)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def detect_language(text: str) -> DocLanguage:
    han = len(_HAN.findall(text))
    latin = len(re.findall(r"[A-Za-z]+", text))
    return "zh" if han >= latin else "en"


def _clean_heading(text: str) -> str:
    text = re.sub(r"[*_`]+", "", text).strip()
    return re.sub(r"\s+", " ", text)


def find_title(text: str, fallback: str) -> str:
    for line in HTML_COMMENT.sub("", text).splitlines():
        match = HEADING_LINE.match(line.strip())
        if match and len(match.group(1)) == 1:
            return _clean_heading(match.group(2))
    for line in text.splitlines():
        if line.strip() and not PAGE_BREAK.match(line):
            return _clean_heading(line)[:80]
    return fallback


def _is_toc(lines: list[str]) -> bool:
    """A table of contents or an index: most lines end in page numbers."""
    body = [ln for ln in lines if ln.strip() and not HEADING_LINE.match(ln.strip())]
    if len(body) < 2:
        return False
    toc = sum(1 for ln in body if TOC_LINE.search(ln.strip()))
    return toc / len(body) >= 0.6


def _chunks(text: str) -> list[str]:
    """Paragraph-aligned pieces of at most about MAX_CHUNK_CHARS."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    pieces: list[str] = []
    current = ""
    for paragraph in paragraphs:
        if current and len(current) + len(paragraph) > MAX_CHUNK_CHARS:
            pieces.append(current)
            current = ""
        current = f"{current}\n\n{paragraph}" if current else paragraph
    if current:
        pieces.append(current)
    return pieces


def split_articles(doc_id: str, text: str) -> list[Section]:
    sections: list[Section] = []
    chapter = subsection = ""
    label = "题注"  # the note under a law's title: adoption and amendment dates
    lines: list[str] = []

    def flush() -> None:
        body = "\n".join(lines).strip()
        if body:
            path = [p for p in (chapter, subsection) if p]
            sections.append(Section(doc_id=doc_id, label=label, path=path, text=body))

    for raw in HTML_COMMENT.sub("", text).splitlines():
        line = raw.strip()
        article = ARTICLE_START.match(line)
        chapter_match = None if article else CHAPTER_LINE.match(line)
        sub_match = None if article or chapter_match else SUBSECTION_LINE.match(line)
        if article:
            flush()
            label, lines = article.group(1), [line]
        elif chapter_match and len(line) <= 40:
            flush()
            chapter = _clean_heading(f"{chapter_match.group(1)} {chapter_match.group(2)}")
            subsection, lines, label = "", [], ""
        elif sub_match and len(line) <= 40:
            flush()
            subsection = _clean_heading(f"{sub_match.group(1)} {sub_match.group(2)}")
            lines, label = [], ""
        elif HEADING_LINE.match(line) and label == "题注" and not lines:
            continue  # the title itself
        elif label:
            lines.append(line)
    flush()
    return sections


def split_headings(doc_id: str, text: str) -> list[Section]:
    sections: list[Section] = []
    seen_headings: set[tuple[int, str]] = set()
    stack: list[tuple[int, str]] = []
    lines: list[str] = []
    after_page_break = False

    def flush() -> None:
        if not lines or _is_toc(lines):
            return
        body = "\n".join(lines).strip()
        if not body:
            return
        label = stack[-1][1] if stack else "Preamble"
        path = [h for _, h in stack[:-1]]
        for index, piece in enumerate(_chunks(body)):
            sections.append(Section(doc_id=doc_id, label=label, path=path, text=piece, chunk=index))

    for raw in HTML_COMMENT.sub("", text).splitlines():
        line = raw.rstrip()
        if PAGE_BREAK.match(line):
            after_page_break = True
            continue
        heading = HEADING_LINE.match(line.strip())
        if heading:
            title = _clean_heading(heading.group(2))
            level = len(heading.group(1))
            # A heading already seen at the same level, repeated at the top of a page, is a running header: the
            # text goes on. (A chapter title "# Medicare drug coverage (Part D)" after a page break is new even
            # where an earlier "### Medicare drug coverage (Part D)" used the same words.)
            if after_page_break and (level, title) in seen_headings:
                after_page_break = False
                continue
            flush()
            lines = []
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, title))
            seen_headings.add((level, title))
        elif line.strip():
            lines.append(line)
            after_page_break = False
        else:
            lines.append("")
    flush()
    return sections


def split_plain(doc_id: str, text: str) -> list[Section]:
    pieces = _chunks(HTML_COMMENT.sub("", text))
    return [Section(doc_id=doc_id, label=f"§{i + 1}", text=piece) for i, piece in enumerate(pieces)]


def _disambiguate(sections: list[Section]) -> list[Section]:
    """Headings used in several places ("Blood", "Medicaid") get their parent heading: "Parent > Blood"."""
    places: dict[str, set[tuple[str, ...]]] = {}
    for section in sections:
        places.setdefault(section.label, set()).add(tuple(section.path))
    for section in sections:
        if len(places[section.label]) > 1 and section.path:
            section.label = f"{section.path[-1]} > {section.label}"
    return sections


def split_document(doc_id: str, text: str) -> tuple[str, list[Section]]:
    """(kind, sections): 'articles' for laws, 'headings' for handbooks, 'plain' for anything else."""
    article_lines = sum(1 for line in text.splitlines() if ARTICLE_START.match(line))
    if article_lines >= MIN_ARTICLES:
        return "articles", split_articles(doc_id, text)
    if any(HEADING_LINE.match(line.strip()) for line in text.splitlines()):
        return "headings", _disambiguate(split_headings(doc_id, text))
    return "plain", split_plain(doc_id, text)
