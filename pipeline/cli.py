"""Command line: `python -m pipeline run [--full] [--dask ADDRESS]` (what `make run` calls) and
`python -m pipeline sql`.

Every failure a user can cause prints one line with the cause and the fix, and exits non-zero.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import uuid
from pathlib import Path

from .config import Settings


def _fail(message: str, code: int = 2) -> int:
    print(f"claimhouse: {message}", file=sys.stderr)
    return code


def _summary(result) -> list[str]:
    from dagster import MetadataValue

    def meta(node: str) -> dict:
        mats = result.asset_materializations_for_node(node)
        if not mats:
            return {}
        return {k: (v.value if isinstance(v, MetadataValue) else v) for k, v in mats[-1].metadata.items()}

    w = meta("warehouse")
    n = {k.removeprefix("documents_"): int(v) for k, v in w.items() if k.startswith("documents_")}
    rows = {k.removeprefix("rows_"): int(v) for k, v in w.items() if k.startswith("rows_")}
    lines = [f"documents: read {n.get('read', 0)}, new {n.get('new', 0)}, changed {n.get('changed', 0)}, "
             f"unchanged {n.get('unchanged', 0)}, removed {n.get('removed', 0)}, failed {n.get('failed', 0)}"]
    if n.get("to_process", 0) == 0:
        lines.append("nothing to re-extract: no document, source setting or extractor changed since the last run")
    else:
        lines.append(f"extracted {n['to_process']} documents ({n.get('reprocessed', 0)} reprocessed unchanged)")
    lines.append(f"warehouse: {rows.get('documents', 0)} documents, {rows.get('numeric_claims', 0)} claims, "
                 f"{rows.get('bodies', 0)} bodies, {rows.get('people', 0)} people, {rows.get('places', 0)} places, "
                 f"{rows.get('ingest_errors', 0)} errors")
    if w.get("rebuilt") is False:
        lines.append("nothing changed in what the warehouse holds: it was not rebuilt (warehouse_info still names "
                     "the run that built it)")
    elif w.get("changed_documents") is not None:
        lines.append(f"built on the last published file: {int(w['changed_documents'])} changed documents' rows "
                     f"loaded, the rest carried over; {int(w.get('rows_total', 0))} rows in "
                     f"{float(w.get('build_seconds', 0)):.2f}s")
    else:
        lines.append(f"bulk load: {int(w.get('rows_total', 0))} rows in {float(w.get('build_seconds', 0)):.2f}s")
    lines.append(f"published: {w.get('warehouse', '?')}")
    r = meta("report")
    if r.get("path"):
        lines.append(f"report: {r['path']}")
    return lines


def _failed_checks(result) -> list[str]:
    """One line per asset check that failed (WARN or ERROR), with its count and first failing row."""
    lines = []
    for evaluation in result.get_asset_check_evaluations():
        if evaluation.passed:
            continue
        meta = evaluation.metadata
        count = getattr(meta.get("failing_rows"), "value", "?")
        sample = getattr(meta.get("sample"), "value", None) or []
        example = f", e.g. {json.dumps(sample[0])}" if sample else ""
        lines.append(f"check failed ({evaluation.severity.value}): {evaluation.check_name}: {count} rows{example}")
    return lines


def published_sources(warehouse: Path) -> dict[str, int]:
    """Documents per source in the published warehouse ({} when there is none yet)."""
    import duckdb

    if not warehouse.exists():
        return {}
    try:
        con = duckdb.connect(str(warehouse), read_only=True)
        try:
            row = con.execute("SELECT sources FROM warehouse_info").fetchone()
        finally:
            con.close()
    except duckdb.Error:
        return {}
    return json.loads(row[0]) if row and row[0] else {}


def _dropped_sources(before: dict[str, int], names: set[str]) -> list[str]:
    return [f"dropped source {name!r}: it is no longer in the sources file, so its {n} documents left the warehouse"
            for name, n in sorted(before.items()) if name not in names]


def _failure_reason(result) -> str:
    for event in result.all_events:
        if event.is_step_failure and event.step_failure_data and event.step_failure_data.error:
            err = event.step_failure_data.error
            while err.cause is not None and "Failure" not in err.cls_name:
                err = err.cause
            return err.message.strip().splitlines()[0] if err.message else err.cls_name
    return "the run failed; see the Dagster UI (make ui) for its log"


class ProgressPrinter:
    """Shows documents done / total per stage: a bar on a terminal, a plain line per 10 % otherwise."""

    def __init__(self, stream=sys.stderr) -> None:
        self.stream = stream
        self.tty = stream.isatty()
        self.bars: dict = {}
        self.done: dict[str, int] = {}

    def __call__(self, stage: str, n: int, total: int) -> None:
        if self.tty:
            from tqdm import tqdm

            bar = self.bars.get(stage)
            if bar is None:
                bar = self.bars[stage] = tqdm(total=total, desc=f"{stage:<10}", unit="doc", file=self.stream)
            bar.update(n)
            return
        before = self.done.get(stage, 0)
        self.done[stage] = now = before + n
        if total and (now * 10 // total != before * 10 // total or now == total):
            print(f"{stage}: {now}/{total} documents", file=self.stream, flush=True)

    def close(self) -> None:
        for bar in self.bars.values():
            bar.close()


def _instance(dask: str | None):
    """The Dagster instance of DAGSTER_HOME when it is set up, else a throwaway one (the dask executor needs the
    shared, persistent one)."""
    from dagster import DagsterInstance

    home = os.environ.get("DAGSTER_HOME")
    if home and Path(home).is_absolute() and Path(home).is_dir():
        return DagsterInstance.get()
    if dask:
        raise ValueError("--dask needs DAGSTER_HOME set to an absolute folder that the dask workers share "
                         "(make creates .dagster/)")
    return DagsterInstance.ephemeral()


def _execute(resource, instance, full: bool, dask: str | None, tags: dict):
    """Run the refresh job: in this process, or with its steps on the dask scheduler at `dask`. In this process
    the job is built from the assets alone: the definitions' dask job would import dask (half a second)."""
    from dagster import Definitions, execute_job, reconstructable

    from .assets import ASSETS
    from .automation import refresh_warehouse
    from .resources import RESOURCE_KEY, ClaimhouseSettings

    run_config = {**resource.run_config(),
                  "ops": {"warehouse": {"ops": {"scan_sources": {"config": {"full": full}}}}},
                  "loggers": {"console": {"config": {"log_level": "WARNING"}}}}
    if dask:
        from .definitions import refresh_on_dask_job

        run_config["execution"] = {"config": {"cluster": {"existing": {"address": dask}}}}
        return execute_job(reconstructable(refresh_on_dask_job), instance=instance, run_config=run_config,
                           tags=tags)
    defs = Definitions(assets=ASSETS, jobs=[refresh_warehouse],
                       resources={RESOURCE_KEY: ClaimhouseSettings.from_env()})
    return defs.resolve_job_def("refresh_warehouse").execute_in_process(
        instance=instance, raise_on_error=False, tags=tags, run_config=run_config)


