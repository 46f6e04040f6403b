"""Read every source, decode what is new or changed, and plan which documents a run must (re)process.

The scan streams: decoded texts go to parquet chunks of `batch_size` documents as they are read, so memory
holds only per-document metadata. What it decides (CONTRACT section 6, "Reprocessing and runs"):
a document is processed when it is new, its bytes changed, its source's settings changed, the extractor
version changed, or the verdicts on its lines repeated across its source changed.
"""
from __future__ import annotations

import hashlib
import json
import pickle
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pyarrow as pa

from . import cleaning, duck
from .cleaning import nearcopies
from .decoding import DecodeProblem, ReadProblem, decode_document, detect_format
from .sources import CONTAINERS, SourceSpec, make_doc_id, read_source
from .sources.files import stat_signatures
from .state import MANIFEST_SCHEMA, StateDir, write_parquet
from .unchanged import read_record
from .versioning import extractor_version
from .workers import map_documents

RAW_SCHEMA = pa.schema([("raw_file", pa.string()), ("doc_id", pa.string()), ("text", pa.string()),
                        ("hints", pa.string()), ("keys", pa.list_(pa.string()))])
PARSED_SCHEMA = pa.schema([("doc_id", pa.string()), ("raw_file", pa.string()), ("parsed", pa.binary())])
PLAN_SCHEMA = pa.schema([("doc_id", pa.string()), ("batch_no", pa.int32()), ("raw_file", pa.string()),
                         ("out_batch", pa.string()), ("source", pa.string()), ("format", pa.string()),
                         ("repeated", pa.string()), ("ingested_at", pa.timestamp("us")),
                         ("doc_row", pa.string())])
ERROR_SCHEMA = pa.schema([("source", pa.string()), ("uri", pa.string()), ("doc_id", pa.string()),
                          ("location", pa.string()), ("stage", pa.string()), ("error", pa.string()),
                          ("occurred_at", pa.timestamp("us"))])
PREPARE_CHUNK = 256  # new or changed records decoded per round trip to the worker pool
PREPARE_BYTES = 64 << 20  # ... or fewer, so that a round trip holds at most this much raw data


@dataclass
class ScanResult:
    """What a scan found; the plan itself is in `run_dir`."""

    run_dir: Path
    counts: Counter = field(default_factory=Counter)
    batches: int = 0
    per_source: dict[str, int] = field(default_factory=dict)


@dataclass
class _Current:
    order: tuple
    row: dict | None  # the manifest row (None: the record could not be read)
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
            write_parquet(pa.Table.from_pylist(list(self.rows.values()), schema=RAW_SCHEMA),
                          self.state.store / self.name)
            if self.parsed:
                write_parquet(pa.table({"doc_id": list(self.parsed), "raw_file": [self.name] * len(self.parsed),
                                        "parsed": list(self.parsed.values())}, schema=PARSED_SCHEMA),
                              self.state.parsed_file(self.run_id, self.name))
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
    before: dict | None
    content_sha256: str
    hints: str
    job: tuple[bytes, str | None, str, str | None, bool]


class _Decoder:
    """Decodes new and changed records in rounds over the worker pool and stages them in reading order."""

    def __init__(self, writer: _RawWriter, current: dict[str, _Current], settings: str, now: datetime,
                 workers: int = 1) -> None:
        self.writer, self.current, self.settings, self.now, self.workers = writer, current, settings, now, workers
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
            doc_id = w.base["doc_id"]
            if _superseded(self.current, doc_id, w.order):
                continue
            if len(done) == 2:
                self.current[doc_id] = _Current(w.order, None, {**w.base, "stage": done[0], "error": done[1],
                                                                "occurred_at": self.now})
                continue
            text, fmt, keys, page_sketch, parsed = done
            raw_file = self.writer.add({"doc_id": doc_id, "text": text, "hints": w.hints, "keys": keys}, parsed)
            same_content = w.before is not None and w.before["content_sha256"] == w.content_sha256
            row = {**w.base, "content_sha256": w.content_sha256, "format": fmt, "settings_hash": self.settings,
                   "extractor_version": None, "repeat_sig": None, "sketch": page_sketch,
                   "ingested_at": w.before["ingested_at"] if same_content else self.now, "processed_at": None,
                   "raw_file": raw_file, "out_batch": None}
            status = "new" if w.before is None else ("changed" if not same_content else "resettled")
            self.current[doc_id] = _Current(w.order, row, status=status)
        self.waiting, self.size = [], 0


