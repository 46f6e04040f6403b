"""A per-document time budget for one stage: past it, the document's work is interrupted and the batch goes on.

SIGALRM interrupts Python code and the regular expression engine alike, so a pathological input cannot hold a
batch. It needs the main thread of its process, which is where documents run: in the pool workers of `make run`,
in the step process of Dagster's multiprocess executor, in the run worker of the in-process executor. Anywhere
else the budget is not enforced. Time inside one long C call (an lxml parse) is interrupted when that call returns.
"""
from __future__ import annotations

import contextlib
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

# frames where an OverBudget is already on its way out of the block: a repeated ring there would replace it before
# the block's exit disarms the alarm, and could land again after the caller caught the first one
_EXITING = frozenset({contextlib.__file__, __file__})

RING_AGAIN = 0.05  # seconds between repeated alarms once a document is over its budget


class OverBudget(BaseException):
    """The document took longer than its stage's budget (a BaseException, so `except Exception` cannot eat it)."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"over {seconds:g} s")
        self.seconds = seconds


def over_budget_message(seconds: float, stage: str) -> str:
    """The error row's text: what happened and what to do."""
    return (f"the document took over {seconds:g} s to {stage}; it is usually a pathological input (a very long "
            "run of one character, a huge table or list): look at the document, or raise CLAIMHOUSE_DOC_TIMEOUT "
            "if it is genuinely that large")


def _in_unraisable_hook(frame: FrameType | None) -> bool:
    """Whether a Python ``sys.unraisablehook`` (pytest's, a user's) is reporting an exception a finaliser swallowed:
    a ring there would break the report, not the document's work, which the next ring interrupts. Python's own
    hook is C code, which no ring interrupts."""
    hook = sys.unraisablehook
    code = getattr(getattr(hook, "func", hook), "__code__", None)  # a function, or a functools.partial of one
    while code is not None and frame is not None:
        if frame.f_code is code:
            return True
        frame = frame.f_back
    return False


def _enforceable() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise OverBudget inside the block once it has run `seconds` (None or 0: no budget)."""
    if not seconds or seconds <= 0 or not _enforceable():
        yield
        return

    def ring(signum: int, frame: FrameType | None) -> None:
        if frame is not None and frame.f_code.co_filename in _EXITING:
            return  # leaving the block: the next lines disarm the alarm
        if _in_unraisable_hook(frame):
            return  # reporting a ring a finaliser swallowed: the next ring lands after the report
        raise OverBudget(seconds)

    previous = signal.signal(signal.SIGALRM, ring)
    # the alarm repeats until the block ends: an exception raised where Python cannot propagate it (a garbage
    # collector's callback, a __del__) is only printed, so the next ring interrupts the document's own code
    signal.setitimer(signal.ITIMER_REAL, seconds, RING_AGAIN)
    try:
        yield
    finally:
        while True:  # a ring can still land while disarming: disarm again until it is done
            try:
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)
                break
            except OverBudget:
                continue
