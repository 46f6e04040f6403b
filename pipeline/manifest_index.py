"""The last published manifest as the scan reads it: Arrow columns, and the few fields it compares per record.

A scan looks every document up in the last manifest (is its stat signature, its hash, its staged text still what
was published?) and keeps most rows as they are. Holding each row as a dict of its fifteen fields cost about
5 KB a document (0.5 GB at 100,000 documents); here a row is an index into the Arrow table, the fields a lookup
needs are plain lists (about 350 bytes a document), and a row becomes a dict only when it is read again.
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pyarrow as pa

from .cleaning import nearcopies


def _interned(column: pa.ChunkedArray) -> list:
    """A column of few distinct values (source names, settings hashes, staged file names) as a list sharing one
    string per value."""
    seen: dict = {}
    return [seen.setdefault(v, v) for v in column.to_pylist()]


class ManifestIndex:
    """Rows of the last manifest by doc_id, each an index into `table`."""

    def __init__(self, table: pa.Table, store: Path) -> None:
        self.table, self.store = table, store
        self.ids: list[str] = table.column("doc_id").to_pylist()
        self.index = dict(zip(self.ids, range(len(self.ids)), strict=True))
        self.source = _interned(table.column("source"))
        self.settings = _interned(table.column("settings_hash"))
        self.raw_file = _interned(table.column("raw_file"))
        self.sha: list[str] = table.column("content_sha256").to_pylist()
        self.file_sig: list[str | None] = table.column("file_sig").to_pylist()
        self.sketched = [nearcopies.current(s) for s in table.column("sketch").to_pylist()]
        self._staged: dict[str, bool] = {}

    def __len__(self) -> int:
        return len(self.ids)

    def of_source(self, source: str) -> list[int]:
        return [i for i, s in enumerate(self.source) if s == source]

    def kept(self, i: int, settings: str) -> bool:
        """Row `i` may be kept for an unchanged record: same source settings, and a near-copy sketch of the
        current kind (a row from before it is read again once, and kept if its bytes are unchanged)."""
        return self.settings[i] == settings and self.sketched[i]

    def staged(self, i: int) -> bool:
        """Row `i`'s decoded text is still in the store."""
        raw = self.raw_file[i]
        if raw not in self._staged:
            self._staged[raw] = (self.store / raw).exists()
        return self._staged[raw]

    def column(self, name: str, rows: list[int]) -> list:
        return self.table.column(name).take(pa.array(rows, pa.int64())).to_pylist()

    def ingested_at(self, i: int) -> datetime:
        return self.table.column("ingested_at")[i].as_py()
