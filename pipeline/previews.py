"""Table previews of the published warehouse as Dagster metadata (no DataFrame library: importing one would cost
every run a quarter of a second for ten rows). The rows themselves come from the publish (`preview_rows`)."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from dagster import MetadataValue, TableColumn, TableRecord, TableSchema

from . import duck
from .preview_rows import read_previews
from .sweep import report_temp_prefixes

_INTEGERS = ("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER",
             "UBIGINT", "UHUGEINT")


def _column_type(duck_type: str) -> str:
    if duck_type in _INTEGERS:
        return "int"
    if duck_type in ("DOUBLE", "FLOAT") or duck_type.startswith("DECIMAL"):
        return "float"
    return "bool" if duck_type == "BOOLEAN" else "string"


def table_value(preview: dict) -> MetadataValue:
    """One preview's rows (``read_previews``) as Dagster table metadata."""
    names = preview["columns"]
    schema = TableSchema(columns=[TableColumn(n, _column_type(t)) for n, t in zip(names, preview["types"],
                                                                                  strict=True)])
    records = [TableRecord(dict(zip(names, row, strict=True))) for row in preview["rows"]]
    return MetadataValue.table(records, schema=schema)


def previews(saved: dict[str, dict] | None, warehouse: Path) -> dict[str, MetadataValue]:
    """Every preview as metadata: those the publish kept, else (a publish record written before they were kept)
    read from the published warehouse, read-only and under the memory cap."""
    if not saved:
        spill_prefix, _ = report_temp_prefixes(warehouse, os.getpid())  # swept by pid like the report's
        with tempfile.TemporaryDirectory(prefix=spill_prefix, dir=warehouse.parent) as spill:
            con = duck.connect(warehouse, read_only=True, spill_dir=Path(spill))
            try:
                saved = read_previews(con)
            finally:
                con.close()
    return {key: table_value(preview) for key, preview in saved.items()}
