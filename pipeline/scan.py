"""Read every source, decode what is new or changed, and plan which documents a run must (re)process.

The scan streams: decoded texts go to parquet chunks of `batch_size` documents as they are read, so memory
holds only a compact record per document (the last manifest stays in Arrow: ``manifest_index``), and the set
work (repeated-line verdicts, the batches, the next manifest) is SQL in DuckDB (``planning``). What it decides
(CONTRACT section 6, "Reprocessing and runs"): a document is processed when it is new, its bytes changed, its
source's settings changed, the extractor version changed, or the verdicts on its lines repeated across its source
changed.
"""
from __future__ import annotations

import json
import pickle
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pyarrow as pa

from . import cleaning, planning
from .cleaning import nearcopies
from .decoding import DecodeProblem, ReadProblem, decode_document, detect_format
from .manifest_index import ManifestIndex
from .sources import CONTAINERS, SourceSpec, make_doc_id, read_source
from .sources.files import stat_signatures
from .state import MANIFEST_SCHEMA, StateDir, write_parquet
from .unchanged import read_record
from .workers import map_documents

RAW_SCHEMA = pa.schema([("raw_file", pa.string()), ("doc_id", pa.string()), ("text", pa.string()),
                        ("hints", pa.string()), ("keys", pa.list_(pa.string()))])
PARSED_SCHEMA = pa.schema([("doc_id", pa.string()), ("raw_file", pa.string()), ("parsed", pa.binary())])
ERROR_SCHEMA = pa.schema([("source", pa.string()), ("uri", pa.string()), ("doc_id", pa.string()),
                          ("location", pa.string()), ("stage", pa.string()), ("error", pa.string()),
                          ("occurred_at", pa.timestamp("us"))])
RAW_ROW_GROUP = 16  # a raw chunk is stored by doc_id in row groups this small: a batch (a doc_id range) is read
# from the few row groups of each chunk its range overlaps, not from whole chunks (each batch had read every chunk)
PREPARE_CHUNK = 256  # new or changed records decoded per round trip to the worker pool
PREPARE_BYTES = 64 << 20  # ... or fewer, so that a round trip holds at most this much raw data


@dataclass
class ScanResult:
    """What a scan found; the plan itself is in `run_dir`."""

    run_dir: Path
    counts: Counter = field(default_factory=Counter)
    batches: int = 0
    per_source: dict[str, int] = field(default_factory=dict)


@dataclass(slots=True)
class _Current:
    """What the scan decided for one document: a row of the last manifest kept (its index there, with the uri,
    location and stat signature the record has now), a new manifest row, or an error row."""

    order: tuple
    source: str
    kept: int = -1
    identity: tuple[str, str | None, str | None] | None = None  # a kept row's uri, location, file_sig now
    row: tuple | None = None  # a new or re-read document's manifest row, in MANIFEST_COLUMNS order
    error: dict | None = None
    status: str = "unchanged"


class _RawWriter:
    """Buffers decoded documents and writes them as parquet chunks to the store, and the parsed blocks of their
    HTML pages beside each chunk in the run's folder (for this run's cleaning only: they are never kept).

    A chunk holds each doc_id once: a later record of the same document replaces the buffered one, so a
    (doc_id, raw_file) pair always names one row (an earlier version in an earlier chunk is never referenced).
    """

    def __init__(self, state: StateDir, run_id: str, chunk: int) -> None:
        self.state, self.run_id, self.chunk = state, run_id, chunk
        self.rows: dict[str, dict] = {}
        self.parsed: dict[str, bytes] = {}
        self.n = 0
        self.name = state.raw_file(run_id, 0)

    def add(self, row: dict, parsed: bytes | None = None) -> str:
        row["raw_file"] = self.name
        doc_id = row["doc_id"]
        self.rows.pop(doc_id, None)
        self.rows[doc_id] = row
        self.parsed.pop(doc_id, None)
        if parsed is not None:
            self.parsed[doc_id] = parsed
        name = self.name
        if len(self.rows) >= self.chunk:
            self.flush()
        return name

    def flush(self) -> None:
        if self.rows:
            write_parquet(pa.Table.from_pylist([self.rows[d] for d in sorted(self.rows)], schema=RAW_SCHEMA),
                          self.state.store / self.name, row_group_size=RAW_ROW_GROUP)
            if self.parsed:
                ids = sorted(self.parsed)
                write_parquet(pa.table({"doc_id": ids, "raw_file": [self.name] * len(ids),
                                        "parsed": [self.parsed[d] for d in ids]}, schema=PARSED_SCHEMA),
                              self.state.parsed_file(self.run_id, self.name), row_group_size=RAW_ROW_GROUP)
            self.rows, self.parsed = {}, {}
            self.n += 1
            self.name = self.state.raw_file(self.run_id, self.n)