def _superseded(current: dict[str, _Current], doc_id: str, order: tuple) -> bool:
    """A later record of the same document was already read (the source's last word wins)."""
    prev = current.get(doc_id)
    return prev is not None and prev.order > order


def _error_json(error: dict) -> dict:
    return {**error, "occurred_at": error["occurred_at"].isoformat()}


def _still_signed(before: dict | None, now: dict, source: str, old: dict[str, dict], state: StateDir) -> bool:
    """True when a jsonl / WARC source covers the very files (same stat signatures, same settings) it covered at
    the last publish, and the manifest still holds every document it gave then, staged: its records are what
    they were."""
    if not before or before.get("settings") != now["settings"] or before.get("files") != now["files"]:
        return False
    mine = [r for r in old.values() if r["source"] == source]
    return (len(mine) == before.get("documents") and all(_kept(r, now["settings"]) for r in mine)
            and all((state.store / raw).exists() for raw in {r["raw_file"] for r in mine}))


def _keep_container_source(source: str, before: dict, old: dict[str, dict], current: dict[str, _Current],
                           counts: Counter) -> None:
    """The documents and errors of an unchanged jsonl / WARC source, as the last publish had them, unread."""
    for doc_id, row in old.items():
        if row["source"] == source:
            current[doc_id] = _Current((), row)
            counts["read"] += 1
            counts["not_reread"] += 1
    for i, error in enumerate(before.get("errors", [])):
        error = {**error, "occurred_at": datetime.fromisoformat(error["occurred_at"])}
        current[f"\0{source}\0{i}"] = _Current((), None, error)  # an error row may have no doc_id of its own
        counts["read"] += 1


def _scan_source(spec: SourceSpec, signed_before: dict | None, old: dict[str, dict], writer: _RawWriter,
                 current: dict[str, _Current], now: datetime, full: bool, counts: Counter,
                 workers: int) -> dict | None:
    """Sort one source's records into `current`; for a jsonl / WARC source, kept unread when its files are
    the ones last published. Returns the source's container record to commit (None: not a signed container)."""
    sigs = stat_signatures(spec) if spec.kind in CONTAINERS else None
    if sigs is None:
        _read_records(spec, old, writer, current, now, full, counts, workers)
        return None
    record = {"settings": spec.settings_hash(), "files": sigs}
    if _still_signed(signed_before, record, spec.name, old, writer.state):
        _keep_container_source(spec.name, signed_before, old, current, counts)
        return signed_before
    _read_records(spec, old, writer, current, now, full, counts, workers)
    # the signatures were taken before reading: a file written meanwhile differs next time and is read again
    mine = [c for c in current.values() if (c.row or c.error)["source"] == spec.name]
    return {**record, "documents": sum(1 for c in mine if c.row is not None),
            "errors": [_error_json(c.error) for c in mine if c.row is None]}


def _read_records(spec: SourceSpec, old: dict[str, dict], writer: _RawWriter, current: dict[str, _Current],
                  now: datetime, full: bool, counts: Counter, workers: int = 1) -> None:
    """Sort every record of one source into `current`: unchanged, unreadable, or decoded and staged."""
    settings = spec.settings_hash()
    decoder = _Decoder(writer, current, settings, now, workers)
    unlisted: list[str] = []
    unchanged = None if full else _signature_test(spec, old, settings, writer.state)
    for seq, rec in enumerate(read_source(spec, unchanged)):
        counts["read"] += 1
        doc_id = make_doc_id(spec.name, rec.key)
        order = (rec.order, seq)
        if _superseded(current, doc_id, order):
            continue
        base = {"doc_id": doc_id, "source": spec.name, "uri": rec.uri, "location": rec.location,
                "file_sig": rec.signature}
        if rec.unread:  # its stat signature is the manifest's: kept without reading it
            counts["not_reread"] += 1
            current[doc_id] = _Current(order, {**old[doc_id], "uri": rec.uri, "location": rec.location})
            continue
        if rec.problem:
            current[doc_id] = _Current(order, None, {**base, "stage": rec.problem_stage, "error": rec.problem,
                                                     "occurred_at": now})
            if rec.keeps is not None:
                unlisted.append(rec.keeps)
            continue
        before = old.get(doc_id)
        if (before and not full and before["content_sha256"] == rec.content_sha256 and _kept(before, settings)
                and (writer.state.store / before["raw_file"]).exists()):
            current[doc_id] = _Current(order, {**before, "uri": rec.uri, "location": rec.location,
                                               "file_sig": rec.signature})
            continue
        decoder.add(_Waiting(order, base, before, rec.content_sha256, json.dumps(rec.hints),
                             (rec.payload or b"", rec.charset, spec.format, rec.format_hint, spec.clean)))
    decoder.flush()
    for folder in unlisted:
        _keep_unlisted(spec.name, folder, old, current, writer.state)


