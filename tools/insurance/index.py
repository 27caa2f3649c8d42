"""The persisted section index: ingest, list, remove, search.

Layout under `index_dir`: `docs/<doc_id>.json` holds one document's record and sections; `drug_lists/<doc_id>.json`
holds an ingested drug list (the NRDL JSON format). The BM25 index (bm25s) is rebuilt from the JSON on first
search and cached in memory until the files change. With no ingested document, the bundled sample plan of a
fictional city (data/sample/) is searched instead, so the offline default answers something.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from pathlib import Path

from tools.insurance.expansions import expansion_files, expansion_text, load_expansions
from tools.insurance.models import Hit, IngestedDoc, Section
from tools.insurance.ranking import DEFINITION_QUESTION, definition_bonus, heading_fit, label_bonus, title_bonus_by_doc
from tools.insurance.scoring import (
    LoadedIndex,
    section_covers,
    unit_coverage,
    unit_scores,
    unit_weight,
)
from tools.insurance.spelling import correct_spelling
from tools.insurance.splitter import detect_language, find_title, read_text, split_document
from tools.insurance.terms import (
    analyse_query,
    normalize,
    tokenize,
    tokenizer_signature,
)

__all__ = ["LoadedIndex", "section_covers", "unit_coverage", "unit_scores", "unit_weight"]  # re-exported

SAMPLE_DIR = Path(__file__).parent / "data" / "sample"
_DOC_ID = re.compile(r"^[\w\-.]{1,80}$")


def _docs_dir(index_dir: Path) -> Path:
    return Path(index_dir) / "docs"


def drug_lists_dir(index_dir: Path) -> Path:
    return Path(index_dir) / "drug_lists"


def make_doc_id(path: Path) -> str:
    stem = re.sub(r"[^\w\-.]+", "_", path.stem).strip("_").lower()
    return stem[:80] or "document"


def _atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(text)
    os.replace(tmp, path)


def _is_drug_list(path: Path) -> bool:
    return path.suffix.lower() == ".json"


def _parse_drug_list(path: Path, doc_id: str) -> tuple[IngestedDoc, str]:
    raw = path.read_bytes()
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"{path}: not a readable JSON drug list ({exc})") from exc
    if not isinstance(data, dict) or not isinstance(data.get("drugs"), list) or not data["drugs"]:
        raise ValueError(f"{path}: a drug list needs a non-empty 'drugs' array (the NRDL JSON format)")
    record = IngestedDoc(
        doc_id=doc_id,
        title=str(data.get("title") or doc_id),
        source_path=str(path),
        language="zh",
        kind="drug_list",
        sections=len(data["drugs"]),
        sha256=hashlib.sha256(raw).hexdigest(),
    )
    return record, raw.decode("utf-8-sig")


def parse_document(path: Path, doc_id: str) -> tuple[IngestedDoc, list[Section]]:
    """Read and split one file. Raises ValueError when it cannot be read or holds no text."""
    text = read_text(path)
    if not text.strip():
        raise ValueError(f"{path}: the file is empty")
    kind, sections = split_document(doc_id, text)
    if not sections:
        raise ValueError(f"{path}: no text to index")
    record = IngestedDoc(
        doc_id=doc_id,
        title=find_title(text, doc_id),
        source_path=str(path),
        language=detect_language(text),
        kind=kind,  # type: ignore[arg-type]
        sections=len(sections),
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )
    return record, sections


def ingest(paths: list[Path], index_dir: Path, doc_id: str | None = None) -> list[IngestedDoc]:
    """Add documents to the index; re-ingesting a doc_id replaces that document.

    Every file is read and split before anything is written, so a bad file leaves the index as it was.
    `doc_id` names the document when one path is given; otherwise each file's name is its id.
    """
    paths = [Path(p) for p in paths]
    if not paths:
        raise ValueError("no file to ingest")
    if doc_id is not None and len(paths) != 1:
        raise ValueError("--doc-id names one document: give exactly one file with it")
    if doc_id is not None and not _DOC_ID.match(doc_id):
        raise ValueError(f"doc id {doc_id!r}: use letters, digits, '_', '-' or '.' (at most 80)")
    prepared: list[tuple[IngestedDoc, str, bool]] = []
    seen: set[str] = set()
    for path in paths:
        this_id = doc_id or make_doc_id(path)
        if this_id in seen:
            raise ValueError(f"two files would get the same doc id {this_id!r}; ingest them separately with --doc-id")
        seen.add(this_id)
        if _is_drug_list(path):
            if not path.is_file():
                raise ValueError(f"{path}: no such file")
            record, payload = _parse_drug_list(path, this_id)
            prepared.append((record, payload, True))
        else:
            record, sections = parse_document(path, this_id)
            payload = json.dumps(
                {
                    "doc": record.model_dump(),
                    "sections": [s.model_dump() for s in sections],
                    # Tokens are stored so that loading is fast; they are redone when the word lists change.
                    "tokenizer": tokenizer_signature(),
                    "tokens": [section_tokens(s) for s in sections],
                },
                ensure_ascii=False,
            )
            prepared.append((record, payload, False))
    for record, payload, is_drug_list in prepared:
        doc_file = _docs_dir(index_dir) / f"{record.doc_id}.json"
        if is_drug_list:
            _atomic_write(drug_lists_dir(index_dir) / f"{record.doc_id}.json", payload)
            _atomic_write(drug_lists_dir(index_dir) / f"{record.doc_id}.meta.json", record.model_dump_json())
            # The list's explanatory notes (凡例: what 甲类/乙类 mean, how they are paid) are citable text.
            notes = _drug_list_notes(record, payload)
            if notes:
                _atomic_write(doc_file, notes)
            else:
                doc_file.unlink(missing_ok=True)
        else:
            # A doc_id is one thing: a document replacing a drug list of the same id removes the list.
            for old in (f"{record.doc_id}.json", f"{record.doc_id}.meta.json"):
                (drug_lists_dir(index_dir) / old).unlink(missing_ok=True)
            _atomic_write(doc_file, payload)
    return [record for record, _, _ in prepared]


def _drug_list_notes(record: IngestedDoc, payload: str) -> str | None:
    """The drug list's 凡例 clauses as sections ("凡例（二）"), in the document format; None when it has none."""
    fanli = json.loads(payload).get("fanli")
    if not isinstance(fanli, dict) or not fanli:
        return None
    sections = [
        Section(doc_id=record.doc_id, label=f"凡例{key}", path=["凡例"], text=f"{key}{text}")
        for key, text in fanli.items()
        if isinstance(text, str) and text.strip()
    ]
    if not sections:
        return None
    return json.dumps(
        {
            "doc": record.model_dump(),
            "sections": [s.model_dump() for s in sections],
            "tokenizer": tokenizer_signature(),
            "tokens": [section_tokens(s) for s in sections],
        },
        ensure_ascii=False,
    )


