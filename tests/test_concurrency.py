"""Readers never block a run; a killed run leaves the published warehouse intact; one run at a time."""
from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from pipeline import runlock
from tests.helpers import REPO, Workspace, news_page

pytestmark = pytest.mark.xdist_group("heavy")


def _corpus(ws: Workspace, n: int, start: int = 0) -> None:
    docs = ws.folder("news")
    for i in range(start, start + n):
        (docs / f"p{i:04d}.txt").write_text(news_page(i, words=900))
    ws.write_sources([{"name": "news", "kind": "files", "path": "news"}])


def test_a_reader_keeps_its_snapshot_through_a_whole_run(workspace: Workspace) -> None:
    _corpus(workspace, 3)
    assert workspace.run().code == 0
    reader = duckdb.connect(str(workspace.warehouse), read_only=True)
    old_run = reader.execute("SELECT run_id FROM warehouse_info").fetchone()[0]
    _corpus(workspace, 2, start=3)
    out = workspace.run()  # must not wait for or fail on the open reader
    assert out.code == 0, out.err
    snapshot = reader.execute("SELECT count(*), any_value(run_id) FROM documents, warehouse_info").fetchone()
    assert snapshot == (3, old_run)
    reader.close()
    assert workspace.scalar("SELECT count(*) FROM documents") == 5
    assert workspace.scalar("SELECT run_id FROM warehouse_info") != old_run


def _wait_for(predicate, timeout: float) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.02)
    return False


@pytest.mark.parametrize("moment", ["after_scan", "during_extraction"])
def test_a_killed_run_leaves_the_last_warehouse_intact(workspace: Workspace, moment: str) -> None:
    _corpus(workspace, 4)
    assert workspace.run().code == 0
    before = hashlib.sha256(workspace.warehouse.read_bytes()).hexdigest()
    _corpus(workspace, 120, start=4)
    env = {**os.environ, **workspace.env(), "CLAIMHOUSE_BATCH_SIZE": "10"}
    env.pop("DAGSTER_HOME", None)
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "run", "--full"], cwd=REPO, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    runs = workspace.state / "runs"
    if moment == "after_scan":
        seen = _wait_for(lambda: any(runs.glob("*/plan.parquet")), 120)
    else:
        seen = _wait_for(lambda: len(list((workspace.state / "store").glob("out-*/clean_documents.parquet"))) >= 2, 120)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert seen, "the run never reached the moment to kill it"
    assert hashlib.sha256(workspace.warehouse.read_bytes()).hexdigest() == before
    assert workspace.scalar("SELECT count(*) FROM documents") == 4
    out = workspace.run()  # the dead run's lock is free, its leftovers are ignored
    assert out.code == 0, out.err
    assert workspace.scalar("SELECT count(*) FROM documents") == 124


def test_a_second_run_exits_at_once_naming_the_holder(workspace: Workspace) -> None:
    _corpus(workspace, 1)
    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        runlock.acquire(workspace.state, run_id="holder-run", pid=holder.pid)
        started = time.monotonic()
        out = workspace.run()
        assert out.code == 3
        assert f"process {holder.pid}" in out.err and "holder-run" in out.err
        assert time.monotonic() - started < 30
        assert not workspace.warehouse.exists()
    finally:
        holder.kill()
        holder.wait()
    assert workspace.run().code == 0  # a dead holder's lock is free


def test_lock_is_reentrant_for_its_holder_and_released(tmp_path: Path) -> None:
    held = runlock.acquire(tmp_path, run_id="r1", pid=os.getpid())
    again = runlock.acquire(tmp_path, run_id="r2", pid=os.getpid())
    assert (held.pid, again.run_id, again.since) == (os.getpid(), "r2", held.since)
    runlock.release(tmp_path, pid=os.getpid())
    assert runlock.current_holder(tmp_path) is None
