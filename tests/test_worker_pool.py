"""The worker pool forks its workers from a forkserver that has loaded the extractors (`pipeline/preload.py`), so
no worker loads them again on its first document."""
from __future__ import annotations

import subprocess
import sys

from pipeline.config import REPO_ROOT

SCRIPT = """
import os, sys
from pipeline import workers
from tests.test_worker_pool import loaded
if sys.argv[1] == "early":
    workers.start_forkserver()
seen = dict(workers.map_documents(loaded, list(range(64)), 2))
print(len(seen), all(seen.values()))
"""


def loaded(_: int) -> tuple[int, bool]:
    """This worker's pid, and whether the extractors were loaded before any document reached it."""
    import os
    import time

    time.sleep(0.02)  # long enough for both workers to take some
    batches = sys.modules.get("pipeline.batches")
    return os.getpid(), bool(batches is not None and batches._warm)


def test_workers_start_with_the_extractors_loaded() -> None:
    for start in ("early", "on_demand"):  # the CLI starts the forkserver early; the UI's runs make it on demand
        out = subprocess.run([sys.executable, "-c", SCRIPT, start], cwd=REPO_ROOT, capture_output=True, text=True,
                             timeout=120)
        assert out.returncode == 0, out.stderr
        assert out.stdout.split() == ["2", "True"], (start, out.stdout, out.stderr[-2000:])
