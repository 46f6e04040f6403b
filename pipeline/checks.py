"""The contract's invariants, checked on the candidate warehouse before it replaces the published one.

Each check is a query returning the offending rows (none: passed). ERROR checks stop the publish; WARN checks
publish and flag. The same list backs the Dagster asset checks, so the UI shows the failing rows.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import islice

import duckdb

from . import duck
from .cleaning import ROLES
from .span_check import Bodies

QUALIFIERS = ("exact", "about", "over", "under", "at_least", "up_to", "just")
BODY_TYPES = ("central_government", "parliament_party", "local_authority", "combined_authority", "lep",
              "membership_body", "public_body", "union", "think_tank", "university", "charity_ngo", "company",
              "programme_or_fund", "other_org")
PLACE_TYPES = ("country", "region", "county_or_area", "city_town", "constituency", "street")
STAGES = ("read", "decode", "parse", "clean", "extract")
UNIT_PATTERN = (r"^([A-Z]{3}|percent|percentage_points|fraction|ratio|count|years|months|weeks|days|hours|"
                r"other:.+)$")
NOT_BOILERPLATE = ("title", "byline", "section", "dateline", "body")
SAMPLE = 20


def _in(values: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"


SPAN_TABLES = [  # (rows, what names the row, its surface column)
    ("(SELECT * FROM document_blocks WHERE role = 'body')", "'block ' || block_no", "text"),
    ("numeric_claims", "'claim ' || claim_id", "surface"),
    ("body_mentions", "'body ' || body_id", "surface"),
    ("person_mentions", "'person ' || person_id", "surface"),
    ("place_mentions", "'place ' || place_id", "surface"),
]
SPANS_SQL = " UNION ALL ".join(f"SELECT doc_id, {what} AS what, char_start, char_end, {surface} AS surface FROM {rows}"
                               for rows, what, surface in SPAN_TABLES)


SPAN_DOC_IDS = " UNION ALL ".join(f"SELECT doc_id FROM {rows}" for rows, _, _ in SPAN_TABLES)


CHECK_DOCS = 2_000  # documents whose bodies are held at once by the span check
SPAN_ROWS = 20_000  # spans compared at once


def offset_faults(con: duckdb.DuckDBPyConnection, doc_ids: list[str] | None = None) -> Iterator[dict]:
    """The spans that are not the exact text of `body_text` they point at; ``doc_ids``: only these documents'
    (a publish built on the last published file checks the documents it loaded: every other document's text and
    spans are the rows that passed this check when they were published).

    The documents are read as stored, CHECK_DOCS at a time, and each group's spans are compared in bulk with
    their bodies (``span_check``): each body is read once, so the cost is the text plus the spans (slicing
    `body_text` in SQL per span costs the whole body each time: a 24 MB page with 288k spans, hours), and nothing
    is sorted (sorting the bodies by doc_id needs about 1 GB at 100,000 pages). A full build
    stores documents in doc_id order, as the span tables are, so each group's spans are a few row groups. It
    streams, so it runs under the small ``STREAM_MEMORY_LIMIT``: with the usual cap DuckDB keeps the tables it has
    scanned cached up to it, and the process grows with the warehouse.
    """
    with duck.memory_limit(con, duck.STREAM_MEMORY_LIMIT):
        yield from _offset_faults(con, doc_ids)


def _offset_faults(con: duckdb.DuckDBPyConnection, doc_ids: list[str] | None) -> Iterator[dict]:
    """The work of ``offset_faults``, under ``STREAM_MEMORY_LIMIT``."""
    only, params = ("AND doc_id IN (SELECT unnest(?::VARCHAR[]))", [doc_ids]) if doc_ids is not None else ("", [])
    lost = [r[0] for r in con.execute(f"SELECT DISTINCT doc_id FROM ({SPAN_DOC_IDS}) s WHERE NOT EXISTS "
                                      f"(SELECT 1 FROM documents d WHERE d.doc_id = s.doc_id) {only}",
                                      params or None).fetchall()]
    if lost:  # spans without their document (or any): read whole only then (all spans' text: 6 s at 100k pages)
        yield from _faults(con.sql(f"SELECT * FROM ({SPANS_SQL}) WHERE (doc_id IS NULL "
                                   f"OR list_contains(?::VARCHAR[], doc_id)) {only}",
                                   params=[[d for d in lost if d is not None], *params]), {})
    docs = con.cursor()  # streams the bodies while `con` reads each group's spans
    try:
        stream = docs.sql(f"SELECT doc_id, body_text FROM documents WHERE doc_id IS NOT NULL {only}",
                          params=params or None)
        for rb in stream.to_arrow_reader(CHECK_DOCS):
            ids, texts = rb["doc_id"].to_pylist(), rb["body_text"].to_pylist()
            yield from _faults(con.sql(f"SELECT * FROM ({SPANS_SQL}) WHERE doc_id BETWEEN ? AND ? "
                                       "AND doc_id IN (SELECT unnest(?::VARCHAR[]))",
                                       params=[min(ids), max(ids), ids]), dict(zip(ids, texts, strict=True)))
    finally:
        docs.close()


def _faults(spans: duckdb.DuckDBPyRelation, bodies: dict[str, str | None]) -> Iterator[dict]:
    """The spans that are not the exact slice of their document's body in `bodies` (no body: a fault)."""
    group = Bodies(bodies)
    for rb in spans.to_arrow_reader(SPAN_ROWS):
        for i in group.faulty_rows(rb):
            row = rb.slice(int(i), 1).to_pylist()[0]
            yield {"doc_id": row["doc_id"], "what": row["what"], "char_start": row["char_start"],
                   "char_end": row["char_end"], "text": row["surface"]}


