"""docs/schema.md is the schema the code defines, and the published warehouse has exactly that schema."""
from __future__ import annotations

from pipeline.schema_doc import COLUMNS, SCHEMA_MD, TABLES, render, view_columns
from pipeline.tables import WAREHOUSE
from tests.helpers import Workspace


def test_docs_schema_md_is_what_the_code_renders() -> None:
    assert SCHEMA_MD.read_text() == render(), "docs/schema.md is stale: run `.venv/bin/python -m pipeline.schema_doc`"


def test_every_table_and_column_is_described() -> None:
    assert set(TABLES) == set(WAREHOUSE)
    assert {name for columns in WAREHOUSE.values() for name, _ in columns} <= set(COLUMNS)


def _columns(ws: Workspace, relation: str) -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in ws.query("SELECT column_name, data_type FROM information_schema.columns "
                                           "WHERE table_name = ? ORDER BY ordinal_position", [relation])]


def test_the_published_warehouse_has_the_documented_columns(seeds_workspace: Workspace) -> None:
    assert seeds_workspace.run().code == 0
    for table, columns in WAREHOUSE.items():
        assert _columns(seeds_workspace, table) == columns, table
    for view, columns in view_columns().items():
        assert _columns(seeds_workspace, view) == columns, view
