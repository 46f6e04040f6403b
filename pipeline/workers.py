"""An optional pool of worker processes for per-document work: the scan's decoding and each batch's documents.

`make run` executes the Dagster job in one process, so it passes one worker per core (the `workers` setting) down to
the scan and the batch functions, which spread documents over this pool. Under Dagster's multiprocess, dask or
Kubernetes executors the batches themselves run in parallel and the default of one worker keeps each step
single-process.
"""
from __future__ import annotations

import atexit
import multiprocessing
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")
MIN_ITEMS_FOR_POOL = 16
_pool: ProcessPoolExecutor | None = None
_pool_size = 0


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


def map_documents(fn: Callable[[T], R], items: list[T], workers: int = 1) -> Iterator[R]:
    """`fn` over `items` in order, in this process or spread over `workers` processes (fn must be picklable)."""
    if workers <= 1 or len(items) < MIN_ITEMS_FOR_POOL:
        return map(fn, items)
    chunk = max(1, min(32, len(items) // (workers * 4)))
    return _get_pool(workers).map(fn, items, chunksize=chunk)

