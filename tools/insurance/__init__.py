"""Medical-insurance policy Q&A with clause citations (issue 7).

Operators ingest their policy documents (Markdown, text, HTML, PDF with a text layer; a drug list in the NRDL
JSON format); patients ask in Chinese or English; answers quote sections of those documents, or say plainly
that the documents do not answer. The public functions are re-exported here as thin wrappers so that importing
the package stays cheap (jieba, bm25s and numpy load on first use).

`ingest(paths, index_dir, doc_id=None)` is in the submodule `tools.insurance.ingest` (the CLI and the eval setup
hook import it from there; a package-level function of the same name would be shadowed by that submodule).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.reply import Locale
    from tools.insurance.models import Answer, Hit, IngestedDoc


def list_documents(index_dir: Path) -> list[IngestedDoc]:
    from tools.insurance.index import list_documents as _list

    return _list(index_dir)


def remove_document(index_dir: Path, doc_id: str) -> bool:
    from tools.insurance.index import remove_document as _remove

    return _remove(index_dir, doc_id)


def search(index_dir: Path, query: str, locale: str = "zh", k: int = 5) -> list[Hit]:
    from tools.insurance.index import search as _search

    return _search(index_dir, query, locale, k)


def answer_question(question: str, locale: Locale, index_dir: Path) -> Answer:
    """Answer text (in `locale`), citations (doc_id, section, verbatim quote), answerable flag, amounts, drugs."""
    from tools.insurance.answer import answer_question as _answer

    return _answer(question, locale, index_dir)


def warm_up(index_dir: Path | None = None) -> None:
    """Load jieba's dictionary, the word lists and (when given) the index, e.g. in a background thread at start-up,
    so that the first insurance question does not pay for them (jieba alone takes about a second)."""
    from tools.insurance.index import load_index
    from tools.insurance.terms import analyse_query

    analyse_query("医保报销 deductible")
    if index_dir is not None:
        load_index(index_dir)


__all__ = ["answer_question", "list_documents", "remove_document", "search", "warm_up"]
