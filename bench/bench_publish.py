"""Where a full publish's seconds go: build a warehouse from a run's state, statement by statement; asserts nothing.

    .venv/bin/python bench/bench_publish.py WAREHOUSE [--repeat 3]

WAREHOUSE is a published file whose state folder (`WAREHOUSE.state`) holds the staged batches, e.g. the one
`bench/bench_pipeline.py` leaves in `bench/out/run-10000/warehouse.duckdb`. The candidate is built in a temporary
folder from the last committed manifest, exactly as a full publish builds it (`publish._fill`, the views, the
checks, the checkpoint), and thrown away: the published file and the state are only read. Prints the slowest
statements, each check, and rows/s over the whole build.
"""
from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from pipeline import duck, publish  # noqa: E402
from pipeline.checks import CHECKS, run_checks  # noqa: E402
from pipeline.scan import ERROR_SCHEMA  # noqa: E402
from pipeline.state import StateDir  # noqa: E402
from pipeline.tables import WAREHOUSE  # noqa: E402


class _Timed:
    """A connection that records how long each statement took."""

    def __init__(self, con) -> None:
        self.con, self.log = con, []

    def execute(self, sql: str, params: list | None = None):
        start = time.perf_counter()
        out = self.con.execute(sql, params) if params is not None else self.con.execute(sql)
        self.log.append((time.perf_counter() - start, " ".join(sql.split())[:90]))
        return out

    def __getattr__(self, name: str):
        return getattr(self.con, name)


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def build_once(state: StateDir, scratch: Path) -> tuple[float, float, int, list, dict[str, float]]:
    """One full build in `scratch`: wall and CPU seconds, rows, the statements' timings, the phases'."""
    run_dir = scratch / "run"
    run_dir.mkdir(parents=True)
    shutil.copy(state.manifest, run_dir / "manifest_next.parquet")
    pq.write_table(pa.Table.from_pylist([], schema=ERROR_SCHEMA), run_dir / "scan_errors.parquet")
    cpu, start = _cpu(), time.perf_counter()
    con = duck.connect(scratch / "candidate.duckdb", spill_dir=run_dir / "spill",
                       storage_compatibility_version=publish.STORAGE_VERSION)
    timed = _Timed(con)
    publish._fill(timed, state, run_dir, datetime.now())
    phases = {"fill": time.perf_counter() - start}
    t = time.perf_counter()
    publish.create_views(con)
    phases["views"] = time.perf_counter() - t
    for check in CHECKS:
        t = time.perf_counter()
        run_checks(con, [check])
        phases[f"check {check.name}"] = time.perf_counter() - t
    rows = sum(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in WAREHOUSE)
    t = time.perf_counter()
    con.execute("CHECKPOINT")
    phases["checkpoint"] = time.perf_counter() - t
    con.close()
    return time.perf_counter() - start, _cpu() - cpu, rows, timed.log, phases


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("warehouse", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--top", type=int, default=8, help="how many of the slowest statements to print")
    args = ap.parse_args()
    state = StateDir(args.warehouse.with_name(args.warehouse.name + ".state"))
    if not state.manifest.exists():
        sys.exit(f"{state.root}: no committed manifest; run the pipeline on it first")
    best = None
    for n in range(args.repeat):
        with tempfile.TemporaryDirectory(prefix="bench-publish-") as tmp:
            wall, cpu, rows, log, phases = build_once(state, Path(tmp))
        print(f"build {n + 1}: {rows:,} rows in {wall:.2f} s ({cpu:.2f} s CPU) = {rows / wall:,.0f} rows/s")
        if best is None or wall < best[0]:
            best = (wall, cpu, rows, log, phases)
    wall, cpu, rows, log, phases = best
    print(f"\nfastest build: {rows:,} rows in {wall:.2f} s = {rows / wall:,.0f} rows/s")
    print("  " + ", ".join(f"{name} {secs:.2f} s" for name, secs in phases.items()))
    for secs, sql in sorted(log, reverse=True)[:args.top]:
        print(f"  {secs:6.2f} s  {sql}")


if __name__ == "__main__":
    main()