def run(full: bool, dask: str | None = None) -> int:
    """Materialise the warehouse and its report once; the run lock is held by this process throughout."""
    from . import progress, runlock
    from .sources import SourcesError, load_sources

    owner = f"cli:{uuid.uuid4().hex[:16]}"
    try:
        settings = Settings.from_env()
        # in this process, decoding and each batch's documents spread over every core (pipeline/workers.py)
        workers = settings.workers or (1 if dask else os.cpu_count() or 1)
        if workers > 1:  # their forkserver loads the extractors while Dagster is imported and starts here
            from .workers import start_forkserver

            start_forkserver()
        from .assets import LOCK_OWNER_TAG
        from .resources import ClaimhouseSettings

        resource = ClaimhouseSettings.from_env(resolve=True, workers=workers)
        names = {spec.name for spec in load_sources(settings.sources_file)}
        settings.make_folders()
        instance = _instance(dask)
        runlock.acquire(settings.state_dir, pid=os.getpid(), owner=owner,
                        run_alive=runlock.dagster_run_alive(instance))
    except (SourcesError, ValueError) as exc:
        return _fail(str(exc))
    except runlock.RunLocked as exc:
        return _fail(str(exc), code=3)
    except OSError as exc:  # the state folder exists but the run lock cannot be written in it
        return _fail(f"cannot take the run lock in {settings.state_dir} ({exc.strerror or exc}); point "
                     "CLAIMHOUSE_STATE at a folder the user running Claimhouse can write")
    before = published_sources(settings.warehouse)
    printer = ProgressPrinter()
    progress.add_listener(printer)
    try:
        result = _execute(resource, instance, full, dask,
                          {"claimhouse/trigger": "make run", LOCK_OWNER_TAG: owner})
    finally:
        progress.remove_listener(printer)
        printer.close()
        runlock.release(settings.state_dir, owner=owner)
    if not result.success:
        for line in _failed_checks(result):
            print(line, file=sys.stderr)
        return _fail(_failure_reason(result), code=1)
    print("\n".join(_summary(result) + _failed_checks(result) + _dropped_sources(before, names)))
    return 0


def check_readable(path: Path) -> str | None:
    """Why the published warehouse cannot be opened read-only now (None: it can)."""
    import duckdb

    if not path.exists():
        return f"no warehouse at {path}: run `make run` first (or set CLAIMHOUSE_WAREHOUSE to the published file)"
    try:
        duckdb.connect(str(path), read_only=True).close()
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            holder = re.search(r"PID (\d+)", str(exc))
            who = f" (process {holder.group(1)})" if holder else ""
            return (f"{path} is open read-write in another process{who}: close that connection; open the warehouse "
                    "read-only instead (duckdb -readonly, duckdb.connect(path, read_only=True))")
        return f"cannot open {path}: {exc}"
    return None


def sql() -> int:
    settings = Settings.from_env()
    problem = check_readable(settings.warehouse)
    if problem:
        return _fail(problem)
    duckdb_cli = Path(sys.executable).with_name("duckdb")
    os.execv(duckdb_cli, [str(duckdb_cli), "-readonly", str(settings.warehouse)])
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    run_p = sub.add_parser("run", help="materialise every asset once and publish the warehouse")
    run_p.add_argument("--full", action="store_true", help="reprocess every document")
    run_p.add_argument("--dask", metavar="ADDRESS", help="run the steps on the dask scheduler at ADDRESS "
                                                        "(tcp://host:8786); see README 'Scaling out'")
    sub.add_parser("sql", help="open the published warehouse read-only in the DuckDB CLI")
    args = parser.parse_args(argv)
    if args.command == "run":
        return run(args.full, args.dask)
    return sql()
