"""An optional pool of worker processes for per-document work: the scan's decoding and each batch's documents.

`make run` executes the Dagster job in one process, so it passes one worker per core (the `workers` setting) down to
the scan and the batch functions, which spread documents over this pool. Under Dagster's multiprocess, dask or
Kubernetes executors the batches themselves run in parallel and the default of one worker keeps each step
single-process.

Workers die with the process that owns the pool, however it ends (SIGKILL included): each one watches its owner
through a pidfd and exits when it is gone, and asks the kernel for SIGKILL when its own parent (the forkserver)
dies. With the workers gone, the forkserver and the resource tracker see their pipes close and exit too.
"""
from __future__ import annotations

import atexit
import contextlib
import ctypes
import multiprocessing
import multiprocessing.forkserver
import os
import select
import signal
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

from .procs import process_start

T = TypeVar("T")
R = TypeVar("R")
MIN_ITEMS_FOR_POOL = 16
PRELOAD = ["pipeline.preload"]  # what the forkserver imports before it forks any worker
PR_SET_PDEATHSIG = 1
WATCH_INTERVAL = 1.0  # seconds between checks when the kernel has no pidfd
_pool: ProcessPoolExecutor | None = None
_pool_size = 0


def _die_with_parent() -> None:
    """Ask the kernel to SIGKILL this process when its parent dies (Linux; a no-op elsewhere)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


def _wait_for_exit(pid: int, started: str) -> None:
    """Return when process `pid` (started at `started`) has ended."""
    try:
        fd = os.pidfd_open(pid)
    except ProcessLookupError:
        return
    except (AttributeError, OSError):
        while process_start(pid) == started:
            time.sleep(WATCH_INTERVAL)
        return
    try:
        if process_start(pid) == started:
            select.select([fd], [], [])
    finally:
        os.close(fd)


def _watch_owner(pid: int, started: str) -> None:
    _wait_for_exit(pid, started)
    os._exit(1)


def init_worker(owner_pid: int, owner_started: str) -> None:
    """Pool worker initializer: die with the forkserver (PR_SET_PDEATHSIG) and with the pool's owner (a watch)."""
    _die_with_parent()
    threading.Thread(target=_watch_owner, args=(owner_pid, owner_started), name="owner-watch", daemon=True).start()


def _forkserver_context() -> multiprocessing.context.ForkServerContext:
    """The forkserver start method, set to load PRELOAD (no effect once the forkserver runs)."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context


def start_forkserver() -> None:
    """Start the pool's forkserver now: it loads PRELOAD in its own process while this one goes on with its
    start-up, so a pool made later forks workers that are ready at once. Without it the first pool starts it."""
    _forkserver_context()
    multiprocessing.forkserver.ensure_running()


def _get_pool(size: int) -> ProcessPoolExecutor:
    global _pool, _pool_size
    if _pool is None or _pool_size != size:
        shutdown()
        _pool = ProcessPoolExecutor(max_workers=size, mp_context=_forkserver_context(),
                                    initializer=init_worker, initargs=(os.getpid(), process_start(os.getpid())))
        _pool_size = size
    return _pool


def shutdown() -> None:
    global _pool
    if _pool is not None:
        _pool.shutdown(cancel_futures=True)
        _pool = None


atexit.register(shutdown)


def map_documents(fn: Callable[[T], R], items: list[T], workers: int = 1) -> Iterator[R]:
    """`fn` over `items` in order, in this process or spread over `workers` processes (fn must be picklable)."""
    if workers <= 1 or len(items) < MIN_ITEMS_FOR_POOL:
        return map(fn, items)
    chunk = max(1, min(32, len(items) // (workers * 4)))
    return _get_pool(workers).map(fn, items, chunksize=chunk)

