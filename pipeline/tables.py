"""Column lists of the published tables (CONTRACT section 4) and of the staged per-batch files.

One definition serves the warehouse DDL and the Arrow schemas the batches write, so the two never drift.
"""
from __future__ import annotations

import pyarrow as pa

V, I, D, B, TS, DT = "VARCHAR", "INTEGER", "DOUBLE", "BOOLEAN", "TIMESTAMP", "DATE"  # noqa: E741 - short type names keep the table lists readable

WAREHOUSE: dict[str, list[tuple[str, str]]] = {
    "warehouse_info": [("published_at", TS), ("run_id", V), ("pipeline_version", V), ("extractor_version", V),
                       ("git_commit", V), ("documents", I), ("sources", V)],
    "documents": [("doc_id", V), ("source", V), ("uri", V), ("location", V), ("content_sha256", V), ("format", V),
                  ("title", V), ("author", V), ("publisher", V), ("section", V), ("published_date", DT),
                  ("language", V), ("body_text", V), ("word_count", I), ("ingested_at", TS), ("processed_at", TS),
                  ("extractor_version", V)],
    "document_blocks": [("doc_id", V), ("block_no", I), ("text", V), ("role", V), ("is_boilerplate", B),
                        ("reason", V), ("char_start", I), ("char_end", I)],
    "comments": [("doc_id", V), ("comment_no", I), ("author", V), ("posted_at", TS), ("text", V)],
    "numeric_claims": [("claim_id", V), ("doc_id", V), ("surface", V), ("char_start", I), ("char_end", I),
                       ("value", D), ("unit", V), ("qualifier", V), ("measured", V), ("period", V), ("sentence", V),
                       ("sentence_start", I), ("sentence_end", I), ("range_id", V), ("attributed_to", V),
                       ("attributed_start", I), ("attributed_end", I), ("attributed_body_id", V),
                       ("attributed_person_id", V), ("change", V)],
    "bodies": [("body_id", V), ("name", V), ("body_type", V), ("acronym", V), ("is_generic", B), ("reference_id", V)],
    "body_aliases": [("body_id", V), ("alias", V)],
    "body_mentions": [("doc_id", V), ("body_id", V), ("surface", V), ("char_start", I), ("char_end", I)],
    "people": [("person_id", V), ("name", V)],
    "person_mentions": [("doc_id", V), ("person_id", V), ("surface", V), ("char_start", I), ("char_end", I),
                        ("role", V), ("affiliation_body_id", V)],
    "places": [("place_id", V), ("name", V), ("place_type", V), ("reference_id", V)],
    "place_mentions": [("doc_id", V), ("place_id", V), ("surface", V), ("char_start", I), ("char_end", I)],
    "ingest_errors": [("source", V), ("uri", V), ("doc_id", V), ("location", V), ("stage", V), ("error", V),
                      ("occurred_at", TS)],
}

# What one batch writes per document (the publisher resolves entity identity and attribution across documents).
_MENTION = [("doc_id", V), ("surface", V), ("char_start", I), ("char_end", I)]
STAGED: dict[str, list[tuple[str, str]]] = {
    "documents": WAREHOUSE["documents"],
    "document_blocks": WAREHOUSE["document_blocks"],
    "comments": WAREHOUSE["comments"],
    # the attributed body by its key (resolved to its id at the publish), the person by its id
    "numeric_claims": [c for c in WAREHOUSE["numeric_claims"] if c[0] != "attributed_body_id"]
                      + [("attributed_body_key", V)],
    "body_mentions": _MENTION + [("body_key", V), ("name", V), ("body_type", V), ("acronym", V),
                                 ("is_generic", B), ("reference_id", V)],
    "person_mentions": _MENTION + [("person_id", V), ("name", V), ("role", V), ("affiliation_body_key", V)],
    "place_mentions": _MENTION + [("place_id", V), ("name", V), ("place_type", V), ("reference_id", V)],
    "stage_errors": [("doc_id", V), ("stage", V), ("error", V), ("occurred_at", TS)],
}
CLEAN_TABLES = ("documents", "document_blocks", "comments", "stage_errors")
EXTRACT_TABLES = ("numeric_claims", "body_mentions", "person_mentions", "place_mentions", "stage_errors")

_ARROW = {V: pa.string(), I: pa.int32(), D: pa.float64(), B: pa.bool_(), TS: pa.timestamp("us"), DT: pa.date32()}


def arrow_schema(columns: list[tuple[str, str]]) -> pa.Schema:
    return pa.schema([(name, _ARROW[typ]) for name, typ in columns])


# Long text columns are stored with ZSTD: DuckDB's default analysis of them (dictionary and FSST) costs more time
# at the publish and gives a file twice the size, and a scan of them (ILIKE) is as fast (`bench/bench_publish.py`;
# README, "Performance"). DuckDB 1.4 and the 1.5 CLI read these columns (`tests/test_compatibility.py`).
ZSTD_COLUMNS = frozenset({("documents", "body_text"), ("document_blocks", "text"), ("comments", "text"),
                          ("numeric_claims", "sentence")})


def create_sql(table: str) -> str:
    cols = ", ".join(f'"{name}" {typ}' + (" USING COMPRESSION zstd" if (table, name) in ZSTD_COLUMNS else "")
                     for name, typ in WAREHOUSE[table])
    return f"CREATE TABLE {table} ({cols})"


def rows_to_table(rows: list[dict], columns: list[tuple[str, str]]) -> pa.Table:
    """Rows (dicts) to an Arrow table with the declared column types; missing keys are NULL. Built a column at a
    time, not a dict per row (200,000 claim rows: 0.4-0.6 s against 1.3-1.7 s)."""
    schema = arrow_schema(columns)
    return pa.table([pa.array([r.get(field.name) for r in rows], type=field.type) for field in schema],
                    schema=schema)
