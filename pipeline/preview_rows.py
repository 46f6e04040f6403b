"""The few rows the warehouse asset's metadata previews (the README's starter summaries), as plain JSON-able data.

They are read in the publish, from the candidate under its memory cap, and kept in the publish record: a run
that keeps the published file shows them again without opening it (a record without them is not kept: the run
publishes again). Reading them from the published file in a connection of its own peaked 350 MiB above the run
at 100,000 pages: a median over every claim.
"""
from __future__ import annotations

import math

import duckdb

from . import duck

# metadata key -> query; each a small, fixed-size answer
PREVIEWS = {
    "preview_claims_by_unit": "SELECT unit, claims, documents, min_value, median_value, max_value "
                              "FROM claims_by_unit ORDER BY claims DESC, unit LIMIT 10",
    "preview_top_bodies": "SELECT name, body_type, documents, mentions FROM body_mention_counts "
                          "ORDER BY mentions DESC, name LIMIT 10",
}


def _cell(value: object) -> object:
    """Numbers and booleans kept as they are, NULL and NaN as None, everything else as text."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return value if isinstance(value, int | float | bool) else str(value)


def read_previews(con: duckdb.DuckDBPyConnection) -> dict[str, dict]:
    """Every preview: key -> {"columns", "types" (DuckDB's), "rows"}."""
    found = {}
    for key, sql in PREVIEWS.items():
        types = [str(t) for t in con.sql(sql).types]
        columns, rows = duck.fetch_all(con, sql)
        found[key] = {"columns": columns, "types": types, "rows": [[_cell(v) for v in row] for row in rows]}
    return found