def prepare(job: tuple[bytes, str | None, str, str | None, bool]
            ) -> tuple[str, str, list[str], str, bytes | None] | tuple[str, str]:
    """Decode one record and fingerprint its blocks: (text, format, block keys, near-copy sketch, parsed blocks
    of an HTML page pickled for the cleaning step of this run), or (stage, error). Runs in a worker."""
    payload, charset, spec_format, format_hint, clean = job
    try:
        text = decode_document(payload, charset)
    except (ReadProblem, DecodeProblem) as exc:
        return ("decode" if isinstance(exc, DecodeProblem) else "read", str(exc))
    except Exception as exc:  # noqa: BLE001 - one document must not stop the scan
        return "decode", f"{type(exc).__name__}: {exc}; this is a Claimhouse bug: please report it with the document"
    # a source's declared format wins; a record declared HTML is HTML; any other text is read for markup
    fmt = spec_format if spec_format != "auto" else "html" if format_hint == "html" else detect_format(text)
    if clean:
        try:
            found = cleaning.candidates_for(text, fmt)
            keys, sketch = cleaning.fingerprints(text, fmt, found)
            # walking a page's elements is the dearest part of cleaning it: done once per run
            parsed = pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL) if fmt == "html" else None
            return text, fmt, keys, sketch, parsed
        except Exception:  # noqa: BLE001 - no repetition evidence for it; cleaning the batch reports the failure
            pass
    return text, fmt, [], nearcopies.page_sketch(()), None


@dataclass
class _Waiting:
    """A new or changed record waiting for `prepare`."""

    order: tuple
    base: dict
    before: int | None  # its row in the last manifest
    content_sha256: str
    hints: str
    job: tuple[bytes, str | None, str, str | None, bool]


class _Decoder:
    """Decodes new and changed records in rounds over the worker pool and stages them in reading order."""

    def __init__(self, writer: _RawWriter, old: ManifestIndex, current: dict[str, _Current], settings: str,
                 now: datetime, workers: int = 1) -> None:
        self.writer, self.old, self.current, self.settings, self.now = writer, old, current, settings, now
        self.workers = workers
        self.waiting: list[_Waiting] = []
        self.size = 0

    def add(self, item: _Waiting) -> None:
        self.waiting.append(item)
        self.size += len(item.job[0])
        if len(self.waiting) >= PREPARE_CHUNK or self.size >= PREPARE_BYTES:
            self.flush()

    def flush(self) -> None:
        results = map_documents(prepare, [w.job for w in self.waiting], self.workers)
        for w, done in zip(self.waiting, results, strict=True):
            doc_id, source = w.base["doc_id"], w.base["source"]
            if _superseded(self.current, doc_id, w.order):
                continue
            if len(done) == 2:
                self.current[doc_id] = _Current(w.order, source, error={**w.base, "stage": done[0],
                                                                        "error": done[1], "occurred_at": self.now})
                continue
            text, fmt, keys, page_sketch, parsed = done
            raw_file = self.writer.add({"doc_id": doc_id, "text": text, "hints": w.hints, "keys": keys}, parsed)
            same_content = w.before is not None and self.old.sha[w.before] == w.content_sha256
            row = {**w.base, "content_sha256": w.content_sha256, "format": fmt, "settings_hash": self.settings,
                   "extractor_version": None, "repeat_sig": None, "sketch": page_sketch,
                   "ingested_at": self.old.ingested_at(w.before) if same_content else self.now,
                   "processed_at": None, "raw_file": raw_file, "out_batch": None}
            status = "new" if w.before is None else ("changed" if not same_content else "resettled")
            self.current[doc_id] = _Current(w.order, source, row=tuple(row[c] for c in MANIFEST_SCHEMA.names),
                                            status=status)
        self.waiting, self.size = [], 0


