"""An optional pool of worker processes for per-document work: the scan's decoding and each batch's documents.

`make run` executes the Dagster job in one process, so it sets CLAIMHOUSE_WORKERS to the number of cores and the
scan and the batch functions spread documents over this pool. Under Dagster's multiprocess, Kubernetes or Celery
executors the batches themselves run in parallel and the default of one worker keeps each step single-process.
"""
from __future__ import annotations

import atexit
import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")
MIN_ITEMS_FOR_POOL = 16
_pool: ProcessPoolExecutor | None = None
_pool_size = 0


def worker_count() -> int:
    raw = os.environ.get("CLAIMHOUSE_WORKERS", "1")
    try:
        return max(1, int(raw))
    except ValueError:
        return 1


def _get_pool(size: int) -> ProcessPoolExecutor:
    global _pool, _pool_size
    if _pool is None or _pool_size != size:
        shutdown()
        _pool = ProcessPoolExecutor(max_workers=size, mp_context=multiprocessing.get_context("forkserver"))
        _pool_size = size
    return _pool


def shutdown() -> None:
    global _pool
    if _pool is not None:
        _pool.shutdown(cancel_futures=True)
        _pool = None


atexit.register(shutdown)


def map_documents(fn: Callable[[T], R], items: list[T], workers: int | None = None) -> Iterator[R]:
    """`fn` over `items` in order, in this process or spread over `workers` processes (fn must be picklable)."""
    workers = worker_count() if workers is None else workers
    if workers <= 1 or len(items) < MIN_ITEMS_FOR_POOL:
        return map(fn, items)
    chunk = max(1, min(32, len(items) // (workers * 4)))
    return _get_pool(workers).map(fn, items, chunksize=chunk)

