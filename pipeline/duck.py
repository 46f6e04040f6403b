"""DuckDB connections with capped memory: past the cap, queries spill to a folder on disk.

Every connection that can grow with the corpus (the scan's repetition verdicts, the publish, the report) opens
through here, so the run's memory stays bounded however many documents there are.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

# at 100,000 pages, against 256 MiB: a full publish replayed alone peaks at 476 MiB (528), as fast; the report at
# 358 MiB (427), 10 % slower; 128 MiB is too small for the report's medians (their state cannot spill)
MEMORY_LIMIT = "192MiB"
# for a query that streams (the span check): DuckDB would cache the tables it scans up to the cap, which grows the
# process with the warehouse (at 100,000 pages the span check peaks at 586 MiB with the cap, 389 with this, as fast)
STREAM_MEMORY_LIMIT = "64MiB"
# for the SQL checks (hash aggregates over every id): they spill rather than grow the process with the warehouse
# (at 100,000 pages the id check peaks 120 MiB lower than under the usual cap, 10 % slower)
CHECK_MEMORY_LIMIT = "128MiB"
RETRY_MEMORY_LIMIT = "1GiB"  # for a read-only summary that does not fit the cap (``fetch_all``)


def connect(database: str | Path = ":memory:", *, spill_dir: Path, read_only: bool = False,
            **config: str) -> duckdb.DuckDBPyConnection:
    """A connection capped at `MEMORY_LIMIT` that spills to `spill_dir` (created if missing).

    The cap is SET after connecting, not passed as configuration: DuckDB refuses a second connection to a file
    this process already holds open with other settings (a reader in the same process must not break a run).
    """
    spill_dir.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(database), read_only=read_only, config=config)
    con.execute("SET memory_limit = ?", [MEMORY_LIMIT])
    con.execute("SET temp_directory = ?", [str(spill_dir)])
    return con


def fetch_all(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None,
              ) -> tuple[list[str], list[tuple]]:
    """Column names and rows of a read-only query. A query that runs out of memory under the cap (DuckDB spills
    sorts, joins and most aggregates, but not a median's or a distinct count's state) is run once more with
    ``RETRY_MEMORY_LIMIT``, and the cap is set back after it: a summary over a growing corpus never fails the run
    for lack of the cap's room."""
    def run() -> tuple[list[str], list[tuple]]:
        cur = con.execute(sql, params or [])
        return [d[0] for d in cur.description], cur.fetchall()

    try:
        return run()
    except duckdb.OutOfMemoryException:
        with memory_limit(con, RETRY_MEMORY_LIMIT):
            return run()


@contextmanager
def memory_limit(con: duckdb.DuckDBPyConnection, limit: str) -> Iterator[None]:
    """Run under another cap (the database's, so every cursor of it too), and set the cap before back after (read
    as DuckDB prints it, to a tenth of a unit: exact for the caps here, whole MiB)."""
    before = con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
    con.execute("SET memory_limit = ?", [limit])
    try:
        yield
    finally:
        con.execute("SET memory_limit = ?", [before])
