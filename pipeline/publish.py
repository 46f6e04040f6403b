"""Build the complete warehouse next to the target from the store, check it, and atomically replace the target.

Readers holding the old file keep their snapshot; a failed check, crash or kill leaves the published file
untouched (the candidate is a temporary file beside it). The file is created with storage version v1.4.0 so
DuckDB 1.4+ clients can open it.

When few documents changed since the last publish, the candidate starts as a copy of the published file: the
tables whose rows depend on their own document (documents, blocks, comments, claims: most of the bytes) keep the
rows of unchanged documents and load only the changed ones, and a claim's attribution is computed again where its
document's mentions moved to another id; every other table (bodies, people, places and their mentions, whose ids
are resolved across documents; errors) is rebuilt whole, so the result is exactly a full rebuild's.
"""
from __future__ import annotations

import json
import os
import shutil
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

import duckdb
import pyarrow as pa

from . import duck, entities, unchanged
from .checks import CHECKS, Check, CheckOutcome, offset_faults, run_checks, source_shrink_check
from .config import REPO_ROOT
from .preview_rows import read_previews
from .state import StateDir
from .sweep import candidate_path
from .tables import STAGED, WAREHOUSE, create_sql
from .versioning import extractor_version, git_commit, pipeline_version

SQL_DIR = REPO_ROOT / "sql"
CARRIED = ("documents", "document_blocks", "comments")  # carried over from the published file when few changed
MAX_CHANGED_SHARE = 0.5  # more documents changed than this: a full build is quicker than deleting their rows
MAX_GROWTH = 1.5  # a carried file this many times the size of the last full build's is built afresh (compacted)
STORAGE_VERSION = "v1.4.0"
_BATCH_OF = r"regexp_extract(filename, '([^/]+)/[^/]+$', 1)"


class PublishRefused(RuntimeError):
    """An ERROR check failed on the candidate; the published warehouse was kept."""

    def __init__(self, outcomes: list[CheckOutcome]) -> None:
        failed = [o for o in outcomes if not o.passed and o.check.severity == "ERROR"]
        super().__init__("publish refused, the last good warehouse is kept: " + "; ".join(
            f"check {o.check.name} failed on {o.failures} rows, e.g. {o.sample[:3]}" for o in failed))
        self.outcomes = outcomes


@dataclass
class Published:
    path: Path
    tables: dict[str, int] = field(default_factory=dict)
    per_source: dict[str, int] = field(default_factory=dict)
    outcomes: list[CheckOutcome] = field(default_factory=list)
    build_seconds: float = 0.0
    rebuilt: bool = True  # False: nothing the warehouse holds changed, the published file was kept as it was
    changed: int | None = None  # built on a copy of the published file: how many documents' rows were loaded anew
    previews: dict[str, dict] = field(default_factory=dict)  # ``preview_rows.read_previews`` of the file


class _Staged:
    """The staged rows of one table that are current: each document's rows from its current batch only (a
    document processed again in a later run still has rows in its older batch's files). Read straight from the
    parquet files by the query that uses them; every path is a bound parameter."""

    def __init__(self, state: StateDir, batches: list[str] | set[str], prefix: str, table: str) -> None:
        name = f"{prefix}_{table}.parquet"
        self.files = [str(state.store / b / name) for b in batches if (state.store / b / name).exists()]
        self.columns = STAGED[table]
        self.params = [self.files, f"{state.store}/", f"/{name}"] if self.files else []

    def select(self) -> str:
        if not self.files:
            return "SELECT " + ", ".join(f'CAST(NULL AS {t}) AS "{c}"' for c, t in self.columns) + " WHERE false"
        cols = ", ".join(f's."{c}"' for c, _ in self.columns)
        return (f"SELECT {cols} FROM read_parquet(?, filename = true) s SEMI JOIN "
                "(SELECT doc_id, ? || out_batch || ? AS filename FROM manifest) m USING (doc_id, filename)")

    def into_temp(self, con: duckdb.DuckDBPyConnection, name: str) -> None:
        """A temporary table of the rows, for the small tables read more than once."""
        con.execute(f"CREATE TEMP TABLE {name} AS {self.select()}", self.params)


def _insert(con: duckdb.DuckDBPyConnection, table: str, select: str, params: list | None = None) -> None:
    """Insert the rows of `select` into `table`; every value the query needs is a bound parameter."""
    cols = ", ".join(f'"{c}"' for c, _ in WAREHOUSE[table])
    con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM ({select})", params)