def list_documents(index_dir: Path) -> list[IngestedDoc]:
    """The ingested documents and drug lists, by doc_id."""
    records: dict[str, IngestedDoc] = {}
    for path in sorted(_docs_dir(index_dir).glob("*.json")):
        record = IngestedDoc.model_validate(json.loads(path.read_text(encoding="utf-8"))["doc"])
        records[record.doc_id] = record
    for path in sorted(drug_lists_dir(index_dir).glob("*.meta.json")):
        record = IngestedDoc.model_validate_json(path.read_text(encoding="utf-8"))
        records[record.doc_id] = record  # a drug list's notes are part of the list
    return sorted(records.values(), key=lambda r: r.doc_id)


def remove_document(index_dir: Path, doc_id: str) -> bool:
    """Remove a document or drug list; False when there was none with that id."""
    removed = False
    for path in (
        _docs_dir(index_dir) / f"{doc_id}.json",
        drug_lists_dir(index_dir) / f"{doc_id}.json",
        drug_lists_dir(index_dir) / f"{doc_id}.meta.json",
    ):
        if path.is_file():
            path.unlink()
            removed = True
    return removed


_CACHE: dict[str, tuple[tuple[tuple[str, int, int], ...], LoadedIndex]] = {}


def _source_files(index_dir: Path) -> list[Path]:
    files = sorted(_docs_dir(index_dir).glob("*.json"))
    if files:
        return files
    return sorted(SAMPLE_DIR.glob("*.md"))


def uses_sample(index_dir: Path) -> bool:
    """True when nothing was ingested and the fictional sample plan answers instead."""
    return not any(_docs_dir(index_dir).glob("*.json"))


def section_tokens(section: Section) -> list[str]:
    """What BM25 indexes for a section: its path, its label (twice: a heading is a strong sign) and its text."""
    return tokenize(f"{' '.join(section.path)} {section.label} {section.label} {section.text}")


def _load_sections(
    files: list[Path],
) -> tuple[dict[str, str], dict[str, str], list[Section], list[list[str]]]:
    titles: dict[str, str] = {}
    languages: dict[str, str] = {}
    sections: list[Section] = []
    tokens: list[list[str]] = []
    for path in files:
        if path.suffix == ".json":
            data = json.loads(path.read_text(encoding="utf-8"))
            record = IngestedDoc.model_validate(data["doc"])
            doc_sections = [Section.model_validate(s) for s in data["sections"]]
            stored = data.get("tokens") if data.get("tokenizer") == tokenizer_signature() else None
            tokens.extend(stored if stored else [section_tokens(s) for s in doc_sections])
        else:  # the bundled sample plan, split on the fly
            record, doc_sections = parse_document(path, path.stem)
            tokens.extend(section_tokens(s) for s in doc_sections)
        sections.extend(doc_sections)
        titles[record.doc_id] = record.title
        languages[record.doc_id] = record.language
    return titles, languages, sections, tokens


