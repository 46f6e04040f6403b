"""The contract's invariants, checked on the candidate warehouse before it replaces the published one.

Each check is a query returning the offending rows (none: passed). ERROR checks stop the publish; WARN checks
publish and flag. The same list backs the Dagster asset checks, so the UI shows the failing rows.
"""
from __future__ import annotations

from dataclasses import dataclass

import duckdb

from .cleaning import ROLES

QUALIFIERS = ("exact", "about", "over", "under", "at_least", "up_to", "just")
BODY_TYPES = ("central_government", "parliament_party", "local_authority", "combined_authority", "lep",
              "membership_body", "public_body", "union", "think_tank", "university", "charity_ngo", "company",
              "programme_or_fund", "other_org")
PLACE_TYPES = ("country", "region", "county_or_area", "city_town", "constituency", "street")
STAGES = ("read", "decode", "parse", "clean", "extract")
UNIT_PATTERN = (r"^([A-Z]{3}|percent|percentage_points|fraction|ratio|count|years|months|weeks|days|hours|"
                r"other:.+)$")
NOT_BOILERPLATE = ("title", "byline", "section", "dateline", "body")


def _in(values: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"


def _span(table: str, surface: str, key: str) -> str:
    return (f"SELECT t.doc_id, t.{key}, t.char_start, t.char_end, t.{surface} FROM {table} t "
            f"LEFT JOIN documents d USING (doc_id) WHERE t.char_start IS NULL OR t.char_end IS NULL "
            f"OR d.body_text IS NULL OR t.char_start < 0 OR t.char_end > length(d.body_text) "
            f"OR substring(d.body_text, t.char_start + 1, t.char_end - t.char_start) IS DISTINCT FROM t.{surface}")


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


CHECKS: list[Check] = [
    Check("offsets_valid", "every body block, claim and mention is the exact span of body_text it points at",
          " UNION ALL ".join([
              "SELECT doc_id, 'block ' || block_no AS what, char_start, char_end, text FROM (" +
              _span("(SELECT * FROM document_blocks WHERE role = 'body')", "text", "block_no") + ")",
              "SELECT doc_id, 'claim ' || claim_id, char_start, char_end, surface FROM (" +
              _span("numeric_claims", "surface", "claim_id") + ")",
              "SELECT doc_id, 'body ' || body_id, char_start, char_end, surface FROM (" +
              _span("body_mentions", "surface", "body_id") + ")",
              "SELECT doc_id, 'person ' || person_id, char_start, char_end, surface FROM (" +
              _span("person_mentions", "surface", "person_id") + ")",
              "SELECT doc_id, 'place ' || place_id, char_start, char_end, surface FROM (" +
              _span("place_mentions", "surface", "place_id") + ")",
          ])),
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
        cur = con.execute(f"SELECT * FROM ({check.sql}) LIMIT 20")
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