def _resolve_bodies(con: duckdb.DuckDBPyConnection) -> None:
    """Cross-document body identity: aggregate candidates, resolve once, write bodies, aliases and a key map."""
    rows = con.execute("SELECT body_key, name, body_type, acronym, is_generic, reference_id, surface, count(*) "
                       "FROM staged_body_mentions GROUP BY ALL").fetchall()
    votes: dict[str, Counter] = defaultdict(Counter)
    surfaces: dict[str, set[str]] = defaultdict(set)
    for key, name, typ, acronym, generic, ref, surface, n in rows:
        votes[key][(name, typ, acronym, bool(generic), ref)] += n
        surfaces[key].add(surface)
    candidates = []
    for key in sorted(votes):
        (name, typ, acronym, generic, ref), _ = min(votes[key].items(), key=lambda kv: (-kv[1], str(kv[0])))
        candidates.append(entities.BodyCandidate(body_key=key, name=name, body_type=typ, acronym=acronym,
                                                 is_generic=generic, reference_id=ref,
                                                 surfaces=frozenset(surfaces[key])))
    res = entities.resolve_bodies(candidates)
    con.register("res_bodies", pa.Table.from_pylist(res.bodies, schema=pa.schema(
        [("body_id", pa.string()), ("name", pa.string()), ("body_type", pa.string()), ("acronym", pa.string()),
         ("is_generic", pa.bool_()), ("reference_id", pa.string())])))
    con.register("res_aliases", pa.Table.from_pylist(res.aliases, schema=pa.schema(
        [("body_id", pa.string()), ("alias", pa.string())])))
    con.register("res_keys", pa.Table.from_pylist([{"body_key": k, "body_id": v} for k, v in res.key_to_id.items()],
                                                  schema=pa.schema([("body_key", pa.string()),
                                                                    ("body_id", pa.string())])))
    con.execute("CREATE TEMP TABLE key_map AS SELECT DISTINCT body_key, body_id FROM res_keys")
    _insert(con, "bodies", "SELECT DISTINCT ON (body_id) * FROM res_bodies WHERE body_id IN "
                           "(SELECT body_id FROM key_map) ORDER BY body_id")
    _insert(con, "body_aliases", "SELECT DISTINCT body_id, alias FROM res_aliases WHERE body_id IN "
                                 "(SELECT body_id FROM bodies) AND alias IS NOT NULL ORDER BY ALL")


def changed_documents(state: StateDir, run_dir: Path) -> tuple[list[tuple[str, str | None]], int]:
    """The documents whose staged rows differ from the last published manifest's (new, reprocessed or gone), each
    with its current batch (None: gone), and how many documents the run's manifest holds."""
    con = duckdb.connect()
    try:
        changed = con.execute(
            "SELECT doc_id, n.out_batch FROM read_parquet(?) o FULL JOIN read_parquet(?) n USING (doc_id) "
            "WHERE o.out_batch IS DISTINCT FROM n.out_batch ORDER BY ALL",
            [str(state.manifest), str(run_dir / "manifest_next.parquet")]).fetchall()
        total = con.execute("SELECT count(*) FROM read_parquet(?)",
                            [str(run_dir / "manifest_next.parquet")]).fetchall()[0][0]
    finally:
        con.close()
    return changed, total


_CHANGED_ONLY = "SELECT * FROM ({}) WHERE doc_id IN (SELECT doc_id FROM changed_docs)"


def _forget_changed(con: duckdb.DuckDBPyConnection, changed: list[tuple[str, str | None]]) -> None:
    """In a copy of the published warehouse: drop the rows of changed documents from the carried tables and the
    claims, and checkpoint. Until the checkpoint DuckDB holds the deletions in memory, and at 100,000 pages the
    inserts after them ran out of the cap."""
    con.register("changed_docs", pa.table({"doc_id": pa.array([d for d, _ in changed], pa.string())}))
    for table in (*CARRIED, "numeric_claims"):
        con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT doc_id FROM changed_docs)")
        con.execute("CHECKPOINT")


