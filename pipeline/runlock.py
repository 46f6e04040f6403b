"""One run at a time per warehouse: an exclusive lock file in the state folder, released when its holder dies.

The holder is a process id (with its start time, so a reused pid is not mistaken for the holder). `make run`
holds it in its own process; a Dagster run launched elsewhere takes it in its first step on behalf of the run
worker, so it lasts from reading sources to publishing and frees itself when that process ends.
"""
from __future__ import annotations

import fcntl
import json
import multiprocessing
import os
import socket
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

LOCK_NAME = "run.lock"


class RunLocked(RuntimeError):
    """Another run holds the warehouse."""


@dataclass(frozen=True)
class Holder:
    pid: int
    started: str
    host: str
    run_id: str | None
    since: str

    def describe(self) -> str:
        run = f" (Dagster run {self.run_id})" if self.run_id else ""
        return f"process {self.pid} on {self.host}{run}, running since {self.since}"


def _proc_start(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[19]
    except (OSError, IndexError):
        return ""


def _alive(holder: Holder) -> bool:
    if holder.host != socket.gethostname():
        return True  # cannot tell from here; trust it
    try:
        os.kill(holder.pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return _proc_start(holder.pid) == holder.started


def run_process_pid() -> int:
    """The process whose life the run's lock should follow: the run worker, not a step's child process."""
    return os.getppid() if multiprocessing.parent_process() is not None else os.getpid()


@contextmanager
def _guard(state_dir: Path):
    state_dir.mkdir(parents=True, exist_ok=True)
    with (state_dir / ".lock-guard").open("a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def current_holder(state_dir: Path) -> Holder | None:
    """The live holder of the lock, or None when it is free (a dead holder's lock counts as free)."""
    try:
        holder = Holder(**json.loads((state_dir / LOCK_NAME).read_text()))
    except (OSError, ValueError, TypeError):
        return None
    return holder if _alive(holder) else None


def acquire(state_dir: Path, run_id: str | None = None, pid: int | None = None) -> Holder:
    """Take the lock for `pid` (default: this run's process) or raise RunLocked naming the holder.

    Re-entrant: the same process taking it again just records the run id.
    """
    pid = pid or run_process_pid()
    with _guard(state_dir):
        holder = current_holder(state_dir)
        if holder is not None and not (holder.pid == pid and holder.host == socket.gethostname()):
            raise RunLocked(f"another run holds {state_dir}: {holder.describe()}; wait for it to finish "
                            "(or stop it) and try again")
        mine = Holder(pid=pid, started=_proc_start(pid), host=socket.gethostname(),
                      run_id=run_id or (holder.run_id if holder else None),
                      since=holder.since if holder else datetime.now(UTC).isoformat(timespec="seconds"))
        tmp = state_dir / f".{LOCK_NAME}.{os.getpid()}"
        tmp.write_text(json.dumps(mine.__dict__))
        os.replace(tmp, state_dir / LOCK_NAME)
        return mine


def release(state_dir: Path, pid: int | None = None) -> None:
    """Free the lock if `pid` (default: this run's process) holds it."""
    pid = pid or run_process_pid()
    with _guard(state_dir):
        holder = current_holder(state_dir)
        if holder is None or (holder.pid == pid and holder.host == socket.gethostname()):
            (state_dir / LOCK_NAME).unlink(missing_ok=True)
