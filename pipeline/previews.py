"""Table previews of the published warehouse for Dagster's metadata: DataFrames read with DuckDB's `.df()`."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
from dagster import MetadataValue, TableColumn, TableRecord, TableSchema

# metadata key -> query; each a small, fixed-size answer (the README's starters)
PREVIEWS = {
    "preview_claims_by_unit": "SELECT unit, claims, documents, min_value, median_value, max_value "
                              "FROM claims_by_unit ORDER BY claims DESC, unit LIMIT 10",
    "preview_top_bodies": "SELECT name, body_type, documents, mentions FROM body_mention_counts "
                          "ORDER BY mentions DESC, name LIMIT 10",
}
_TYPES = {"i": "int", "u": "int", "f": "float", "b": "bool"}


def table_value(df: pd.DataFrame) -> MetadataValue:
    """A DataFrame as Dagster table metadata (numbers kept as numbers, everything else as text)."""
    schema = TableSchema(columns=[TableColumn(str(c), _TYPES.get(df[c].dtype.kind, "string")) for c in df.columns])
    records = [TableRecord({str(k): (v if v is None or isinstance(v, int | float | bool) else str(v))
                            for k, v in row.items()})
               for row in df.astype(object).where(df.notna(), None).to_dict("records")]
    return MetadataValue.table(records, schema=schema)


def previews(warehouse: Path) -> dict[str, MetadataValue]:
    """Every preview, read from the published warehouse (read-only)."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return {key: table_value(con.sql(sql).df()) for key, sql in PREVIEWS.items()}
    finally:
        con.close()
