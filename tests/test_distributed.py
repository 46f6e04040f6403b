"""The whole job on a real distributed engine: a dask scheduler and two workers, each a separate process over
loopback, sharing with the run only the state folder and Dagster's storage (DAGSTER_HOME), as machines on a shared
filesystem would. The warehouse must equal the in-process one, table by table, and nothing started may outlive
the test."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from dagster import DagsterEventType, DagsterInstance

from pipeline.tables import WAREHOUSE
from tests.helpers import REPO, Workspace, dagster_home, env_without_claimhouse, news_page

pytestmark = [pytest.mark.xdist_group("heavy"), pytest.mark.slow]
DASK = Path(sys.executable).with_name("dask")
VOLATILE = {"run_id", "git_commit"}  # besides timestamps: they name the run, not its data


def _table(ws: Workspace, table: str) -> list[tuple]:
    """Every row of a table, without the columns that say when or by which run it was made."""
    cols = [name for name, typ in ws.query(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
        [table]) if not typ.startswith("TIMESTAMP") and name not in VOLATILE]
    return ws.query(f"SELECT {', '.join(cols)} FROM {table} ORDER BY ALL")


def _snapshot(ws: Workspace) -> dict[str, list[tuple]]:
    return {table: _table(ws, table) for table in WAREHOUSE}


def _scheduler_address(path: Path, procs: list[subprocess.Popen]) -> str:
    """The address in the scheduler's file once it is written whole (dask writes it in place: it can be seen
    existing and still empty)."""
    import time

    while True:
        assert all(p.poll() is None for p in procs), "a dask process exited while starting"
        try:
            return json.loads(path.read_text())["address"]
        except (FileNotFoundError, json.JSONDecodeError):
            time.sleep(0.1)


@contextmanager
def dask_cluster(tmp: Path, workers: int) -> Iterator[tuple[str, list[int]]]:
    """A scheduler and `workers` single-threaded workers on 127.0.0.1, each its own process group, stopped (and
    checked gone) on exit. Workers get no CLAIMHOUSE_* settings: those travel in the run's config."""
    env = {**env_without_claimhouse(), "DASK_DISTRIBUTED__WORKER__DAEMON": "False"}
    env.pop("DAGSTER_HOME", None)
    sched_file = tmp / "scheduler.json"
    common = {"cwd": tmp, "env": env, "start_new_session": True, "stdout": subprocess.DEVNULL,
              "stderr": open(tmp / "dask.log", "ab")}  # noqa: SIM115 - closed with the processes
    procs = [subprocess.Popen([str(DASK), "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                               "--scheduler-file", str(sched_file)], **common)]
    try:
        address = _scheduler_address(sched_file, procs)
        procs += [subprocess.Popen([str(DASK), "worker", address, "--host", "127.0.0.1", "--nthreads", "1",
                                    "--no-nanny", "--no-dashboard", "--name", f"w{i}"], **common)
                  for i in range(workers)]
        from distributed import Client

        with Client(address, timeout=60) as client:
            client.wait_for_workers(workers, timeout=120)
        yield address, [p.pid for p in procs[1:]]
    finally:
        for proc in reversed(procs):
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        for proc in procs:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        common["stderr"].close()
        for proc in procs:  # nothing of any group we started is left
            with pytest.raises(ProcessLookupError):
                os.killpg(proc.pid, 0)


def _step_pids(home: Path) -> dict[str, int]:
    """The process each step of the (only) run started in, from Dagster's event log."""
    with DagsterInstance.from_config(str(home)) as instance:
        [run] = instance.get_runs()
        return {e.step_key: e.dagster_event.pid
                for e in instance.all_logs(run.run_id, of_type=DagsterEventType.STEP_START)}


def test_the_job_on_a_dask_cluster_publishes_the_same_warehouse(seeds_workspace: Workspace, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    ws = seeds_workspace
    for i in range(3):
        (ws.root / "seeds" / f"extra{i}.txt").write_text(news_page(i))
    assert ws.run().code == 0  # in-process, batches of 2 documents
    in_process = _snapshot(ws)
    shutil.rmtree(ws.state)
    ws.warehouse.unlink()

    home = dagster_home(tmp_path / "dagster_home")
    with dask_cluster(tmp_path, workers=2) as (address, worker_pids):
        run = subprocess.run([sys.executable, "-m", "pipeline", "run", "--dask", address], cwd=REPO,
                             env={**os.environ, **ws.env(), "DAGSTER_HOME": str(home)},
                             capture_output=True, text=True, timeout=900)
        assert run.returncode == 0, run.stderr[-3000:]
    assert "documents: read 8, new 8" in run.stdout
    assert not (ws.state / "run.lock").exists()  # taken on a worker for the launching process, released at the end
    assert _snapshot(ws) == in_process
    pids = _step_pids(home)
    batches = [k for k in pids if k.startswith("warehouse.clean_and_extract[")]
    assert len(batches) == 4
    assert set(pids.values()) <= set(worker_pids), "every step runs on a dask worker, none in the launching process"