def _orphans(table: str, column: str, parent: str, parent_column: str | None = None) -> str:
    pc = parent_column or column
    return (f"SELECT t.* FROM {table} t WHERE t.{column} IS NOT NULL AND NOT EXISTS "
            f"(SELECT 1 FROM {parent} p WHERE p.{pc} = t.{column})")


def _dupes(table: str, columns: str) -> str:
    return f"SELECT {columns}, count(*) AS copies FROM {table} GROUP BY {columns} HAVING count(*) > 1"


@dataclass(frozen=True)
class Check:
    name: str
    description: str
    sql: str
    severity: str = "ERROR"
    rows: Callable[[duckdb.DuckDBPyConnection], Iterator[dict]] | None = None  # computed in Python, not `sql`


CHECKS: list[Check] = [
    Check("offsets_valid", "every body block, claim and mention is the exact span of body_text it points at",
          SPANS_SQL, rows=offset_faults),
    Check("vocabularies_closed", "roles, units, qualifiers, types, stages and formats are from the contract's lists",
          " UNION ALL ".join([
              f"SELECT 'role' AS field, role AS value FROM document_blocks WHERE role NOT IN {_in(ROLES)}",
              "SELECT 'is_boilerplate', role FROM document_blocks WHERE is_boilerplate IS DISTINCT FROM "
              f"(role NOT IN {_in(NOT_BOILERPLATE)})",
              f"SELECT 'unit', unit FROM numeric_claims WHERE NOT regexp_matches(coalesce(unit, ''), '{UNIT_PATTERN}')",
              f"SELECT 'qualifier', qualifier FROM numeric_claims WHERE qualifier NOT IN {_in(QUALIFIERS)} "
              "OR qualifier IS NULL",
              f"SELECT 'body_type', body_type FROM bodies WHERE body_type NOT IN {_in(BODY_TYPES)} "
              "OR body_type IS NULL",
              f"SELECT 'place_type', place_type FROM places WHERE place_type NOT IN {_in(PLACE_TYPES)} "
              "OR place_type IS NULL",
              f"SELECT 'stage', stage FROM ingest_errors WHERE stage NOT IN {_in(STAGES)}",
              "SELECT 'format', format FROM documents WHERE format NOT IN ('text', 'html')",
          ])),
    Check("foreign_keys_resolve", "every row's document, body, person and place exists",
          " UNION ALL ".join(
              f"SELECT '{t}.{c}' AS reference, CAST({c} AS VARCHAR) AS missing FROM ({_orphans(t, c, p, pc)})"
              for t, c, p, pc in [
                  ("document_blocks", "doc_id", "documents", None), ("comments", "doc_id", "documents", None),
                  ("numeric_claims", "doc_id", "documents", None), ("body_mentions", "doc_id", "documents", None),
                  ("body_mentions", "body_id", "bodies", None), ("body_aliases", "body_id", "bodies", None),
                  ("person_mentions", "doc_id", "documents", None), ("person_mentions", "person_id", "people", None),
                  ("person_mentions", "affiliation_body_id", "bodies", "body_id"),
                  ("place_mentions", "doc_id", "documents", None), ("place_mentions", "place_id", "places", None),
                  ("numeric_claims", "attributed_body_id", "bodies", "body_id"),
                  ("numeric_claims", "attributed_person_id", "people", "person_id"),
              ])),
    Check("ids_unique", "document, block, claim, body, person and place ids are unique",
          " UNION ALL ".join(
              f"SELECT '{t}' AS tbl, CAST(({cols}) AS VARCHAR) AS id, copies FROM ({_dupes(t, cols)})"
              for t, cols in [("documents", "doc_id"), ("document_blocks", "doc_id, block_no"),
                              ("comments", "doc_id, comment_no"), ("numeric_claims", "claim_id"),
                              ("bodies", "body_id"), ("people", "person_id"), ("places", "place_id"),
                              ("body_aliases", "body_id, alias")])),
]


@dataclass(frozen=True)
class CheckOutcome:
    check: Check
    failures: int
    sample: list[dict]

    @property
    def passed(self) -> bool:
        return self.failures == 0


def run_checks(con: duckdb.DuckDBPyConnection, checks: list[Check] | None = None) -> list[CheckOutcome]:
    outcomes = []
    for check in checks or CHECKS:
        if check.rows is not None:
            faults = check.rows(con)
            sample = list(islice(faults, SAMPLE))
            outcomes.append(CheckOutcome(check, len(sample) + sum(1 for _ in faults), sample))
            continue
        with duck.memory_limit(con, duck.CHECK_MEMORY_LIMIT):
            cur = con.execute(f"SELECT * FROM ({check.sql}) LIMIT {SAMPLE}")
            cols = [d[0] for d in cur.description]
            sample = [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]
            total = con.execute(f"SELECT count(*) FROM ({check.sql})").fetchone()[0] if sample else 0
        outcomes.append(CheckOutcome(check, total, sample))
    return outcomes


def source_shrink_check(previous: dict[str, int], current: dict[str, int]) -> CheckOutcome:
    """WARN when a source's published document count fell by half or more since the last publish."""
    check = Check("source_not_shrunk", "no source lost half or more of its documents since the last publish",
                  "", severity="WARN")
    sample = [{"source": s, "before": n, "now": current.get(s, 0)} for s, n in sorted(previous.items())
              if s in current and n >= 4 and current[s] * 2 <= n]
    return CheckOutcome(check, len(sample), sample)
