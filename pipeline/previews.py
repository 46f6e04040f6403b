"""Table previews of the published warehouse for Dagster's metadata, read with DuckDB (no DataFrame library:
importing one would cost every run a quarter of a second for ten rows)."""
from __future__ import annotations

import math
from pathlib import Path

import duckdb
from dagster import MetadataValue, TableColumn, TableRecord, TableSchema

# metadata key -> query; each a small, fixed-size answer (the README's starters)
PREVIEWS = {
    "preview_claims_by_unit": "SELECT unit, claims, documents, min_value, median_value, max_value "
                              "FROM claims_by_unit ORDER BY claims DESC, unit LIMIT 10",
    "preview_top_bodies": "SELECT name, body_type, documents, mentions FROM body_mention_counts "
                          "ORDER BY mentions DESC, name LIMIT 10",
}
_INTEGERS = ("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER",
             "UBIGINT", "UHUGEINT")


def _column_type(duck_type: str) -> str:
    if duck_type in _INTEGERS:
        return "int"
    if duck_type in ("DOUBLE", "FLOAT") or duck_type.startswith("DECIMAL"):
        return "float"
    return "bool" if duck_type == "BOOLEAN" else "string"


def _cell(value: object) -> object:
    """Numbers and booleans kept as they are, NULL and NaN as None, everything else as text."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return value if isinstance(value, int | float | bool) else str(value)


def table_value(rel: duckdb.DuckDBPyRelation) -> MetadataValue:
    """A query's rows as Dagster table metadata."""
    names = [str(c) for c in rel.columns]
    schema = TableSchema(columns=[TableColumn(n, _column_type(str(t))) for n, t in zip(names, rel.types,
                                                                                       strict=True)])
    records = [TableRecord({n: _cell(v) for n, v in zip(names, row, strict=True)}) for row in rel.fetchall()]
    return MetadataValue.table(records, schema=schema)


def previews(warehouse: Path) -> dict[str, MetadataValue]:
    """Every preview, read from the published warehouse (read-only)."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return {key: table_value(con.sql(sql)) for key, sql in PREVIEWS.items()}
    finally:
        con.close()
