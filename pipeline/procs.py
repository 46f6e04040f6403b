"""Which processes are alive: a pid plus its kernel start time names one process for good (pids are reused)."""
from __future__ import annotations

import os
from pathlib import Path


def process_start(pid: int) -> str:
    """The kernel's start time of `pid` ("" when it is gone or unknown)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[19]
    except (OSError, IndexError):
        return ""


def pid_alive(pid: int, started: str | None = None) -> bool:
    """Is `pid` running (and, given `started`, still the process that started then)?"""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return started is None or process_start(pid) == started