def load_index(index_dir: Path) -> LoadedIndex:
    """The BM25 index over the ingested documents (or the sample plan), cached until the files change."""
    files = _source_files(Path(index_dir))
    signature = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in [*files, *expansion_files(index_dir)])
    key = str(Path(index_dir).resolve())
    cached = _CACHE.get(key)
    if cached and cached[0] == signature:
        return cached[1]
    import bm25s  # imported here: only a search needs it

    titles, languages, sections, corpus_tokens = _load_sections(files)
    # Lay phrases per section (expansions.py) count for coverage (the refusal check), not for the BM25 rank: in
    # the rank their generic words pulled unrelated articles up. They are never quoted.
    expansions = load_expansions(index_dir)
    extra = [expansion_text(expansions, s.doc_id, s.label) for s in sections]
    retriever = bm25s.BM25(k1=1.2, b=0.75)
    retriever.index([tokens or ["∅"] for tokens in corpus_tokens], show_progress=False)
    corpus_tokens = [tokens + tokenize(x) if x else tokens for tokens, x in zip(corpus_tokens, extra, strict=True)]
    doc_freq: dict[str, int] = {}
    for tokens in corpus_tokens:
        for token in set(tokens):
            doc_freq[token] = doc_freq.get(token, 0) + 1
    title_tokens = {doc_id: set(tokenize(title)) for doc_id, title in titles.items()}
    doc_texts: dict[str, str] = {}
    for section in sections:
        doc_texts[section.doc_id] = doc_texts.get(section.doc_id, "") + "\n" + normalize(section.text)
    loaded = LoadedIndex(
        titles=titles,
        languages=languages,
        sections=sections,
        # Coverage also sees the document's title: "社会保险法哪天施行" is covered by the law's own articles.
        section_tokens=[
            set(t) | title_tokens[s.doc_id] for s, t in zip(sections, corpus_tokens, strict=True)
        ],
        section_texts=[
            normalize(f"{titles.get(s.doc_id, '')} {s.label} {s.text} {x}")
            for s, x in zip(sections, extra, strict=True)
        ],
        doc_texts=doc_texts,
        bm25=retriever,
        doc_freq=doc_freq,
    )
    _CACHE[key] = (signature, loaded)
    return loaded


def search(index_dir: Path, query: str, locale: str = "zh", k: int = 5) -> list[Hit]:
    """The k best sections for a question, best first, each with its BM25 score and query-term coverage.

    `locale` is the patient's language; the glossary already bridges both languages, so it does not filter.
    """
    if not query or not query.strip():
        return []
    loaded = load_index(Path(index_dir))
    if not loaded.sections:
        return []
    _, units = analyse_query(query)
    if not units:
        return []
    units = [correct_spelling(loaded.doc_freq, u) for u in units]
    scores = unit_scores(loaded, units)
    title_bonus = title_bonus_by_doc(loaded, question_text=normalize(query))
    systems = {u.system for u in units if u.system}
    query_tokens = {t for u in units for g in u.token_groups for t in g}
    for i, section in enumerate(loaded.sections):
        language = loaded.languages.get(section.doc_id)
        # A Chinese question that names nothing of the US system is about Chinese rules, and a question naming
        # only US programmes (Medicare, Part B) is about US rules: documents of the other kind do not answer them.
        # An English question naming Chinese schemes (social insurance, 起付线) leans to the Chinese documents.
        if (locale == "zh" and "us" not in systems and language == "en") or (systems == {"us"} and language == "zh"):
            scores[i] = 0.0
        elif systems == {"cn"} and language == "en":
            scores[i] *= 0.5
        scores[i] *= title_bonus.get(section.doc_id, 1.0)
    order = sorted(range(len(scores)), key=lambda i: -float(scores[i]))
    defining = DEFINITION_QUESTION.search(normalize(query)) is not None
    hits: list[Hit] = []
    # BM25 favours sections in the question's own language (its plain words match there): look deep enough for a
    # section of the other language that holds the question's concepts.
    looked = max(k * 6, 60)
    for rank, i in enumerate(order):
        if float(scores[i]) <= 0:
            break
        coverage = unit_coverage(loaded, i, units)
        if rank >= looked and coverage < HIGH_COVERAGE:
            continue
        section = loaded.sections[i]
        hits.append(
            Hit(
                doc_id=section.doc_id,
                title=loaded.titles.get(section.doc_id, section.doc_id),
                label=section.label,
                path=section.path,
                text=section.text,
                score=float(scores[i]) * label_bonus(section, query_tokens) * heading_fit(section, units)
                * (definition_bonus(section, units) if defining else 1.0),
                coverage=coverage,
            )
        )
    # Rank by BM25 weighted by coverage: a section that answers every part of the question beats one that
    # repeats a single word many times.
    hits.sort(key=lambda h: -(h.score * (0.5 + h.coverage)))
    # A section that holds nearly all of the question but whose few words are rare in it (a short heading with
    # the law's own vocabulary, an article the question names in lay words) may rank below k on BM25: keep it.
    return hits[:k] + [h for h in hits[k:] if h.coverage >= HIGH_COVERAGE][:HIGH_COVERAGE_EXTRA]


HIGH_COVERAGE = 0.7  # a section holding this share of the question is looked at however low it ranks
HIGH_COVERAGE_EXTRA = 3