def _carry(con: duckdb.DuckDBPyConnection, state: StateDir, changed: list[tuple[str, str | None]]) -> None:
    """Load the changed documents' current rows into the carried tables (only the batches that hold them are
    read); their claims follow once the bodies are resolved (``_claims``)."""
    batches = {b for _, b in changed if b is not None}
    for table in CARRIED:
        staged = _Staged(state, batches, "clean", table)
        _insert(con, table, _CHANGED_ONLY.format(staged.select()), staged.params)


def _attribution(claims: str) -> str:
    """Each claim's attributed body and person as the published mentions give them: the first body and person
    mentioned inside its attributed span (what the batch found by the mentions' keys, ``batches.attribute``);
    ``claims``: a query of the claims."""
    def first(table: str, column: str) -> str:
        return f"""(SELECT s.claim_id, arg_min(m.{column}, m.char_start) AS {column} FROM ({claims}) s
                    JOIN {table} m ON m.doc_id = s.doc_id AND m.char_start < s.attributed_end
                                      AND s.attributed_start < m.char_end GROUP BY 1)"""
    return f"""
        SELECT s.claim_id, b.body_id AS attributed_body_id, p.person_id AS attributed_person_id
        FROM ({claims}) s LEFT JOIN {first("body_mentions", "body_id")} b USING (claim_id)
        LEFT JOIN {first("person_mentions", "person_id")} p USING (claim_id)
        WHERE s.attributed_start IS NOT NULL"""


_MENTION_PRINTS = """
    SELECT doc_id, count(*) AS mentions, sum(hash(char_start, char_end, kind, id)::HUGEINT) AS print FROM (
        SELECT doc_id, char_start, char_end, 'body' AS kind, body_id AS id FROM body_mentions UNION ALL
        SELECT doc_id, char_start, char_end, 'person', person_id FROM person_mentions) GROUP BY doc_id"""
"""Each document's mentions with the ids they resolve to, as a count and a sum of 64-bit hashes: two documents'
prints differ when their mentions do (a different set with the same count and sum has odds near 2**-64), and
100,000 documents' prints take a few MB where the mentions themselves took hundreds (the carried build ran out
of its memory cap comparing those)."""


def _claims(con: duckdb.DuckDBPyConnection, state: StateDir, batches: list[str],
            changed: list[tuple[str, str | None]] | None) -> None:
    """The claims with their attribution. Carried over (``changed``): the changed documents' claims are loaded
    again, and the attribution of the other documents whose mentions moved to another body or person id (ids are
    resolved across documents; ``published_prints`` holds prints of the ids the published file gave them) is recomputed
    and updated where it differs, so the table is exactly a full build's."""
    if changed is None:
        staged = _Staged(state, batches, "extract", "numeric_claims")
        rows = staged.select()
    else:
        staged = _Staged(state, {b for _, b in changed if b is not None}, "extract", "numeric_claims")
        rows = _CHANGED_ONLY.format(staged.select())  # their old rows are gone (``_forget_changed``)
    _insert(con, "numeric_claims", f"SELECT c.*, k.body_id AS attributed_body_id FROM ({rows}) c "
                                   "LEFT JOIN key_map k ON k.body_key = c.attributed_body_key", staged.params)
    if changed is None:
        return
    con.execute(f"""CREATE TEMP TABLE moved_docs AS SELECT doc_id FROM published_prints o
                    FULL JOIN ({_MENTION_PRINTS}) n USING (doc_id)
                    WHERE (o.mentions, o.print) IS DISTINCT FROM (n.mentions, n.print)
                    AND doc_id NOT IN (SELECT doc_id FROM changed_docs)""")
    con.execute(f"""
        UPDATE numeric_claims SET attributed_body_id = a.attributed_body_id,
                                  attributed_person_id = a.attributed_person_id
        FROM ({_attribution("SELECT * FROM numeric_claims WHERE doc_id IN (SELECT doc_id FROM moved_docs)")}) a
        WHERE numeric_claims.claim_id = a.claim_id
          AND (numeric_claims.attributed_body_id IS DISTINCT FROM a.attributed_body_id
               OR numeric_claims.attributed_person_id IS DISTINCT FROM a.attributed_person_id)""")