def _superseded(current: dict[str, _Current], doc_id: str, order: tuple) -> bool:
    """A later record of the same document was already read (the source's last word wins)."""
    prev = current.get(doc_id)
    return prev is not None and prev.order > order


def _error_json(error: dict) -> dict:
    return {**error, "occurred_at": error["occurred_at"].isoformat()}


def _still_signed(before: dict | None, now: dict, source: str, old: ManifestIndex) -> bool:
    """True when a jsonl / WARC source covers the very files (same stat signatures, same settings) it covered at
    the last publish, and the manifest still holds every document it gave then, staged: its records are what
    they were."""
    if not before or before.get("settings") != now["settings"] or before.get("files") != now["files"]:
        return False
    mine = old.of_source(source)
    return (len(mine) == before.get("documents") and all(old.kept(i, now["settings"]) for i in mine)
            and all(old.staged(i) for i in mine))


def _keep_container_source(source: str, before: dict, old: ManifestIndex, current: dict[str, _Current],
                           counts: Counter) -> None:
    """The documents and errors of an unchanged jsonl / WARC source, as the last publish had them, unread."""
    for i in old.of_source(source):
        current[old.ids[i]] = _Current((), source, kept=i)
        counts["read"] += 1
        counts["not_reread"] += 1
    for i, error in enumerate(before.get("errors", [])):
        error = {**error, "occurred_at": datetime.fromisoformat(error["occurred_at"])}
        current[f"\0{source}\0{i}"] = _Current((), source, error=error)  # an error row may have no doc_id of its own
        counts["read"] += 1


def _scan_source(spec: SourceSpec, signed_before: dict | None, old: ManifestIndex, writer: _RawWriter,
                 current: dict[str, _Current], now: datetime, full: bool, counts: Counter,
                 workers: int) -> dict | None:
    """Sort one source's records into `current`; for a jsonl / WARC source, kept unread when its files are
    the ones last published. Returns the source's container record to commit (None: not a signed container)."""
    sigs = stat_signatures(spec) if spec.kind in CONTAINERS else None
    if sigs is None:
        _read_records(spec, old, writer, current, now, full, counts, workers)
        return None
    record = {"settings": spec.settings_hash(), "files": sigs}
    if _still_signed(signed_before, record, spec.name, old):
        _keep_container_source(spec.name, signed_before, old, current, counts)
        return signed_before
    _read_records(spec, old, writer, current, now, full, counts, workers)
    # the signatures were taken before reading: a file written meanwhile differs next time and is read again
    mine = [c for c in current.values() if c.source == spec.name]
    return {**record, "documents": sum(1 for c in mine if c.error is None),
            "errors": [_error_json(c.error) for c in mine if c.error is not None]}


