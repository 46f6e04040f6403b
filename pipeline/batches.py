"""One extraction batch: clean its documents, then extract claims and entities; write parquet, never rows.

Each function reads the run's plan, processes the documents of one batch independently of every other
document, and writes one parquet file per staged table into the batch's folder in the store. A document whose
cleaning or extraction raises, or takes longer than the per-document time budget of that stage
(CLAIMHOUSE_DOC_TIMEOUT), keeps its `documents` row and gets a `stage_errors` row; the batch goes on.
"""
from __future__ import annotations

import bisect
import contextlib
import hashlib
import json
import pickle
import time
import traceback
from datetime import UTC, datetime
from operator import itemgetter
from pathlib import Path

import duckdb

from . import claims, cleaning, entities
from .budget import OverBudget, over_budget_message, time_budget
from .config import DEFAULT_DOC_TIMEOUT
from .progress import Progress
from .state import StateDir, write_parquet
from .tables import CLEAN_TABLES, EXTRACT_TABLES, STAGED, rows_to_table
from .versioning import extractor_version
from .workers import map_documents

EXTRACT_LANGUAGES = ("en", None)
WARM_UP_TEXT = "Warm-up\n\nMr John Smith said Leeds City Council would spend £1m, up 5%, in Leeds next year.\n"
_warm = False


def _short_error(exc: BaseException) -> str:
    frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    where = f" (in {Path(frame.filename).name}:{frame.lineno})" if frame else ""
    return f"{type(exc).__name__}: {exc}{where}; this is a Claimhouse bug: please report it with the document"


def _write(out_dir: Path, prefix: str, tables: tuple[str, ...], rows: dict[str, list[dict]]) -> dict[str, int]:
    for name in tables:
        write_parquet(rows_to_table(rows[name], STAGED[name]), out_dir / f"{prefix}_{name}.parquet")
    return {name: len(rows[name]) for name in tables}


def _plan_rows(state: StateDir, run_id: str, batch_no: int) -> list[dict]:
    """The plan rows of one batch joined with their decoded text (reading only the raw chunks they are in, and in
    them the row groups of the batch's doc_id range: chunks are stored by doc_id), and with the parsed blocks of
    the HTML pages this run's scan decoded (NULL for the others)."""
    plan = str(state.run_dir(run_id) / "plan.parquet")
    con = duckdb.connect()
    try:
        names, first, last = con.execute("SELECT list_sort(list(DISTINCT raw_file)), min(doc_id), max(doc_id) "
                                         "FROM read_parquet(?) WHERE batch_no = ?", [plan, batch_no]).fetchone()
        if not names:
            return []
        files = [str(state.store / name) for name in names]
        parsed = [str(path) for name in names if (path := state.parsed_file(run_id, name)).exists()]
        in_range = "(SELECT doc_id, raw_file, {} FROM read_parquet(?) WHERE doc_id BETWEEN ? AND ?)"
        join, params = (f"LEFT JOIN {in_range.format('parsed')} b USING (doc_id, raw_file)",
                        [parsed, first, last]) if parsed else ("", [])
        cur = con.execute(f"SELECT p.*, r.text, r.hints, {'b.parsed' if parsed else 'NULL AS parsed'} "
                          f"FROM read_parquet(?) p JOIN {in_range.format('text, hints')} r USING (doc_id, raw_file) "
                          f"{join} WHERE p.batch_no = ? ORDER BY p.doc_id", [plan, files, first, last, *params,
                                                                              batch_no])
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]
    finally:
        con.close()


def warm_up() -> None:
    """Load every extractor's models and rules once per process, outside any document's time budget."""
    global _warm
    if _warm:
        return
    _warm = True
    with contextlib.suppress(Exception):  # a failure shows again, in the document's own error row
        page = cleaning.clean_document(WARM_UP_TEXT, "text", repeated={}, clean=True, hints={},
                                       publisher_default=None, timezone="Europe/London", now=datetime.now(UTC))
        claims.extract_claims(page.body_text or WARM_UP_TEXT)
        entities.extract_entities(page.body_text or WARM_UP_TEXT, page.title)