def _kept(row: dict, settings: str) -> bool:
    """A manifest row a scan may keep for an unchanged record: same source settings, and a near-copy sketch of
    the current kind (a row from before it is read again once, and kept if its bytes are unchanged)."""
    return row["settings_hash"] == settings and nearcopies.current(row["sketch"])


def _signature_test(spec: SourceSpec, old: dict[str, dict], settings: str, state: StateDir):
    """`unchanged(rel, signature)` for the source's reader: True when the manifest holds this very stat signature
    for the document at `rel`, under the same source settings, with its staged text still there. Such a file is
    not read (CONTRACT section 3 defines change by content: a rewrite keeping size, mtime and inode is the one
    change this misses; `make run FULL=1` reads and hashes everything)."""
    known = {doc_id: row["file_sig"] for doc_id, row in old.items()
             if row["source"] == spec.name and row.get("file_sig") and _kept(row, settings)}
    if not known:
        return None
    staged: dict[str, bool] = {}

    def unchanged(rel: str, sig: str) -> bool:
        doc_id = make_doc_id(spec.name, rel)
        if known.get(doc_id) != sig:
            return False
        raw = old[doc_id]["raw_file"]
        if raw not in staged:
            staged[raw] = (state.store / raw).exists()
        return staged[raw]
    return unchanged


def _keep_unlisted(source: str, folder: str, old: dict[str, dict], current: dict[str, _Current],
                   state: StateDir) -> None:
    """Published documents under a folder that could not be listed stay as they are: they are not gone, only
    unseen (the folder's own `read` row says why). `folder` is relative to the source's path ("": all of it)."""
    head = f"{folder}/" if folder else ""
    for doc_id, row in old.items():
        if (row["source"] == source and doc_id not in current and (row["location"] or row["uri"]).startswith(head)
                and (state.store / row["raw_file"]).exists()):
            current[doc_id] = _Current(("", -1), row)


def _repeat_verdicts(state: StateDir, rows: list[dict], writer: _RawWriter) -> dict[str, tuple[str, str]]:
    """{doc_id: (signature, verdicts as JSON {block key: bucket})} for documents with lines repeated on several
    distinct pages of the same source (near-copies count once: ``cleaning.nearcopies``). Streamed a document at
    a time, kept as compact strings."""
    files = sorted({r["raw_file"] for r in rows})
    if not files:
        return {}
    sketches: dict[str, dict[str, str]] = {}
    for r in rows:
        sketches.setdefault(r["source"], {})[r["doc_id"]] = r["sketch"]
    page = {}
    for of_source in sketches.values():
        page.update(nearcopies.near_copy_groups(of_source))
    con = duck.connect(spill_dir=state.run_dir(writer.run_id) / "spill")
    docs = pa.Table.from_pylist([{"doc_id": r["doc_id"], "source": r["source"], "page": page[r["doc_id"]],
                                  "raw_file": r["raw_file"]} for r in rows])
    con.register("docs", docs)
    paths = [str(state.store / f) for f in files]
    con.execute("""CREATE TEMP TABLE k AS SELECT d.doc_id, d.source, d.page, unnest(r.keys) AS key
                   FROM read_parquet(?) r JOIN docs d USING (doc_id, raw_file)""", [paths])
    cur = con.execute("""WITH pages AS (SELECT source, key, count(DISTINCT page) AS n FROM k
                                        GROUP BY source, key HAVING count(DISTINCT page) > 1)
                         SELECT k.doc_id, list(k.key ORDER BY k.key), list(pages.n ORDER BY k.key)
                         FROM k JOIN pages USING (source, key) GROUP BY k.doc_id""")
    verdicts: dict[str, tuple[str, str]] = {}
    while chunk := cur.fetchmany(10_000):
        for doc_id, keys, pages in chunk:
            repeated = {key: bucket for key, n in zip(keys, pages, strict=True)
                        if (bucket := cleaning.repeat_bucket(n))}
            if repeated:
                text = json.dumps(repeated, sort_keys=True)
                verdicts[doc_id] = (hashlib.sha256(text.encode()).hexdigest()[:16], text)
    con.close()
    return verdicts