def _read_records(spec: SourceSpec, old: ManifestIndex, writer: _RawWriter, current: dict[str, _Current],
                  now: datetime, full: bool, counts: Counter, workers: int = 1) -> None:
    """Sort every record of one source into `current`: unchanged, unreadable, or decoded and staged."""
    settings = spec.settings_hash()
    decoder = _Decoder(writer, old, current, settings, now, workers)
    unlisted: list[str] = []
    unchanged = None if full else _signature_test(spec, old, settings)
    for seq, rec in enumerate(read_source(spec, unchanged)):
        counts["read"] += 1
        doc_id = make_doc_id(spec.name, rec.key)
        order = (rec.order, seq)
        if _superseded(current, doc_id, order):
            continue
        if rec.unread:  # its stat signature is the manifest's: kept without reading it
            counts["not_reread"] += 1
            i = old.index[doc_id]
            current[doc_id] = _Current(order, spec.name, kept=i, identity=(rec.uri, rec.location, old.file_sig[i]))
            continue
        base = {"doc_id": doc_id, "source": spec.name, "uri": rec.uri, "location": rec.location,
                "file_sig": rec.signature}
        if rec.problem:
            current[doc_id] = _Current(order, spec.name, error={**base, "stage": rec.problem_stage,
                                                                "error": rec.problem, "occurred_at": now})
            if rec.keeps is not None:
                unlisted.append(rec.keeps)
            continue
        before = old.index.get(doc_id)
        if (before is not None and not full and old.sha[before] == rec.content_sha256
                and old.kept(before, settings) and old.staged(before)):
            current[doc_id] = _Current(order, spec.name, kept=before, identity=(rec.uri, rec.location, rec.signature))
            continue
        decoder.add(_Waiting(order, base, before, rec.content_sha256, json.dumps(rec.hints),
                             (rec.payload or b"", rec.charset, spec.format, rec.format_hint, spec.clean)))
    decoder.flush()
    for folder in unlisted:
        _keep_unlisted(spec.name, folder, old, current)


def _signature_test(spec: SourceSpec, old: ManifestIndex, settings: str):
    """`unchanged(rel, signature)` for the source's reader: True when the manifest holds this very stat signature
    for the document at `rel`, under the same source settings, with its staged text still there. Such a file is
    not read (CONTRACT section 3 defines change by content: a rewrite keeping size, mtime and inode is the one
    change this misses; `make run FULL=1` reads and hashes everything)."""
    if not any(old.file_sig[i] and old.kept(i, settings) for i in old.of_source(spec.name)):
        return None

    def unchanged(rel: str, sig: str) -> bool:
        i = old.index.get(make_doc_id(spec.name, rel))
        return (i is not None and old.source[i] == spec.name and old.file_sig[i] == sig and old.kept(i, settings)
                and old.staged(i))
    return unchanged


def _keep_unlisted(source: str, folder: str, old: ManifestIndex, current: dict[str, _Current]) -> None:
    """Published documents under a folder that could not be listed stay as they are: they are not gone, only
    unseen (the folder's own `read` row says why). `folder` is relative to the source's path ("": all of it)."""
    head = f"{folder}/" if folder else ""
    mine = old.of_source(source)
    for i, location, uri in zip(mine, old.column("location", mine), old.column("uri", mine), strict=True):
        if old.ids[i] not in current and (location or uri).startswith(head) and old.staged(i):
            current[old.ids[i]] = _Current(("", -1), source, kept=i)


def _manifest_rows(old: ManifestIndex, current: dict[str, _Current], also_kept: list[int]) -> pa.Table:
    """The next manifest's rows, unordered and before planning: kept rows of the last manifest (with the uri,
    location and stat signature their records have now), the rows of `also_kept`, and new rows."""
    kept = [c for c in current.values() if c.kept >= 0]
    table = old.table.take(pa.array([c.kept for c in kept] + also_kept, pa.int64()))
    for j, name in enumerate(("uri", "location", "file_sig")):
        values = table.column(name).to_pylist()
        for k, c in enumerate(kept):
            if c.identity is not None:
                values[k] = c.identity[j]
        table = table.set_column(table.schema.get_field_index(name), name, pa.array(values, pa.string()))
    new = [c.row for c in current.values() if c.row is not None]
    columns = list(zip(*new, strict=True)) if new else [[] for _ in MANIFEST_SCHEMA]
    return pa.concat_tables([table, pa.Table.from_arrays([pa.array(col, f.type) for col, f in
                                                          zip(columns, MANIFEST_SCHEMA, strict=True)],
                                                         schema=MANIFEST_SCHEMA)])