def clean_one(task: dict) -> dict[str, list[dict]]:
    """Clean one document (a plan row with its text and source settings) into its staged rows."""
    warm_up()
    base = task["base"]
    rows: dict[str, list[dict]] = {name: [] for name in CLEAN_TABLES}
    error = None
    try:
        with time_budget(task["doc_timeout"]):
            cleaned = cleaning.clean_document(
                task["text"], task["format"], repeated=json.loads(task["repeated"]), clean=task["clean"],
                hints=json.loads(task["hints"] or "{}"), publisher_default=task["publisher"],
                timezone=task["timezone"], now=task["ingested_at"].replace(tzinfo=UTC),
                parsed=pickle.loads(task["parsed"]) if task["parsed"] is not None else None)
    except OverBudget as exc:
        error = over_budget_message(exc.seconds, "clean")
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop the batch
        error = _short_error(exc)
    if error is not None:
        rows["documents"].append(base)
        rows["stage_errors"].append({"doc_id": base["doc_id"], "stage": "clean", "error": error,
                                     "occurred_at": base["processed_at"]})
        return rows
    doc_id = base["doc_id"]
    rows["documents"].append({**base, "title": cleaned.title, "author": cleaned.author,
                              "publisher": cleaned.publisher, "section": cleaned.section,
                              "published_date": cleaned.published_date, "language": cleaned.language,
                              "body_text": cleaned.body_text, "word_count": cleaned.word_count})
    rows["document_blocks"] = [{"doc_id": doc_id, **b.__dict__} for b in cleaned.blocks]
    rows["comments"] = [{"doc_id": doc_id, **c.__dict__,
                         "posted_at": c.posted_at.astimezone(UTC).replace(tzinfo=None) if c.posted_at else None}
                        for c in cleaned.comments]
    return rows


def _merge(into: dict[str, list[dict]], rows: dict[str, list[dict]]) -> None:
    for name, found in rows.items():
        into[name] += found


def clean_batch(state: StateDir, run_id: str, batch_no: int, sources: dict[str, dict],
                progress: Progress | None = None, workers: int = 1,
                doc_timeout: float = DEFAULT_DOC_TIMEOUT) -> dict:
    """Clean one batch over `workers` processes; `sources` maps source name to its settings (clean, publisher,
    timezone)."""
    plan = _plan_rows(state, run_id, batch_no)
    if not plan:
        return {"batch": None, "documents": 0}
    progress = progress or Progress("cleaning", len(plan), len(plan))
    progress.total = len(plan)
    out_dir = state.store / plan[0]["out_batch"]
    version = extractor_version()
    processed_at = datetime.now(UTC).replace(tzinfo=None)
    tasks = []
    for p in plan:
        src = sources[p["source"]]
        base = {"doc_id": p["doc_id"], **json.loads(p["doc_row"]), "ingested_at": p["ingested_at"],
                "processed_at": processed_at, "extractor_version": version, "word_count": 0}
        tasks.append({**{k: p[k] for k in ("text", "format", "repeated", "hints", "ingested_at", "parsed")},
                      "base": base,
                      **{k: src[k] for k in ("clean", "publisher", "timezone")}, "doc_timeout": doc_timeout})
    rows: dict[str, list[dict]] = {name: [] for name in CLEAN_TABLES}
    for found in map_documents(clean_one, tasks, workers):
        _merge(rows, found)
        progress.update()
    counts = _write(out_dir, "clean", CLEAN_TABLES, rows)
    return {"batch": out_dir.name, "seconds": round(time.perf_counter() - progress.started, 3), **counts}


def _digest(*parts: object) -> str:
    return hashlib.sha256("\x1f".join(str(p) for p in parts).encode()).hexdigest()[:16]


def claim_rows(doc_id: str, body_text: str) -> list[dict]:
    out = []
    for c in claims.extract_claims(body_text):
        row = {k: v for k, v in c.__dict__.items() if k != "range_group"}
        row["doc_id"] = doc_id
        row["claim_id"] = _digest(doc_id, c.char_start, c.char_end, c.unit, c.value)
        row["range_id"] = _digest(doc_id, "range", c.range_group) if c.range_group is not None else None
        out.append(row)
    return out


