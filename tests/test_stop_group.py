"""The helper that ends a served UI leaves nothing of its process group behind, however its children exit."""
from __future__ import annotations

import subprocess
import sys

from tests.helpers import group_members, stop_group

# A parent that ends on SIGTERM over a child that ignores it (as a Dagster code server waiting on its heartbeat).
_PARENT = """
import signal, subprocess, sys, time
subprocess.Popen([sys.executable, "-c", "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); "
                  "print('ready', flush=True); time.sleep(600)"], stdout=sys.stdout)
time.sleep(600)
"""


def test_a_child_that_ignores_sigterm_is_killed_with_its_group() -> None:
    proc = subprocess.Popen([sys.executable, "-c", _PARENT], stdout=subprocess.PIPE, text=True,
                            start_new_session=True)
    assert proc.stdout.readline().strip() == "ready"
    assert len(group_members(proc.pid)) == 2
    stop_group(proc, timeout=2)
    assert group_members(proc.pid) == []
