"""Shared fixtures: an isolated Claimhouse environment (sources file, warehouse, state) per test.

Every process the suite starts inherits a session mark in its environment; when the session ends, none of them
may still be running (pool workers, forkservers, resource trackers, runs started as subprocesses).
"""
from __future__ import annotations

import os
import shutil
import sys
import time
import uuid
from pathlib import Path

import pytest

from tests.helpers import REPO, Workspace

SESSION_MARK = "PYTEST_CLAIMHOUSE_SESSION"
os.environ.setdefault(SESSION_MARK, uuid.uuid4().hex)
LEFTOVER_WAIT = 30.0  # seconds the suite's processes get to exit after the last test


def _marked_processes() -> list[str]:
    """Processes other than this one whose environment carries this session's mark, as "pid command"."""
    mark = f"{SESSION_MARK}={os.environ[SESSION_MARK]}".encode()
    found = []
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            if proc.name != str(os.getpid()) and mark in (proc / "environ").read_bytes().split(b"\0"):
                command = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
                found.append(f"{proc.name} {command[:150]}")
        except OSError:
            continue
    return found


@pytest.hookimpl(hookwrapper=True)
def pytest_sessionfinish(session: pytest.Session):
    """After every other finish hook (xdist has stopped its workers): fail the session if a process is left."""
    yield
    if hasattr(session.config, "workerinput") or not Path("/proc").is_dir():
        from pipeline import workers

        workers.shutdown()
        return
    deadline = time.monotonic() + LEFTOVER_WAIT
    while (left := _marked_processes()) and time.monotonic() < deadline:
        time.sleep(0.5)
    if left:
        print(f"\nthe test session left {len(left)} processes running:\n  " + "\n  ".join(left), file=sys.stderr)
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
