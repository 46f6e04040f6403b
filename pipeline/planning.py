"""The set work of a scan, in DuckDB: repeated-line verdicts, which documents to (re)process, the next manifest.

The scan hands over the next manifest's rows as an Arrow table; the verdicts (over every document's block keys
in the staged parquet), the batches and the manifest's planning fields are SQL over it (`plan_*.sql`), so no
per-document state is held in Python and DuckDB spills past its memory cap.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pyarrow as pa

from . import duck
from .cleaning.repetition import BUCKETS
from .state import MANIFEST_SCHEMA, StateDir, write_parquet
from .versioning import extractor_version

SQL_DIR = Path(__file__).resolve().parent
STREAM_ROWS = 10_000  # rows of the next manifest and the plan per batch written: neither is held whole in memory
PLAN_SCHEMA = pa.schema([("doc_id", pa.string()), ("batch_no", pa.int32()), ("raw_file", pa.string()),
                         ("out_batch", pa.string()), ("source", pa.string()), ("format", pa.string()),
                         ("repeated", pa.string()), ("ingested_at", pa.timestamp("us")),
                         ("doc_row", pa.string())])
# the next manifest: the planning fields of a row the run (re)processes are this run's, the others are the row's own
NEXT_MANIFEST = """SELECT r.doc_id, source, uri, location, content_sha256, format, settings_hash,
    CASE WHEN todo THEN $version ELSE extractor_version END AS extractor_version,
    CASE WHEN todo THEN sig ELSE repeat_sig END AS repeat_sig, sketch, ingested_at,
    CASE WHEN todo THEN $now ELSE processed_at END AS processed_at, raw_file,
    CASE WHEN todo THEN list_extract(CAST($names AS VARCHAR[]), batch_no + 1) ELSE out_batch END AS out_batch,
    file_sig
FROM rows r JOIN planned p USING (doc_id) ORDER BY r.doc_id"""
PLAN = """SELECT r.doc_id, batch_no, raw_file, list_extract(CAST($names AS VARCHAR[]), batch_no + 1) AS out_batch,
    source, format, coalesce(v.repeated, '{}') AS repeated, ingested_at,
    json_object('source', source, 'uri', uri, 'location', location, 'content_sha256', content_sha256,
                'format', format) AS doc_row
FROM rows r JOIN planned p USING (doc_id) LEFT JOIN verdicts v USING (doc_id) WHERE todo ORDER BY r.doc_id"""


@dataclass
class Plan:
    to_process: int
    per_source: dict[str, int]


def _sql(name: str) -> str:
    return (SQL_DIR / name).read_text()


def plan(rows: pa.Table, docs: pa.Table, state: StateDir, run_id: str, enabled: set[str], full: bool,
         now: datetime, batch_size: int) -> Plan:
    """Write the run's `manifest_next.parquet` and `plan.parquet` from the next manifest's `rows` and `docs`
    (doc_id, raw_file, and numbers for row, source and near-copy page: block keys are counted over numbers)."""
    run_dir = state.run_dir(run_id)
    con = duck.connect(spill_dir=run_dir / "spill")
    try:
        con.register("rows", rows)
        con.register("docs", docs)
        paths = sorted({str(state.store / f) for f in docs.column("raw_file").to_pylist()})
        if paths:
            con.execute("""CREATE TEMP TABLE keys AS SELECT d.n, d.src, d.page, unnest(r.keys) AS key
                           FROM read_parquet($paths) r JOIN docs d USING (doc_id, raw_file)""", {"paths": paths})
        else:
            con.execute("CREATE TEMP TABLE keys (n INTEGER, src INTEGER, page INTEGER, key VARCHAR)")
        con.execute(_sql("plan_verdicts.sql"), {"buckets": list(BUCKETS)})
        con.execute("DROP TABLE keys")
        batches = [e.name for e in state.store.iterdir()] if state.store.exists() else []
        con.execute(_sql("plan_batches.sql"), {"enabled": sorted(enabled), "full": full,
                                               "version": extractor_version(), "batches": batches,
                                               "batch_size": batch_size})
        to_process = con.sql("SELECT count(*) FROM planned WHERE todo").fetchall()[0][0]
        names = [state.out_batch(run_id, n) for n in range((to_process + batch_size - 1) // batch_size)]
        manifest = con.sql(NEXT_MANIFEST, params={"version": extractor_version(), "now": now, "names": names})
        write_parquet(manifest.to_arrow_reader(STREAM_ROWS), run_dir / "manifest_next.parquet", MANIFEST_SCHEMA)
        planned = con.sql(PLAN, params={"names": names})
        write_parquet(planned.to_arrow_reader(STREAM_ROWS), run_dir / "plan.parquet", PLAN_SCHEMA)
        per_source = dict(con.sql("SELECT source, count(*) FROM rows GROUP BY source ORDER BY source").fetchall())
    finally:
        con.close()
    return Plan(to_process, per_source)
