"""The Makefile's own messages: an error the CLI explains is not followed by make's "*** Error" line."""
from __future__ import annotations

import os
import signal
import subprocess

import pytest

from tests.browser import free_port, wait_http
from tests.helpers import REPO, Workspace, stop_group


def _make(ws: Workspace, *args: str, sigint: signal.Handlers = signal.SIG_DFL) -> subprocess.CompletedProcess:
    """make as a terminal starts it (Ctrl-C stops it), whatever this test process inherited; `sigint=SIG_IGN` as a
    background job of a non-interactive shell starts it."""
    return subprocess.run(["make", *args], cwd=REPO, env={**os.environ, **ws.env()}, capture_output=True,
                          text=True, timeout=300, preexec_fn=lambda: signal.signal(signal.SIGINT, sigint))


def test_a_cli_error_is_one_line_and_make_adds_nothing(workspace: Workspace) -> None:
    out = _make(workspace, "run")  # no sources file in the workspace
    assert out.returncode != 0
    assert out.stderr.splitlines() == [next(x for x in out.stderr.splitlines() if "no sources file" in x)]
    assert "make:" not in out.stderr + out.stdout


def test_where_make_ignores_ctrl_c_the_cli_status_is_passed_on(workspace: Workspace) -> None:
    out = _make(workspace, "run", sigint=signal.SIG_IGN)
    assert out.returncode == 2  # the CLI's own status; make then adds its usual line
    assert "no sources file" in out.stderr.splitlines()[0]


def test_an_unfit_python_is_named_with_how_to_pick_another(workspace: Workspace) -> None:
    out = _make(workspace, "run", "PYTHON=no-such-python3")
    assert out.returncode != 0
    assert "'no-such-python3' is not found" in out.stderr and "make run PYTHON=python3.13" in out.stderr
    assert "make:" not in out.stderr + out.stdout


@pytest.mark.xdist_group("heavy")
def test_make_ui_serves_without_warnings(seeds_workspace: Workspace, tmp_path) -> None:
    port, log = free_port(), tmp_path / "ui.log"
    env = {**os.environ, **seeds_workspace.env(), "DAGSTER_HOME": str(tmp_path / "home")}
    with log.open("w") as out:
        proc = subprocess.Popen(["make", "ui", f"UI_PORT={port}"], cwd=REPO, env=env, stdout=out,
                                stderr=subprocess.STDOUT, start_new_session=True)
    try:
        assert wait_http(f"http://127.0.0.1:{port}/server_info", 180), log.read_text()
        started = log.read_text()  # what a user sees while it serves (shutting down under load may warn)
    finally:
        stop_group(proc)
    assert "Serving dagster-webserver" in log.read_text()
    assert "Warning" not in started and "WARNING" not in started, started
    assert "nux:\n  enabled: false" in (tmp_path / "home" / "dagster.yaml").read_text()
