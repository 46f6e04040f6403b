"""The working state beside a warehouse: the manifest of published documents and the parquet store.

Layout of `CLAIMHOUSE_STATE`:
  manifest.parquet          one row per published document: identity, hashes, where its rows are stored
  containers.json           per jsonl / WARC source: the stat signature of every file it covered, and its errors
  store/raw-<run>-<n>.parquet  decoded text and block keys of documents read in that run
  store/out-<run>-<n>/      one folder per extraction batch: one parquet file per staged table
  runs/<run_id>/            the plan of a run in progress (removed when it publishes)
  run.lock                  the run lock (see runlock.py)
Nothing in the store is ever modified: runs add files and the publisher removes unreferenced ones.
"""
from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

MANIFEST_COLUMNS = [
    ("doc_id", pa.string()), ("source", pa.string()), ("uri", pa.string()), ("location", pa.string()),
    ("content_sha256", pa.string()), ("format", pa.string()), ("settings_hash", pa.string()),
    ("extractor_version", pa.string()), ("repeat_sig", pa.string()), ("sketch", pa.string()),
    ("ingested_at", pa.timestamp("us")), ("processed_at", pa.timestamp("us")), ("raw_file", pa.string()),
    ("out_batch", pa.string()), ("file_sig", pa.string()),
]
MANIFEST_SCHEMA = pa.schema(MANIFEST_COLUMNS)


def write_parquet(table: pa.Table | pa.RecordBatchReader, path: Path, schema: pa.Schema | None = None,
                  row_group_size: int | None = None) -> None:
    """Write a parquet file atomically (a reader sees the whole file or none). A record batch reader is written as
    it streams, each batch cast to ``schema`` (so a query's result need not sit in memory whole); a table is
    written in row groups of ``row_group_size`` rows (default: pyarrow's)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        if isinstance(table, pa.Table):
            pq.write_table(table if schema is None else table.cast(schema), tmp, compression="zstd",
                           row_group_size=row_group_size)
        else:
            with pq.ParquetWriter(tmp, schema or table.schema, compression="zstd") as out:
                for batch in table:
                    out.write_batch(batch if schema is None else batch.cast(schema))
    except BaseException:
        tmp.unlink(missing_ok=True)  # a failed or interrupted write leaves nothing behind
        raise
    os.replace(tmp, path)


@dataclass(frozen=True)
class StateDir:
    root: Path

    @property
    def manifest(self) -> Path:
        return self.root / "manifest.parquet"

    @property
    def store(self) -> Path:
        return self.root / "store"

    def run_dir(self, run_id: str) -> Path:
        return self.root / "runs" / run_id

    def raw_file(self, run_id: str, n: int) -> str:
        return f"raw-{run_id[:8]}-{n:05d}.parquet"

    def parsed_file(self, run_id: str, raw_file: str) -> Path:
        """The parsed blocks of a raw chunk's HTML pages, written by the scan for this run's cleaning."""
        return self.run_dir(run_id) / "parsed" / raw_file

    def out_batch(self, run_id: str, n: int) -> str:
        return f"out-{run_id[:8]}-{n:05d}"

    def read_manifest(self) -> pa.Table:
        if not self.manifest.exists():
            return MANIFEST_SCHEMA.empty_table()
        return pq.read_table(self.manifest, schema=MANIFEST_SCHEMA)

    @property
    def containers(self) -> Path:
        return self.root / "containers.json"

    def commit_manifest(self, staged: Path) -> None:
        """Make a run's manifest (and the container signatures it was read with) the current one, then drop store
        files nothing refers to any more."""
        os.replace(staged, self.manifest)
        signed = staged.parent / self.containers.name
        if signed.exists():
            os.replace(signed, self.containers)
        else:
            self.containers.unlink(missing_ok=True)
        current = pq.read_table(self.manifest, columns=["raw_file", "out_batch"])
        keep = set(current.column("raw_file").to_pylist()) | set(current.column("out_batch").to_pylist())
        if self.store.exists():
            for entry in self.store.iterdir():
                if entry.name not in keep and not entry.name.startswith("."):
                    shutil.rmtree(entry) if entry.is_dir() else entry.unlink(missing_ok=True)

    def drop_run(self, run_id: str) -> None:
        shutil.rmtree(self.run_dir(run_id), ignore_errors=True)
