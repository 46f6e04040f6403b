"""Shared fixtures, and the suite's isolation from the user's machine.

- Every test process (the session and each xdist worker, with the subprocesses they start) uses a Dagster instance
  of its own in a temporary folder, never the user's DAGSTER_HOME: `make test` leaves no run in the user's Dagster
  history, and two workers never create one instance's storage at the same time.
- Every process the session starts carries a session mark in its environment; at the end the session waits for
  them to exit, then ends (and names) any that are left and fails, so `make test` leaves nothing running.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import signal
import sys
import tempfile
import time
import uuid
from pathlib import Path

import pytest

from tests.helpers import REPO, Workspace, dagster_home

SESSION_MARK = "PYTEST_CLAIMHOUSE_SESSION"
_EXIT_GRACE_SECONDS = 20  # xdist workers and their pools are still exiting when the session finishes


def _is_controller(config: pytest.Config) -> bool:
    return not hasattr(config, "workerinput")


def pytest_configure(config: pytest.Config) -> None:
    if _is_controller(config):
        os.environ[SESSION_MARK] = uuid.uuid4().hex  # xdist workers inherit it
    home = dagster_home(Path(tempfile.mkdtemp(prefix="claimhouse-test-dagster-")))
    os.environ["DAGSTER_HOME"] = str(home)
    # a safety net: a run that no test pointed at a workspace publishes here, never into the user's data/
    os.environ.setdefault("CLAIMHOUSE_WAREHOUSE", str(home / "warehouse.duckdb"))
    config.stash[_HOME] = home


_HOME = pytest.StashKey[Path]()


def session_processes(mark: str) -> dict[int, str]:
    """Processes (other than this one) whose environment carries `mark`: pid -> command line."""
    needle = f"{SESSION_MARK}={mark}".encode()
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            if needle in (entry / "environ").read_bytes().split(b"\0"):
                found[int(entry.name)] = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue  # gone, or not ours to read
    return found


def _leftovers(mark: str) -> dict[int, str]:
    deadline = time.monotonic() + _EXIT_GRACE_SECONDS
    left = session_processes(mark)
    while left and time.monotonic() < deadline:
        time.sleep(0.5)
        left = session_processes(mark)
    return left


def _ends_with_us(pid: int, cmd: str) -> bool:
    """This process's own multiprocessing helper (a run without xdist: the resource tracker or the forkserver a
    Dagster multiprocess run started here): it exits when we do."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return True
    ppid = next((int(line.split()[1]) for line in status.splitlines() if line.startswith("PPid:")), 0)
    return ppid == os.getpid() and ("multiprocessing.resource_tracker" in cmd or "multiprocessing.forkserver" in cmd)


@pytest.hookimpl(hookwrapper=True, trylast=True)
def pytest_sessionfinish(session: pytest.Session, exitstatus: int):
    yield  # after xdist has shut its workers down
    home = session.config.stash.get(_HOME, None)
    if home is not None:
        shutil.rmtree(home, ignore_errors=True)
    from pipeline import workers

    workers.shutdown()  # this process's pool goes now, not at interpreter exit
    if not _is_controller(session.config):
        return
    if SESSION_MARK not in os.environ:
        return
    left = {pid: cmd for pid, cmd in _leftovers(os.environ[SESSION_MARK]).items() if not _ends_with_us(pid, cmd)}
    for pid in left:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    if left:
        lines = "\n".join(f"  {pid}: {cmd.strip()[:160]}" for pid, cmd in sorted(left.items()))
        print(f"\nclaimhouse: the test session left {len(left)} process(es) running (now killed):\n{lines}",
              file=sys.stderr)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    """A fresh sources folder, sources file, warehouse path and state folder, wired through CLAIMHOUSE_*."""
    ws = Workspace(tmp_path)
    for key in [k for k in os.environ if k.startswith("CLAIMHOUSE_") or k == "DAGSTER_HOME"]:
        monkeypatch.delenv(key)
    for key, value in ws.env().items():
        monkeypatch.setenv(key, value)
    return ws


@pytest.fixture
def seeds_workspace(workspace: Workspace) -> Workspace:
    """A workspace whose one source is a copy of the five seed pages."""
    shutil.copytree(REPO / "seeds", workspace.root / "seeds")
    workspace.write_sources([{"name": "seeds", "kind": "files", "path": "seeds"}])
    return workspace
