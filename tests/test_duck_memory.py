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
