"""The Makefile's own messages: an error the CLI explains is not followed by make's "*** Error" line."""
from __future__ import annotations

import os
import subprocess

from tests.helpers import REPO, Workspace


def _make(ws: Workspace, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["make", *args], cwd=REPO, env={**os.environ, **ws.env()}, capture_output=True,
                          text=True, timeout=300)


def test_a_cli_error_is_one_line_and_make_adds_nothing(workspace: Workspace) -> None:
    out = _make(workspace, "run")  # no sources file in the workspace
    assert out.returncode != 0
    assert out.stderr.splitlines() == [next(x for x in out.stderr.splitlines() if "no sources file" in x)]
    assert "make:" not in out.stderr + out.stdout


def test_an_unfit_python_is_named_with_how_to_pick_another(workspace: Workspace) -> None:
    out = _make(workspace, "run", "PYTHON=no-such-python3")
    assert out.returncode != 0
    assert "'no-such-python3' is not found" in out.stderr and "make run PYTHON=python3.13" in out.stderr
    assert "make:" not in out.stderr + out.stdout
