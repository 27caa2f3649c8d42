"""Ingest entry points for the CLI (`assistant ingest PATH... [--doc-id ID]`) and the eval setup hook
(evals/setup.yaml: "tools.insurance.ingest:ingest"). The work is done in `tools.insurance.index`."""

from __future__ import annotations

from tools.insurance.index import ingest, list_documents, remove_document

__all__ = ["ingest", "list_documents", "remove_document"]
