"""Source kinds. A new kind is one module with `read(spec) -> Iterator[SourceRecord]`, registered in KINDS."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from . import files, jsonl, warc
from .record import SourceRecord, make_doc_id
from .spec import SourcesError, SourceSpec
from .spec import load_sources as _load

KINDS: dict[str, Callable[[SourceSpec], Iterator[SourceRecord]]] = {
    "files": files.read,
    "jsonl": jsonl.read,
    "warc": warc.read,
}
SIGNED = {"files": files.read}  # kinds that skip files by stat signature
# kinds with many records a file: a source whose files all keep their stat signatures is kept whole, unread
CONTAINERS = frozenset({"jsonl", "warc"})


def load_sources(path: Path) -> list[SourceSpec]:
    """The validated sources of a sources file (raises SourcesError naming the problem)."""
    return _load(path, set(KINDS))


def read_source(spec: SourceSpec, unchanged: files.Unchanged | None = None) -> Iterator[SourceRecord]:
    """The records of a source. `unchanged(rel, signature)` lets kinds that can (`files`) skip reading a file whose
    stat signature the manifest already holds; the other kinds read everything."""
    if unchanged is not None and spec.kind in SIGNED:
        return SIGNED[spec.kind](spec, unchanged)
    return KINDS[spec.kind](spec)


__all__ = ["CONTAINERS", "KINDS", "SourceRecord", "SourceSpec", "SourcesError", "load_sources", "make_doc_id",
           "read_source"]
