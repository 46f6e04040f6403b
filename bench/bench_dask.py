"""Scale-out benchmark: a full run on a loopback dask cluster with 1, 2, 4 workers, against the in-process run.

    .venv/bin/python bench/bench_dask.py [--size 1000] [--words 1000] [--batch-size 100] [--workers 1 2 4]

Each worker is a separate single-threaded process (as it would be on its own machine), sharing only the state
folder and DAGSTER_HOME with the run. Prints documents/s of each full run and, from Dagster's event log, the time
of the scan, of the batch steps (summed and wall) and of the publish; asserts nothing.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write_corpus  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
DASK = Path(sys.executable).with_name("dask")


@contextmanager
def cluster(tmp: Path, workers: int) -> Iterator[str]:
    """A scheduler and `workers` single-threaded worker processes on 127.0.0.1; all stopped on exit."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CLAIMHOUSE_", "DAGSTER_HOME"))}
    sched = tmp / "scheduler.json"
    sched.unlink(missing_ok=True)
    opts = {"cwd": tmp, "env": env, "start_new_session": True, "stdout": subprocess.DEVNULL,
            "stderr": subprocess.DEVNULL}
    procs = [subprocess.Popen([str(DASK), "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                               "--scheduler-file", str(sched)], **opts)]
    try:
        while not sched.exists():
            time.sleep(0.1)
        address = json.loads(sched.read_text())["address"]
        procs += [subprocess.Popen([str(DASK), "worker", address, "--host", "127.0.0.1", "--nthreads", "1",
                                    "--no-nanny", "--no-dashboard"], **opts) for _ in range(workers)]
        from distributed import Client

        with Client(address, timeout=60) as client:
            client.wait_for_workers(workers, timeout=120)
        yield address
    finally:
        for proc in reversed(procs):
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait()


def _steps(home: Path) -> dict[str, float]:
    """Seconds of the scan, the batch steps (summed, and first start to last end) and the publish of the run."""
    from dagster import DagsterEventType, DagsterInstance

    with DagsterInstance.from_config(str(home)) as instance:
        run = instance.get_runs(limit=1)[0]
        times: dict[str, list[float]] = {}
        for kind in (DagsterEventType.STEP_START, DagsterEventType.STEP_SUCCESS):
            for e in instance.all_logs(run.run_id, of_type=kind):
                times.setdefault(e.step_key, []).append(e.timestamp)
    span = {k: v[-1] - v[0] for k, v in times.items() if len(v) == 2}
    batches = {k: v for k, v in times.items() if "clean_and_extract" in k}
    return {"scan": span.get("warehouse.scan_sources", 0.0),
            "batches_summed": sum(span[k] for k in batches if k in span),
            "batches_wall": max(v[-1] for v in batches.values()) - min(v[0] for v in batches.values())
            if batches else 0.0,
            "publish": span.get("warehouse.publish_warehouse", 0.0)}


def _run(env: dict[str, str], *args: str) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "pipeline", "run", "--full", *args], cwd=REPO, env=env,
                          capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"the run failed: {done.stderr[-2000:]}")
    return time.perf_counter() - start, done.stdout


def _report(label: str, size: int, wall: float, out: str, home: Path) -> None:
    load = re.search(r"bulk load: (\d+) rows in ([\d.]+)s", out)
    steps = _steps(home)
    print(f"{label}: {wall:.1f}s, {size / wall:.1f} documents/s; scan {steps['scan']:.1f}s, batch steps "
          f"{steps['batches_wall']:.1f}s wall ({steps['batches_summed']:.1f}s summed, "
          f"{size / max(steps['batches_wall'], 1e-9):.1f} documents/s), publish {steps['publish']:.1f}s"
          + (f" (bulk load {int(load.group(1))} rows in {float(load.group(2)):.1f}s)" if load else ""), flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=1000)
    ap.add_argument("--words", type=int, default=1000)
    ap.add_argument("--batch-size", type=int, default=100)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    ap.add_argument("--root", type=Path, default=REPO / "bench" / "out")
    args = ap.parse_args()
    corpus = args.root / f"corpus-{args.size}"
    if not corpus.exists():
        write_corpus(corpus, args.size, args.words)
    out = args.root / "dask"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    (out / "sources.yaml").write_text(f"sources:\n  - name: bench\n    kind: files\n    path: {corpus}\n")
    env = {**os.environ, "CLAIMHOUSE_SOURCES": str(out / "sources.yaml"),
           "CLAIMHOUSE_WAREHOUSE": str(out / "warehouse.duckdb"), "CLAIMHOUSE_BATCH_SIZE": str(args.batch_size)}
    print(f"{args.size} pages of {args.words} words, batches of {args.batch_size}, {os.cpu_count()} cores")
    for label, workers in [("in-process (make run)", 0), *[(f"dask, {n} workers", n) for n in args.workers]]:
        home = out / f"dagster-{workers}"
        home.mkdir()
        shutil.copy(REPO / "config" / "dagster.yaml", home / "dagster.yaml")
        shutil.rmtree(out / "warehouse.duckdb.state", ignore_errors=True)
        run_env = {**env, "DAGSTER_HOME": str(home)}
        if workers == 0:
            wall, text = _run(run_env)
        else:
            with cluster(out, workers) as address:
                wall, text = _run(run_env, "--dask", address)
        _report(label, args.size, wall, text, home)


if __name__ == "__main__":
    main()
