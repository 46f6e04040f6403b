"""DuckDB's memory cap: a read-only summary that does not fit it runs once more with room, and the cap comes back."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from pipeline import duck
from pipeline.report import Reader

MEDIAN = "SELECT unit, median(value) AS median_value, count(DISTINCT doc_id) AS documents FROM numeric_claims " \
         "GROUP BY unit ORDER BY unit"


@pytest.fixture
def claims_file(tmp_path: Path) -> Path:
    path = tmp_path / "w.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE numeric_claims AS SELECT 'doc' || (i // 7) AS doc_id, "
                "CASE WHEN i % 3 = 0 THEN 'GBP' ELSE 'percent' END AS unit, i::DOUBLE AS value "
                "FROM range(300000) t(i)")
    con.close()
    return path


def test_a_summary_that_does_not_fit_the_cap_runs_again_with_room(claims_file: Path, tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    # 300,000 claims: GBP every third value (i = 0, 3, ...), in documents i // 7 (the last, 42,857, holds only i =
    # 299,999: a percent); the medians are the mean of the two middle values
    monkeypatch.setattr(duck, "MEMORY_LIMIT", "1MB")
    con = duck.connect(claims_file, read_only=True, spill_dir=tmp_path / "spill")
    try:
        with pytest.raises(duckdb.OutOfMemoryException):  # the cap alone is too small for this summary
            con.execute(MEDIAN).fetchall()
        rows = Reader(con).rows(MEDIAN, "numeric_claims")
        assert rows == [{"unit": "GBP", "median_value": 149998.5, "documents": 42857},
                        {"unit": "percent", "median_value": 150000.0, "documents": 42858}]
        assert con.execute("SELECT current_setting('memory_limit')").fetchone()[0] in ("976.5 KiB", "1.0 MiB")
    finally:
        con.close()


def test_the_span_check_streams_under_the_small_cap_and_gives_the_cap_back(tmp_path: Path) -> None:
    """While the span check runs, DuckDB's cap is ``STREAM_MEMORY_LIMIT`` (it would otherwise keep the scanned
    tables cached up to the usual cap, and the process would grow with the warehouse); afterwards the cap is back."""
    from pipeline.checks import offset_faults
    from pipeline.tables import WAREHOUSE, create_sql

    con = duck.connect(tmp_path / "w.duckdb", spill_dir=tmp_path / "spill")
    try:
        for table in WAREHOUSE:
            con.execute(create_sql(table))
        con.execute("INSERT INTO documents (doc_id, body_text) VALUES ('d1', 'Rates rise by 5%.')")
        con.execute("INSERT INTO place_mentions (doc_id, place_id, surface, char_start, char_end) "
                    "VALUES ('d1', 'p1', 'Rates', 0, 5), ('d1', 'p2', 'Leeds', 6, 11)")
        cap = con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
        seen, other = [], con.cursor()  # the cap is the database's: any of its connections reads it
        for fault in offset_faults(con):
            seen.append((fault["what"], other.execute("SELECT current_setting('memory_limit')").fetchone()[0]))
        assert seen == [("place p2", "64.0 MiB")]
        assert con.execute("SELECT current_setting('memory_limit')").fetchone()[0] == cap
    finally:
        con.close()


def test_the_sql_checks_run_under_their_cap_and_give_back_the_connections_own(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A connection has its own cap again after the checks, which ran under ``CHECK_MEMORY_LIMIT`` (a duplicated
    id is still found there)."""
    monkeypatch.setattr(duck, "MEMORY_LIMIT", "100MiB")
    from pipeline.checks import CHECKS, run_checks
    from pipeline.tables import WAREHOUSE, create_sql

    con = duck.connect(tmp_path / "w.duckdb", spill_dir=tmp_path / "spill")
    try:
        for table in WAREHOUSE:
            con.execute(create_sql(table))
        con.execute("INSERT INTO places (place_id, name) VALUES ('p1', 'Leeds'), ('p1', 'Leeds')")
        con.execute("CREATE TEMP MACRO cap() AS current_setting('memory_limit')")
        ids = next(c for c in CHECKS if c.name == "ids_unique")
        watched = type(ids)(ids.name, ids.description, f"SELECT *, cap() AS cap FROM ({ids.sql})")
        [outcome] = run_checks(con, [watched])
        assert [(r["tbl"], r["copies"], r["cap"]) for r in outcome.sample] == [("places", 2, "128.0 MiB")]
        assert con.execute("SELECT current_setting('memory_limit')").fetchone()[0] == "100.0 MiB"
    finally:
        con.close()