def _fill(con: duckdb.DuckDBPyConnection, state: StateDir, run_dir: Path, now: datetime,
          changed: list[tuple[str, str | None]] | None = None) -> None:
    """Fill the candidate; ``changed``: the candidate is a copy of the published file and these documents changed
    (the carried tables are updated, every other table is built again). Rows go in as the staged batches hold
    them, unsorted: doc_id order on a full build (batches are cut by doc_id), which is what the span check reads
    by; sorting the wide rows again took a third of the build and most of its memory."""
    con.execute("CREATE TEMP TABLE manifest AS SELECT * FROM read_parquet(?)",
                [str(run_dir / "manifest_next.parquet")])
    batches = [r[0] for r in con.execute("SELECT DISTINCT out_batch FROM manifest WHERE out_batch IS NOT NULL "
                                         "ORDER BY 1").fetchall()]
    if changed is not None:  # the mentions' ids as published, before their tables are built again
        con.execute(f"CREATE TEMP TABLE published_prints AS {_MENTION_PRINTS}")
    for table in WAREHOUSE:
        if changed is None or table not in (*CARRIED, "numeric_claims"):
            con.execute(f"DROP TABLE IF EXISTS {table}")
            con.execute(create_sql(table))
    if changed is not None:
        _forget_changed(con, changed)
    clean = {t: _Staged(state, batches, "clean", t) for t in ("documents", "document_blocks", "comments",
                                                                "stage_errors")}
    extract = {t: _Staged(state, batches, "extract", t) for t in ("body_mentions", "person_mentions",
                                                                  "place_mentions", "stage_errors")}
    for table in ("body_mentions", "person_mentions", "place_mentions"):
        extract[table].into_temp(con, f"staged_{table}")
    clean["stage_errors"].into_temp(con, "staged_stage_errors")
    extract["stage_errors"].into_temp(con, "staged_extract_errors")
    if changed is None:
        for table in CARRIED:
            _insert(con, table, clean[table].select(), clean[table].params)
    else:
        _carry(con, state, changed)
    _resolve_bodies(con)
    _insert(con, "body_mentions", "SELECT s.doc_id, k.body_id, s.surface, s.char_start, s.char_end "
                                  "FROM staged_body_mentions s JOIN key_map k USING (body_key)")
    _insert(con, "people", "SELECT person_id, min(name) AS name FROM staged_person_mentions GROUP BY 1 ORDER BY 1")
    _insert(con, "person_mentions", "SELECT s.*, k.body_id AS affiliation_body_id FROM staged_person_mentions s "
                                    "LEFT JOIN key_map k ON k.body_key = s.affiliation_body_key")
    _insert(con, "places", "SELECT place_id, min(name) AS name, min(place_type) AS place_type, "
                           "min(reference_id) AS reference_id FROM staged_place_mentions GROUP BY 1 ORDER BY 1")
    _insert(con, "place_mentions", "SELECT * FROM staged_place_mentions")
    for table in ("body_mentions", "person_mentions", "place_mentions"):  # their room goes to the claims
        con.execute(f"DROP TABLE staged_{table}")
    _claims(con, state, batches, changed)
    _insert(con, "ingest_errors", """
        SELECT source, uri, doc_id, location, stage, error, occurred_at FROM read_parquet(?)
        UNION ALL
        SELECT d.source, d.uri, e.doc_id, d.location, e.stage, e.error, e.occurred_at
        FROM (SELECT * FROM staged_stage_errors UNION ALL SELECT * FROM staged_extract_errors) e
        JOIN documents d USING (doc_id)
        ORDER BY 1, 2, 5""", [str(run_dir / "scan_errors.parquet")])


def create_views(con: duckdb.DuckDBPyConnection, sql_dir: Path = SQL_DIR) -> list[str]:
    """Run every `sql/*.sql` file (in name order); each creates one or more views."""
    done = []
    for path in sorted(sql_dir.glob("*.sql")):
        con.execute(path.read_text(encoding="utf-8"))
        done.append(path.stem)
    return done


