"""Progress of long runs: documents done / total and rate, to the run's log and to in-process listeners.

Steps call `Progress.update`; every step logs through Dagster. `make run` executes in-process and registers a
listener that draws a progress bar on a terminal (plain lines otherwise); other executors just log.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

Listener = Callable[[str, int, int], None]
_listeners: list[Listener] = []


def add_listener(listener: Listener) -> None:
    _listeners.append(listener)


def remove_listener(listener: Listener) -> None:
    if listener in _listeners:
        _listeners.remove(listener)


@dataclass
class Progress:
    """Counts one batch's documents through a stage; logs every `every` documents and at the end.

    Listeners get (stage, documents just done, documents the whole run has for this stage).
    """

    stage: str
    total: int
    run_total: int
    log: Callable[[str], None] | None = None
    label: str = ""
    every: int = 100
    done: int = 0
    started: float = field(default_factory=time.perf_counter)

    @property
    def rate(self) -> float:
        elapsed = time.perf_counter() - self.started
        return self.done / elapsed if elapsed > 0 else 0.0

    def update(self, n: int = 1) -> None:
        before = self.done
        self.done += n
        for listener in _listeners:
            listener(self.stage, n, self.run_total)
        if self.log and (self.done // self.every != before // self.every or self.done >= self.total):
            self.log(f"{self.stage}{self.label}: {self.done}/{self.total} documents ({self.rate:.0f}/s)")
