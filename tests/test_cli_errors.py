"""Every command prints one line with the cause and the fix for the usual mistakes, and exits non-zero."""
from __future__ import annotations

import os
import subprocess
import sys

import duckdb
import pytest

from tests.helpers import REPO, Workspace, news_page

pytestmark = pytest.mark.xdist_group("heavy")


def _cli(ws: Workspace, *args: str, **extra: str) -> subprocess.CompletedProcess:
    env = {**os.environ, **ws.env(), **extra}
    env.pop("DAGSTER_HOME", None)
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=300)


def test_no_sources_file(workspace: Workspace) -> None:
    out = _cli(workspace, "run")
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1 and "no sources file" in out.stderr and "CLAIMHOUSE_SOURCES" in out.stderr


def test_source_path_that_does_not_exist(workspace: Workspace) -> None:
    workspace.write_sources([{"name": "news", "kind": "files", "path": "not-here"}])
    out = _cli(workspace, "run")
    assert out.returncode == 2 and "source 'news'" in out.stderr and "enabled: false" in out.stderr


def test_bad_batch_size(workspace: Workspace) -> None:
    (workspace.folder("news") / "a.txt").write_text(news_page(0))
    workspace.write_sources([{"name": "news", "kind": "files", "path": "news"}])
    out = _cli(workspace, "run", CLAIMHOUSE_BATCH_SIZE="lots")
    assert out.returncode == 2 and "CLAIMHOUSE_BATCH_SIZE" in out.stderr and "unset it" in out.stderr


def test_sql_before_any_run(workspace: Workspace) -> None:
    out = _cli(workspace, "sql")
    assert out.returncode == 2 and "run `make run` first" in out.stderr


def test_sql_while_a_read_write_connection_holds_the_warehouse(workspace: Workspace) -> None:
    (workspace.folder("news") / "a.txt").write_text(news_page(0))
    workspace.write_sources([{"name": "news", "kind": "files", "path": "news"}])
    assert workspace.run().code == 0
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "print('open', flush=True); time.sleep(60)", str(workspace.warehouse)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        out = _cli(workspace, "sql")
        assert out.returncode == 2 and "open read-write in another process" in out.stderr
        assert "read-only" in out.stderr
    finally:
        holder.kill()
        holder.wait()


def test_make_sql_opens_a_read_only_shell(workspace: Workspace) -> None:
    (workspace.folder("news") / "a.txt").write_text(news_page(0))
    workspace.write_sources([{"name": "news", "kind": "files", "path": "news"}])
    assert workspace.run().code == 0
    out = subprocess.run(["make", "-s", "sql"], cwd=REPO, env={**os.environ, **workspace.env()},
                         input=".mode csv\nSELECT count(*) AS n FROM documents;\nCREATE TABLE mine (a INT);\n",
                         capture_output=True, text=True, timeout=120)
    assert out.stdout.split() == ["n", "1"]
    assert "read-only" in out.stderr.lower()
    assert duckdb.connect(str(workspace.warehouse), read_only=True).execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'mine'").fetchone() == (0,)


@pytest.mark.parametrize("value", ["abc", "0"])
def test_bad_worker_count(workspace: Workspace, value: str) -> None:
    (workspace.folder("news") / "a.txt").write_text(news_page(0))
    workspace.write_sources([{"name": "news", "kind": "files", "path": "news"}])
    out = _cli(workspace, "run", CLAIMHOUSE_WORKERS=value)
    assert out.returncode == 2 and out.stderr.count("\n") == 1
    assert f"CLAIMHOUSE_WORKERS={value!r} is not a positive whole number" in out.stderr


def test_warehouse_under_a_file(workspace: Workspace) -> None:
    (workspace.folder("news") / "a.txt").write_text(news_page(0))
    workspace.write_sources([{"name": "news", "kind": "files", "path": "news"}])
    (workspace.root / "plain-file").write_text("")
    out = _cli(workspace, "run", CLAIMHOUSE_WAREHOUSE=str(workspace.root / "plain-file" / "w.duckdb"))
    assert out.returncode == 2 and out.stderr.count("\n") == 1, out.stderr
    assert "plain-file is a file, not a folder" in out.stderr and "CLAIMHOUSE_WAREHOUSE" in out.stderr
