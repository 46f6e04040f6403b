"""One run at a time per warehouse: an exclusive lock file in the state folder, freed when its holder is gone.

A holder is an *owner* token, with what tells whether it still lives:
- a process id (with its start time, so a reused pid is not mistaken for it): `make run` holds the lock in its own
  process for the whole run, also while the run's steps execute on other processes or machines;
- a Dagster run id: a run launched from the UI, schedule or sensor takes the lock in its first step, wherever
  that step runs, and holds it until its last step. It lives while the Dagster instance says the run is not
  finished (`run_alive`), so a killed run worker frees it once Dagster marks the run failed.
The Dagster run that a `make run` process launches adopts that process's lock through the owner token.
"""
from __future__ import annotations

import fcntl
import json
import os
import socket
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .procs import pid_alive, process_start

LOCK_NAME = "run.lock"
RunAlive = Callable[[str], bool | None]  # run id -> still running? (None: this instance does not know the run)


class RunLocked(RuntimeError):
    """Another run holds the warehouse."""


@dataclass(frozen=True)
class Holder:
    owner: str
    pid: int | None
    started: str
    host: str
    run_id: str | None
    since: str

    def describe(self) -> str:
        who = f"process {self.pid} on {self.host}" if self.pid else f"a step on {self.host}"
        run = f" (Dagster run {self.run_id})" if self.run_id else ""
        return f"{who}{run}, running since {self.since}"


def _alive(holder: Holder, run_alive: RunAlive | None) -> bool:
    if holder.pid and holder.host == socket.gethostname():
        return pid_alive(holder.pid, holder.started)
    if holder.run_id and run_alive is not None:
        alive = run_alive(holder.run_id)
        if alive is not None:
            return alive
    return True  # cannot tell from here; trust it


def dagster_run_alive(instance: Any) -> RunAlive:
    """Liveness of a run id from a Dagster instance (anything with `get_run_by_id`)."""
    def alive(run_id: str) -> bool | None:
        run = instance.get_run_by_id(run_id)
        return None if run is None else not run.is_finished
    return alive


@contextmanager
def _guard(state_dir: Path):
    state_dir.mkdir(parents=True, exist_ok=True)
    with (state_dir / ".lock-guard").open("a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _read(state_dir: Path) -> Holder | None:
    try:
        data = json.loads((state_dir / LOCK_NAME).read_text())
        data.setdefault("owner", f"pid:{data.get('pid')}")
        return Holder(**data)
    except (OSError, ValueError, TypeError):
        return None


def current_holder(state_dir: Path, run_alive: RunAlive | None = None) -> Holder | None:
    """The live holder of the lock, or None when it is free (a dead holder's lock counts as free)."""
    holder = _read(state_dir)
    return holder if holder is not None and _alive(holder, run_alive) else None


def _owner(owner: str | None, pid: int | None, run_id: str | None) -> str:
    if owner:
        return owner
    return f"run:{run_id}" if run_id and pid is None else f"pid:{pid or os.getpid()}@{socket.gethostname()}"


def acquire(state_dir: Path, run_id: str | None = None, pid: int | None = None, owner: str | None = None,
            run_alive: RunAlive | None = None) -> Holder:
    """Take the lock for `owner` (default: the process `pid`, or this process) or raise RunLocked naming the holder.

    Re-entrant: the owner taking it again keeps its process and start time and records the run id.
    """
    owner = _owner(owner, pid, run_id)
    if pid is None and owner.startswith("pid:"):
        pid = os.getpid()
    with _guard(state_dir):
        holder = current_holder(state_dir, run_alive)
        if holder is not None and holder.owner != owner:
            raise RunLocked(f"another run holds {state_dir}: {holder.describe()}; wait for it to finish "
                            "(or stop it) and try again")
        if holder is not None and pid is None:  # adopted (a run step of the process holding it): keep its process
            mine = replace(holder, run_id=run_id or holder.run_id)
        else:
            mine = Holder(owner=owner, pid=pid, started=process_start(pid) if pid else "", host=socket.gethostname(),
                          run_id=run_id or (holder.run_id if holder else None),
                          since=holder.since if holder else datetime.now(UTC).isoformat(timespec="seconds"))
        tmp = state_dir / f".{LOCK_NAME}.{os.getpid()}"
        tmp.write_text(json.dumps(mine.__dict__))
        os.replace(tmp, state_dir / LOCK_NAME)
        return mine


def release(state_dir: Path, pid: int | None = None, owner: str | None = None, run_id: str | None = None) -> None:
    """Free the lock if `owner` (default: the process `pid`, or this process) holds it, or nobody live does."""
    owner = _owner(owner, pid, run_id)
    with _guard(state_dir):
        holder = _read(state_dir)
        if holder is None or holder.owner == owner or not _alive(holder, None):
            (state_dir / LOCK_NAME).unlink(missing_ok=True)