def entity_rows(doc_id: str, body_text: str, title: str | None) -> dict[str, list[dict]]:
    found = entities.extract_entities(body_text, title)
    return {
        "body_mentions": [{"doc_id": doc_id, **m.__dict__} for m in found.bodies],
        "person_mentions": [{"doc_id": doc_id, **m.__dict__} for m in found.people],
        "place_mentions": [{"doc_id": doc_id, **m.__dict__} for m in found.places],
    }


def attribute(found_claims: list[dict], body_mentions: list[dict], person_mentions: list[dict]) -> None:
    """Each claim's attributed body (by its key: ids are resolved across documents at the publish) and person:
    the first of the document's mentions inside its attributed span. Mentions of one kind never overlap, so
    sorted by start their ends are sorted too: the first one ending after the span's start is the only candidate."""
    kinds = [(sorted(ms, key=itemgetter("char_start")), field, out) for ms, field, out in (
        (body_mentions, "body_key", "attributed_body_key"), (person_mentions, "person_id", "attributed_person_id"))]
    ends = [[m["char_end"] for m in ms] for ms, _, _ in kinds]
    for c in found_claims:
        start, end = c.get("attributed_start"), c.get("attributed_end")
        for (ms, field, out), kind_ends in zip(kinds, ends, strict=True):
            k = bisect.bisect_right(kind_ends, start) if start is not None and end is not None else len(ms)
            c[out] = ms[k][field] if k < len(ms) and ms[k]["char_start"] < end else None


def _extract_parts(doc_id: str, body_text: str, title: str | None, rows: dict[str, list[dict]],
                   errors: list[str]) -> None:
    """Claims, then entities, into `rows`; a part that raises adds its error and the other part still runs."""
    try:
        rows["numeric_claims"] = claim_rows(doc_id, body_text)
    except Exception as exc:  # noqa: BLE001
        errors.append("numeric claims: " + _short_error(exc))
    try:
        rows.update(entity_rows(doc_id, body_text, title))
    except Exception as exc:  # noqa: BLE001
        errors.append("entities: " + _short_error(exc))
    attribute(rows["numeric_claims"], rows["body_mentions"], rows["person_mentions"])


def extract_one(doc: tuple[str, str | None, str | None, str | None, datetime, float]) -> dict[str, list[dict]]:
    """Claims and entities of one cleaned document (doc_id, body_text, title, language, now, time budget)."""
    doc_id, body_text, title, language, now, doc_timeout = doc
    warm_up()
    rows: dict[str, list[dict]] = {name: [] for name in EXTRACT_TABLES}
    if not body_text or language not in EXTRACT_LANGUAGES:
        return rows
    errors: list[str] = []
    try:
        with time_budget(doc_timeout):
            _extract_parts(doc_id, body_text, title, rows, errors)
    except OverBudget as exc:  # what was finished in time is kept
        errors.append(over_budget_message(exc.seconds, "extract"))
    rows["stage_errors"] = [{"doc_id": doc_id, "stage": "extract", "occurred_at": now, "error": e} for e in errors]
    return rows


def extract_batch(state: StateDir, out_batch: str, progress: Progress | None = None, workers: int = 1,
                  doc_timeout: float = DEFAULT_DOC_TIMEOUT) -> dict:
    """Extract claims and entities from the cleaned documents of one batch folder, over `workers` processes."""
    out_dir = state.store / out_batch
    con = duckdb.connect()
    docs = con.execute("SELECT doc_id, body_text, title, language FROM read_parquet(?) ORDER BY doc_id",
                       [str(out_dir / "clean_documents.parquet")]).fetchall()
    con.close()
    progress = progress or Progress("extraction", len(docs), len(docs))
    progress.total = len(docs)
    now = datetime.now(UTC).replace(tzinfo=None)
    rows: dict[str, list[dict]] = {name: [] for name in EXTRACT_TABLES}
    for found in map_documents(extract_one, [(*d, now, doc_timeout) for d in docs], workers):
        _merge(rows, found)
        progress.update()
    counts = _write(out_dir, "extract", EXTRACT_TABLES, rows)
    return {"batch": out_batch, "documents": len(docs), "seconds": round(time.perf_counter() - progress.started, 3),
            **counts}
