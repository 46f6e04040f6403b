"""Table previews of the published warehouse as Dagster metadata (no DataFrame library: importing one would cost
every run a quarter of a second for ten rows). The rows themselves come from the publish (`preview_rows`)."""
from __future__ import annotations

from dagster import MetadataValue, TableColumn, TableRecord, TableSchema

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


def previews(saved: dict[str, dict]) -> dict[str, MetadataValue]:
    """Every preview the publish read (``Published.previews``) as metadata."""
    return {key: table_value(preview) for key, preview in saved.items()}