def _near_copy_pages(rows: pa.Table) -> pa.Table:
    """doc_id and raw_file of every row, with numbers for the set work: its row `n`, its source `src`, and the
    `page` it is a near-copy of (``cleaning.nearcopies``: the row number of its group's first page)."""
    ids, sources = rows.column("doc_id").to_pylist(), rows.column("source").to_pylist()
    sketches: dict[str, dict[str, str]] = {}
    for doc_id, source, sketch in zip(ids, sources, rows.column("sketch").to_pylist(), strict=True):
        sketches.setdefault(source, {})[doc_id] = sketch
    number = dict(zip(ids, range(len(ids)), strict=True))
    page: dict[str, int] = {}
    for of_source in sketches.values():
        page.update((doc_id, number[group]) for doc_id, group in nearcopies.near_copy_groups(of_source).items())
    src = {source: k for k, source in enumerate(sketches)}
    del sketches
    return pa.table({"doc_id": ids, "raw_file": rows.column("raw_file"), "n": pa.array(range(len(ids)), pa.int32()),
                     "src": pa.array([src[s] for s in sources], pa.int32()),
                     "page": pa.array([page[d] for d in ids], pa.int32())})


def scan(state: StateDir, specs: list[SourceSpec], run_id: str, now: datetime, batch_size: int,
         full: bool = False, chunk_size: int | None = None, workers: int = 1) -> ScanResult:
    """Read all sources and write the run's plan: manifest_next, plan and errors parquet files in run_dir.

    Decoded texts are staged in parquet chunks of `chunk_size` documents (default: `batch_size`), decoding spread
    over `workers` processes; the plan splits the documents to process into batches of `batch_size`."""
    run_dir = state.run_dir(run_id)
    run_dir.mkdir(parents=True, exist_ok=True)
    result = ScanResult(run_dir)
    counts = result.counts
    old = ManifestIndex(state.read_manifest(), state.store)
    writer = _RawWriter(state, run_id, chunk_size or batch_size)
    current: dict[str, _Current] = {}
    enabled = {s.name for s in specs if s.enabled}
    signed_before = {} if full else read_record(state.containers)
    signed: dict[str, dict] = {}
    for spec in specs:
        if spec.enabled:
            record = _scan_source(spec, signed_before.get(spec.name), old, writer, current, now, full, counts,
                                  workers)
            if record is not None:
                signed[spec.name] = record
    writer.flush()
    errors = []
    for cur in current.values():
        if cur.error is not None:
            errors.append(cur.error)
            counts["failed"] += 1
        else:
            counts[cur.status] += 1
    known = {s.name for s in specs}
    disabled = [i for i, source in enumerate(old.source) if source in known and source not in enabled]
    rows = _manifest_rows(old, current, disabled)
    counts["removed"] = len(old) - sum(1 for d in rows.column("doc_id").to_pylist() if d in old.index)
    del current, old

    plan = planning.plan(rows, _near_copy_pages(rows), state, run_id, enabled, full, now, batch_size)
    del rows
    pa.default_memory_pool().release_unused()  # Arrow's allocator keeps freed pages for reuse: ~1 KB a document
    counts["to_process"] = plan.to_process
    counts["reprocessed"] = plan.to_process - counts["new"] - counts["changed"]
    counts["unchanged"] = sum(plan.per_source.values()) - counts["new"] - counts["changed"]
    counts.pop("resettled", None)
    result.batches = (plan.to_process + batch_size - 1) // batch_size
    result.per_source = plan.per_source
    write_parquet(pa.Table.from_pylist(errors, schema=ERROR_SCHEMA), run_dir / "scan_errors.parquet")
    if signed:
        (run_dir / state.containers.name).write_text(json.dumps(signed))
    (run_dir / "scan.json").write_text(json.dumps({"counts": dict(counts), "batches": result.batches,
                                                   "per_source": result.per_source}))
    return result