def publish(state: StateDir, warehouse: Path, run_id: str, now: datetime | None = None) -> Published:
    """Build, check and atomically publish the warehouse for the run's plan, then commit the run's manifest."""
    now = now or datetime.now(UTC)
    run_dir = state.run_dir(run_id)
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    tmp = candidate_path(warehouse, run_id)
    for leftover in (tmp, tmp.with_name(tmp.name + ".wal")):
        leftover.unlink(missing_ok=True)
    previous_path = state.root / "published.json"
    record = unchanged.read_record(previous_path)
    previous = record.get("per_source", {})
    print_ = unchanged.fingerprint(run_dir)
    if unchanged.still_published(record, warehouse, print_):
        return _keep_published(state, warehouse, run_id, now, record)
    result = Published(warehouse)
    started = time.perf_counter()
    changed = _carryable(state, warehouse, run_dir, record)
    try:
        if changed is not None:
            shutil.copyfile(warehouse, tmp)
        con = duck.connect(tmp, spill_dir=run_dir / "spill", storage_compatibility_version=STORAGE_VERSION)
        try:
            _fill(con, state, run_dir, now.replace(tzinfo=None), changed)
            result.changed = None if changed is None else len(changed)
            result.per_source = dict(con.execute("SELECT source, count(*) FROM documents GROUP BY 1 ORDER BY 1")
                                     .fetchall())
            con.execute("INSERT INTO warehouse_info VALUES (?, ?, ?, ?, ?, ?, ?)",
                        [now.astimezone(UTC).replace(tzinfo=None), run_id, pipeline_version(), extractor_version(),
                         git_commit(), sum(result.per_source.values()), json.dumps(result.per_source)])
            create_views(con)
            result.outcomes = run_checks(con, _checks(changed)) + [source_shrink_check(previous, result.per_source)]
            if any(not o.passed and o.check.severity == "ERROR" for o in result.outcomes):
                raise PublishRefused(result.outcomes)
            result.tables = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in WAREHOUSE}
            result.previews = read_previews(con)
            con.execute("CHECKPOINT")
            result.build_seconds = time.perf_counter() - started
        finally:
            con.close()
        with tmp.open("rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, warehouse)
        dir_fd = os.open(warehouse.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    finally:
        for leftover in (tmp, tmp.with_name(tmp.name + ".wal")):
            leftover.unlink(missing_ok=True)
    state.commit_manifest(run_dir / "manifest_next.parquet")
    previous_path.write_text(json.dumps({
        "run_id": run_id, "per_source": result.per_source, "published_at": now.isoformat(),
        "last_run": run_id, "last_run_at": now.isoformat(), "fingerprint": print_,
        "file": unchanged.file_identity(warehouse), "code": unchanged.code_digest().hex(), "tables": result.tables,
        "changed": result.changed, "checks": unchanged.outcomes_as_json(result.outcomes),
        "previews": result.previews,
        "full_size": record.get("full_size") if result.changed is not None else warehouse.stat().st_size}))
    state.drop_run(run_id)
    return result


def _checks(changed: list[tuple[str, str | None]] | None) -> list[Check]:
    """The checks to run on the candidate: built on the last published file, the span check reads only the
    changed documents (every other document's text and spans are byte for byte the rows it passed with)."""
    if changed is None:
        return CHECKS
    docs = [d for d, _ in changed]
    return [replace(c, rows=partial(offset_faults, doc_ids=docs)) if c.rows is offset_faults else c for c in CHECKS]


def _carryable(state: StateDir, warehouse: Path, run_dir: Path, record: dict) -> list[tuple[str, str | None]] | None:
    """The changed documents when the published file can be carried over (it is the one the last publish wrote,
    by the same code, from the committed manifest, has not grown past MAX_GROWTH times the last full build's size
    with the rows deleted in it, and at most MAX_CHANGED_SHARE of the documents changed); else None: a full
    build."""
    if not (state.manifest.exists() and record.get("file") == unchanged.file_identity(warehouse)
            and record.get("code") == unchanged.code_digest().hex()
            and warehouse.stat().st_size <= MAX_GROWTH * record.get("full_size", 0)):
        return None
    changed, total = changed_documents(state, run_dir)
    return changed if len(changed) <= MAX_CHANGED_SHARE * total else None


def _keep_published(state: StateDir, warehouse: Path, run_id: str, now: datetime, record: dict) -> Published:
    """Nothing the warehouse holds changed: keep the published file (no rebuild, no replace), commit the run's
    manifest (new stat signatures) and record the run as checked."""
    state.commit_manifest(state.run_dir(run_id) / "manifest_next.parquet")
    record.update(last_run=run_id, last_run_at=now.isoformat())
    (state.root / "published.json").write_text(json.dumps(record))
    state.drop_run(run_id)
    return Published(warehouse, tables=record["tables"], per_source=record["per_source"],
                     outcomes=unchanged.outcomes_from_json(record.get("checks", [])), rebuilt=False,
                     previews=record["previews"])