def _plan(state: StateDir, rows: list[dict], verdicts: dict[str, tuple[str, str]], enabled: set[str], full: bool,
          run_id: str, now: datetime, batch_size: int) -> list[dict]:
    """The documents of enabled sources that must be (re)processed, in batches; updates their manifest rows."""
    version = extractor_version()
    todo = []
    for row in rows:
        if row["source"] not in enabled:
            continue
        sig, repeated = verdicts.get(row["doc_id"], ("", "{}"))
        if (full or row["out_batch"] is None or row["extractor_version"] != version or row["repeat_sig"] != sig
                or not (state.store / row["out_batch"]).exists()):
            row["repeat_sig"] = sig
            todo.append((row, repeated))
    todo.sort(key=lambda t: t[0]["doc_id"])
    plan = []
    for i, (row, repeated) in enumerate(todo):
        batch_no = i // batch_size
        row["out_batch"] = state.out_batch(run_id, batch_no)
        row["extractor_version"] = version
        row["processed_at"] = now
        plan.append({"doc_id": row["doc_id"], "batch_no": batch_no, "raw_file": row["raw_file"],
                     "out_batch": row["out_batch"], "source": row["source"], "format": row["format"],
                     "repeated": repeated, "ingested_at": row["ingested_at"],
                     "doc_row": json.dumps({k: row[k] for k in ("source", "uri", "location", "content_sha256",
                                                                "format")})})
    return plan


def scan(state: StateDir, specs: list[SourceSpec], run_id: str, now: datetime, batch_size: int,
         full: bool = False, chunk_size: int | None = None, workers: int = 1) -> ScanResult:
    """Read all sources and write the run's plan: manifest_next, plan and errors parquet files in run_dir.

    Decoded texts are staged in parquet chunks of `chunk_size` documents (default: `batch_size`), decoding spread
    over `workers` processes; the plan splits the documents to process into batches of `batch_size`."""
    run_dir = state.run_dir(run_id)
    run_dir.mkdir(parents=True, exist_ok=True)
    result = ScanResult(run_dir)
    counts = result.counts
    old = {r["doc_id"]: r for r in state.read_manifest().to_pylist()}
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
    rows, errors = [], []
    for cur in current.values():
        if cur.row is None:
            errors.append(cur.error)
            counts["failed"] += 1
        else:
            rows.append(cur.row)
            counts[cur.status] += 1
    known = {s.name for s in specs}
    rows += [r for r in old.values() if r["source"] in known and r["source"] not in enabled]
    current_ids = {r["doc_id"] for r in rows}
    counts["removed"] = sum(1 for d in old if d not in current_ids)

    verdicts = _repeat_verdicts(state, rows, writer)
    plan = _plan(state, rows, verdicts, enabled, full, run_id, now, batch_size)
    counts["to_process"] = len(plan)
    counts["reprocessed"] = len(plan) - counts["new"] - counts["changed"]
    counts["unchanged"] = len(rows) - counts["new"] - counts["changed"]
    counts.pop("resettled", None)
    result.batches = (len(plan) + batch_size - 1) // batch_size
    result.per_source = dict(Counter(r["source"] for r in rows))
    write_parquet(pa.Table.from_pylist(sorted(rows, key=lambda r: r["doc_id"]), schema=MANIFEST_SCHEMA),
                  run_dir / "manifest_next.parquet")
    write_parquet(pa.Table.from_pylist(plan, schema=PLAN_SCHEMA), run_dir / "plan.parquet")
    write_parquet(pa.Table.from_pylist(errors, schema=ERROR_SCHEMA), run_dir / "scan_errors.parquet")
    if signed:
        (run_dir / state.containers.name).write_text(json.dumps(signed))
    (run_dir / "scan.json").write_text(json.dumps({"counts": dict(counts), "batches": result.batches,
                                                   "per_source": result.per_source}))
    return result
